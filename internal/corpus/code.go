package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Code are a pesnet project's folders and files that are not content; a
// corpus project is built with the repository's own copies of them.
var Code = []string{"layouts", "static", "i18n", "netlify.toml"}

// CopyCode copies Code from the repository at root into t, so that the
// corpus is built with the real templates and strings. It never reads
// root's content/.
func CopyCode(t Target, root string) error {
	for _, name := range Code {
		src := os.DirFS(root)
		err := fs.WalkDir(src, name, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if p == "static/admin/config.yml" {
				return nil // the browser editor's form of the live content, not the corpus's
			}
			data, err := fs.ReadFile(src, p)
			if err != nil {
				return err
			}
			return t.WriteFile(p, data)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// Root returns the repository root: the nearest folder holding go.mod at
// or above dir.
func Root(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod in %s or above: run from the repository", dir)
		}
	}
}
