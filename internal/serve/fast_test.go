package serve

import (
	"bytes"
	"io"
	"maps"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/oic-pesnet/workplan/internal/build"
)

// fullBuild builds the project in dir from scratch, as the comparison.
func fullBuild(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	res, err := build.Build(os.DirFS(dir), build.Options{BaseURL: "http://127.0.0.1/"})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	return files
}

// sameAs reports every file of want that got lacks or has other bytes in,
// and every file got has beyond want.
func sameAs(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	for p, data := range want {
		if !bytes.Equal(got[p], data) {
			t.Errorf("%s differs from a full build", p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s is served but not made by a full build", p)
		}
	}
}

// TestTextEditFast: an edit of an activity's body is shown at once, from
// the last build's content, exactly as a full build makes those pages;
// the background build then brings the other outputs up to date without
// reloading those pages again, and the whole site equals a full build.
func TestTextEditFast(t *testing.T) {
	dir := project(t)
	s, ts := start(t, dir)
	events := subscribe(t, ts.URL)
	<-events
	before := served(s)
	file := "content/activities/lmi-webinar/index.ar.md"
	edit(t, filepath.Join(dir, file), "\n---\n", "\n---\nفقرة *جديدة* عن [المراصد](https://example.org/).\n\n")
	s.Update([]string{file, "content/activities/lmi-webinar/.index.ar.md.swp"})

	ev := next(t, events)
	page := "ar/activities/lmi-webinar/index.html"
	if !slices.Equal(ev.Changed, []string{page}) || len(ev.Problems) > 0 {
		t.Fatalf("the fast edit's event: %+v, want only %s", ev, page)
	}
	want := fullBuild(t, dir)
	got := served(s)
	if !bytes.Equal(got[page], want[page]) {
		t.Fatalf("the page made again differs from a full build's")
	}
	if !strings.Contains(string(got[page]), "<em>جديدة</em>") {
		t.Fatal("the edited body is not served")
	}
	for _, other := range []string{"fr/activities/lmi-webinar/index.html", "en/activities/lmi-webinar/index.html"} {
		if !bytes.Equal(got[other], before[other]) {
			t.Errorf("%s changed: it does not show the Arabic text", other)
		}
	}

	if _, err := s.Rebuild(); err != nil { // what the background builder runs
		t.Fatal(err)
	}
	ev = next(t, events)
	if slices.Contains(ev.Changed, page) || len(ev.Changed) == 0 {
		t.Errorf("the background build's event lists %v: want the other outputs holding the text (calendars, open data), not the page made already", ev.Changed)
	}
	sameAs(t, served(s), want)
}

// watching serves a copy of the fixture project, subscribes to its events
// (the first, the initial build's, taken) and starts its watcher, with
// file notifications or by polling every interval; it returns once the
// watcher sees every change. The watcher stops with the test.
func watching(t *testing.T, notify bool, interval time.Duration) (*Server, *httptest.Server, string, <-chan event) {
	t.Helper()
	dir := project(t)
	s, ts := start(t, dir)
	events := subscribe(t, ts.URL)
	<-events
	stop := make(chan struct{})
	t.Cleanup(func() { close(stop) })
	watchDir := dir
	if !notify {
		watchDir = ""
	}
	ready := make(chan struct{})
	s.watching = func() { close(ready) }
	go s.Watch(stop, watchDir, interval)
	<-ready
	return s, ts, dir, events
}

// next is the next event, or a failure after a while.
func next(t *testing.T, events <-chan event) event {
	t.Helper()
	select {
	case ev := <-events:
		return ev
	case <-time.After(20 * time.Second):
		t.Fatal("no event")
		return event{}
	}
}

// TestActivityEditFast: an edit of an activity's front matter or facts
// (its title; its dates, which move it among the others; its status) is
// shown at once on that activity's pages, exactly as a full build makes
// them, before the full build, which leaves the other pages (the lists
// that show the activity too) as they were until it runs; then the whole
// site equals a full build, and the pages made already are not reloaded
// again.
func TestActivityEditFast(t *testing.T) {
	cases := []struct{ desc, file, old, new string }{
		{"title", "content/activities/lmi-webinar/index.fr.md", "title: \"", "title: \"Nouveau "},
		{"status", "content/activities/lmi-webinar/activity.yaml", "status: confirmed", "status: cancelled"},
		{"dates", "content/activities/lmi-webinar/activity.yaml", `schedule: "2025-09-16T10:00/2025-09-16T12:00 Europe/Istanbul"`, `schedule: "2026-03"`},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			dir := project(t)
			s, ts := start(t, dir)
			events := subscribe(t, ts.URL)
			<-events
			before := served(s)
			edit(t, filepath.Join(dir, c.file), c.old, c.new)
			want := fullBuild(t, dir)
			s.Update([]string{c.file})
			got := served(s)
			var pages []string
			for _, lang := range []string{"ar", "en", "fr"} {
				p := lang + "/activities/lmi-webinar/index.html"
				if !bytes.Equal(got[p], want[p]) {
					t.Errorf("%s differs from a full build's", p)
				}
				if !bytes.Equal(before[p], want[p]) {
					pages = append(pages, p)
				}
			}
			if ev := next(t, events); !slices.Equal(ev.Changed, pages) || len(pages) == 0 || len(ev.Problems) > 0 {
				t.Fatalf("the fast edit's event: %+v, want %v", ev, pages)
			}
			for p := range got { // nothing else before the full build
				if !slices.Contains(pages, p) && !bytes.Equal(got[p], before[p]) {
					t.Errorf("%s changed before the full build", p)
				}
			}
			if list := "fr/activities/index.html"; bytes.Equal(want[list], before[list]) {
				t.Errorf("%s is the same after the edit: the case tests nothing beyond the edited pages", list)
			}
			if _, err := s.Rebuild(); err != nil { // what the background builder runs
				t.Fatal(err)
			}
			if ev := next(t, events); len(ev.Changed) == 0 || slices.ContainsFunc(ev.Changed, func(p string) bool { return slices.Contains(pages, p) }) {
				t.Errorf("the background build's event lists %v: want the other outputs, not the pages made already", ev.Changed)
			}
			sameAs(t, served(s), want)
		})
	}
}

