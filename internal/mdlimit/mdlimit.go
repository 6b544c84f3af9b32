// Package mdlimit refuses Markdown that would take the parser (goldmark)
// time or memory out of proportion to its size, before any parser sees it.
//
// goldmark is fast on text people write, but some shapes make it
// quadratic: many emphasis delimiters that cannot pair ("*a_" repeated:
// 64 KB took 6.6 s), many link openers whose destination or title is
// searched to the end of the line or paragraph ("[a](", "![a](", "[a](<b",
// "[a](b (", "[" then "]", consecutive reference definitions: 1 MiB took
// 20 s and more), many code span openers of different lengths, many "<"
// autolink openers on one line. Each of these costs at most (number of
// such openers in a paragraph) × (length of the paragraph), and nothing
// in a paragraph can reach past a blank line. So Check bounds the openers
// of each kind in every run of lines between blank lines (a paragraph, or
// a tight list, counted as one: a slight over-count that only makes the
// check stricter), which keeps every input within the 1 MiB file limit in
// time and memory linear in its size (see the benchmarks).
//
// Even within those bounds goldmark allocates some 200 to 450 bytes per
// opener, so a whole file of them (1 MiB of "[" in paragraphs of 100) would
// still cost half a gigabyte: Check also bounds the openers of each kind in
// the whole file, to ten paragraphs' worth.
//
// The limits are far above what a text of the work plan holds (a handful
// of links and emphases) and the messages say how to fix the text.
// Check is a pure function over the body of a text file.
package mdlimit

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// The limits per paragraph (run of lines between blank lines).
const (
	// MaxBrackets bounds "[" (links, images, reference definitions).
	MaxBrackets = 100
	// MaxAngles bounds "<" (autolinks, raw HTML).
	MaxAngles = 100
	// MaxEmphasis bounds runs of "*" or "_" that can open or close emphasis.
	MaxEmphasis = 200
	// MaxBackticks bounds runs of "`" (code spans and fences).
	MaxBackticks = 100
	// PerFile is how many paragraphs at the limits a file may hold: the
	// bound of each kind in a whole file is PerFile times its bound per
	// paragraph.
	PerFile = 10
)

// Problem is one paragraph over a limit, at the first character beyond it.
// Line and Col are 1-based; Line counts in the body, Col in characters.
type Problem struct {
	Line, Col int
	Message   string
}

type kind struct {
	limit int
	what  string // what the count is, in the message
	fix   string // how to write the character when it is meant literally
}

var kinds = [...]kind{
	{MaxBrackets, `"[" (links, images, reference definitions)`, `write a bracket that is not a link as \[`},
	{MaxAngles, `"<" (autolinks, HTML)`, `write a "<" that is not a link as \<`},
	{MaxEmphasis, `"*" or "_" marks (emphasis)`, `write a literal star or underscore as \* or \_`},
	{MaxBackticks, "runs of \"`\" (code)", "write a literal backtick as \\`"},
}

const (
	brackets = iota
	angles
	emphasis
	backticks
)

// Check returns one problem per paragraph and kind of opener over its
// limit, and one per kind over its limit in the whole text, in the order
// of the text.
func Check(body []byte) []Problem {
	var out []Problem
	var count, total [len(kinds)]int
	line, lineStart := 1, 0
	blank := true // the current line has only white space so far
	hit := func(k, off int) {
		count[k]++
		total[k]++
		pos := func() (int, int) { return line, 1 + utf8.RuneCount(body[lineStart:off]) }
		switch {
		case count[k] == kinds[k].limit+1:
			l, c := pos()
			out = append(out, Problem{Line: l, Col: c,
				Message: fmt.Sprintf("this paragraph has more than %d %s, which makes Markdown slow to convert: split the paragraph with a blank line, or %s", kinds[k].limit, kinds[k].what, kinds[k].fix)})
		case total[k] == PerFile*kinds[k].limit+1:
			l, c := pos()
			out = append(out, Problem{Line: l, Col: c,
				Message: fmt.Sprintf("this text has more than %d %s in all, far more than a description needs, which makes Markdown slow to convert: check that it was pasted as intended, and %s", PerFile*kinds[k].limit, kinds[k].what, kinds[k].fix)})
		}
	}
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == '\n':
			if blank {
				count = [len(kinds)]int{} // a blank line ends every paragraph
			}
			line, lineStart, blank = line+1, i+1, true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		}
		blank = false
		switch c {
		case '\\':
			if i+1 < len(body) && isPunct(body[i+1]) {
				i += 2
				continue
			}
		case '[':
			hit(brackets, i)
		case '<':
			hit(angles, i)
		case '`':
			hit(backticks, i)
			i = runEnd(body, i)
			continue
		case '*', '_':
			end := runEnd(body, i)
			if delimiter(body, i, end) {
				hit(emphasis, i)
			}
			i = end
			continue
		}
		i++
	}
	return out
}

// runEnd returns the end of the run of body[i] starting at i.
func runEnd(body []byte, i int) int {
	j := i + 1
	for j < len(body) && body[j] == body[i] {
		j++
	}
	return j
}

// delimiter reports whether the run body[i:end] of "*" or "_" may open or
// close emphasis (CommonMark's flanking rules, simplified in the strict
// direction): not when white space is on both sides (a list marker, a
// thematic break, "5 * 3"), nor "_" between two letters or digits
// ("snake_case").
func delimiter(body []byte, i, end int) bool {
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRune(body[:i])
	}
	if end < len(body) {
		after, _ = utf8.DecodeRune(body[end:])
	}
	if unicode.IsSpace(before) && unicode.IsSpace(after) {
		return false
	}
	if body[i] == '_' && alnum(before) && alnum(after) {
		return false
	}
	return true
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isPunct reports whether c is ASCII punctuation, which a backslash escapes.
func isPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// Report adds the problems of a text's body to problems, at their place in
// file; firstLine is the file line of the body's first line.
func Report(file string, body []byte, firstLine int, problems *diag.List) {
	for _, p := range Check(body) {
		problems.Errorf(file, diag.Pos{Line: firstLine + p.Line - 1, Col: p.Col}, "%s", p.Message)
	}
}
