package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/oic-pesnet/workplan/internal/build"
)

// TestHostHeader: only loopback host names are served, so that a web page
// cannot read the preview through DNS rebinding (its own name resolved to
// 127.0.0.1).
func TestHostHeader(t *testing.T) {
	s := New(fstest.MapFS{}, build.Options{BaseURL: "http://127.0.0.1:1313/"}, io.Discard)
	for host, ok := range map[string]bool{
		"127.0.0.1:1313": true, "127.0.0.1": true, "localhost:1313": true, "LOCALHOST:8080": true, "[::1]:1313": true, "[::1]": true,
		"attacker.example:1313": false, "attacker.example": false, "127.0.0.1.nip.io:1313": false, "localhost.attacker.example": false,
		"127.0.0.2:1313": false, "0.0.0.0:1313": false, "": false, "[::1]x": false,
	} {
		paths := []string{"/", "/fr/", "/__pesnet/live.js"}
		if !ok {
			paths = append(paths, "/__pesnet/events") // refused before it streams
		}
		for _, path := range paths {
			req := httptest.NewRequest("GET", "http://x"+path, nil)
			req.Host = host
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			refused := rec.Code == http.StatusMisdirectedRequest
			if refused == ok {
				t.Errorf("Host %q %s: status %d", host, path, rec.Code)
			}
			if refused && !strings.Contains(rec.Body.String(), "answers only to http://127.0.0.1") {
				t.Errorf("Host %q: body %q", host, rec.Body.String())
			}
		}
	}
}
