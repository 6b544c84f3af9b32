package typo

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// MergeText joins the text nodes that goldmark leaves side by side over
// contiguous source ("Attention " and "!" after an exclamation mark that
// starts no image), so that a run of text is set, isolated and decoded as
// one: French typography needs the space before the mark and the mark.
type MergeText struct{}

// Transform merges the text nodes of doc.
func (MergeText) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		for c := n.FirstChild(); c != nil; {
			t, ok := c.(*ast.Text)
			next, ok2 := c.NextSibling().(*ast.Text)
			if ok && ok2 && !t.SoftLineBreak() && !t.HardLineBreak() && !t.IsRaw() && !next.IsRaw() && t.Segment.Stop == next.Segment.Start {
				t.Segment = t.Segment.WithStop(next.Segment.Stop)
				t.SetSoftLineBreak(next.SoftLineBreak())
				t.SetHardLineBreak(next.HardLineBreak())
				n.RemoveChild(n, next)
				continue
			}
			c = c.NextSibling()
		}
		return ast.WalkContinue, nil
	})
}
