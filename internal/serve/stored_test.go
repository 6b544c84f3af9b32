package serve

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"path"
	"strings"
	"testing"
)

// TestServedCompressed: the site is held gzip-compressed, and each client
// gets the built bytes: compressed to one that takes gzip, as they are to
// one that does not; an HTML page always uncompressed, with the
// live-reload script.
func TestServedCompressed(t *testing.T) {
	dir := project(t)
	s, ts := start(t, dir)
	want := fullBuild(t, dir)

	raw, held := 0, 0
	for p, f := range storedFiles(s) {
		switch path.Ext(p) {
		case ".html", ".json", ".ics", ".xml", ".csv", ".css", ".js", ".txt", ".svg":
			raw += len(want[p])
			held += len(f.gz)
		case ".woff2":
			if !f.plain {
				t.Errorf("%s is compressed already: it should be kept as it is", p)
			}
		}
	}
	if held*5 > raw*2 {
		t.Errorf("the served site holds %d bytes of text for %d built: it should be held compressed", held, raw)
	}

	for _, name := range []string{"api/v1/fr/activities.json", "fr/calendar.ics", "sitemap.xml"} {
		if want[name] == nil {
			t.Fatalf("the fixture has no %s", name)
		}
		for _, c := range []struct {
			accept string
			gzip   bool
		}{
			{"gzip", true},
			{"br, gzip;q=0.8", true},
			{"*", true},
			{"", false},
			{"identity", false},
			{"gzip;q=0, identity", false},
		} {
			body, encoding := fetch(t, ts.URL+"/"+name, c.accept)
			if got := encoding == "gzip"; got != c.gzip {
				t.Errorf("%s with Accept-Encoding %q: Content-Encoding %q", name, c.accept, encoding)
			}
			if encoding == "gzip" {
				body = gunzip(t, body)
			}
			if !bytes.Equal(body, want[name]) {
				t.Errorf("%s with Accept-Encoding %q: not the built bytes", name, c.accept)
			}
		}
	}

	body, encoding := fetch(t, ts.URL+"/fr/", "gzip")
	if encoding != "" || !strings.Contains(string(body), liveTag()) || !bytes.HasPrefix(body, want["fr/index.html"][:100]) {
		t.Errorf("an HTML page should be sent uncompressed with the live-reload script (Content-Encoding %q)", encoding)
	}
}

// fetch gets url with the Accept-Encoding given (none when empty), the
// body as sent.
func fetch(t *testing.T, url, accept string) (body []byte, encoding string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if accept != "" {
		req.Header.Set("Accept-Encoding", accept)
	}
	// DisableCompression: the transport neither asks for gzip by itself
	// nor decompresses what it gets.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %s", url, resp.Status)
	}
	if v := resp.Header.Get("Vary"); !strings.Contains(v, "Accept-Encoding") {
		t.Errorf("%s: Vary %q lacks Accept-Encoding", url, v)
	}
	body, _ = io.ReadAll(resp.Body)
	return body, resp.Header.Get("Content-Encoding")
}

func gunzip(t *testing.T, gz []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
