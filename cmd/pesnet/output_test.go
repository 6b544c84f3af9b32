package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nestedProject lays out outer/proj, a buildable project (the repository's
// layouts, static files and strings, and the minimal content), with a file
// beside it in outer.
func nestedProject(t *testing.T) (outer, proj string) {
	t.Helper()
	outer = filepath.Join(t.TempDir(), "outer")
	proj = filepath.Join(outer, "proj")
	for _, sub := range []string{"layouts", "static", "i18n"} {
		if err := os.CopyFS(filepath.Join(proj, sub), os.DirFS(filepath.Join("..", "..", sub))); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{"sibling.txt": "keep me"}
	for name, text := range minimal {
		files[filepath.Join("proj", "content", name)] = text
	}
	for name, text := range files {
		p := filepath.Join(outer, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return outer, proj
}

// TestBuildRefusesSourceOutputs runs the commands: each exits 2
// with the reason, and no file of the project or beside it changes.
func TestBuildRefusesSourceOutputs(t *testing.T) {
	outer, proj := nestedProject(t)
	link := filepath.Join(t.TempDir(), "i18n-link")
	if err := os.Symlink(filepath.Join(proj, "i18n"), link); err != nil {
		t.Fatal(err)
	}
	before := tree(t, outer)
	t.Chdir(proj)
	for _, tc := range []struct{ out, want string }{
		{outer, "it holds the project"},
		{"..", "it holds the project"},
		{".", "it is the project folder"},
		{"content/activities", "overlaps the project's content/ folder"},
		{"static/css", "overlaps the project's static/ folder"},
		{"i18n/out", "overlaps the project's i18n/ folder"},
		{filepath.Join(link, "out"), "overlaps the project's i18n/ folder"},
	} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"build", "-o", tc.out}, nil, &stdout, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("build -o %s: exit %d, %q; want exit 2 and %q", tc.out, code, stderr.String(), tc.want)
		}
	}
	if !sameTree(before, tree(t, outer)) {
		t.Error("a refused build changed files")
	}
	if _, err := os.Stat(filepath.Join(proj, "i18n", "out")); !os.IsNotExist(err) {
		t.Error("i18n/out was created")
	}
}

// TestBuildReplacesOnlyItsOwnOutput: public/ is built and rebuilt; a
// folder that a build did not write is refused and left as it was.
func TestBuildReplacesOnlyItsOwnOutput(t *testing.T) {
	_, proj := nestedProject(t)
	for range 2 {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"build", "-C", proj, "--quiet"}, nil, &stdout, &stderr); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
	if _, err := os.Stat(filepath.Join(proj, "public", ".pesnet-output")); err != nil {
		t.Errorf("public/ has no marker: %v", err)
	}
	www := filepath.Join(t.TempDir(), "www")
	if err := os.MkdirAll(www, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(www, "index.html"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "-C", proj, "-o", www}, nil, &stdout, &stderr)
	if code != exitUsage || !strings.Contains(stderr.String(), "was not written by pesnet build") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
	if got, _ := os.ReadFile(filepath.Join(www, "index.html")); string(got) != "mine" {
		t.Error("a folder the build did not write was replaced")
	}
}

// TestBuildInterrupted: a build stopped by Ctrl+C (its context done)
// exits 130, says so, leaves the previous output as it was and removes
// the folder it was writing.
func TestBuildInterrupted(t *testing.T) {
	_, proj := nestedProject(t)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-C", proj, "--quiet"}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	public := filepath.Join(proj, "public")
	before, err := os.ReadFile(filepath.Join(public, "fr", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(public, "fr", "index.html"), append(before, "<!-- previous -->"...), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	stderr.Reset()
	code := buildWith(ctx, []string{"-C", proj, "--quiet"}, &stdout, &stderr)
	if code != exitInterrupted || !strings.Contains(stderr.String(), "build interrupted: nothing was published") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
	if got, _ := os.ReadFile(filepath.Join(public, "fr", "index.html")); !bytes.HasSuffix(got, []byte("<!-- previous -->")) {
		t.Error("an interrupted build replaced the previous output")
	}
	entries, _ := os.ReadDir(proj)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public-new-") {
			t.Errorf("an interrupted build left %s behind", e.Name())
		}
	}
}
