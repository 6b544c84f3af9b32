package l10n

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/placeholders/want.txt")

// TestPlaceholders loads an i18n file whose strings try to run templates
// (the slow and memory-hungry ones among them): each action other
// than {{.Name}} is reported at its line and column, and nothing runs.
func TestPlaceholders(t *testing.T) {
	dir := filepath.Join("testdata", "placeholders")
	start := time.Now()
	b, problems := LoadBundle(os.DirFS(dir), ".", []string{"en"})
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("loading took %v", d)
	}
	got := strings.ReplaceAll(problems.String(), "en.toml:", "i18n/en.toml:")
	want, err := os.ReadFile(filepath.Join(dir, "want.txt"))
	if *update {
		if err := os.WriteFile(filepath.Join(dir, "want.txt"), []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if b.Has("en", "footer_text") {
		t.Error("a file with refused strings was loaded")
	}
}

func TestPlaceholderProblem(t *testing.T) {
	for s, bad := range map[string]string{
		"plain":                      "",
		"}} and {":                   "",
		"{{.Count}} items":           "",
		"{{ .Count }}":               "",
		"{{- .Count -}}":             "",
		"{{/* a comment */}}x":       "",
		"{{.}}":                      `"{{.}}"`,
		"{{.A.B}}":                   `"{{.A.B}}"`,
		"{{.Count | print}}":         `"{{.Count | print}}"`,
		"{{index .M 1}}":             `"{{index .M 1}}"`,
		"{{range 3}}x{{end}}":        `"{{range 3}}"`,
		"{{if .A}}a{{else}}b{{end}}": `"{{if .A}}"`,
		"{{block \"x\" .}}{{end}}":   `"{{block \"x\" .}}"`,
		"{{define \"x\"}}{{end}}":    `"{{define \"x\"}}"`,
		"a {{define \"x\"}}{{range 9}}{{end}}{{end}}": `"{{define \"x\"}}"`,
		"{{.Count":        "malformed",
		"ok {{\"text\"}}": `"{{\"text\"}}"`,
	} {
		_, msg := placeholderProblem(s)
		if bad == "" && msg != "" || bad != "" && !strings.Contains(msg, bad) {
			t.Errorf("%q: %q, want %q", s, msg, bad)
		}
	}
}

// TestI18nFileRules: an i18n file that is a named pipe does not block the
// build, and one that is a link to a file outside the project is not
// read.
func TestI18nFileRules(t *testing.T) {
	project, outside := t.TempDir(), t.TempDir()
	secret := filepath.Join(outside, "secret.toml")
	if err := os.WriteFile(secret, []byte(`lang_self = "SECRET"`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(project, "i18n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(project, "i18n", "en.toml"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := os.Symlink(secret, filepath.Join(project, "i18n", "fr.toml")); err != nil {
		t.Fatal(err)
	}
	type result struct {
		b *Bundle
		s string
	}
	done := make(chan result, 1)
	go func() {
		b, p := LoadBundle(os.DirFS(project), "i18n", []string{"fr", "en"})
		done <- result{b, p.String()}
	}()
	select {
	case r := <-done:
		for _, want := range []string{
			"i18n/en.toml: error: not a regular file",
			"i18n/fr.toml: error: symbolic links are not allowed",
		} {
			if !strings.Contains(r.s, want) {
				t.Errorf("problems lack %q:\n%s", want, r.s)
			}
		}
		if r.b.Has("fr", "lang_self") {
			t.Error("the linked file was read")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("LoadBundle blocked on a named pipe")
	}
}

// TestPlaceholdersInMemory: the check works on any fs.FS.
func TestPlaceholdersInMemory(t *testing.T) {
	fsys := fstest.MapFS{"i18n/en.toml": {Data: []byte("a = \"{{range 9}}{{end}}\"\n")}}
	if _, p := LoadBundle(fsys, "i18n", []string{"en"}); !strings.Contains(p.String(), "i18n/en.toml:1:6: error: \"{{range 9}}\" is not allowed") {
		t.Errorf("problems: %s", p.String())
	}
}
