package content

import (
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// decodeOne parses "v: …" and returns a decoder over it and the value node.
func decodeOne(t *testing.T, src string) (*decoder, ast.Node) {
	t.Helper()
	problems := &diag.List{}
	root, ok := parseYAML("f.yaml", []byte(src), 0, problems)
	if !ok {
		t.Fatalf("%q: %s", src, problems)
	}
	return &decoder{file: "f.yaml", src: []byte(src), problems: problems}, valueOf(root, "v")
}

// TestPosAt: a byte of a decoded value is found where the file shows it,
// through folding, escapes and blocks.
func TestPosAt(t *testing.T) {
	tests := []struct {
		src  string
		at   string // the value's text from the byte looked for
		want diag.Pos
	}{
		{"v: 2025-02 x\n", "x", diag.Pos{Line: 1, Col: 12}},
		{"v: 2000-01\n 0\n", "0", diag.Pos{Line: 2, Col: 2}},
		{"v: a\n\n   b\n", "b", diag.Pos{Line: 3, Col: 4}},
		{"v: \"a\n  b\"\n", "b", diag.Pos{Line: 2, Col: 3}},
		{"v: \"\\x41\\u00e9\\U0001F600 x\"\n", "x", diag.Pos{Line: 1, Col: 26}},
		{"v: \"a\\\n   b\"\n", "b", diag.Pos{Line: 2, Col: 4}},
		{"v: 'it''s x'\n", "x", diag.Pos{Line: 1, Col: 11}},
		{"v: |\n  a\n  b\n", "b", diag.Pos{Line: 3, Col: 3}},
		{"v: >\n  a\n  b\n", "b", diag.Pos{Line: 3, Col: 3}},
		{"v: |\n  a\n    b\n", "b", diag.Pos{Line: 3, Col: 5}},
		{"v: émoji x\n", "x", diag.Pos{Line: 1, Col: 10}},
	}
	for _, tt := range tests {
		d, n := decodeOne(t, tt.src)
		s, ok := d.text(n, "v")
		if !ok {
			t.Fatalf("%q: %s", tt.src, d.problems)
		}
		off := strings.LastIndex(s, tt.at)
		if got := d.posAt(n, s, off); got != tt.want {
			t.Errorf("%q: %q is at %d:%d, want %d:%d", tt.src, tt.at, got.Line, got.Col, tt.want.Line, tt.want.Col)
		}
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ src, want string }{
		{"v: webinar\n", `"webinar"`},
		{"v: \"tab\\there\"\n", `"tab\there"`},
		{"v: 2000-01\n 0\n", `"2000-01" (line 1) continued by "0" (line 2)`},
		{"v: 'web\n  inar'\n", `"web" (line 1) continued by "inar" (line 2)`},
		{"v: |\n  2025-13\n", `"2025-13"`},
		{"v: >\n  a\n  b\n  c\n  d\n  e\n  f\n", `"a" (line 2) continued by "b" (line 3), "c" (line 4), "d" (line 5) and 2 more lines`},
	}
	for _, tt := range tests {
		d, n := decodeOne(t, tt.src)
		s, _ := d.text(n, "v")
		if got := d.quote(n, s); got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.src, got, tt.want)
		}
	}
}

// TestPosAtLong: finding a position is linear in the value's length.
func TestPosAtLong(t *testing.T) {
	long := strings.Repeat("a", MaxFileSize)
	d, n := decodeOne(t, "v: "+long+"\n")
	start := time.Now()
	if got := d.posAt(n, long, len(long)); got.Col != len(long)+4 {
		t.Errorf("col %d", got.Col)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("took %v for 1 MiB", time.Since(start))
	}
}
