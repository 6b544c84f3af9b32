// Package write puts a build's files on disk: the write stage of the build.
//
// Dir writes into a fresh temporary folder beside the output folder and
// swaps it in only when every file was written, so a failed or interrupted
// build leaves the previous output untouched. The output gets the usual
// permissions (folders 0755, files 0644, less the umask), so that a web
// server running as another user can read it.
//
// Dir never destroys what the build did not write: it replaces an existing
// output folder only when that folder is empty or holds Marker, which every
// output it writes holds, and it refuses the file system root, the home
// folder and folders of a project's sources (place.go). CheckOut adds the
// checks that need to know the project: with symbolic links resolved, the
// output may not be the project folder or an ancestor of it, nor overlap
// its source folders. It never deletes anything outside the output folder
// and its own temporary folders. File paths come from the build (ids are
// validated by the loader) and are checked again here: a path that is
// absolute or climbs with ".." is refused.
package write

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/oic-pesnet/workplan/internal/output"
)

// Dir replaces folder out with exactly files, plus Marker. When out is
// reached through a symbolic link, the folder the link leads to is
// replaced.
func Dir(out string, files []output.File) error {
	tx, err := Begin(out)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := tx.Put(f.Path, f.Data); err != nil {
			tx.Abort()
			return err
		}
	}
	return tx.Commit()
}

// Tx is an output folder being written: files go into a temporary folder
// beside it as they are produced (Put, safe for concurrent use), and
// Commit swaps the finished folder in; Abort removes it and leaves the
// previous output as it was. A build streams its files through a Tx, so
// it never holds the whole site in memory.
type Tx struct {
	out, tmp string

	mu   sync.Mutex
	dirs map[string]bool // folders already created in tmp
}

// Begin checks out (see Dir) and opens a temporary folder beside it.
func Begin(out string) (*Tx, error) {
	out, err := resolve(out)
	if err != nil {
		return nil, err
	}
	if err := checkPlace(out); err != nil {
		return nil, err
	}
	if err := checkExisting(out); err != nil {
		return nil, err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(parent, "."+filepath.Base(out)+"-new-")
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+"-new-")
	if err != nil {
		return nil, err
	}
	if err := mark(tmp); err != nil {
		_ = os.RemoveAll(tmp)
		return nil, err
	}
	return &Tx{out: out, tmp: tmp, dirs: map[string]bool{".": true}}, nil
}

// mark writes the marker into the new folder dir first, so that a build
// killed from then on leaves a folder that removeStale may delete.
func mark(dir string) error {
	if err := os.Chmod(dir, 0o755); err != nil { // MkdirTemp creates 0700
		return err
	}
	return os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644)
}

// Put writes one file, at a slash-separated path relative to the output.
func (t *Tx) Put(p string, data []byte) error {
	dst, err := t.place(p)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}

// Create opens file p for writing (a large document written as it is
// encoded); its bytes are in place once the writer is closed.
func (t *Tx) Create(p string) (io.WriteCloser, error) {
	dst, err := t.place(p)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	return &bufferedFile{Writer: bufio.NewWriterSize(f, 64<<10), f: f}, nil
}

type bufferedFile struct {
	*bufio.Writer
	f *os.File
}

func (b *bufferedFile) Close() error {
	err := b.Flush()
	return cmp.Or(err, b.f.Close())
}

// place checks path p and creates its folder; it returns the file's path
// in the temporary folder.
func (t *Tx) place(p string) (string, error) {
	if p == Marker {
		return "", fmt.Errorf("refusing to write %q: the name is reserved for the output folder's marker", p)
	}
	if !fs.ValidPath(p) || p == "." || strings.Contains(p, "\\") || path.Clean(p) != p {
		return "", fmt.Errorf("refusing to write %q: not a clean relative path inside the output folder", p)
	}
	if err := t.mkdir(path.Dir(p)); err != nil {
		return "", err
	}
	return filepath.Join(t.tmp, filepath.FromSlash(p)), nil
}

// mkdir creates folder dir of the output once.
func (t *Tx) mkdir(dir string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.dirs[dir] {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(t.tmp, filepath.FromSlash(dir)), 0o755); err != nil {
		return err
	}
	for d := dir; d != "." && !t.dirs[d]; d = path.Dir(d) {
		t.dirs[d] = true
	}
	return nil
}

// Commit swaps the finished folder in.
func (t *Tx) Commit() error { return swap(t.tmp, t.out) }

// Abort removes the temporary folder; the previous output stays.
func (t *Tx) Abort() { _ = os.RemoveAll(t.tmp) }

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
// beside the output: folders whose names start with prefix and that hold
// Marker, or are empty (killed before the marker was written).
func removeStale(parent, prefix string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		if m, err := os.Lstat(filepath.Join(dir, Marker)); err == nil && m.Mode().IsRegular() {
			_ = os.RemoveAll(dir)
		} else {
			_ = os.Remove(dir) // only succeeds when empty
		}
	}
}
