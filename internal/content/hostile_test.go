package content_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/testproject"
	"github.com/oic-pesnet/workplan/internal/txtarfs"
)

// Hostile content: the protections of the loader against content that is
// malicious or, more likely, a mistake with large consequences. Ids and
// folder names are checked by the fixtures of testdata/bad (id-*.txtar,
// area-folder-invalid.txtar).

// writeTree writes the files of fsys under dir.
func writeTree(t *testing.T, dir string, fsys fstest.MapFS) {
	t.Helper()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func baseTree(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys, err := txtarfs.Read("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// errorsOf returns the errors of problems, one "file:line:col: message" per
// item, without the warnings.
func errorsOf(problems *diag.List) []string {
	var out []string
	for _, d := range problems.Items() {
		if d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}

// TestSymlinkRefused: a symbolic link inside content/ could publish any
// file of the machine that builds the site. Links to a file and to a
// folder outside the project are refused, and nothing they point to is
// read.
func TestSymlinkRefused(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "project", "content")
	writeTree(t, dir, baseTree(t))
	outside := filepath.Join(root, "outside")
	writeTree(t, outside, fstest.MapFS{
		"secret.md":          file("---\ntitle: SECRET\nsummary: SECRET\n---\nSECRET\n"),
		"evil/activity.yaml": file("id: evil\narea: digital\nnumber: 9\ntype: webinar\nschedule: \"2025-02\"\nvenue: {mode: online}\nlanguages: [en]\nproviders: [{country: MY}]\nbeneficiaries: all\n"),
		"evil/index.fr.md":   file("---\ntitle: SECRET\nsummary: SECRET\n---\nSECRET\n"),
	})
	links := map[string]string{
		"activities/webinar/index.fr.md": filepath.Join(outside, "secret.md"), // absolute target
		"areas/digital/_index.en.md":     filepath.Join("..", "..", "..", "..", "outside", "secret.md"),
		"activities/evil":                filepath.Join(outside, "evil"), // a folder
	}
	for name, target := range links {
		p := filepath.Join(dir, filepath.FromSlash(name))
		_ = os.Remove(p)
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	site, problems := content.Load(os.DirFS(dir), "content")
	var want []string
	for _, name := range []string{"activities/evil", "activities/webinar/index.fr.md", "areas/digital/_index.en.md"} {
		want = append(want, "content/"+name+": error: symbolic links are not allowed in content: replace the link by a real file or folder")
	}
	if diff := cmp.Diff(want, errorsOf(problems)); diff != "" {
		t.Errorf("errors differ (-want +got):\n%s", diff)
	}
	if site == nil {
		t.Fatal("no site: the rest of the content should still be checked")
	}
	if got := fmt.Sprintf("%+v", site.Activities) + fmt.Sprintf("%+v", site.Areas); strings.Contains(got, "SECRET") || strings.Contains(got, "evil") {
		t.Errorf("content read through a link: %s", got)
	}
	for _, a := range site.Activities {
		for _, text := range a.Texts {
			if strings.Contains(text.Title+string(text.Body), "SECRET") {
				t.Errorf("%s was read through a link", text.File)
			}
		}
	}
}

// TestLargeFileRefused: a file over content.MaxFileSize (a pasted document,
// a binary) is refused without being parsed; one just under it, a single
// very long line, loads.
func TestLargeFileRefused(t *testing.T) {
	fsys := baseTree(t)
	big := append([]byte("---\ntitle: T\nsummary: S\n---\n"), bytes.Repeat([]byte("a"), content.MaxFileSize)...)
	fsys["activities/webinar/index.fr.md"] = &fstest.MapFile{Data: big}
	_, problems := content.Load(fsys, "content")
	want := []string{fmt.Sprintf("content/activities/webinar/index.fr.md:1:1: error: the file is too large (%d bytes; at most %d): content files hold text only", len(big), content.MaxFileSize)}
	if diff := cmp.Diff(want, errorsOf(problems)); diff != "" {
		t.Errorf("errors differ (-want +got):\n%s", diff)
	}

	// One line of almost 1 MiB in the description, and a title of 512 KiB.
	title := strings.Repeat("mot ", 1<<17)
	long := []byte("---\ntitle: " + title + "\nsummary: S\n---\n")
	long = append(long, bytes.Repeat([]byte("mot "), (content.MaxFileSize-len(long))/4)...)
	fsys["activities/webinar/index.fr.md"] = &fstest.MapFile{Data: long}
	site, problems := content.Load(fsys, "content")
	if problems.HasErrors() {
		t.Fatalf("a long line was refused:\n%s", problems)
	}
	text := site.Activities[0].Texts["fr"]
	if text.Title != strings.TrimSpace(title) || len(text.Body) != len(long)-len(title)-len("---\ntitle: \nsummary: S\n---\n") {
		t.Errorf("long title or body not read whole: title %d bytes, body %d bytes", len(text.Title), len(text.Body))
	}
}

// TestDeepNestingRefused: Markdown and YAML parsers take time and memory
// that grow with the square of the nesting depth or faster, so a text
// nesting lists or quotes 10,000 levels deep, or YAML nesting brackets or
// "- " entries as deep, is refused before it is parsed, with the line to
// fix; a long flat list of 20,000 items loads.
func TestDeepNestingRefused(t *testing.T) {
	const fm = "---\ntitle: T\nsummary: S\n---\n"
	indented := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}
	tests := []struct {
		name, file, data, want string
	}{
		{"lists on one line", "activities/webinar/index.fr.md", fm + "Intro.\n\n" + strings.Repeat("- ", 10000) + "x\n",
			"content/activities/webinar/index.fr.md:7:1: error: this line nests lists or quotes more than 16 levels deep: flatten the text, or check that it was pasted as intended"},
		{"quotes on one line", "activities/webinar/index.ar.md", fm + strings.Repeat("> ", 10000) + "x\n",
			"content/activities/webinar/index.ar.md:5:1: error: this line nests lists or quotes more than 16 levels deep: flatten the text, or check that it was pasted as intended"},
		{"ordered lists in quotes", "plans/2024-2026/areas/digital/_index.fr.md", fm + strings.Repeat("> 1. ", 5000) + "x\n",
			"content/plans/2024-2026/areas/digital/_index.fr.md:5:1: error: this line nests lists or quotes more than 16 levels deep: flatten the text, or check that it was pasted as intended"},
		{"indented lists", "plans/2024-2026/_index.en.md", fm + indented(1000),
			"content/plans/2024-2026/_index.en.md:21:1: error: this line nests lists or quotes more than 16 levels deep: flatten the text, or check that it was pasted as intended"},
		{"YAML brackets", "activities/webinar/activity.yaml", "id: webinar\nproviders: " + strings.Repeat("[", 10000) + "\n",
			"content/activities/webinar/activity.yaml:2:1: error: the YAML nests lists or fields more than 32 levels deep here: check the brackets [ ] and { } and the \"- \" that start the line"},
		{"YAML entries", "activities/webinar/index.en.md", "---\ntitle: T\nsummary:\n  " + strings.Repeat("- ", 10000) + "x\n---\n",
			"content/activities/webinar/index.en.md:4:1: error: the YAML nests lists or fields more than 32 levels deep here: check the brackets [ ] and { } and the \"- \" that start the line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseTree(t)
			fsys[tt.file] = file(tt.data)
			_, problems := content.Load(fsys, "content")
			if diff := cmp.Diff([]string{tt.want}, errorsOf(problems)); diff != "" {
				t.Errorf("errors differ (-want +got):\n%s", diff)
			}
		})
	}

	fsys := baseTree(t)
	fsys["activities/webinar/index.fr.md"] = file(fm + strings.Repeat("- point\n", 20000) + indented(16))
	site, problems := content.Load(fsys, "content")
	if problems.HasErrors() {
		t.Fatalf("a long list was refused:\n%s", problems)
	}
	if n := bytes.Count(site.Activities[0].Texts["fr"].Body, []byte("\n")); n != 20016 {
		t.Errorf("body has %d lines", n)
	}
}

// TestLoadDoesNotModify: the loader only reads. A copy of the fixture
// site's content (internal/testproject), plus files it normalizes in memory (byte-order mark, CRLF) and
// files it refuses, is byte for byte the same after Load, with the same
// modification times, modes and no file added or removed.
func TestLoadDoesNotModify(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(testproject.Copy(t), "content"))); err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, fstest.MapFS{
		"activities/extra/activity.yaml": file("\uFEFFid: extra\r\narea: nowhere\r\n"),
		"activities/extra/index.fr.md":   file("\uFEFF---\r\ntitle: T\r\nsummary: S\r\n---\r\nTexte.\r\n"),
		"activities/extra/index.xx.md":   file("---\ntitle: \"\n"),
		"activities/extra/notes.txt":     file("not a content file\n"),
		".gitkeep":                       file(""),
	})
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	err := filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, past, past)
	})
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	_, problems := content.Load(os.DirFS(dir), "content")
	if !problems.HasErrors() {
		t.Fatal("the added files should have been refused")
	}
	if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
		t.Errorf("the content folder changed (-before +after):\n%s", diff)
	}
}

// snapshot describes every file and folder under dir: mode, modification
// time and, for files, content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		desc := fmt.Sprintf("%v %s", info.Mode(), info.ModTime().UTC().Format(time.RFC3339Nano))
		if !d.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			desc += fmt.Sprintf(" %q", data)
		}
		out[p] = desc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestMissingSiteYAML: a content folder without site.yaml (the build
// pointed at the wrong folder, say) says so, rather than a file error.
func TestMissingSiteYAML(t *testing.T) {
	site, problems := content.Load(fstest.MapFS{"_index.fr.md": file("---\ntitle: T\nsummary: S\n---\n")}, "content")
	want := []string{"content/site.yaml: error: site.yaml is missing: it names the site's languages and base URL"}
	if diff := cmp.Diff(want, errorsOf(problems)); site != nil || diff != "" {
		t.Errorf("site %v; errors differ (-want +got):\n%s", site, diff)
	}
}
