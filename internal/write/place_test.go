package write

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/output"
)

var site = []output.File{{Path: "index.html", Data: []byte("site")}, {Path: "fr/index.html", Data: []byte("fr")}}

// newProject lays out outer/proj with sources and a file beside the
// project, and returns outer and proj.
func newProject(t *testing.T) (outer, proj string) {
	t.Helper()
	outer = filepath.Join(t.TempDir(), "outer")
	proj = filepath.Join(outer, "proj")
	for _, f := range []string{
		"sibling.txt", "proj/content/site.yaml", "proj/content/activities/a/activity.yaml", "proj/content/activities/b/activity.yaml",
		"proj/layouts/baseof.html", "proj/static/css/site.css", "proj/i18n/en.toml",
	} {
		writeFile(t, filepath.Join(outer, f), "source")
	}
	return outer, proj
}

func writeFile(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshot lists every file under dir with its text.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		m[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSourcesSurvive is the list of outputs that destroyed
// sources: each is refused by CheckOut (which knows the project) and by Dir
// alone (which does not), and not one file changes.
func TestSourcesSurvive(t *testing.T) {
	outer, proj := newProject(t)
	link := filepath.Join(t.TempDir(), "link-to-project")
	i18nLink := filepath.Join(t.TempDir(), "link-to-i18n")
	for target, l := range map[string]string{proj: link, filepath.Join(proj, "i18n"): i18nLink} {
		if err := os.Symlink(target, l); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, outer)
	for _, tc := range []struct{ out, want string }{
		{outer, "holds the project"},
		{proj, "it is the project folder"},
		{filepath.Join(proj, "content"), "overlaps the project's content/"},
		{filepath.Join(proj, "content", "activities"), "overlaps the project's content/"},
		{filepath.Join(proj, "static", "css"), "overlaps the project's static/"},
		{filepath.Join(proj, "layouts"), "overlaps the project's layouts/"},
		{filepath.Join(proj, "i18n", "out"), "overlaps the project's i18n/"},
		{filepath.Join(proj, "content", "..", "i18n", "new", "deeper"), "overlaps the project's i18n/"},
		{link, "it is the project folder"},                               // a symbolic link to the project
		{filepath.Join(i18nLink, "out"), "overlaps the project's i18n/"}, // a new folder whose parent is a link
	} {
		err := CheckOut(proj, tc.out)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("CheckOut(%s) = %v, want an error saying %q", tc.out, err, tc.want)
		}
		if err := Dir(tc.out, site); err == nil {
			t.Errorf("Dir(%s) wrote the site", tc.out)
		}
	}
	if after := snapshot(t, outer); len(after) != len(before) {
		t.Fatalf("files changed: %d before, %d after", len(before), len(after))
	}
	for p, text := range before {
		if after := snapshot(t, outer); after[p] != text {
			t.Errorf("%s changed", p)
		}
	}
	if _, err := os.Stat(filepath.Join(proj, "i18n", "out")); !os.IsNotExist(err) {
		t.Error("i18n/out was created")
	}
	if err := CheckOut(proj, filepath.Join(proj, "public")); err != nil {
		t.Errorf("CheckOut(public) = %v", err)
	}
}

// TestSourceLinkedElsewhere: a source folder that is a link to another
// place is protected where it really is.
func TestSourceLinkedElsewhere(t *testing.T) {
	_, proj := newProject(t)
	shared := filepath.Join(t.TempDir(), "shared")
	writeFile(t, filepath.Join(shared, "i18n", "fr.toml"), "source")
	if err := os.Symlink(filepath.Join(shared, "i18n"), filepath.Join(proj, "lang")); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(proj, "i18n")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(shared, "i18n"), filepath.Join(proj, "i18n")); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{shared, filepath.Join(shared, "i18n"), filepath.Join(shared, "i18n", "out")} {
		if err := CheckOut(proj, out); err == nil || !strings.Contains(err.Error(), "i18n/") {
			t.Errorf("CheckOut(%s) = %v", out, err)
		}
	}
}

// TestOnlyOwnOutputReplaced: an existing folder is replaced only when it
// is empty or was written by Dir (it holds the marker).
func TestOnlyOwnOutputReplaced(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "www")
	writeFile(t, filepath.Join(foreign, "index.html"), "someone else's")
	err := Dir(foreign, site)
	if err == nil || !strings.Contains(err.Error(), "was not written by pesnet build") || !strings.Contains(err.Error(), Marker) {
		t.Errorf("Dir(unmarked folder) = %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(foreign, "index.html")); string(got) != "someone else's" {
		t.Error("an unmarked folder was replaced")
	}
	file := filepath.Join(dir, "notes.txt")
	writeFile(t, file, "notes")
	if err := Dir(file, site); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("Dir(file) = %v", err)
	}

	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Dir(empty, site); err != nil {
		t.Errorf("Dir(empty folder) = %v", err)
	}
	if _, err := os.Stat(filepath.Join(empty, Marker)); err != nil {
		t.Errorf("the output has no marker: %v", err)
	}
	if err := Dir(empty, site); err != nil {
		t.Errorf("Dir(own output) = %v", err)
	}
	if err := Dir(empty, []output.File{{Path: Marker, Data: []byte("x")}}); err == nil {
		t.Error("a build file replaced the marker")
	}
}

// TestOutputThroughLink: an output reached through a symbolic link is
// written where the link leads, and the link stays.
func TestOutputThroughLink(t *testing.T) {
	dir := t.TempDir()
	real, link := filepath.Join(dir, "real"), filepath.Join(dir, "public")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := Dir(link, site); err != nil {
			t.Fatal(err)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(real, "index.html")); string(got) != "site" {
		t.Errorf("real/index.html = %q", got)
	}
}

// TestStaleOnlyOwn: temporary folders of killed builds are removed, a
// folder of the same name pattern that is not ours is kept.
func TestStaleOnlyOwn(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	writeFile(t, filepath.Join(dir, ".public-new-1", Marker), markerText)
	if err := os.Mkdir(filepath.Join(dir, ".public-new-2"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, ".public-new-mine", "keep.txt"), "mine")
	if err := Dir(out, site); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != ".public-new-mine public" {
		t.Errorf("beside the output: %v", names)
	}
}
