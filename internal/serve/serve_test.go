package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/oic-pesnet/workplan/internal/testproject"

	"github.com/oic-pesnet/workplan/internal/build"
)

// project copies the fixture project (internal/testproject) into a temporary
// folder that the test may edit.
func project(t *testing.T) string { return testproject.Copy(t) }

func start(t *testing.T, dir string) (*Server, *httptest.Server) {
	t.Helper()
	s := New(os.DirFS(dir), build.Options{BaseURL: "http://127.0.0.1/"}, io.Discard)
	if _, err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts
}

func get(t *testing.T, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func edit(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServesLikeNetlify: language negotiation, 404 pages, headers.
func TestServesLikeNetlify(t *testing.T) {
	_, ts := start(t, project(t))
	resp, _ := get(t, ts.URL+"/", "Accept-Language", "ar,fr;q=0.5")
	if resp.StatusCode != 302 || resp.Header.Get("Location") != "/ar/" {
		t.Errorf("/ with Arabic: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, body := get(t, ts.URL+"/en/activities/no-such-thing/")
	if resp.StatusCode != 404 || !strings.Contains(body, "Page not found") {
		t.Errorf("unknown English page: %d", resp.StatusCode)
	}
	resp, body = get(t, ts.URL+"/fr/")
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Errorf("/fr/: %d %v", resp.StatusCode, resp.Header)
	}
	if !strings.Contains(body, liveTag()+"</head>") || !strings.Contains(liveTag(), "/__pesnet/live.js?v=") {
		t.Error("no live-reload script in a served page")
	}
	if resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("a page is cached: %q", resp.Header.Get("Cache-Control"))
	}
	css := regexp.MustCompile(`/css/site\.[0-9a-f]{12}\.css`).FindString(body)
	for u, want := range map[string]string{
		css: immutable, "/favicon.svg": "no-store", // netlify.toml: the fingerprinted assets, for a year
		"/__pesnet/live.js?v=" + liveVersion(): immutable, "/__pesnet/live.js": "no-store", "/__pesnet/live.js?v=0": "no-store",
	} {
		if resp, _ := get(t, ts.URL+u); resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != want {
			t.Errorf("%s: %d, Cache-Control %q, want %q", u, resp.StatusCode, resp.Header.Get("Cache-Control"), want)
		}
	}
	resp, _ = get(t, ts.URL+"/fr/calendar.ics")
	if resp.Header.Get("Content-Type") != "text/calendar; charset=utf-8" || resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("feed headers: %v", resp.Header)
	}
	resp, _ = get(t, ts.URL+"/fr/activities")
	if resp.StatusCode != 301 || resp.Header.Get("Location") != "/fr/activities/" {
		t.Errorf("folder without slash: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
}

// TestGeneratedRedirects: the preview applies the build's _redirects
// before netlify.toml, as Netlify does: the uppercase country path of an
// iframe and the current plan's stable address redirect, and an unknown
// country still reaches netlify.toml's 404 page.
func TestGeneratedRedirects(t *testing.T) {
	_, ts := start(t, project(t))
	for path, want := range map[string]struct {
		status int
		to     string
	}{
		"/embed/fr/countries/MA/":      {301, "/embed/fr/countries/ma/"},
		"/fr/plans/current/":           {302, "/fr/plans/2025-2026/"},
		"/ar/plans/current":            {302, "/ar/plans/2025-2026/"},
		"/en/plans/current/areas/lmi/": {302, "/en/plans/2025-2026/areas/lmi/"},
	} {
		resp, _ := get(t, ts.URL+path)
		if resp.StatusCode != want.status || resp.Header.Get("Location") != want.to {
			t.Errorf("%s: %d %q, want %d %s", path, resp.StatusCode, resp.Header.Get("Location"), want.status, want.to)
		}
	}
	if resp, _ := get(t, ts.URL+"/embed/fr/countries/ma/"); resp.StatusCode != 200 {
		t.Errorf("the lowercase iframe page: %d", resp.StatusCode)
	}
	if resp, _ := get(t, ts.URL+"/embed/fr/countries/ZZ/"); resp.StatusCode != 404 {
		t.Errorf("an unknown country: %d, want 404", resp.StatusCode)
	}
}

// TestRebuildLoop edits a page's text and sees the new page served, then
// breaks a file: the last good page stays, and open tabs are told the
// problem with its file:line:col.
func TestRebuildLoop(t *testing.T) {
	dir := project(t)
	s, ts := start(t, dir)
	events := subscribe(t, ts.URL)
	if ev := <-events; len(ev.Problems) != 0 {
		t.Fatalf("first event: %+v", ev)
	}

	fr := filepath.Join(dir, "content/activities/neet-readiness/index.fr.md")
	edit(t, fr, "title: ", "title: Nouveau titre — ")
	if _, err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if ev := <-events; len(ev.Problems) != 0 {
		t.Fatalf("event after a good edit: %+v", ev)
	}
	_, body := get(t, ts.URL+"/fr/activities/neet-readiness/")
	if !strings.Contains(body, "Nouveau titre") {
		t.Fatal("the edit is not served")
	}

	facts := filepath.Join(dir, "content/activities/neet-readiness/activity.yaml")
	edit(t, facts, "country: MA", "country: XX")
	if _, err := s.Rebuild(); err == nil {
		t.Fatal("a broken edit built")
	}
	ev := <-events
	if len(ev.Problems) != 1 || !strings.HasPrefix(ev.Problems[0], "content/activities/neet-readiness/activity.yaml:") || !strings.Contains(ev.Problems[0], `unknown country code "XX"`) {
		t.Fatalf("overlay event: %+v", ev)
	}
	resp, body := get(t, ts.URL+"/fr/activities/neet-readiness/")
	if resp.StatusCode != 200 || !strings.Contains(body, "Nouveau titre") {
		t.Error("the last good site is not served after a broken edit")
	}
	edit(t, facts, "country: XX", "country: MA")
	if _, err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if ev := <-events; len(ev.Problems) != 0 {
		t.Errorf("the fix did not clear the problems: %+v", ev)
	}
}

// TestWatch: the watcher notices an edit and rebuilds by itself, with
// file notifications (the project's folder) and by polling; a save that
// leaves the bytes as they were (a touch) rebuilds nothing.
func TestWatch(t *testing.T) {
	for _, mode := range []string{"notify", "poll"} {
		t.Run(mode, func(t *testing.T) {
			_, ts, dir, events := watching(t, mode == "notify", 20*time.Millisecond)
			file := filepath.Join(dir, "content/activities/neet-readiness/index.en.md")
			now := time.Now().Add(time.Second)
			if err := os.Chtimes(file, now, now); err != nil {
				t.Fatal(err)
			}
			select {
			case ev := <-events:
				t.Fatalf("a touch without change rebuilt and notified: %+v", ev)
			case <-time.After(500 * time.Millisecond):
			}
			edit(t, file, "title: ", "title: Watched — ")
			select {
			case ev := <-events:
				if len(ev.Problems) != 0 || !slices.Contains(ev.Changed, "en/activities/neet-readiness/index.html") ||
					slices.Contains(ev.Changed, "fr/activities/neet-readiness/index.html") {
					t.Fatalf("%+v", ev)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("no rebuild after an edit")
			}
			if _, body := get(t, ts.URL+"/en/activities/neet-readiness/"); !strings.Contains(body, "Watched —") {
				t.Error("the watched edit is not served")
			}
		})
	}
}

// TestEditsMatchFullBuild: after a sequence of edits (a text, facts, a new
// activity, a removed one, an interface string, a layout), the site the
// server serves equals a full build of the edited project, byte for byte,
// and every event listed exactly the files that changed.
func TestEditsMatchFullBuild(t *testing.T) {
	dir := project(t)
	s, ts := start(t, dir)
	events := subscribe(t, ts.URL)
	<-events
	act := filepath.Join(dir, "content/activities")
	steps := []func(){
		func() { edit(t, filepath.Join(act, "lmi-webinar/index.fr.md"), "title: ", "title: Édité — ") },
		func() {
			edit(t, filepath.Join(act, "lmi-webinar/activity.yaml"), "status: confirmed", "status: cancelled")
		},
		func() {
			if err := os.CopyFS(filepath.Join(act, "lmi-new"), os.DirFS(filepath.Join(act, "lmi-webinar"))); err != nil {
				t.Fatal(err)
			}
			edit(t, filepath.Join(act, "lmi-new/activity.yaml"), "id: lmi-webinar", "id: lmi-new")
			edit(t, filepath.Join(act, "lmi-new/activity.yaml"), "number: 2", "number: 3")
		},
		func() {
			if err := os.RemoveAll(filepath.Join(act, "neet-readiness")); err != nil {
				t.Fatal(err)
			}
		},
		func() { edit(t, filepath.Join(dir, "i18n/en.toml"), `"Related activities"`, `"Nearby activities"`) },
		func() {
			edit(t, filepath.Join(dir, "layouts/activity.html"), "<article>", "<article class=\"edited\">")
		},
	}
	before := served(s)
	for i, step := range steps {
		step()
		if _, err := s.Rebuild(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		after := served(s)
		ev := <-events
		if want := changedBetween(before, after); !ev.All && !slices.Equal(ev.Changed, want) {
			t.Errorf("step %d: the event lists %d changed files, want %d", i, len(ev.Changed), len(want))
		}
		before = after
	}
	full, err := build.Build(os.DirFS(dir), build.Options{BaseURL: "http://127.0.0.1/"})
	if err != nil {
		t.Fatal(err)
	}
	got := served(s)
	if len(got) != len(full.Files) {
		t.Fatalf("serving %d files, a full build makes %d", len(got), len(full.Files))
	}
	for _, f := range full.Files {
		if !bytes.Equal(got[f.Path], f.Data) {
			t.Errorf("%s differs from a full build", f.Path)
		}
	}
	if _, body := get(t, ts.URL+"/en/activities/lmi-new/"); !strings.Contains(body, "Nearby activities") || !strings.Contains(body, `class="edited"`) {
		t.Error("the new activity's page does not show the edited string and layout")
	}
}

// served is the site s serves, uncompressed.
func served(s *Server) map[string][]byte {
	out := map[string][]byte{}
	for p, f := range storedFiles(s) {
		out[p] = f.bytes()
	}
	return out
}

// storedFiles is the site s serves, as stored.
func storedFiles(s *Server) map[string]*stored {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return maps.Clone(s.site)
}

func changedBetween(a, b map[string][]byte) []string {
	var out []string
	for p, data := range b {
		if old, ok := a[p]; !ok || !bytes.Equal(old, data) {
			out = append(out, p)
		}
	}
	for p := range a {
		if _, ok := b[p]; !ok {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

func TestFailurePageBeforeFirstGoodBuild(t *testing.T) {
	dir := project(t)
	edit(t, filepath.Join(dir, "content/site.yaml"), "languages:", "langs:")
	s := New(os.DirFS(dir), build.Options{}, io.Discard)
	if _, err := s.Rebuild(); err == nil {
		t.Fatal("expected a failure")
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	resp, body := get(t, ts.URL+"/fr/")
	if resp.StatusCode != 503 || !strings.Contains(body, "content/site.yaml:") || !strings.Contains(body, "/__pesnet/live.js") {
		t.Errorf("%d %s", resp.StatusCode, body)
	}
}

func subscribe(t *testing.T, base string) <-chan event {
	t.Helper()
	resp, err := http.Get(base + "/__pesnet/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	out := make(chan event, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var ev event
				if json.Unmarshal([]byte(data), &ev) == nil {
					out <- ev
				}
			}
		}
	}()
	return out
}

// TestBuildKeepsServedCopies: a build keeps the served copy of every file
// whose bytes it made again unchanged (and drops its own at once), so that
// it holds only what changed, not a second site; the site still equals a
// full build.
func TestBuildKeepsServedCopies(t *testing.T) {
	dir := project(t)
	s, _ := start(t, dir)
	before := storedFiles(s)
	edit(t, filepath.Join(dir, "layouts/activity.html"), "<article>", "<article class=\"x\">")
	if _, err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	sameAs(t, served(s), fullBuild(t, dir))
	kept, made := 0, 0
	for p, f := range storedFiles(s) {
		old, ok := before[p]
		switch {
		case !ok || !bytes.Equal(old.bytes(), f.bytes()):
			made++
		case unsafe.SliceData(old.gz) == unsafe.SliceData(f.gz):
			kept++
		default:
			t.Errorf("%s: unchanged, but the build holds its own copy", p)
		}
	}
	if kept == 0 || made == 0 {
		t.Errorf("%d files kept and %d made again: the edit should change some pages and leave the rest", kept, made)
	}
}
