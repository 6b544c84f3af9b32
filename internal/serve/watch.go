package serve

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watched are the sources of a build.
var watched = []string{"content", "layouts", "static", "i18n", "netlify.toml"}

// stamp is what the watcher knows of a source file: its size and
// modification time, and the hash of its bytes, read only when those
// change, so that a save without change (or a touch) rebuilds nothing.
type stamp struct {
	size  int64
	mtime time.Time
	sum   [sha256.Size]byte
}

// sources records the stamps of every source file of a project.
type sources struct {
	fsys  fs.FS
	files map[string]stamp
}

// changed re-reads the stamps and reports whether any file was added,
// removed or has other bytes than before.
func (src *sources) changed() bool {
	next := map[string]stamp{}
	for _, root := range watched {
		_ = fs.WalkDir(src.fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			st := stamp{size: info.Size(), mtime: info.ModTime()}
			if old, ok := src.files[p]; ok && old.size == st.size && old.mtime.Equal(st.mtime) {
				st.sum = old.sum
			} else if data, err := fs.ReadFile(src.fsys, p); err == nil {
				st.sum = sha256.Sum256(data)
			}
			next[p] = st
			return nil
		})
	}
	differ := !maps.EqualFunc(src.files, next, func(a, b stamp) bool { return a.sum == b.sum })
	src.files = next
	return differ
}

// Watch rebuilds whenever a source file of the project gets other bytes,
// is added or is removed, until stop is closed. When dir (the project's
// folder) is not empty it uses the system's file notifications (fsnotify,
// as Hugo does): nothing runs while nothing changes, whatever the size of
// the project. Where they are unavailable (or dir is empty) it polls every
// interval. Either way a save that leaves a file's bytes as they were
// rebuilds nothing.
func (s *Server) Watch(stop <-chan struct{}, dir string, interval time.Duration) {
	src := &sources{fsys: s.project}
	src.changed()
	rebuild := func() {
		if src.changed() {
			_, _ = s.Rebuild()
		}
	}
	if dir != "" {
		if w, err := notify(dir); err == nil {
			defer w.Close()
			s.watchEvents(stop, w, dir, rebuild)
			return
		} else if s.log != nil {
			s.logf("file notifications unavailable (%v): checking for changes every %s instead\n", err, interval)
		}
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			rebuild()
		}
	}
}

// settle is how long the watcher waits after a notification for the
// others of the same save (editors write, rename and chmod in a burst).
const settle = 50 * time.Millisecond

func (s *Server) watchEvents(stop <-chan struct{}, w *fsnotify.Watcher, dir string, rebuild func()) {
	var timer <-chan time.Time
	for {
		select {
		case <-stop:
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Create) {
				addTree(w, ev.Name) // a new folder: watch it and what it holds
			}
			timer = time.After(settle)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			s.logf("watching %s: %v\n", dir, err)
		case <-timer:
			timer = nil
			rebuild()
		}
	}
}

// notify watches every folder of the sources under dir.
func notify(dir string) (*fsnotify.Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := w.Add(dir); err != nil { // netlify.toml, and source folders created later
		w.Close()
		return nil, err
	}
	for _, root := range watched {
		if err := addTree(w, filepath.Join(dir, root)); err != nil {
			w.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches folder root and every folder under it; a root that is
// not a folder (or does not exist) is left to its parent's watch.
func addTree(w *fsnotify.Watcher, root string) error {
	info, err := os.Lstat(root)
	if err != nil || !info.IsDir() {
		return nil
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		return w.Add(p)
	})
}

func (s *Server) logf(format string, args ...any) {
	if s.log != nil {
		fmt.Fprintf(s.log, format, args...)
	}
}
