package serve

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	if !strings.Contains(body, `<script src="/__pesnet/live.js" defer></script></head>`) {
		t.Error("no live-reload script in a served page")
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

// TestWatch: the polling watcher notices an edit and rebuilds by itself.
func TestWatch(t *testing.T) {
	dir := project(t)
	s, ts := start(t, dir)
	events := subscribe(t, ts.URL)
	<-events
	stop := make(chan struct{})
	defer close(stop)
	go s.Watch(stop, 20*time.Millisecond)
	time.Sleep(50 * time.Millisecond)
	edit(t, filepath.Join(dir, "content/activities/neet-readiness/index.en.md"), "title: ", "title: Watched — ")
	select {
	case ev := <-events:
		if len(ev.Problems) != 0 {
			t.Fatalf("%+v", ev)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no rebuild after an edit")
	}
	if _, body := get(t, ts.URL+"/en/activities/neet-readiness/"); !strings.Contains(body, "Watched —") {
		t.Error("the watched edit is not served")
	}
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
