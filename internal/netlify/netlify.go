// Package netlify reads netlify.toml and the _redirects file of the
// publish folder, and applies their redirect and header rules to a
// request, the way Netlify's CDN does, so that `pesnet serve` previews the
// site exactly as production serves it, and tests can assert the
// production rules.
//
// The two files have different authors: netlify.toml is written by hand
// (build settings, headers, language negotiation, 404 pages), while
// _redirects is written by the build (rules computed from the content,
// such as the current plan's address; see internal/build/redirects), the
// place Netlify documents for rules generated at build time. Netlify reads
// _redirects first, then netlify.toml, and the first rule that matches
// wins: Config.Prepend puts them in that order. The _redirects syntax is
// described in redirects.go.
//
// Supported, as on Netlify: [[redirects]] with from/to/status/force and
// Language conditions, matched in order (first match wins), where "*" in
// from is a splat (":splat" in to) and ":name" a placeholder; a rule that is
// not forced applies only when no file exists at the requested path;
// status 200 rewrites, 301/302 redirect, 404 serves "to" with status 404.
// [[headers]] rules apply all that match ("*" matches anything, ":name" one
// path segment), and values of the same header from several rules are
// joined with ", " as Netlify does.
//
// The Language condition is met, as on Netlify, when the first language
// of the request's Accept-Language (whatever its quality value: see
// FirstLanguage) is one of the listed languages, a bare language matching
// any of its regions; a Country condition never is (the preview has no
// visitor country).
package netlify

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// Config is the part of netlify.toml that serving depends on.
type Config struct {
	Build     Build      `toml:"build"`
	Redirects []Redirect `toml:"redirects"`
	Headers   []Header   `toml:"headers"`
	Context   map[string]Build
}

// Build is a [build] or [context.*] table.
type Build struct {
	Publish     string            `toml:"publish"`
	Command     string            `toml:"command"`
	Environment map[string]string `toml:"environment"`
}

// Redirect is one [[redirects]] rule.
type Redirect struct {
	From       string              `toml:"from"`
	To         string              `toml:"to"`
	Status     int                 `toml:"status"`
	Force      bool                `toml:"force"`
	Conditions map[string][]string `toml:"conditions"`
	from       *regexp.Regexp
	names      []string
}

// Header is one [[headers]] rule.
type Header struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
	re     *regexp.Regexp
}

// Load reads and compiles netlify.toml from fsys.
func Load(fsys fs.FS, name string) (*Config, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// Parse compiles the text of a netlify.toml.
func Parse(data []byte) (*Config, error) {
	var raw struct {
		Build     Build            `toml:"build"`
		Context   map[string]Build `toml:"context"`
		Redirects []Redirect       `toml:"redirects"`
		Headers   []Header         `toml:"headers"`
	}
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, fmt.Errorf("netlify.toml:%d:%d: %s", perr.Position.Line, perr.Position.Col, perr.Message)
		}
		return nil, fmt.Errorf("netlify.toml: %v", err)
	}
	c := &Config{Build: raw.Build, Context: raw.Context, Redirects: raw.Redirects, Headers: raw.Headers}
	for i := range c.Redirects {
		r := &c.Redirects[i]
		if r.Status == 0 {
			r.Status = 301
		}
		r.from, r.names = compile(r.From, false)
	}
	for i := range c.Headers {
		c.Headers[i].re, _ = compile(c.Headers[i].For, true)
	}
	return c, nil
}

