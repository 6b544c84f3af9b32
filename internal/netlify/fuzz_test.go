package netlify

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// FuzzMatch applies the redirect and header rules to any request path, as
// pesnet serve does (the path cleaned first) and raw. The rules are the
// project's own netlify.toml when spec is empty, else up to four rules
// built from spec: one per line, "from to status force". It checks that:
//
//   - the rule chosen is the first whose pattern matches, by an independent
//     matcher written here from the documented syntax ("*" matches
//     anything, ":name" one or more characters other than "/", everything
//     else itself), skipping rules that are not forced when the file
//     exists; a rule with a Language condition may be skipped, and one
//     without may not; in particular a path equal to a rule's literal
//     pattern is matched;
//   - every header rule matching the path, by the same matcher, gives its
//     header, and no other does;
//   - a redirect (3xx) whose rule sends to the site itself ("to" without
//     scheme and without "//") never sends outside it: its Location, read
//     as a browser reads it (tabs and line breaks removed, "\" as "/"),
//     has no scheme and does not start with "//".
func FuzzMatch(f *testing.F) {
	project, err := os.ReadFile("../../netlify.toml") // the rules, not content
	if err != nil {
		f.Fatal(err)
	}
	real, err := Parse(project)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []struct{ path, spec, accept string }{
		{"/", "", "ar"}, {"/", "", "en-GB,fr;q=0.5"}, {"/", "", ""}, {"/ar/x", "", ""}, {"/en/activities/x/", "", ""},
		{"/nothing", "", ""}, {"/embed/fr/", "", ""}, {"/api/v1/x.csv", "", ""}, {"/fr/feed.ics", "", ""},
		{"/go/evil.com", "/go/* /:splat 301", ""},
		{"/go/\\evil.com", "/go/* /:splat 302", ""},
		{"/x/evil.com", "/x* /:splat 301", ""},
		{"/https://evil.com", "/* :splat 302", ""},
		{"/a/b", "/:lang/:page /:page/:lang 301 f", ""},
		{"/old/a\nb", "/old/* /new/:splat 301", ""},
		{"/p", "/p /q 200\n/p /r 301 f", ""},
		{"/api/x", "/api/* https://api.example.org/:splat 200 f", ""},
	} {
		f.Add(s.path, s.spec, s.accept, false)
		f.Add(s.path, s.spec, s.accept, true)
	}
	f.Fuzz(func(t *testing.T, raw, spec, accept string, exists bool) {
		if len(raw) > 1<<10 || len(spec) > 256 {
			return
		}
		c := real
		if spec != "" {
			if c = fuzzRules(t, spec); c == nil {
				return
			}
		}
		served := path.Clean("/" + raw)
		if strings.HasSuffix(raw, "/") && served != "/" {
			served += "/"
		}
		for _, p := range []string{served, raw} {
			checkRedirect(t, c, p, accept, exists)
			checkHeaders(t, c, p)
		}
	})
}

// fuzzRules builds a configuration from spec, or returns nil when spec
// cannot be one (a string TOML cannot hold).
func fuzzRules(t *testing.T, spec string) *Config {
	type rule struct {
		From   string `toml:"from"`
		To     string `toml:"to"`
		Status int    `toml:"status"`
		Force  bool   `toml:"force"`
	}
	type header struct {
		For    string            `toml:"for"`
		Values map[string]string `toml:"values"`
	}
	var doc struct {
		Redirects []rule   `toml:"redirects"`
		Headers   []header `toml:"headers"`
	}
	if !utf8.ValidString(spec) {
		return nil
	}
	for i, line := range strings.SplitN(spec, "\n", 5)[:min(4, strings.Count(spec, "\n")+1)] {
		fields := strings.SplitN(line, " ", 4)
		for len(fields) < 4 {
			fields = append(fields, "")
		}
		status := map[string]int{"200": 200, "301": 301, "302": 302, "404": 404}[fields[2]]
		doc.Redirects = append(doc.Redirects, rule{From: fields[0], To: fields[1], Status: status, Force: fields[3] != ""})
		doc.Headers = append(doc.Headers, header{For: fields[0], Values: map[string]string{fmt.Sprintf("X-Rule-%d", i): "1"}})
	}
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(doc); err != nil {
		return nil
	}
	c, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatalf("rules written by the TOML encoder refused: %v\n%s", err, buf.Bytes())
	}
	return c
}

