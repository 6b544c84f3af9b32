package netlify

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The _redirects file (Netlify's plain-text rules, read from the publish
// folder) holds one rule per line:
//
//	from to [status[!]] [Key=value,value…]…
//
// Fields are separated by spaces or tabs; blank lines, and everything from
// a "#" that starts a field to the end of the line, are comments. status
// defaults to 301; "!" forces the rule (it applies even when a file exists
// at from). The conditions supported are Language and Country. Netlify
// applies these rules before those of netlify.toml (see Config.Prepend).
//
// Not supported, and refused with the line's number rather than ignored:
// query parameter matching ("/store id=:id /blog/:id"), host rules
// ("https://old.example.org/* …"), rules without a destination, and any
// other condition (Role, Cookie…).

// RedirectsFile is the name of the rules file in the publish folder.
const RedirectsFile = "_redirects"

// conditionKeys are the conditions a _redirects line may carry, spelled as
// Netlify's documentation spells them.
var conditionKeys = []string{"Country", "Language"}

// ParseRedirects compiles the text of a _redirects file. name prefixes
// every problem ("public/_redirects:12: …"); all malformed lines are
// reported, each with its number.
func ParseRedirects(name string, data []byte) ([]Redirect, error) {
	var rules []Redirect
	var errs []error
	for i, line := range strings.Split(string(data), "\n") {
		r, ok, err := parseLine(line)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %v", name, i+1, err))
			continue
		}
		if ok {
			r.from, r.names = compile(r.From, false)
			rules = append(rules, r)
		}
	}
	return rules, errors.Join(errs...)
}

// parseLine reads one line; ok is false for a blank or comment line.
func parseLine(line string) (r Redirect, ok bool, err error) {
	if !utf8.ValidString(line) {
		return r, false, errors.New("the line is not valid UTF-8: save the file as UTF-8, and percent-encode special characters in paths")
	}
	fields := strings.Fields(line)
	if i := slices.IndexFunc(fields, func(f string) bool { return strings.HasPrefix(f, "#") }); i >= 0 {
		fields = fields[:i]
	}
	if len(fields) == 0 {
		return r, false, nil
	}
	const syntax = "write from to [status[!]] [Language=…] [Country=…]"
	r.From, r.Status = fields[0], 301
	switch {
	case !strings.HasPrefix(r.From, "/") && strings.Contains(r.From, "://"):
		return r, false, fmt.Errorf("%q: rules for another host are not supported; from must be a path starting with /", r.From)
	case !strings.HasPrefix(r.From, "/"):
		return r, false, fmt.Errorf("%q: from must be a path starting with /: %s", r.From, syntax)
	case len(fields) < 2:
		return r, false, fmt.Errorf("%q has no destination: %s", r.From, syntax)
	}
	r.To = fields[1]
	switch {
	case strings.Contains(r.To, "=") && !strings.HasPrefix(r.To, "/") && !isURL(r.To):
		return r, false, fmt.Errorf("%q: query parameter matching is not supported; from is followed by the destination", r.To)
	case !strings.HasPrefix(r.To, "/") && !isURL(r.To):
		return r, false, fmt.Errorf("destination %q is neither a path starting with / nor an http(s) URL: %s", r.To, syntax)
	}
	rest := fields[2:]
	if len(rest) > 0 && !strings.Contains(rest[0], "=") {
		if r.Status, r.Force, err = parseStatus(rest[0]); err != nil {
			return r, false, err
		}
		rest = rest[1:]
	}
	for _, f := range rest {
		if err := r.addCondition(f); err != nil {
			return r, false, err
		}
	}
	return r, true, nil
}

func isURL(s string) bool { return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") }

// parseStatus reads "301" or "200!".
func parseStatus(f string) (status int, force bool, err error) {
	digits, force := strings.CutSuffix(f, "!")
	n, perr := strconv.Atoi(digits)
	if perr != nil || len(digits) != 3 || n < 200 || n > 599 {
		return 0, false, fmt.Errorf("status %q: write an HTTP status such as 301, 302, 200 or 404, followed by ! to force the rule", f)
	}
	return n, force, nil
}

// addCondition reads "Language=fr,ar" into r.Conditions.
func (r *Redirect) addCondition(f string) error {
	key, value, _ := strings.Cut(f, "=")
	i := slices.IndexFunc(conditionKeys, func(k string) bool { return strings.EqualFold(k, key) })
	if i < 0 {
		return fmt.Errorf("%q: unknown field; after the destination come the status and the conditions %s", f, strings.Join(conditionKeys, " and "))
	}
	key = conditionKeys[i]
	if _, dup := r.Conditions[key]; dup {
		return fmt.Errorf("%q: the condition %s is given twice; list its values once, separated by commas", f, key)
	}
	values := strings.Split(value, ",")
	if slices.Contains(values, "") {
		return fmt.Errorf("%q: the condition %s needs values separated by commas, such as %s=fr,ar", f, key, key)
	}
	if r.Conditions == nil {
		r.Conditions = map[string][]string{}
	}
	r.Conditions[key] = values
	return nil
}

// Line writes r as a _redirects line, with its status always written.
func (r Redirect) Line() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %d", r.From, r.To, r.Status)
	if r.Force {
		b.WriteByte('!')
	}
	for _, k := range slices.Sorted(maps.Keys(r.Conditions)) {
		fmt.Fprintf(&b, " %s=%s", k, strings.Join(r.Conditions[k], ","))
	}
	return b.String()
}

// Prepend returns a configuration whose redirect rules are rules followed
// by c's, in the order Netlify applies a _redirects file and netlify.toml;
// c itself is unchanged, and headers are c's.
func (c *Config) Prepend(rules []Redirect) *Config {
	out := *c
	out.Redirects = slices.Concat(rules, c.Redirects)
	return &out
}
