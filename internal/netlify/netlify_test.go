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

// TestLanguageNegotiation drives real Accept-Language headers through the
// project's netlify.toml as Netlify applies it (only the first language
// counts, whatever its quality value): rules is what the CDN answers at
// "/" (a redirect, or "" for the language chooser), and final where the
// visitor ends up once the chooser's script (static/js/lang.js, checked
// in a browser by .ci/checks/arrive.mjs) has looked at the browser's
// languages in order ("" when none is the site's: the chooser stays).
func TestLanguageNegotiation(t *testing.T) {
	c := project(t)
	tests := []struct{ accept, rules, final string }{
		{"tr-TR,tr;q=0.9,en;q=0.8", "", "/en/"},
		{"ms-MY,ms;q=0.9,en;q=0.8", "", "/en/"},
		{"ar-EG,ar;q=0.9", "/ar/", "/ar/"},
		{"fr-CA", "/fr/", "/fr/"},
		{"en-GB,en;q=0.9,fr;q=0.8", "/en/", "/en/"},
		{"de-DE,de;q=0.9", "", ""},
		{"ur-PK,ur;q=0.9,ar;q=0.7,en;q=0.5", "", "/ar/"},
		{"ar,en;q=0.8", "/ar/", "/ar/"},
		{"AR-ma", "/ar/", "/ar/"},
		{"  en-US ; q=0.9 , fr", "/en/", "/en/"},
		{"*", "", ""},
		{"", "", ""},
		{",,;q=1", "", ""},
		{"en-US;q=abc,de", "/en/", "/en/"},
		{"english", "", ""},
		{"fr_FR", "", "/fr/"},
		// Quality values do not count on Netlify: the first entry decides.
		{"fr;q=0.4,ar;q=0.9", "/fr/", "/fr/"},
		// q=0 ("not this language"): no browser sends it first, and Netlify
		// would still read it; the chooser's script skips it.
		{"de,en;q=0", "", ""},
		{"en;q=0,ar", "/en/", "/en/"},
	}
	exists := func(f string) bool { return f == "index.html" }
	for _, tt := range tests {
		a := c.Answer("/", tt.accept, exists)
		switch {
		case tt.rules != "" && (a.Status != 302 || a.Location != tt.rules):
			t.Errorf("Accept-Language %q: got %+v, want 302 to %s", tt.accept, a, tt.rules)
		case tt.rules == "" && (a.Redirected() || a.Status != 200 || a.File != "index.html"):
			t.Errorf("Accept-Language %q: got %+v, want the chooser (index.html, 200)", tt.accept, a)
		}
		final := tt.rules
		if final == "" {
			final = chooserPick(tt.accept, []string{"fr", "ar", "en"})
		}
		if final != tt.final {
			t.Errorf("Accept-Language %q: the visitor ends on %q, want %q", tt.accept, final, tt.final)
		}
	}
	// A page that exists is served as is.
	if m := c.Redirect("/ar/index.html", "en", true); m != nil {
		t.Errorf("an existing page was redirected: %+v", m)
	}
}

// chooserPick is what static/js/lang.js does on the chooser, given the
// languages the browser lists (its Accept-Language entries, in order,
// without those it refuses with q=0): the home page of the first whose
// language the site has, or "" to stay.
func chooserPick(accept string, site []string) string {
	for _, part := range strings.Split(accept, ",") {
		tag, params, _ := strings.Cut(part, ";")
		if q := strings.ReplaceAll(params, " ", ""); q == "q=0" || strings.HasPrefix(q, "q=0.0") && strings.Trim(q[4:], "0") == "" {
			continue
		}
		base := strings.ToLower(strings.TrimSpace(tag))
		if i := strings.IndexAny(base, "-_"); i >= 0 {
			base = base[:i]
		}
		for _, l := range site {
			if base == l {
				return "/" + l + "/"
			}
		}
	}
	return ""
}

func TestFirstLanguage(t *testing.T) {
	for accept, want := range map[string]string{
		"tr-TR,tr;q=0.9,en;q=0.8": "tr-tr",
		"fr;q=0.4,ar;q=0.9":       "fr",
		" EN-gb ;q=1":             "en-gb",
		"":                        "",
		",en":                     "",
		"*":                       "*",
	} {
		if got := FirstLanguage(accept); got != want {
			t.Errorf("FirstLanguage(%q) = %q, want %q", accept, got, want)
		}
	}
	for _, tt := range []struct {
		tag, want string
		ok        bool
	}{
		{"en-gb", "en", true}, {"en", "en", true}, {"en", "EN", true},
		{"zh-tw", "zh-TW", true}, {"zh-cn", "zh-tw", false}, {"zh", "zh-tw", false},
		{"english", "en", false}, {"*", "en", false}, {"", "en", false},
	} {
		if got := languageMatches(tt.tag, tt.want); got != tt.ok {
			t.Errorf("languageMatches(%q, %q) = %v", tt.tag, tt.want, got)
		}
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
