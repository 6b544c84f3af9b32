package render

import (
	"bufio"
	"bytes"
	stdhtml "html"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// newMarkdown returns the converter for one writing direction. Raw HTML in
// content is never passed through (goldmark's default: it is replaced by a
// comment) and dangerous link schemes (javascript:, vbscript:, data: other
// than images) are dropped by goldmark's safe mode. In right-to-left text,
// Latin runs are isolated with <bdi>.
func newMarkdown(rtl bool) goldmark.Markdown {
	opts := []renderer.Option{}
	if rtl {
		opts = append(opts, renderer.WithNodeRenderers(util.Prioritized(&bidiText{}, 100)))
	}
	return goldmark.New(goldmark.WithRendererOptions(append(opts, html.WithXHTML())...))
}

// bidiText renders text nodes with their Latin runs isolated.
type bidiText struct{}

func (r *bidiText) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, r.renderText)
}

func (r *bidiText) renderText(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	// Let goldmark resolve backslash escapes and entities, then take the
	// plain text back and isolate it (isolate escapes it again).
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	html.DefaultWriter.Write(bw, n.Segment.Value(source))
	_ = bw.Flush()
	_, _ = w.WriteString(string(isolate(stdhtml.UnescapeString(buf.String()), true)))
	switch {
	case n.HardLineBreak():
		_, _ = w.WriteString("<br />\n")
	case n.SoftLineBreak():
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

// toHTML converts Markdown to HTML.
func toHTML(md goldmark.Markdown, src []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := md.Convert(src, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