func checkRedirect(t *testing.T, c *Config, p, accept string, exists bool) {
	m := c.Redirect(p, accept, exists)
	got := -1
	if m != nil {
		got = indexOf(c, m.Rule)
	}
	want := -1
	for i := range c.Redirects {
		r := &c.Redirects[i]
		if !globMatch(r.From, p) || exists && !r.Force {
			continue
		}
		if len(r.Conditions["Language"]) > 0 && got != i {
			continue // its condition may be unmet
		}
		if len(r.Conditions["Country"]) > 0 {
			continue // never met in the preview
		}
		want = i
		break
	}
	if got != want {
		t.Fatalf("path %q (file exists: %v, Accept-Language %q): rule %d applies, want rule %d\n%s", p, exists, accept, got, want, describe(c))
	}
	if m == nil {
		return
	}
	if r := c.Redirects[got]; r.From == p && !strings.ContainsAny(r.From, "*:") && m.Target != r.To {
		t.Errorf("path %q matches rule %q → %q literally, but goes to %q", p, r.From, r.To, m.Target)
	}
	switch m.Status {
	case 301, 302, 303, 307, 308:
		if to := m.Rule.To; !leavesSite(to) && leavesSite(m.Target) {
			t.Errorf("path %q: rule %q → %q redirects outside the site, to %q", p, m.Rule.From, to, m.Target)
		}
	}
}

func checkHeaders(t *testing.T, c *Config, p string) {
	h := c.HeadersFor(p)
	for i, rule := range c.Headers {
		for k := range rule.Values {
			if !strings.HasPrefix(k, "X-Rule-") {
				return // the project's rules: only that it does not panic
			}
			_, got := h[k]
			if want := globMatch(rule.For, p); got != want {
				t.Errorf("path %q, header rule %d for %q: applied %v, want %v", p, i, rule.For, got, want)
			}
		}
	}
}

func indexOf(c *Config, r *Redirect) int {
	for i := range c.Redirects {
		if &c.Redirects[i] == r {
			return i
		}
	}
	return -2
}

func describe(c *Config) string {
	var b strings.Builder
	for i, r := range c.Redirects {
		fmt.Fprintf(&b, "  %d: %q → %q %d force=%v %v\n", i, r.From, r.To, r.Status, r.Force, r.Conditions)
	}
	return b.String()
}

// globMatch is the documented pattern syntax, matched by memoized backtracking: "*"
// any text (line breaks too), ":name" (a letter, digit or "_" after the
// colon, as many as follow) one or more characters other than "/", any
// other byte itself.
func globMatch(pattern, s string) bool {
	// Memoized on (pattern offset, path offset): the plain recursion is
	// exponential in the number of "*" (a fuzzed "/**0***:b!" took 20 s
	// on a 300-byte path and the fuzzer reported it as a hang).
	// A table rather than a map: a map's hashing made a 900-byte input
	// slow enough that, on a loaded machine, the fuzzer took it for a hang.
	memo := make([]int8, (len(pattern)+1)*(len(s)+1)) // 0 unknown, 1 no, 2 yes
	var match func(pi, si int) bool
	match = func(pi, si int) bool {
		key := pi*(len(s)+1) + si
		if memo[key] != 0 {
			return memo[key] == 2
		}
		v := globStep(pattern[pi:], s[si:], func(pn, sn int) bool { return match(pi+pn, si+sn) })
		memo[key] = 1
		if v {
			memo[key] = 2
		}
		return v
	}
	return match(0, 0)
}

// globStep is one step of globMatch: whether pattern matches s, given
// rest(pn, sn), whether pattern[pn:] matches s[sn:]. A splat or a
// placeholder takes whole characters, as the matcher's regular expression
// does: two placeholders cannot share the bytes of one "Ԟ" (a fuzzed
// ":0:0*0*0" on "Ԟ00").
func globStep(pattern, s string, rest func(pn, sn int) bool) bool {
	if pattern == "" {
		return s == ""
	}
	switch {
	case pattern[0] == '*':
		// Character boundaries as the regular expression sees them (an
		// invalid byte is a character of its own), longest match first.
		ends := []int{0}
		for i := 0; i < len(s); {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			ends = append(ends, i)
		}
		for k := len(ends) - 1; k >= 0; k-- {
			if rest(1, ends[k]) {
				return true
			}
		}
		return false
	case pattern[0] == ':' && len(pattern) > 1 && nameByte(pattern[1]):
		n := 1
		for n < len(pattern) && nameByte(pattern[n]) {
			n++
		}
		for i := 0; i < len(s) && s[i] != '/'; {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if rest(n, i) {
				return true
			}
		}
		return false
	}
	return s != "" && s[0] == pattern[0] && rest(1, 1)
}

