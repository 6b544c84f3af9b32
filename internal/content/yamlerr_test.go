package content

import (
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// TestSyntaxHelp runs each kind of YAML mistake through the parser and
// checks the editor's message and where it points. It fails when a new
// goccy/go-yaml words an error differently, so that the table follows.
func TestSyntaxHelp(t *testing.T) {
	tests := []struct {
		yaml string
		pos  diag.Pos
		msg  string // start of the message
	}{
		{"a: 1\n\tb: 2\n", diag.Pos{Line: 2, Col: 1}, msgTab},
		{"\ttitle: a\nb: c\n", diag.Pos{Line: 1, Col: 1}, msgTab},
		{"a:\n  b: 1\n  \tc: 2\n", diag.Pos{Line: 3, Col: 3}, msgTab},
		{"a: \"x\n\ty\"\n", diag.Pos{Line: 2, Col: 1}, msgTab},
		{"title: Atelier : emploi\n", diag.Pos{Line: 1, Col: 8}, msgColon + `, like this: title: "Atelier : emploi"`},
		{"- country: MA: x\n", diag.Pos{Line: 1, Col: 12}, msgColon + `, like this: - country: "MA: x"`},
		{"mode: online\n   country: MA\n", diag.Pos{Line: 2, Col: 4}, msgIndent},
		{"title: \"a\"\n \"b\"\n", diag.Pos{Line: 2, Col: 2}, msgIndent},
		{"title: \"Digital\" skills\n", diag.Pos{Line: 1, Col: 18}, msgAfterQuote},
		{"title: [Draft] Atelier\n", diag.Pos{Line: 1, Col: 16}, "there is more text after the list"},
		{"title: \"a\n", diag.Pos{Line: 1, Col: 8}, "this double quote"},
		{"title: 'a\n", diag.Pos{Line: 1, Col: 8}, "this single quote"},
		{"a: [x\n", diag.Pos{Line: 1, Col: 4}, `this "[" opens a list`},
		{"a: {x: 1\n", diag.Pos{Line: 1, Col: 4}, `this "{" is never closed`},
		{"a: \"\\ud800\"\n", diag.Pos{Line: 1, Col: 5}, msgSurrogate},
		{"a: \"\\ud800abcdefg\"\n", diag.Pos{Line: 1, Col: 5}, msgSurrogate},
		{"a: \"x\\qy\"\n", diag.Pos{Line: 1, Col: 7}, "a backslash"},
		{"title: @x\n", diag.Pos{Line: 1, Col: 8}, "a value cannot start with @"},
		{"a: b\n- c\n", diag.Pos{Line: 2, Col: 1}, "a list entry"},
		{"a: b\n  c: d: e\n", diag.Pos{Line: 2, Col: 3}, msgIndent},
	}
	for _, tt := range tests {
		problems := &diag.List{}
		if _, ok := parseYAML("f.yaml", []byte(tt.yaml), 0, problems); ok {
			t.Errorf("%q parsed without error", tt.yaml)
			continue
		}
		items := problems.Items()
		if len(items) != 1 {
			t.Errorf("%q: %d problems, want 1:\n%s", tt.yaml, len(items), problems)
			continue
		}
		d := items[0]
		if d.Pos != tt.pos || !strings.HasPrefix(d.Message, tt.msg) || strings.Contains(d.Message, "malformed YAML") {
			t.Errorf("%q:\ngot  %d:%d %s\nwant %d:%d %s…", tt.yaml, d.Pos.Line, d.Pos.Col, d.Message, tt.pos.Line, tt.pos.Col, tt.msg)
		}
	}
}

// TestSyntaxHelpFallback keeps goccy's words, with a hint, for errors the
// table does not know.
func TestSyntaxHelpFallback(t *testing.T) {
	pos, msg := explainSyntax([][]byte{[]byte("a: b")}, "something new", diag.Pos{Line: 1, Col: 9})
	if pos != (diag.Pos{Line: 1, Col: 5}) || !strings.HasPrefix(msg, "malformed YAML: something new: check") {
		t.Errorf("got %v %q", pos, msg)
	}
}

func TestUTF16Order(t *testing.T) {
	tests := map[string]string{
		"\xff\xfe-\x00-\x00":    "little-endian",
		"\xfe\xff\x00-\x00-":    "big-endian",
		"-\x00-\x00-\x00\n\x00": "little-endian",
		"\x00-\x00-\x00-\x00\n": "big-endian",
		"title: x\x00\n":        "",
		"ab":                    "",
	}
	for in, want := range tests {
		if got := utf16Order([]byte(in)); got != want {
			t.Errorf("utf16Order(%q) = %q, want %q", in, got, want)
		}
	}
}