// compile turns a path pattern into a regular expression. In redirects a
// "*" is a splat that ends the pattern; in headers "*" matches anything.
func compile(pattern string, header bool) (*regexp.Regexp, []string) {
	var b strings.Builder
	var names []string
	b.WriteString("(?s)^") // "*" matches line breaks too (a request for "/fr/a%0Ab")
	rest := pattern
	for rest != "" {
		switch {
		case rest[0] == '*':
			b.WriteString("(.*)")
			names = append(names, "splat")
			rest = rest[1:]
		case rest[0] == ':' && len(rest) > 1 && isNameByte(rest[1]):
			n := 1
			for n < len(rest) && isNameByte(rest[n]) {
				n++
			}
			b.WriteString("([^/]+)")
			names = append(names, rest[1:n])
			rest = rest[n:]
		default:
			b.WriteString(regexp.QuoteMeta(rest[:1]))
			rest = rest[1:]
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String()), names
}

func isNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// HeadersFor returns the headers of every rule matching path, in file
// order, joining repeated names with ", ".
func (c *Config) HeadersFor(path string) map[string]string {
	out := map[string]string{}
	for _, h := range c.Headers {
		if !h.re.MatchString(path) {
			continue
		}
		names := make([]string, 0, len(h.Values))
		for k := range h.Values {
			names = append(names, k)
		}
		slices.Sort(names)
		for _, k := range names {
			if prev, ok := out[k]; ok {
				out[k] = prev + ", " + h.Values[k]
			} else {
				out[k] = h.Values[k]
			}
		}
	}
	return out
}

// Match is the outcome of the redirect rules for a request.
type Match struct {
	Rule   *Redirect
	Target string // "to" with placeholders filled in
	Status int
}

// Redirect returns the first rule that applies to path, given the request's
// Accept-Language and whether a file exists at path; nil when none does.
func (c *Config) Redirect(path, acceptLanguage string, fileExists bool) *Match {
	for i := range c.Redirects {
		r := &c.Redirects[i]
		m := r.from.FindStringSubmatch(path)
		if m == nil || (fileExists && !r.Force) || !r.conditionsOK(acceptLanguage) {
			continue
		}
		to := r.To
		for j, name := range r.names {
			v := m[j+1]
			if redirects(r.Status) {
				v = locationEscape(v)
			}
			to = strings.ReplaceAll(to, ":"+name, v)
		}
		if read := browserRead(to); redirects(r.Status) && strings.HasPrefix(read, "//") && !strings.HasPrefix(browserRead(r.To), "//") {
			to = "/" + strings.TrimLeft(read, "/") // "/:splat" with a splat "/host"
		}
		return &Match{Rule: r, Target: to, Status: r.Status}
	}
	return nil
}

func redirects(status int) bool { return status >= 300 && status < 400 }

// browserRead is a Location as a browser's URL parser reads it: C0
// controls and spaces around it trimmed, tabs and line breaks removed,
// "\" read as "/". The open-redirect guard judges that, not the raw
// string: a rule "\x10/:splat" with a splat "/host" reads as "//host"
// (FuzzMatch found it).
func browserRead(u string) string {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return -1
		case '\\':
			return '/'
		}
		return r
	}, u)
}

// locationEscape percent-encodes, in a value taken from the request path,
// the bytes that would let it send a redirect off the site (FuzzMatch):
// ":" (a scheme, "https:/host"), "\" (read as "/" by browsers, "/\host"),
// and spaces and control characters (trimmed or removed by browsers).
func locationEscape(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if c := v[i]; c <= ' ' || c == 0x7F || c == ':' || c == '\\' {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// conditionsOK reports whether the request meets r's conditions. The
// preview knows no visitor's country, so a Country condition is never met:
// it serves what a visitor from an unlisted country gets.
func (r *Redirect) conditionsOK(accept string) bool {
	if len(r.Conditions["Country"]) > 0 {
		return false
	}
	want := r.Conditions["Language"]
	if len(want) == 0 {
		return true
	}
	first := FirstLanguage(accept)
	return slices.ContainsFunc(want, func(w string) bool { return languageMatches(first, w) })
}

// FirstLanguage is the language Netlify's Language condition reads in an
// Accept-Language header: its first entry, whatever its quality value
// ("tr-TR,tr;q=0.9,en;q=0.8" is "tr-tr", and "fr;q=0.4,ar;q=0.9" is "fr"),
// lowercased, without its parameters; "" when the header is empty. Netlify
// documents it: "Language-based redirects always match against the first
// language reported by the browser in the Accept-Language header
// regardless of quality value weighting" (and Netlify's own local
// emulator, netlify dev, reads the header the same way).
func FirstLanguage(accept string) string {
	first, _, _ := strings.Cut(accept, ",")
	first, _, _ = strings.Cut(first, ";")
	return strings.ToLower(strings.TrimSpace(first))
}

// languageMatches reports whether tag, a visitor's language ("en-gb"),
// meets a Language condition's value: a bare language ("en") matches the
// language in any region ("en", "en-gb", "en-us"); a value with a region
// ("zh-tw") matches only that tag. Case does not matter. "*" (any
// language) matches no value: Netlify has no wildcard condition.
func languageMatches(tag, want string) bool {
	want = strings.ToLower(want)
	if tag == "" || tag == "*" {
		return false
	}
	if tag == want {
		return true
	}
	base, _, _ := strings.Cut(tag, "-")
	return !strings.Contains(want, "-") && base == want
}
