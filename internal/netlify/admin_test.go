package netlify_test

import (
	"os"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/netlify"
)

// TestAdminServed: the editors' CMS (static/admin/, published at /admin/)
// is served as it is by the project's netlify.toml, never caught by the
// "/*" → /404.html rule, with the headers of its own rule, one CSP.
func TestAdminServed(t *testing.T) {
	c, err := netlify.Load(os.DirFS("../.."), "netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]bool{"admin/index.html": true, "admin/config.yml": true, "admin/sveltia-cms-0.221.1.js": true, "admin/fonts/fonts.css": true}
	exists := func(f string) bool { return files[f] }
	for path, want := range map[string]netlify.Answer{
		"/admin":                        {Status: 301, Location: "/admin/"},
		"/admin/":                       {Status: 200, Path: "/admin/", File: "admin/index.html"},
		"/admin/config.yml":             {Status: 200, Path: "/admin/config.yml", File: "admin/config.yml"},
		"/admin/sveltia-cms-0.221.1.js": {Status: 200, Path: "/admin/sveltia-cms-0.221.1.js", File: "admin/sveltia-cms-0.221.1.js"},
		"/admin/fonts/fonts.css":        {Status: 200, Path: "/admin/fonts/fonts.css", File: "admin/fonts/fonts.css"},
	} {
		got := c.Answer(path, "fr", exists)
		got.Rule = nil
		if got != want {
			t.Errorf("%s: got %+v, want %+v", path, got, want)
		}
	}
	for _, path := range []string{"/admin/", "/admin/sveltia-cms-0.221.1.js", "/admin/fonts/fonts.css"} {
		h := c.HeadersFor(path)
		csp := h["Content-Security-Policy"]
		if !strings.HasPrefix(csp, "default-src 'none'; script-src 'self';") || strings.Contains(csp, ", ") {
			t.Errorf("%s: Content-Security-Policy %q: not the /admin/* one alone", path, csp)
		}
		for k, v := range map[string]string{"X-Robots-Tag": "noindex", "X-Frame-Options": "DENY", "Cache-Control": "no-cache"} {
			if h[k] != v {
				t.Errorf("%s: %s = %q, want %q", path, k, h[k], v)
			}
		}
	}
}
