// Package write puts a build's files on disk: the write stage of the build.
//
// Dir writes into a fresh temporary folder beside the output folder and
// swaps it in only when every file was written, so a failed or interrupted
// build leaves the previous output untouched. It refuses output folders
// that would destroy sources (the project root, a folder of the project
// that holds sources, the home folder, the file system root) and it never
// deletes anything outside the output folder. File paths come from the
// build (ids are validated by the loader) and are checked again here: a
// path that is absolute or climbs with ".." is refused.
package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/oic-pesnet/workplan/internal/render"
)

// protected are folder names that hold the project's sources.
var protected = []string{"content", "layouts", "static", "i18n", "cmd", "internal", ".git", ".ci"}

// CheckOut returns an error when out must not be used as an output folder.
func CheckOut(out string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	abs = filepath.Clean(abs)
	if abs == filepath.Dir(abs) {
		return fmt.Errorf("refusing to write the site into %s: that is the root of the file system; use a folder such as public", abs)
	}
	if home, err := os.UserHomeDir(); err == nil && filepath.Clean(home) == abs {
		return fmt.Errorf("refusing to write the site into your home folder %s; use a folder such as public", abs)
	}
	for _, marker := range []string{"go.mod", ".git", "content"} {
		if _, err := os.Stat(filepath.Join(abs, marker)); err == nil {
			return fmt.Errorf("refusing to write the site into %s: it holds %s, so it looks like a project folder whose files would be replaced; use a folder such as public", abs, marker)
		}
	}
	for _, name := range protected {
		if filepath.Base(abs) == name {
			if _, err := os.Stat(filepath.Join(filepath.Dir(abs), "go.mod")); err == nil {
				return fmt.Errorf("refusing to write the site into %s: it is the project's %s/ folder; use a folder such as public", abs, name)
			}
		}
	}
	return nil
}

// Dir replaces folder out with exactly files.
func Dir(out string, files []render.File) error {
	if err := CheckOut(out); err != nil {
		return err
	}
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	removeStale(parent, "."+filepath.Base(out)+"-new-")
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+"-new-")
	if err != nil {
		return err
	}
	if err := writeAll(tmp, files); err != nil {
		_ = os.RemoveAll(tmp)
		return err
	}
	return swap(tmp, out)
}

func writeAll(dir string, files []render.File) error {
	for _, f := range files {
		if !fs.ValidPath(f.Path) || strings.Contains(f.Path, "\\") || path.Clean(f.Path) != f.Path {
			return fmt.Errorf("refusing to write %q: not a clean relative path inside the output folder", f.Path)
		}
		dst := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// swap moves the finished folder tmp into place at out. Where the system
// can exchange two folders atomically (Linux), it does, and then removes the
// old output; elsewhere the old output is first renamed aside, then removed
// once the new one is in place.
func swap(tmp, out string) error {
	if _, err := os.Lstat(out); err == nil && exchange(tmp, out) {
		return os.RemoveAll(tmp) // tmp now holds the previous output
	}
	old := ""
	if _, err := os.Lstat(out); err == nil {
		old = tmp + "-old"
		if err := os.Rename(out, old); err != nil {
			_ = os.RemoveAll(tmp)
			return fmt.Errorf("cannot replace %s: %w", out, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out)
		}
		_ = os.RemoveAll(tmp)
		return fmt.Errorf("cannot move the new site into %s: %w", out, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// removeStale deletes the temporary folders that an interrupted build left
// beside the output (only ours: their names start with prefix).
func removeStale(parent, prefix string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), prefix) {
			_ = os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}
