package serve

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// scan re-reads the stamps of every source file and returns the files
// added, removed or with other bytes than before, sorted.
func (src *sources) scan() []string {
	next := map[string]stamp{}
	for _, root := range watched {
		src.walk(root, src.files, next)
	}
	changed := src.diff(src.files, next)
	src.files = next
	return changed
}

// update re-reads the stamps of the named files and folders only (those
// the system said changed; a folder stands for everything under it) and
// returns, as scan does, those added, removed or with other bytes. Its
// cost follows the names, not the project: a file's stamp is looked up,
// and only a name that is no file seen before (a folder, or an editor's
// temporary file) is looked for among the stamps' paths.
func (src *sources) update(names []string) []string {
	before := map[string]stamp{}
	for _, n := range names {
		if watchedPath(n) {
			src.take(n, before)
		}
	}
	var seen []string
	for _, n := range names {
		if watchedPath(n) {
			seen = append(seen, src.walk(n, before, src.files)...)
		}
	}
	var changed []string
	for _, p := range seen {
		if old, ok := before[p]; !ok || old.sum != src.files[p].sum {
			changed = append(changed, p)
		}
	}
	for p := range before {
		if _, ok := src.files[p]; !ok {
			changed = append(changed, p)
		}
	}
	slices.Sort(changed)
	return slices.Compact(changed)
}

// take moves the stamps of n, or of every file under it, from src.files
// to into.
func (src *sources) take(n string, into map[string]stamp) {
	if st, ok := src.files[n]; ok {
		into[n] = st
		delete(src.files, n)
		return
	}
	for p, st := range src.files {
		if strings.HasPrefix(p, n+"/") {
			into[p] = st
			delete(src.files, p)
		}
	}
}

// hidden reports whether p is or lies in a dot file or folder, which no
// stage of the build reads: an editor's swap file (.index.fr.md.swp),
// lock or backup, or a .git folder. Changing one builds nothing.
func hidden(p string) bool {
	for part := range strings.SplitSeq(p, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}

// watchedPath reports whether p is a source or lies under one.
func watchedPath(p string) bool {
	for _, root := range watched {
		if p == root || strings.HasPrefix(p, root+"/") {
			return true
		}
	}
	return false
}

// walk records in next the stamp of every file at or under root, reading
// a file's bytes only when its size or time differ from its stamp in
// prev, and returns their paths.
func (src *sources) walk(root string, prev, next map[string]stamp) []string {
	var seen []string
	_ = fs.WalkDir(src.fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		st := stamp{size: info.Size(), mtime: info.ModTime()}
		if old, ok := prev[p]; ok && old.size == st.size && old.mtime.Equal(st.mtime) {
			st.sum = old.sum
		} else if data, err := fs.ReadFile(src.fsys, p); err == nil {
			st.sum = sha256.Sum256(data)
		}
		next[p] = st
		seen = append(seen, p)
		return nil
	})
	return seen
}

// diff returns the paths added, removed or with other bytes in next than
// in old, sorted.
func (src *sources) diff(old, next map[string]stamp) []string {
	var changed []string
	for p, st := range next {
		if o, ok := old[p]; !ok || o.sum != st.sum {
			changed = append(changed, p)
		}
	}
	for p := range old {
		if _, ok := next[p]; !ok {
			changed = append(changed, p)
		}
	}
	slices.Sort(changed)
	return changed
}

// Watch builds again whenever a source file of the project gets other
// bytes, is added or is removed, until stop is closed (Update: an edit of
// an activity's text shows at once, the rest of the site follows from a
// background build). When dir (the project's folder) is not empty it uses
// the system's file notifications (fsnotify, as Hugo does) and looks only
// at the files they name: nothing runs while nothing changes, and an edit
// reads and stats only what it touched (and its bookkeeping looks up the
// stamps of those files only). Where they are
// unavailable (or dir is empty) it polls every interval. Either way a save
// that leaves a file's bytes as they were builds nothing.
func (s *Server) Watch(stop <-chan struct{}, dir string, interval time.Duration) {
	s.NewWatcher(dir, interval).Run(stop)
}

// Watcher is Watch in two steps: NewWatcher takes the sources' stamps
// (and asks for notifications), Run acts on the changes from those
// stamps. pesnet serve makes its first build in between, so that a file
// saved while that build runs (a minute at 10,000 activities) is built
// again, not taken as already seen.
type Watcher struct {
	s        *Server
	src      *sources
	notified *fsnotify.Watcher // nil: polling every interval
	dir      string
	interval time.Duration
}

// NewWatcher takes the stamps of the sources of s. When dir (the
// project's folder) is not empty it asks for the system's file
// notifications first (a change in between is both notified and
// stamped, and builds nothing more).
func (s *Server) NewWatcher(dir string, interval time.Duration) *Watcher {
	w := &Watcher{s: s, src: &sources{fsys: s.project, files: map[string]stamp{}}, dir: dir, interval: interval}
	if dir != "" {
		n, err := notify(dir)
		if err == nil {
			w.notified = n
		} else if s.log != nil {
			s.logf("file notifications unavailable (%v): checking for changes every %s instead\n", err, interval)
		}
	}
	w.src.scan()
	return w
}

// Run builds again on every change from the stamps, until stop is closed.
func (w *Watcher) Run(stop <-chan struct{}) {
	s, src := w.s, w.src
	go s.builder(stop)
	take := func(changed []string) {
		changed = slices.DeleteFunc(changed, hidden)
		if len(changed) > 0 {
			s.Update(changed)
		}
	}
	if w.notified != nil {
		defer w.notified.Close()
		s.ready()
		s.watchEvents(stop, w.notified, w.dir, func(names []string) { take(src.update(names)) })
		return
	}
	t := time.NewTicker(w.interval)
	defer t.Stop()
	s.ready()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			take(src.scan())
		}
	}
}

// settle is how long the watcher waits after a notification for the
// others of the same save: editors write, rename and chmod in a burst of
// a millisecond or two (sed -i, Vim and VS Code, seen with fsnotify here).
// It is part of every edit's delay before the tab reloads; a burst split
// in two is taken twice, which shows the same page.
const settle = 25 * time.Millisecond

// watchEvents collects the names the system reports until they settle,
// then hands them to changed (slash-separated, relative to dir).
func (s *Server) watchEvents(stop <-chan struct{}, w *fsnotify.Watcher, dir string, changed func([]string)) {
	var timer <-chan time.Time
	names := map[string]bool{}
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
			if rel, err := filepath.Rel(dir, ev.Name); err == nil && filepath.IsLocal(rel) {
				names[filepath.ToSlash(rel)] = true
			}
			timer = time.After(settle)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			s.logf("watching %s: %v\n", dir, err)
		case <-timer:
			timer = nil
			changed(slices.Sorted(maps.Keys(names)))
			clear(names)
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

// ready tells a test that Watch now sees every change.
func (s *Server) ready() {
	if s.watching != nil {
		s.watching()
	}
}

func (s *Server) logf(format string, args ...any) {
	if s.log != nil {
		fmt.Fprintf(s.log, format, args...)
	}
}
