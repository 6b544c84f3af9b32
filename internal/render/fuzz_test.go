package render

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/mdlimit"
)

// The allocation budget of one conversion: allocBase bytes plus allocPerByte
// bytes per byte of Markdown. Calibrated on the seeds below and on the
// densest shapes mdlimit allows (budgetShapes, TestMarkdownBudget, run with
// -v to see the figures): prose costs some 15 to 40 bytes per byte; the
// worst shapes are those where every byte or two is a node of its own, a
// paragraph of "[" (about 750 bytes per "["), a line break every two bytes
// (about 400 per byte), emphasis (about 360). All stay under half the
// budget, so normal text passes with a wide margin, while a cost that grows
// faster than the input (a quadratic path of goldmark) or a large buffer
// per node fails: with bufio's default 4 KiB buffer per text node, which
// this target found, short lines cost 2,400 bytes per byte.
const (
	allocBase    = 64 << 10
	allocPerByte = 1500
	maxFuzzInput = 64 << 10
)

func fuzzSeeds() []string {
	return []string{
		"Un atelier régional sur les *services publics* de l'emploi, avec des [études de cas](https://example.org/).",
		"ورشة عمل إقليمية حول **خدمات التوظيف** العامة (OIC-PESNET, 2024-2026).",
		"- one\n- two\n  - nested\n\n1. first\n2. second\n\n> quote\n\n```go\nx := 1\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |",
		"[c](&#106;avascript:alert(3))",
		"[o](javascript&colon;alert(13))",
		"<javascript:alert(8)>",
		"[j](data:image/png;base64,AAAA)",
		"![i](data:image/png;base64,AAAA)",
		"[r][x]\n\n[x]: &#106;avascript:alert(1)",
		"[x]\n\n[x]: https://example.org/ \"title\"",
		"[a](/fr/ \"T&eacute;l&#x202E;\")",
		"a&#x202E;b&#8238;c&#x2066;d&#x200F;e&#128;f&#x85;g",
		"```&#x202E;go\nx\n```",
		"<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>",
		"<a href=\"javascript:alert(1)\">x</a> <iframe src=x></iframe>",
		"[t](<java\tscript:alert(1)>) [p](%6Aavascript:alert(1)) [e](javascript\\:alert(1))",
		"<info@example.org> <https://example.org/> <mailto:x@y>",
		"a  \nb\\\nc",
	}
}

// FuzzMarkdown renders any Markdown that mdlimit accepts, in both writing
// directions, and checks that the HTML
//
//   - has no live dangerous address: no href, src, action or formaction
//     starting with javascript:, vbscript: or data: (read as a browser
//     does: trimmed, without tabs and line breaks, in any case), no on*
//     attribute and no script, iframe, object, embed or style element;
//   - has no bidirectional control (U+202A–U+202E, U+2066–U+2069) and no C0
//     or C1 control other than tab and line feed;
//   - was produced within the allocation budget (allocBase + allocPerByte
//     bytes per input byte).
func FuzzMarkdown(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	ltr, rtl := newMarkdown(false), newMarkdown(true)
	warmUp(ltr, rtl)
	f.Fuzz(func(t *testing.T, src string) {
		// Only what the loader accepts reaches the renderer: Markdown
		// limits (mdlimit) and nesting (content.TooDeep; a 600-deep quote
		// found by an hour's fuzzing was only refused by the loader).
		if len(src) > maxFuzzInput || !utf8.ValidString(src) || len(mdlimit.Check([]byte(src))) > 0 || content.TooDeep([]byte(src)) >= 0 {
			return
		}
		for _, md := range []goldmark.Markdown{ltr, rtl} {
			out, alloc := convertMeasured(t, md, []byte(src))
			if bad := unsafeHTML(out); bad != "" {
				t.Errorf("%q\nrenders %s:\n%s", src, bad, out)
			}
			if i := bytes.IndexFunc(out, forbidden); i >= 0 {
				r, _ := utf8.DecodeRune(out[i:])
				t.Errorf("%q\nrenders %U at byte %d:\n%q", src, r, i, out)
			}
			if budget := allocBase + allocPerByte*uint64(len(src)); alloc > budget {
				t.Errorf("%d bytes of Markdown allocated %d bytes (%d per byte), over the budget of %d", len(src), alloc, alloc/uint64(max(1, len(src))), budget)
			}
		}
	})
}

// convertMeasured converts src and returns the HTML and the bytes allocated
// by the conversion (the process's total, which the fuzz worker does not
// otherwise use while one input runs).
func convertMeasured(t *testing.T, md goldmark.Markdown, src []byte) ([]byte, uint64) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out, err := toHTML(md, src)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	return out, after.TotalAlloc - before.TotalAlloc
}

