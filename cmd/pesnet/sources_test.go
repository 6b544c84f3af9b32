package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBuildSourceFileRules: interface strings, layouts and static files
// that are named pipes or links to files outside the project, and an
// interface string that would run a template for minutes, are reported
// promptly; the build fails and publishes nothing.
func TestBuildSourceFileRules(t *testing.T) {
	_, proj := nestedProject(t)
	outside := filepath.Join(t.TempDir(), "secret.html")
	if err := os.WriteFile(outside, []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"i18n/en.toml", "static/favicon.svg"} {
		must(os.Remove(filepath.Join(proj, f)))
		if err := syscall.Mkfifo(filepath.Join(proj, f), 0o644); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	for _, f := range []string{"layouts/404.html", "static/embed.js"} {
		must(os.Remove(filepath.Join(proj, f)))
		must(os.Symlink(outside, filepath.Join(proj, f)))
	}
	fr := filepath.Join(proj, "i18n", "fr.toml")
	data, err := os.ReadFile(fr)
	must(err)
	slow := `footer_text = "{{range 1000}}{{range 1000}}{{range 1000}}{{end}}{{end}}{{end}}x"`
	lines := strings.Split(string(data), "\n")
	line := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "footer_text = ") {
			lines[i], line = slow, i+1
		}
	}
	must(os.WriteFile(fr, []byte(strings.Join(lines, "\n")), 0o644))

	var stdout, stderr bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run([]string{"build", "-C", proj}, nil, &stdout, &stderr) }()
	select {
	case code := <-done:
		if code != exitContent {
			t.Errorf("exit %d, want 1", code)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the build blocked")
	}
	for _, want := range []string{
		"i18n/en.toml: error: not a regular file",
		"static/favicon.svg: error: not a regular file",
		"static/embed.js: error: symbolic links are not allowed",
		"layouts/404.html: error: cannot parse the layout: 404.html: symbolic links are not allowed",
		"i18n/fr.toml:" + strconv.Itoa(line) + `:16: error: "{{range 1000}}" is not allowed in an interface string`,
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	if strings.Contains(stderr.String(), "SECRET") {
		t.Error("the linked file was read")
	}
	if _, err := os.Stat(filepath.Join(proj, "public")); !os.IsNotExist(err) {
		t.Error("a failed build published")
	}
}
