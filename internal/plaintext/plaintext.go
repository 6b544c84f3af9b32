// Package plaintext turns the Markdown of a description into plain text for
// places that must not carry markup: calendar feeds, JSON for embedders,
// CSV, meta descriptions.
//
// Paragraphs are separated by a blank line, list items start with "- " (or
// "1. " in ordered lists) on their own line, emphasis and links keep their
// text only (a link's address is dropped: it is not the reader's text), and
// raw HTML is dropped entirely. The result has no trailing newline and
// has passed policy.Text: a character reference such as "&#x202E;" cannot
// bring back a control or bidirectional override that the file check
// refuses.
package plaintext

import (
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/policy"
	"github.com/oic-pesnet/workplan/internal/typo"
)

// Converter holds a Markdown parser; make one per build and reuse it.
// It is safe for concurrent use.
type Converter struct {
	md    goldmark.Markdown
	known sync.Map // key → string: texts already converted (Cached)
}

// New returns a converter.
func New() *Converter {
	return &Converter{md: goldmark.New(goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(typo.MergeText{}, 100))))}
}

// Cached returns the plain text of the Markdown held by key, written in
// lang, converting src only the first time: one description is wanted by
// several feeds and documents of a build. key must identify src for the
// converter's life (a loaded text, which is never modified).
func (c *Converter) Cached(key any, lang string, src []byte) string {
	if s, ok := c.known.Load(key); ok {
		return s.(string)
	}
	s := c.TextIn(lang, src)
	c.known.Store(key, s)
	return s
}

// Text returns the plain text of Markdown src, with no typography set.
func (c *Converter) Text(src []byte) string {
	return c.convert(src, func(s string) string { return s })
}

// TextIn returns the plain text of Markdown src written in lang, with
// lang's typography set on its text (French: package typo), never on code.
func (c *Converter) TextIn(lang string, src []byte) string {
	return c.convert(src, l10n.Typesetter(lang))
}

func (c *Converter) convert(src []byte, set func(string) string) string {
	doc := c.md.Parser().Parse(text.NewReader(src))
	var blocks []string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		// Sanitized before trimming: a removed control character must not
		// leave the white space it separated at an end ("\x10 0").
		if s := strings.TrimSpace(policy.Text(block(n, src, "", set))); s != "" {
			blocks = append(blocks, s)
		}
	}
	return strings.Join(blocks, "\n\n")
}

func block(n ast.Node, src []byte, indent string, set func(string) string) string {
	switch n := n.(type) {
	case *ast.List:
		var items []string
		i := n.Start
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			marker := "- "
			if n.IsOrdered() {
				marker = strconv.Itoa(i) + ". "
				i++
			}
			items = append(items, indent+marker+strings.TrimSpace(children(it, src, indent+"  ", set)))
		}
		return strings.Join(items, "\n")
	case *ast.HTMLBlock, *ast.ThematicBreak:
		return ""
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b strings.Builder
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(src))
		}
		return strings.TrimRight(b.String(), "\n")
	}
	if n.Type() == ast.TypeBlock && n.HasChildren() && n.FirstChild().Type() == ast.TypeBlock {
		return children(n, src, indent, set)
	}
	return inline(n, src, set)
}

// children joins the blocks of a container (list item, block quote).
func children(n ast.Node, src []byte, indent string, set func(string) string) string {
	var parts []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := block(c, src, indent, set); strings.TrimSpace(s) != "" {
			parts = append(parts, strings.TrimRight(s, " \n"))
		}
	}
	return strings.Join(parts, "\n")
}

// inline concatenates the text of an inline subtree.
func inline(n ast.Node, src []byte, set func(string) string) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			v := c.Segment.Value(src)
			b.WriteString(set(string(util.UnescapePunctuations(util.ResolveEntityNames(util.ResolveNumericReferences(v))))))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok {
					b.Write(s.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(c.Label(src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return collapse(b.String())
}

// collapse joins the words of s with single spaces. White space and line
// breaks separate words, but not the no-break spaces (U+00A0, U+202F,
// U+2007) that typography set.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
	}), " ")
}