// TestFastRefused: a change that is more than edits of activity files, or
// an edit that leaves the content with errors, is left to the full build,
// and the served site is not touched before it.
func TestFastRefused(t *testing.T) {
	cases := []struct{ desc, file, old, new string }{
		{"facts with an error", "content/activities/lmi-webinar/activity.yaml", "status: confirmed", "status: maybe"},
		{"front matter that is not YAML", "content/activities/lmi-webinar/index.fr.md", "summary: ", "summary: ["},
		{"an area's text", "content/plans/2025-2026/areas/lmi/_index.fr.md", "\n---\n", "\n---\nTexte.\n"},
		{"a body with a control character", "content/activities/lmi-webinar/index.fr.md", "\n---\n", "\n---\n\u202e\n"},
		{"a layout", "layouts/activity.html", "<article>", "<article class=\"x\">"},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			dir := project(t)
			s, _ := start(t, dir)
			before := served(s)
			edit(t, filepath.Join(dir, c.file), c.old, c.new)
			s.Update([]string{c.file})
			sameAs(t, served(s), before)
		})
	}
}

// TestWatchTextEdit: through the watcher, a body edit reloads the page's
// tab from the fast path, then the background build sends the rest.
func TestWatchTextEdit(t *testing.T) {
	s, _, dir, events := watching(t, true, 20*time.Millisecond)
	edit(t, filepath.Join(dir, "content/activities/lmi-webinar/index.en.md"), "\n---\n", "\n---\nA new paragraph.\n\n")
	page := "en/activities/lmi-webinar/index.html"
	for i, want := range []bool{true, false} {
		if ev := next(t, events); slices.Contains(ev.Changed, page) != want || len(ev.Problems) > 0 {
			t.Fatalf("event %d: %+v; want the page listed: %v", i, ev, want)
		}
	}
	sameAs(t, served(s), fullBuild(t, dir))
}

// TestWatchFolders: with file notifications, an activity folder copied in
// and one removed are seen (the watcher looks only at the names the system
// gives, a folder standing for everything under it), and the site served
// afterwards equals a full build.
func TestWatchFolders(t *testing.T) {
	s, _, dir, events := watching(t, true, time.Hour) // an hour: polling would not see it in time
	act := filepath.Join(dir, "content/activities")
	// Made outside, then moved in at once, as a folder arrives from git.
	made := filepath.Join(t.TempDir(), "lmi-copy")
	if err := os.CopyFS(made, os.DirFS(filepath.Join(act, "lmi-webinar"))); err != nil {
		t.Fatal(err)
	}
	edit(t, filepath.Join(made, "activity.yaml"), "id: lmi-webinar", "id: lmi-copy")
	edit(t, filepath.Join(made, "activity.yaml"), "number: 2", "number: 3")
	if err := os.Rename(made, filepath.Join(act, "lmi-copy")); err != nil {
		t.Fatal(err)
	}
	if ev := next(t, events); !(ev.All || slices.Contains(ev.Changed, "fr/activities/lmi-copy/index.html")) || len(ev.Problems) > 0 {
		t.Fatalf("after a folder was added: %+v", ev)
	}
	if err := os.RemoveAll(filepath.Join(act, "neet-readiness")); err != nil {
		t.Fatal(err)
	}
	// Past maxChanged files the event says "all" instead of listing them.
	if ev := next(t, events); !(ev.All || slices.Contains(ev.Changed, "fr/activities/neet-readiness/index.html")) || len(ev.Problems) > 0 {
		t.Fatalf("after a folder was removed: %+v", ev)
	}
	sameAs(t, served(s), fullBuild(t, dir))
}

