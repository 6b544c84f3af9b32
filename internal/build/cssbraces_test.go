package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestStylesheetBraces(t *testing.T) {
	for _, tc := range []struct {
		name, css string
		want      []string
	}{
		{"balanced", "a { color: red }\n@media print {\n  a { color: black }\n}\n/* { */ b::after { content: \"}\" }\n", nil},
		{"unclosed media", "@media print {\n  a { color: black }\nb { color: red }\n",
			[]string{"static/css/site.css:1:14: error: this \"{\" is never closed"}},
		{"two unclosed", "@media print {\n  a { color: black }\n@media print {\n  é { x: y }\n",
			[]string{"static/css/site.css:1:14: error", "static/css/site.css:3:14: error"}},
		{"stray close", "a { color: red }\n  }\n",
			[]string{"static/css/site.css:2:3: error: this \"}\" closes no block"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"css/site.css": {Data: []byte(tc.css)}}
			_, problems := processStatic(fsys, "static", newMinifier())
			got := problems.String()
			if len(tc.want) == 0 && len(problems.Items()) != 0 {
				t.Fatalf("unexpected problems:\n%s", got)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("want %q in:\n%s", w, got)
				}
			}
			if n := strings.Count(got, "error:"); n != len(tc.want) {
				t.Errorf("%d errors, want %d:\n%s", n, len(tc.want), got)
			}
		})
	}
}

// The project's own stylesheets pair their braces.
func TestOwnStylesheetsBraces(t *testing.T) {
	_, problems := processStatic(os.DirFS(filepath.Join("..", "..", "static")), "static", newMinifier())
	if len(problems.Items()) != 0 {
		t.Fatal(problems.String())
	}
}