func nameByte(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// leavesSite reports whether a browser sent to Location u would leave the
// site: u has a scheme, or is scheme-relative ("//host", "\\host"), once
// read as the WHATWG URL parser reads it (surrounding C0 controls and
// spaces trimmed, tabs and line breaks removed; in http(s) pages "\" is
// "/").
func leavesSite(u string) bool {
	u = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return -1
		case '\\':
			return '/'
		}
		return r
	}, strings.TrimFunc(u, func(r rune) bool { return r <= ' ' }))
	if strings.HasPrefix(u, "//") {
		return true
	}
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c|0x20 && c|0x20 <= 'z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// FuzzRedirects reads any text as a _redirects file, as pesnet serve reads
// the built one, and checks that:
//
//   - a refused file is refused with problems that each start with the
//     file's name and the number of a line it has;
//   - the rules of an accepted file, written back one per line
//     (Redirect.Line), read back as the same rules;
//   - they are matched as netlify.toml's are (checkRedirect): the first
//     rule whose pattern matches applies, and a redirect within the site
//     stays on it; a rule with a Country condition never applies.
func FuzzRedirects(f *testing.F) {
	for _, s := range []struct{ text, path string }{
		{"/fr/plans/current/* /fr/plans/2025-2026/:splat 302\n", "/fr/plans/current/areas/lmi/"},
		{"/embed/:lang/countries/MA/* /embed/:lang/countries/ma/:splat 301", "/embed/ar/countries/MA/"},
		{"# comment\n\n/a /b # trailing\n/c/*\t/d/:splat\t200!\r\n", "/c/x"},
		{"/lang/* /ar/:splat 302 Language=ar,fa Country=MA", "/lang/x"},
		{"/go/* /:splat 301\n/x* /:splat 302", "/go/\\evil.com"},
		{"/store id=:id /blog/:id 301\n/only\nold /new 30x", "/store"},
		{"https://old.example.org/* https://example.org/:splat 301!", "/"},
		{"/a /b 301 Language=fr Language=ar\n/a /b 301 Role=admin\n/é \xff", "/a"},
	} {
		f.Add(s.text, s.path, false)
		f.Add(s.text, s.path, true)
	}
	f.Fuzz(func(t *testing.T, text, p string, exists bool) {
		if len(text) > 1<<10 || len(p) > 256 {
			return
		}
		rules, err := ParseRedirects("_redirects", []byte(text))
		if err != nil {
			checkProblems(t, text, err)
			return
		}
		var lines []string
		for _, r := range rules {
			lines = append(lines, r.Line())
		}
		back, err := ParseRedirects("_redirects", []byte(strings.Join(lines, "\n")))
		if err != nil || len(back) != len(rules) {
			t.Fatalf("the rules of\n%q\nwritten as\n%q\nread back as %d rules: %v", text, lines, len(back), err)
		}
		for i := range back {
			if back[i].Line() != lines[i] {
				t.Errorf("rule %d: %q read back as %q", i, lines[i], back[i].Line())
			}
		}
		checkRedirect(t, (&Config{}).Prepend(rules), p, "", exists)
	})
}

// checkProblems checks that every problem of a refused file names the file
// and one of its lines.
func checkProblems(t *testing.T, text string, err error) {
	lines := strings.Count(text, "\n") + 1
	for _, msg := range strings.Split(err.Error(), "\n") {
		rest, ok := strings.CutPrefix(msg, "_redirects:")
		n, _, _ := strings.Cut(rest, ": ")
		if i, aerr := strconv.Atoi(n); !ok || aerr != nil || i < 1 || i > lines {
			t.Errorf("problem %q does not start with _redirects:<line>: (the text has %d lines)", msg, lines)
		}
	}
}
