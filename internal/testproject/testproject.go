// Package testproject gives tests a disposable copy of the project's
// sources (content, layouts, static, i18n and netlify.toml) in a temporary
// folder that they may edit.
package testproject

import (
	"os"
	"path/filepath"
	"testing"
)

// Sources are the folders and files a build reads.
var Sources = []string{"content", "layouts", "static", "i18n", "netlify.toml"}

// Copy copies the sources of the project at root (usually "../..") into a
// new temporary folder, removed when the test ends, and returns it.
func Copy(t testing.TB, root string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range Sources {
		src := filepath.Join(root, name)
		info, err := os.Stat(src)
		if err != nil {
			t.Fatal(err)
		}
		if info.IsDir() {
			err = os.CopyFS(filepath.Join(dir, name), os.DirFS(src))
		} else {
			var data []byte
			if data, err = os.ReadFile(src); err == nil {
				err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
