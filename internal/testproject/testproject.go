// Package testproject gives tests a whole project to build without reading
// the live content/: the fixture site in testdata/site.txtar (a small work
// plan in French, Arabic and English that passes `pesnet check --strict`)
// together with the repository's real layouts, static files, interface
// strings and netlify.toml, so the real templates are exercised.
//
// Editors change content/ every week; tests that pinned it failed on their
// pull requests. The rule: any content that `pesnet check --strict` accepts
// passes `go test ./...`. Only the tests in the livecontent package may read
// content/, and they assert only what check --strict asserts (see
// TestNoTestReadsLiveContent there).
package testproject

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/oic-pesnet/workplan/internal/txtarfs"
)

// Code are the project's folders and files that are not content: the
// fixture site is built with the repository's own copies of these.
var Code = []string{"layouts", "static", "i18n", "netlify.toml"}

// Root returns the repository root: the nearest folder above the working
// directory (a package folder, under go test) that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testproject: no go.mod above the working directory")
		}
		dir = parent
	}
}

// FS returns the fixture project as an in-memory tree. extra txtar archives
// (paths relative to the working directory) overlay the fixture: later
// files with the same name replace earlier ones.
func FS(t testing.TB, extra ...string) fstest.MapFS {
	t.Helper()
	root := Root(t)
	paths := append([]string{filepath.Join(root, "internal", "testproject", "testdata", "site.txtar")}, extra...)
	fsys, err := txtarfs.Read(paths...)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range Code {
		src := filepath.Join(root, name)
		info, err := os.Stat(src)
		if err != nil {
			t.Fatal(err)
		}
		if !info.IsDir() {
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
			continue
		}
		if err := txtarfs.Overlay(fsys, os.DirFS(src), name); err != nil {
			t.Fatal(err)
		}
	}
	// The browser editor's configuration is generated from the live
	// content (pesnet cms), so it is not the fixture's: check would report
	// it as out of date. Tests that need one generate it.
	delete(fsys, "static/admin/config.yml")
	return fsys
}

// Copy writes the fixture project (see FS) into a new temporary folder,
// removed when the test ends, and returns the folder. Tests may edit it.
func Copy(t testing.TB, extra ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, FS(t, extra...)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Plans returns the path of the overlay that adds two work plans to the
// fixture (testdata/plans.txtar): 2023-2024 archived, 2027-2028 a draft.
// Pass it to FS or Copy: testproject.FS(t, testproject.Plans(t)).
func Plans(t testing.TB) string {
	t.Helper()
	return filepath.Join(Root(t), "internal", "testproject", "testdata", "plans.txtar")
}