func forbidden(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r == 0x7F || r >= 0x80 && r < 0xA0 ||
		r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// unsafeHTML parses out as a browser would (as a fragment of a body) and
// describes its first dangerous element or attribute, or returns "".
func unsafeHTML(out []byte) string {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(bytes.NewReader(out), body)
	if err != nil {
		return "unparsable HTML: " + err.Error()
	}
	var bad string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if bad != "" {
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "iframe", "object", "embed", "style":
				bad = fmt.Sprintf("a <%s> element", n.Data)
				return
			}
			for _, a := range n.Attr {
				name := strings.ToLower(a.Key)
				if strings.HasPrefix(name, "on") {
					bad = fmt.Sprintf("an event attribute %s=%q", a.Key, a.Val)
					return
				}
				switch name {
				case "href", "src", "action", "formaction":
					v := strings.ToLower(strings.Map(func(r rune) rune {
						if r == '\t' || r == '\n' || r == '\r' {
							return -1
						}
						return r
					}, strings.TrimFunc(a.Val, func(r rune) bool { return r <= ' ' })))
					for _, scheme := range []string{"javascript:", "vbscript:", "data:"} {
						if strings.HasPrefix(v, scheme) {
							bad = fmt.Sprintf("a live %s=%q", a.Key, a.Val)
							return
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return bad
}

// budgetShapes are Markdown texts as dense in costly constructs as mdlimit
// allows (after internal/mdlimit's shapes), each paragraph at the limit.
func budgetShapes() map[string]string {
	para := func(p string, n int) string { return strings.Repeat(p+"\n\n", n) }
	return map[string]string{
		"prose":            strings.Repeat("Un atelier régional sur les services publics de l'emploi, avec des études de cas. ", 800),
		"line breaks":      strings.Repeat("a\n", 32<<10),
		"hard line breaks": strings.Repeat("a\\\n", 16<<10),
		"escapes":          strings.Repeat("\\*a", 16<<10),
		"references":       strings.Repeat("&amp;a", 8<<10),
		"emphasis":         para(strings.Repeat("*a* _b_ **c** ", mdlimit.MaxEmphasis/6), mdlimit.PerFile),
		"emphasis *a_":     para(strings.Repeat("*a_", mdlimit.MaxEmphasis/2), mdlimit.PerFile),
		"links":            para(strings.Repeat("[a](https://example.org/) ", mdlimit.MaxBrackets), mdlimit.PerFile),
		"link openers":     para(strings.Repeat("[a](", mdlimit.MaxBrackets)+strings.Repeat("x", 4000), mdlimit.PerFile),
		"brackets":         para(strings.Repeat("[", mdlimit.MaxBrackets), mdlimit.PerFile),
		"autolinks":        para(strings.Repeat("<http:", mdlimit.MaxAngles)+strings.Repeat("x", 4000), mdlimit.PerFile),
		"list":             strings.Repeat("- item\n", 8<<10),
		"rtl words":        strings.Repeat("ورشة OIC-PESNET عمل ", 2<<10),
	}
}

// warmUp converts once what makes goldmark and package html build their
// tables (character references, above all): a first conversion allocates
// some 200 KB that no later one does.
func warmUp(mds ...goldmark.Markdown) {
	for _, md := range mds {
		_, _ = toHTML(md, []byte("warm *up* [x](/ \"&eacute;\") &amp; &colon; &#1; <x@y.z> <https://x>\n\n[r]: /\n\n- a\n\n> b\n\n```go\nc\n```"))
	}
}

// TestMarkdownBudget calibrates the allocation budget: every seed and
// shape must stay well within it (under half), so that the fuzz target
// fails only on a cost out of proportion to the input.
func TestMarkdownBudget(t *testing.T) {
	md := map[bool]goldmark.Markdown{false: newMarkdown(false), true: newMarkdown(true)}
	warmUp(md[false], md[true])
	inputs := budgetShapes()
	for i, s := range fuzzSeeds() {
		inputs[fmt.Sprint("seed ", i)] = s
	}
	for name, src := range inputs {
		if p := mdlimit.Check([]byte(src)); len(p) > 0 {
			t.Errorf("%s: refused by mdlimit: %v", name, p[0])
			continue
		}
		for _, rtl := range []bool{false, true} {
			_, alloc := convertMeasured(t, md[rtl], []byte(src))
			budget := allocBase + allocPerByte*uint64(len(src))
			if testing.Verbose() {
				t.Logf("%-18s rtl=%-5v %7d bytes: %9d allocated, %5d per byte, %3d%% of the budget", name, rtl, len(src), alloc, alloc/uint64(max(1, len(src))), 100*alloc/budget)
			}
			if alloc > budget/2 {
				t.Errorf("%s (rtl %v): %d bytes allocated %d, over half the budget %d", name, rtl, len(src), alloc, budget)
			}
		}
	}
}
