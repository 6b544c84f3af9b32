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
	opts := []renderer.Option{renderer.WithNodeRenderers(
		util.Prioritized(&safeLinks{}, 100),
		util.Prioritized(&bidiText{rtl: rtl}, 100),
	)}
	return goldmark.New(goldmark.WithRendererOptions(append(opts, html.WithXHTML())...))
}

// bidiText renders text nodes through isolate: Latin runs isolated in
// right-to-left text, hyphenated names kept on one line in all.
type bidiText struct{ rtl bool }

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
	_, _ = w.WriteString(string(isolate(stdhtml.UnescapeString(buf.String()), r.rtl)))
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

// safeLinks renders links and images whose address is dangerous
// (javascript:, vbscript:, file:, data: except images) as their text only.
// goldmark alone would keep the element with an empty address: a link to
// the page itself, or a broken image.
type safeLinks struct{}

func (r *safeLinks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
}

func (r *safeLinks) renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if html.IsDangerousURL(n.Destination) {
		return ast.WalkContinue, nil // children (the link text) render as usual
	}
	if entering {
		_, _ = w.WriteString(`<a href="`)
		_, _ = w.Write(util.EscapeHTML(util.URLEscape(n.Destination, true)))
		_ = w.WriteByte('"')
		if n.Title != nil {
			_, _ = w.WriteString(` title="`)
			_, _ = w.Write(util.EscapeHTML(n.Title))
			_ = w.WriteByte('"')
		}
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}

func (r *safeLinks) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	if html.IsDangerousURL(n.Destination) {
		_, _ = w.Write(util.EscapeHTML(altText(n, source)))
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(n.Destination, true)))
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML(altText(n, source)))
	_, _ = w.WriteString(`" />`)
	return ast.WalkSkipChildren, nil
}

func altText(n ast.Node, source []byte) []byte {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(source))
		}
		return ast.WalkContinue, nil
	})
	return b.Bytes()
}
