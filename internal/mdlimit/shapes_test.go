package mdlimit

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

// A shape is a Markdown text known to slow goldmark down, written as densely
// as Check allows: each paragraph holds as many openers of its kind as the
// limit permits, then (for the shapes whose cost is openers × length) a long
// tail that every opener searches through. raw is the unbounded shape, as
// the red team sent it.
type shape struct {
	name      string
	paragraph func(n int) string // one paragraph at the limit, n bytes long or more
	raw       string             // repeated without limit (refused by Check)
}

var shapes = []shape{
	// Baselines: what people write, as densely as possible, for comparison.
	{"baseline prose", func(int) string {
		return strings.Repeat("Un atelier régional sur les services publics de l'emploi, avec des études de cas. ", 10)
	}, ""},
	{"baseline emphasis", func(int) string { return strings.Repeat("*a* _b_ **c** ", MaxEmphasis/6) }, ""},
	{"baseline links", func(int) string { return strings.Repeat("[a](https://example.org/) ", MaxBrackets) }, ""},

	{"emphasis *a_", func(int) string { return strings.Repeat("*a_", MaxEmphasis/2) }, "*a_"},
	{"emphasis **a", func(int) string { return strings.Repeat("**a", MaxEmphasis) }, "**a"},
	{"link openers [a](", func(n int) string { return strings.Repeat("[a](", MaxBrackets) + tail(n, "x") }, "[a]("},
	{"image openers ![a](", func(n int) string { return strings.Repeat("![a](", MaxBrackets) + tail(n, "x") }, "![a]("},
	{"angle destinations [a](<b", func(n int) string { return strings.Repeat("[a](<b", MaxBrackets) + tail(n, "x") }, "[a](<b"},
	{"unclosed titles [a](b (", func(n int) string { return strings.Repeat("[a](b (\n", MaxBrackets) + tail(n, "x\n") }, "[a](b (\n"},
	{"brackets [", func(int) string { return strings.Repeat("[", MaxBrackets) }, "["},
	{"brackets [ then ]", func(n int) string { return strings.Repeat("[", MaxBrackets) + tail(n, "]") }, "[[]]"},
	{"reference definitions", func(int) string {
		var b strings.Builder
		for i := range MaxBrackets {
			fmt.Fprintf(&b, "[r%d]: /x\n", i)
		}
		return b.String()
	}, ""},
	{"autolink openers <http:", func(n int) string { return strings.Repeat("<http:", MaxAngles) + tail(n, "x") }, "<http:"},
	{"code spans of growing length", func(n int) string {
		var b strings.Builder
		for i := range MaxBackticks {
			b.WriteString(strings.Repeat("`", i+1) + " ")
		}
		return b.String() + tail(n, "x ")
	}, ""},
}

// tail is s repeated to about n bytes.
func tail(n int, s string) string { return strings.Repeat(s, max(1, n/len(s))) }

// filler is a paragraph of prose.
var filler = strings.Repeat("Un atelier régional sur les services publics de l'emploi, avec des études de cas. ", 10) + "\n\n"

// input is size bytes of the shape as Check allows it: PerFile paragraphs
// at the limits, each about para bytes long, then prose.
func (s shape) input(size, para int) []byte {
	p := s.paragraph(para) + "\n\n"
	n := max(1, size/len(p))
	if !strings.HasPrefix(s.name, "baseline prose") {
		n = min(n, PerFile)
	}
	b := []byte(strings.Repeat(p, n))
	for len(b) < size {
		b = append(b, filler...)
	}
	return b
}

// rawInput is the unbounded shape repeated to size bytes, on one line.
func (s shape) rawInput(size int) []byte {
	if s.name == "reference definitions" {
		var b bytes.Buffer
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, "[r%d]: /x\n", i)
		}
		return b.Bytes()
	}
	if s.raw == "" {
		return nil
	}
	return []byte(strings.Repeat(s.raw, size/len(s.raw)))
}

// convert parses and renders src as the site does (HTML output discarded).
func convert(md goldmark.Markdown, src []byte) {
	doc := md.Parser().Parse(text.NewReader(src))
	_ = md.Renderer().Render(io.Discard, src, doc)
}
