package content

import (
	"bytes"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"github.com/goccy/go-yaml/ast"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// source is one file read and normalized: UTF-8 checked, byte-order mark
// dropped, Windows line endings turned into "\n" (line numbers are unchanged).
type source struct {
	file string // display path, e.g. "content/activities/x/index.fr.md"
	data []byte
}

func readSource(file string, raw []byte, problems *diag.List) (*source, bool) {
	raw = bytes.TrimPrefix(raw, []byte("\uFEFF"))
	if !checkEncoding(file, raw, problems) {
		return nil, false
	}
	raw = bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
	if off, r, ok := forbiddenRune(raw); ok {
		problems.Errorf(file, posOf(raw, off), "invisible control character %U (%s) in the text: delete it; it can hide or reorder what readers see on the site, in calendars and in other websites", r, controlName(r))
		return nil, false
	}
	return &source{file: file, data: raw}, true
}

// forbiddenRune finds the first control character that has no place in
// content: C0 and C1 controls other than tab and line breaks, and the
// Unicode bidirectional embeddings, overrides and isolates, which can make
// text display in an order other than the one it is read in ("Trojan
// Source"). The marks U+200E and U+200F, which Arabic text may need, are
// allowed.
func forbiddenRune(b []byte) (int, rune, bool) {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F),
			r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			return i, r, true
		}
		i += n
	}
	return 0, 0, false
}

func controlName(r rune) string {
	names := map[rune]string{
		0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING", 0x202C: "POP DIRECTIONAL FORMATTING",
		0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x2066: "LEFT-TO-RIGHT ISOLATE",
		0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
	}
	if n, ok := names[r]; ok {
		return n
	}
	return "control character"
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// posOf converts a byte offset into a 1-based line and a 1-based column
// counted in characters (what an editor shows).
func posOf(b []byte, off int) diag.Pos {
	off = min(off, len(b))
	line := 1 + bytes.Count(b[:off], []byte("\n"))
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return diag.Pos{Line: line, Col: 1 + utf8.RuneCount(b[start:off])}
}

// document is a Markdown file split into its YAML front matter (parsed) and
// its body. Lines of both are counted in the file itself: fmLine is the
// file line of the first front matter line, bodyLine that of the first body
// line.
type document struct {
	fm       ast.Node
	fmLine   int
	body     []byte
	bodyLine int
}

const fence = "---"

// splitFrontMatter separates front matter and body with adrg/frontmatter and
// parses the front matter as YAML. It reports what that library accepts
// silently: an opening fence that is never closed.
func (s *source) splitFrontMatter(problems *diag.List) (*document, bool) {
	open, fmStart, ok := findOpeningFence(s.data)
	if len(bytes.TrimSpace(s.data)) == 0 {
		problems.Errorf(s.file, diag.Pos{Line: 1, Col: 1}, "the file is empty: write its front matter (a line \"---\", the fields such as title: …, and another line \"---\"), then its text")
		return nil, false
	}
	if !ok {
		problems.Errorf(s.file, diag.Pos{Line: 1, Col: 1}, "the file has no front matter: start it with a line \"---\", the fields (such as title: …), and another line \"---\"")
		return nil, false
	}
	var raw []byte
	format := frontmatter.NewFormat(fence, fence, func(data []byte, _ any) error {
		raw = bytes.Clone(data)
		return nil
	})
	body, err := frontmatter.Parse(bytes.NewReader(s.data), nil, format)
	if err != nil {
		problems.Errorf(s.file, posOf(s.data, open), "cannot read the front matter: %v", err)
		return nil, false
	}
	if raw == nil {
		problems.Errorf(s.file, posOf(s.data, open), "the front matter that starts here is never closed: add a line \"---\" after its last field, before the text")
		return nil, false
	}
	doc := &document{
		fmLine: posOf(s.data, fmStart).Line,
		// A copy of its own size: the parser's buffer grew past the file's
		// size, and a large catalog would keep every one alive.
		body:     bytes.Clone(body),
		bodyLine: posOf(s.data, len(s.data)-len(body)).Line,
	}
	node, ok := parseYAML(s.file, raw, doc.fmLine-1, problems)
	doc.fm = node
	return doc, ok
}

// findOpeningFence mirrors the front matter library's detection: blank
// lines, then a line that is "---" once trimmed. It returns the offset of the
// fence line and of the line after it.
func findOpeningFence(b []byte) (open, next int, ok bool) {
	for off := 0; off < len(b); {
		end := bytes.IndexByte(b[off:], '\n')
		if end < 0 {
			end = len(b) - off
		} else {
			end++
		}
		line := bytes.TrimSpace(b[off : off+end])
		switch {
		case len(line) == 0:
			off += end
			continue
		case string(line) == fence:
			return off, off + end, true
		}
		return off, 0, false
	}
	return 0, 0, false
}

// maxNesting is the deepest nesting of lists and block quotes accepted in
// a Markdown text. The plan nests one level. Markdown parsers take time
// that grows with the square of the depth (goldmark needs a second for one
// line of 10,000 "- ", and every text is converted several times per
// build), so a runaway paste is refused before it reaches them.
const maxNesting = 16

// checkNesting reports the first line of the body that opens more than
// maxNesting lists or block quotes (one report per file is enough).
func (doc *document) checkNesting(file string, problems *diag.List) {
	if i := TooDeep(doc.body); i >= 0 {
		problems.Errorf(file, diag.Pos{Line: doc.bodyLine + i, Col: 1},
			"this line nests lists or quotes more than %d levels deep: flatten the text, or check that it was pasted as intended", maxNesting)
	}
}

// TooDeep returns the index of the first line of Markdown body that opens
// more than 16 lists or block quotes, or -1: the loader refuses such a
// text, so the fuzzing of later stages skips it too.
func TooDeep(body []byte) int {
	for i, line := range bytes.Split(body, []byte("\n")) {
		if nesting(line) > maxNesting {
			return i
		}
	}
	return -1
}

// nesting estimates how many containers a line is inside of: the block
// quote markers (">") and list markers ("-", "*", "+", "1.", "1)" followed
// by a space) that open it, plus half the white space between them (a
// nested list item is indented at least two columns per level, also inside
// a quote). It is an estimate, not a parse: enough to refuse runaway
// nesting, generous with the one or two levels texts use.
func nesting(line []byte) int {
	indent, markers := 0, 0
	space := func(j int) bool { return j < len(line) && (line[j] == ' ' || line[j] == '\t') }
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			indent++
			i++
		case c == '\t':
			indent += 4
			i++
		case c == '>':
			markers++
			i++
		case (c == '-' || c == '*' || c == '+') && space(i+1):
			markers++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 10 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j >= len(line) || (line[j] != '.' && line[j] != ')') || !space(j+1) {
				return depth(indent, markers)
			}
			markers++
			i = j + 2
		default:
			return depth(indent, markers)
		}
	}
	return depth(indent, markers)
}

func depth(indent, markers int) int {
	if markers == 0 {
		return 0 // an indented line without markers is code or a continuation
	}
	return markers + indent/2
}
