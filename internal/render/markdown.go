package render

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/oic-pesnet/workplan/internal/policy"
	"github.com/oic-pesnet/workplan/internal/typo"
)

// newMarkdown returns the converter for one writing direction. Raw HTML in
// content is never passed through (goldmark's default: it is replaced by a
// comment). Links, images and autolinks are judged by package policy on
// their decoded destination, and text on its decoded characters (safeLinks,
// bidiText). In right-to-left text, Latin runs are isolated with <bdi>.
// set, when given, sets the typography of the text's language on each run
// of text (l10n.Typesetter: French), never on code, addresses or
// attributes.
func newMarkdown(rtl bool, set ...func(string) string) goldmark.Markdown {
	t := &bidiText{rtl: rtl, set: func(s string) string { return s }}
	if len(set) > 0 && set[0] != nil {
		t.set = set[0]
	}
	opts := []renderer.Option{renderer.WithNodeRenderers(
		util.Prioritized(&safeLinks{}, 100),
		util.Prioritized(t, 100),
	)}
	return goldmark.New(goldmark.WithRendererOptions(append(opts, html.WithXHTML())...),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(typo.MergeText{}, 100))))
}

// bidiText renders text nodes through isolate: Latin runs isolated in
// right-to-left text, hyphenated names kept on one line in all, and the
// language's typography set.
type bidiText struct {
	rtl bool
	set func(string) string
}

func (r *bidiText) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, r.renderText)
}

func (r *bidiText) renderText(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	_, _ = w.WriteString(string(isolate(r.set(decodeText(n.Segment.Value(source))), r.rtl)))
	switch {
	case n.HardLineBreak():
		_, _ = w.WriteString("<br />\n")
	case n.SoftLineBreak():
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

// decodeText resolves the backslash escapes and character references of
// Markdown text as goldmark does, and passes the result through the text
// policy: "&#x202E;" must not bring back what the file check refused.
func decodeText(b []byte) string {
	var buf bytes.Buffer
	// A small buffer: this runs once per text node (every line of a
	// paragraph is one), and bufio's default of 4 KiB made a text of short
	// lines allocate 2 KiB per byte (FuzzMarkdown's budget).
	bw := bufio.NewWriterSize(&buf, 64)
	html.DefaultWriter.Write(bw, b)
	_ = bw.Flush()
	return policy.Text(stdhtml.UnescapeString(buf.String()))
}

// decodeDestination resolves a link destination exactly as goldmark's
// util.URLEscape(dest, true) would before writing it, so that the policy
// judges the address that would have been published.
func decodeDestination(b []byte) string {
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(b))))
}

// href returns a destination allowed by the policy, escaped for an HTML
// attribute, or false.
func href(dest string) ([]byte, bool) {
	u, ok := policy.URL(dest)
	if !ok {
		return nil, false
	}
	return util.EscapeHTML(util.URLEscape([]byte(u), false)), true
}

// toHTML converts Markdown to HTML. The text policy is applied once more to
// the whole result: goldmark also decodes character references where this
// package does not render the node itself (the info string of a fenced
// code block, say), and the HTML it writes never encodes a character as a
// reference, so every decoded character is visible here.
func toHTML(md goldmark.Markdown, src []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := md.Convert(src, &buf); err != nil {
		return nil, err
	}
	return []byte(policy.Text(buf.String())), nil
}

// safeLinks renders links, images and autolinks whose destination the URL
// policy refuses (javascript:, vbscript:, data:, file:, any scheme but
// http, https and mailto, also when disguised by character references,
// escapes, tabs or case) as their text only. goldmark alone would judge
// the address before decoding it, and keep the element with an empty
// address: a link to the page itself, or a broken image.
type safeLinks struct{}

func (r *safeLinks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
}

func (r *safeLinks) renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	u, ok := href(decodeDestination(n.Destination))
	if !ok {
		return ast.WalkContinue, nil // children (the link text) render as usual
	}
	if entering {
		_, _ = w.WriteString(`<a href="`)
		_, _ = w.Write(u)
		_ = w.WriteByte('"')
		if n.Title != nil {
			_, _ = w.WriteString(` title="`)
			_, _ = w.WriteString(stdhtml.EscapeString(decodeText(n.Title)))
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
	alt := stdhtml.EscapeString(altText(n, source))
	u, ok := href(decodeDestination(n.Destination))
	if !ok {
		_, _ = w.WriteString(alt)
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(u)
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.WriteString(alt)
	_, _ = w.WriteString(`" />`)
	return ast.WalkSkipChildren, nil
}

// renderAutoLink renders <https://…> and <name@example.org>. Their text is
// taken literally (CommonMark resolves no references in autolinks).
func (r *safeLinks) renderAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	label := stdhtml.EscapeString(policy.Text(string(n.Label(source))))
	dest := string(n.URL(source))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
		dest = "mailto:" + dest
	}
	u, ok := href(dest)
	if !ok {
		_, _ = w.WriteString(label)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(u)
	_, _ = w.WriteString(`">`)
	_, _ = w.WriteString(label)
	_, _ = w.WriteString(`</a>`)
	return ast.WalkContinue, nil
}

// altText is the decoded text of an image's description.
func altText(n ast.Node, source []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(source))
		}
		return ast.WalkContinue, nil
	})
	return decodeText(b.Bytes())
}