// TestHiddenFilesBuildNothing: an editor's swap file written beside a
// text (a dot file, which no stage reads) builds and reloads nothing.
func TestHiddenFilesBuildNothing(t *testing.T) {
	s, _, dir, events := watching(t, true, 20*time.Millisecond)
	before := s.builds.Load()
	swap := filepath.Join(dir, "content/activities/lmi-webinar/.index.fr.md.swp")
	if err := os.WriteFile(swap, []byte("b0VIM 9.0"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case ev := <-events:
		t.Fatalf("a swap file built and notified: %+v", ev)
	case <-time.After(2*reloadFirst + 500*time.Millisecond):
	}
	if n := s.builds.Load() - before; n != 0 {
		t.Errorf("a swap file started %d build(s)", n)
	}
	if !hidden("content/.git/x") || !hidden(".x") || hidden("content/activities/a/index.fr.md") {
		t.Error("hidden")
	}
}

// TestActivityEditWaitsForBuild: after a change of something else (a
// layout) not yet in a good build, an activity's edit is not shown from
// the layouts on disk with the last build's strings: it waits for the
// full build, which has both; and a removed activity file is left to it.
func TestActivityEditWaitsForBuild(t *testing.T) {
	dir := project(t)
	s, _ := start(t, dir)
	before := served(s)
	edit(t, filepath.Join(dir, "layouts/activity.html"), "<article>", "<article class=\"x\">")
	s.Update([]string{"layouts/activity.html"})
	title := "content/activities/lmi-webinar/index.fr.md"
	edit(t, filepath.Join(dir, title), "title: \"", "title: \"Nouveau ")
	s.Update([]string{title})
	sameAs(t, served(s), before)
	if _, err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	sameAs(t, served(s), fullBuild(t, dir))

	// The build cleared the wait: the next activity edit is shown at once.
	edit(t, filepath.Join(dir, title), "title: \"Nouveau ", "title: \"Autre ")
	s.Update([]string{title})
	page := "fr/activities/lmi-webinar/index.html"
	if !bytes.Equal(served(s)[page], fullBuild(t, dir)[page]) {
		t.Errorf("%s: the edit after the build is not shown at once", page)
	}

	gone := "content/activities/lmi-webinar/index.en.md"
	if err := os.Remove(filepath.Join(dir, gone)); err != nil {
		t.Fatal(err)
	}
	now := served(s)
	s.Update([]string{gone})
	sameAs(t, served(s), now)
}

// TestStaleBuildStopped: a change during a background build stops that
// build (it read the sources before the change, and would be thrown
// away) instead of letting it run to its end; the build the change asks
// for follows, and only it: two builds, and the site equals a full one.
func TestStaleBuildStopped(t *testing.T) {
	dir := project(t)
	var hold atomic.Bool
	entered, release := make(chan struct{}), make(chan struct{})
	opts := build.Options{BaseURL: "http://127.0.0.1/", Progress: func(stage string, _ int) {
		if stage == "render" && hold.CompareAndSwap(true, false) {
			close(entered) // the build has read the sources: held here
			<-release
		}
	}}
	s := New(os.DirFS(dir), opts, io.Discard)
	if _, err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	t.Cleanup(func() { close(stop) })
	go s.builder(stop)
	before := s.builds.Load()

	hold.Store(true)
	s.Update([]string{"layouts/activity.html"}) // a build that will be made stale
	<-entered
	edit(t, filepath.Join(dir, "layouts/activity.html"), "<article>", "<article class=\"x\">")
	s.Update([]string{"layouts/activity.html"})
	close(release)

	want := fullBuild(t, dir)
	deadline := time.Now().Add(20 * time.Second)
	for !maps.EqualFunc(served(s), want, bytes.Equal) {
		if time.Now().After(deadline) {
			t.Fatal("the site never caught up with the edit")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(2*reloadFirst + 300*time.Millisecond) // any further build would have started
	if n := s.builds.Load() - before; n != 2 {
		t.Errorf("%d full builds for two changes, the first made stale by the second; want 2 (the stale one stopped, then one)", n)
	}
	if n := s.stopped.Load(); n != 1 {
		t.Errorf("%d builds stopped, want the stale one", n)
	}
}

// TestSaveDuringFirstBuild: the watcher's stamps are taken before the
// first build (pesnet serve: NewWatcher, Rebuild, Run), so a file saved
// after the build read it, before the watcher runs, is built again, with
// notifications and by polling alike.
func TestSaveDuringFirstBuild(t *testing.T) {
	for _, notified := range []bool{true, false} {
		dir := project(t)
		s := New(os.DirFS(dir), build.Options{BaseURL: "http://127.0.0.1/"}, io.Discard)
		watchDir := dir
		if !notified {
			watchDir = ""
		}
		w := s.NewWatcher(watchDir, 20*time.Millisecond)
		if _, err := s.Rebuild(); err != nil {
			t.Fatal(err)
		}
		edit(t, filepath.Join(dir, "content/activities/lmi-webinar/index.en.md"), "\n---\n", "\n---\nSaved during the first build.\n\n")
		stop := make(chan struct{})
		go w.Run(stop)
		page := "en/activities/lmi-webinar/index.html"
		deadline := time.Now().Add(10 * time.Second)
		for !bytes.Contains(served(s)[page], []byte("Saved during the first build.")) {
			if time.Now().After(deadline) {
				t.Fatalf("notifications %v: the save made during the first build is never shown", notified)
			}
			time.Sleep(20 * time.Millisecond)
		}
		close(stop)
	}
}
