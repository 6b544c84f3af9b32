package netlify

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

func project(t *testing.T) *Config {
	t.Helper()
	c, err := Load(os.DirFS("../.."), "netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestBuildSettings(t *testing.T) {
	c := project(t)
	if c.Build.Publish != "public" {
		t.Errorf("publish = %q", c.Build.Publish)
	}
	if !strings.Contains(c.Build.Command, `pesnet build --base-url "$URL"`) {
		t.Errorf("production command = %q: it must pass Netlify's URL", c.Build.Command)
	}
	for _, ctx := range []string{"deploy-preview", "branch-deploy"} {
		cmd := c.Context[ctx].Command
		if !strings.Contains(cmd, `--base-url "$DEPLOY_PRIME_URL"`) || !strings.Contains(cmd, "--noindex") {
			t.Errorf("%s command = %q: it must use DEPLOY_PRIME_URL and --noindex", ctx, cmd)
		}
	}
	if v := c.Build.Environment["GO_VERSION"]; !strings.HasPrefix(v, "1.26") {
		t.Errorf("GO_VERSION = %q", v)
	}
}

func TestLanguageNegotiation(t *testing.T) {
	c := project(t)
	tests := []struct{ accept, want string }{
		{"ar,en;q=0.8", "/ar/"},
		{"ar-MA", "/ar/"},
		{"en-GB,en;q=0.9,fr;q=0.5", "/en/"},
		{"fr-FR", "/fr/"},
		{"de-DE,en;q=0.5", "/fr/"},
		{"", "/fr/"},
		{"fr;q=0.4,ar;q=0.9", "/ar/"},
	}
	for _, tt := range tests {
		m := c.Redirect("/", tt.accept, true)
		if m == nil || m.Target != tt.want || m.Status != 302 {
			t.Errorf("Accept-Language %q: got %+v, want 302 to %s", tt.accept, m, tt.want)
		}
	}
	// A page that exists is served as is.
	if m := c.Redirect("/ar/index.html", "en", true); m != nil {
		t.Errorf("an existing page was redirected: %+v", m)
	}
}

func TestNotFound(t *testing.T) {
	c := project(t)
	for path, want := range map[string]string{
		"/ar/activities/nope/": "/ar/404.html",
		"/en/x":                "/en/404.html",
		"/fr/areas/x/y":        "/fr/404.html",
		"/nothing-here":        "/404.html",
	} {
		m := c.Redirect(path, "ar", false)
		if m == nil || m.Target != want || m.Status != 404 {
			t.Errorf("%s: got %+v, want 404 %s", path, m, want)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	c := project(t)
	for _, p := range []string{"/", "/index.html", "/404.html", "/fr/", "/ar/activities/effective-lmis/", "/en/embed/"} {
		h := c.HeadersFor(p)
		csp := h["Content-Security-Policy"]
		if csp == "" || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("%s: CSP %q", p, csp)
		}
		if h["X-Frame-Options"] != "DENY" || h["X-Content-Type-Options"] != "nosniff" || h["Referrer-Policy"] == "" || !strings.HasPrefix(h["Strict-Transport-Security"], "max-age=") {
			t.Errorf("%s: headers %v", p, h)
		}
	}
	embed := c.HeadersFor("/embed/ar/areas/youth-neet/")
	if !strings.Contains(embed["Content-Security-Policy"], "frame-ancestors *") || embed["X-Frame-Options"] != "" {
		t.Errorf("embed pages must be framable: %v", embed)
	}
	for p, want := range map[string]map[string]string{
		"/fr/calendar.ics":                  {"Content-Type": "text/calendar; charset=utf-8", "Access-Control-Allow-Origin": "*"},
		"/ar/areas/youth-neet/calendar.ics": {"Content-Type": "text/calendar; charset=utf-8", "Access-Control-Allow-Origin": "*"},
		"/api/v1/fr/activities.json":        {"Access-Control-Allow-Origin": "*"},
		"/css/site.0123456789ab.css":        {"Cache-Control": "public, max-age=31536000, immutable"},
		"/embed.js":                         {"Cache-Control": "public, max-age=3600"},
		"/api/v1/catalog.csv":               {"Content-Type": "text/csv; charset=utf-8; header=present"},
	} {
		h := c.HeadersFor(p)
		for k, v := range want {
			if h[k] != v {
				t.Errorf("%s: %s = %q, want %q", p, k, h[k], v)
			}
		}
	}
}

func TestPatterns(t *testing.T) {
	c, err := Parse([]byte(`
[[redirects]]
from = "/old/:year/*"
to = "/new/:year/:splat"
status = 301
[[headers]]
for = "/a/:id/b"
[headers.values]
X = "1"
[[headers]]
for = "/a/*"
[headers.values]
X = "2"
`))
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Redirect("/old/2024/x/y", "", false); m == nil || m.Target != "/new/2024/x/y" {
		t.Errorf("redirect: %+v", m)
	}
	if got := c.HeadersFor("/a/7/b")["X"]; got != "1, 2" {
		t.Errorf("merged header = %q", got)
	}
	if got := c.HeadersFor("/a/7/c")["X"]; got != "2" {
		t.Errorf("header = %q", got)
	}
	if _, err := Parse([]byte("[build\n")); err == nil || !regexp.MustCompile(`^netlify.toml:\d+:\d+: `).MatchString(err.Error()) {
		t.Errorf("error = %v", err)
	}
}
