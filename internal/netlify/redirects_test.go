package netlify

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseRedirects(t *testing.T) {
	rules, err := ParseRedirects("_redirects", []byte(`# comment
  # indented comment

/old/:year/*    /new/:year/:splat
/p /q 302 # trailing comment
/app/*	/index.html	200!
/lang/* /ar/:splat 302 Language=ar,fa
/geo /ma/ 302! country=MA
/ext/* https://example.org/:splat 200
/x/# /y 301
`))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		from, to   string
		status     int
		force      bool
		conditions map[string][]string
	}{
		{"/old/:year/*", "/new/:year/:splat", 301, false, nil},
		{"/p", "/q", 302, false, nil},
		{"/app/*", "/index.html", 200, true, nil},
		{"/lang/*", "/ar/:splat", 302, false, map[string][]string{"Language": {"ar", "fa"}}},
		{"/geo", "/ma/", 302, true, map[string][]string{"Country": {"MA"}}},
		{"/ext/*", "https://example.org/:splat", 200, false, nil},
		{"/x/#", "/y", 301, false, nil},
	}
	if len(rules) != len(want) {
		t.Fatalf("%d rules, want %d: %+v", len(rules), len(want), rules)
	}
	for i, w := range want {
		r := rules[i]
		if r.From != w.from || r.To != w.to || r.Status != w.status || r.Force != w.force || !reflect.DeepEqual(r.Conditions, w.conditions) {
			t.Errorf("rule %d: %+v, want %+v", i, r, w)
		}
	}
	c := (&Config{}).Prepend(rules)
	if m := c.Redirect("/old/2024/a/b", "", false); m == nil || m.Target != "/new/2024/a/b" || m.Status != 301 {
		t.Errorf("splat and placeholder: %+v", m)
	}
	if m := c.Redirect("/app/x", "", true); m == nil || m.Target != "/index.html" {
		t.Errorf("a forced rule must apply over an existing file: %+v", m)
	}
	if m := c.Redirect("/p", "", true); m != nil {
		t.Errorf("a rule that is not forced must not shadow a file: %+v", m)
	}
	if m := c.Redirect("/lang/x", "fa-IR", false); m == nil || m.Target != "/ar/x" {
		t.Errorf("Language condition met: %+v", m)
	}
	if m := c.Redirect("/lang/x", "en", false); m != nil {
		t.Errorf("Language condition unmet: %+v", m)
	}
	if m := c.Redirect("/geo", "", false); m != nil {
		t.Errorf("a Country condition is never met in the preview: %+v", m)
	}
}

// TestParseRedirectsErrors: every malformed line is reported, with the
// file name, its line number and what to write instead.
func TestParseRedirectsErrors(t *testing.T) {
	text := strings.Join([]string{
		"/ok /fine",                         // 1
		"/only-from",                        // 2
		"old /new",                          // 3
		"https://old.example.org/* /:splat", // 4
		"/store id=:id /blog/:id 301",       // 5
		"/a b",                              // 6
		"/a /b 3O1",                         // 7
		"/a /b 301 Role=admin",              // 8
		"/a /b 301 Language=",               // 9
		"/a /b 301 Language=fr Language=ar", // 10
		"/a /b 99",                          // 11
		"/a /b # /c 302",                    // 12: fine, a comment
	}, "\n")
	_, err := ParseRedirects("public/_redirects", []byte(text))
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	want := []string{
		`public/_redirects:2: "/only-from" has no destination`,
		`public/_redirects:3: "old": from must be a path starting with /`,
		`public/_redirects:4: "https://old.example.org/*": rules for another host are not supported`,
		`public/_redirects:5: "id=:id": query parameter matching is not supported`,
		`public/_redirects:6: destination "b" is neither a path`,
		`public/_redirects:7: status "3O1": write an HTTP status`,
		`public/_redirects:8: "Role=admin": unknown field`,
		`public/_redirects:9: "Language=": the condition Language needs values`,
		`public/_redirects:10: "Language=ar": the condition Language is given twice`,
		`public/_redirects:11: status "99"`,
	}
	if len(lines) != len(want) {
		t.Fatalf("%d problems, want %d:\n%v", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("problem %d:\n got %s\nwant %s…", i, lines[i], w)
		}
	}
}

// TestRedirectLine: Line writes what ParseRedirects reads back.
func TestRedirectLine(t *testing.T) {
	r := Redirect{From: "/a/*", To: "/b/:splat", Status: 200, Force: true, Conditions: map[string][]string{"Language": {"fr", "ar"}, "Country": {"MA"}}}
	if got, want := r.Line(), "/a/* /b/:splat 200! Country=MA Language=fr,ar"; got != want {
		t.Errorf("Line() = %q, want %q", got, want)
	}
	back, err := ParseRedirects("x", []byte(r.Line()))
	if err != nil || len(back) != 1 || back[0].Line() != r.Line() {
		t.Errorf("read back %+v, %v", back, err)
	}
}

// TestPrependOrder: the generated rules come first, as on Netlify, and
// the configuration prepended to is left as it was.
func TestPrependOrder(t *testing.T) {
	toml, err := Parse([]byte("[[redirects]]\nfrom = \"/*\"\nto = \"/404.html\"\nstatus = 404\n"))
	if err != nil {
		t.Fatal(err)
	}
	gen, err := ParseRedirects("_redirects", []byte("/fr/plans/current/* /fr/plans/2025-2026/:splat 302\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := toml.Prepend(gen)
	if m := c.Redirect("/fr/plans/current/areas/lmi/", "", false); m == nil || m.Status != 302 || m.Target != "/fr/plans/2025-2026/areas/lmi/" {
		t.Errorf("generated rule: %+v", m)
	}
	if m := c.Redirect("/elsewhere", "", false); m == nil || m.Status != 404 {
		t.Errorf("netlify.toml rule: %+v", m)
	}
	if len(toml.Redirects) != 1 {
		t.Errorf("Prepend changed its receiver: %d rules", len(toml.Redirects))
	}
}
