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
	if !utf8.Valid(raw) {
		off := invalidUTF8(raw)
		problems.Errorf(file, posOf(raw, off), "the file is not valid UTF-8 text (byte 0x%02X): save it as UTF-8 in your editor (\"Save with encoding\" → UTF-8)", raw[off])
		return nil, false
	}
	raw = bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
	return &source{file: file, data: raw}, true
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
		fmLine:   posOf(s.data, fmStart).Line,
		body:     body,
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
