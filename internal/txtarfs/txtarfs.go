// Package txtarfs turns txtar archives (the format of Go's and Hugo's
// test fixtures: "-- path --" lines followed by the file's text) into
// in-memory file systems for tests.
package txtarfs

import (
	"io/fs"
	"os"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// Parse returns the files of archive data as a MapFS. Later files with the
// same name replace earlier ones, so a fixture can overlay a base.
func Parse(data ...[]byte) fstest.MapFS {
	m := fstest.MapFS{}
	for _, d := range data {
		for _, f := range txtar.Parse(d).Files {
			m[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
		}
	}
	return m
}

// Read parses the txtar files at paths (later ones overlay earlier ones).
func Read(paths ...string) (fstest.MapFS, error) {
	var all [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		all = append(all, b)
	}
	return Parse(all...), nil
}

// Overlay adds to m every file of fsys under prefix (e.g. the project's
// real layouts/ beside a fixture's content/).
func Overlay(m fstest.MapFS, fsys fs.FS, prefix string) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		m[prefix+"/"+p] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
}
