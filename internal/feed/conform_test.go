package feed

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// contentLine is one unfolded iCalendar line.
type contentLine struct {
	name   string
	params map[string]string
	value  string
}

var (
	dateRE     = regexp.MustCompile(`^\d{8}$`)
	dateTimeRE = regexp.MustCompile(`^\d{8}T\d{6}Z$`)
	nameRE     = regexp.MustCompile(`^[A-Z0-9-]+$`)
)

// checkFeed is an independent RFC 5545 / RFC 7986 conformance check of the
// wire format and the structure of one feed.
func checkFeed(t *testing.T, name string, data []byte) {
	t.Helper()
	s := string(data)
	if !strings.HasSuffix(s, "\r\n") {
		t.Errorf("%s: does not end with CRLF", name)
	}
	physical := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var logical []string
	for i, l := range physical {
		switch {
		case strings.ContainsAny(l, "\r\n"):
			t.Errorf("%s:%d: bare CR or LF", name, i+1)
		case len(l) > 75:
			t.Errorf("%s:%d: %d octets (at most 75)", name, i+1, len(l))
		case !utf8.ValidString(l):
			t.Errorf("%s:%d: not valid UTF-8 on its own (a character was split)", name, i+1)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(logical) == 0 {
				t.Fatalf("%s: starts with a continuation line", name)
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	lines := make([]contentLine, 0, len(logical))
	for i, l := range logical {
		cl, ok := parseLine(l)
		if !ok {
			t.Errorf("%s: logical line %d is malformed: %q", name, i+1, l)
			continue
		}
		lines = append(lines, cl)
	}
	checkStructure(t, name, lines)
}

// parseLine splits "NAME;P=V;Q=\"x:y\":value".
func parseLine(l string) (contentLine, bool) {
	cl := contentLine{params: map[string]string{}}
	i := strings.IndexAny(l, ";:")
	if i <= 0 {
		return cl, false
	}
	cl.name = l[:i]
	rest := l[i:]
	for strings.HasPrefix(rest, ";") {
		rest = rest[1:]
		eq := strings.IndexByte(rest, '=')
		if eq <= 0 {
			return cl, false
		}
		key, v := rest[:eq], rest[eq+1:]
		var val string
		if strings.HasPrefix(v, `"`) {
			end := strings.IndexByte(v[1:], '"')
			if end < 0 {
				return cl, false
			}
			val, rest = v[1:end+1], v[end+2:]
		} else {
			end := strings.IndexAny(v, ";:")
			if end < 0 {
				return cl, false
			}
			val, rest = v[:end], v[end:]
			if strings.ContainsAny(val, `,"`) && key != "LANGUAGE" {
				return cl, false
			}
		}
		cl.params[key] = val
	}
	if !strings.HasPrefix(rest, ":") || !nameRE.MatchString(cl.name) {
		return cl, false
	}
	cl.value = rest[1:]
	return cl, true
}

var (
	calendarOnce = []string{"VERSION", "PRODID"}
	calendarMax  = []string{"CALSCALE", "METHOD", "NAME", "X-WR-CALNAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "URL", "SOURCE", "LAST-MODIFIED", "DESCRIPTION"}
	eventOnce    = []string{"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "STATUS", "SEQUENCE"}
	eventMax     = []string{"CLASS", "CREATED", "DESCRIPTION", "GEO", "LAST-MODIFIED", "LOCATION", "ORGANIZER", "PRIORITY", "STATUS", "SUMMARY", "TRANSP", "URL", "RECURRENCE-ID", "DURATION"}
	statuses     = []string{"TENTATIVE", "CONFIRMED", "CANCELLED"}
)

func checkStructure(t *testing.T, name string, lines []contentLine) {
	t.Helper()
	if len(lines) < 2 || lines[0].name != "BEGIN" || lines[0].value != "VCALENDAR" || lines[len(lines)-1].name != "END" || lines[len(lines)-1].value != "VCALENDAR" {
		t.Fatalf("%s: not one VCALENDAR", name)
	}
	var stack []string
	props := []map[string][]contentLine{}
	uids := map[string]bool{}
	components := 0
	for _, l := range lines {
		switch l.name {
		case "BEGIN":
			stack = append(stack, l.value)
			props = append(props, map[string][]contentLine{})
			if len(stack) == 2 {
				components++
			}
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != l.value {
				t.Fatalf("%s: END:%s does not close %v", name, l.value, stack)
			}
			checkComponent(t, name, l.value, props[len(props)-1], uids)
			stack, props = stack[:len(stack)-1], props[:len(props)-1]
		default:
			if len(props) == 0 {
				t.Fatalf("%s: property outside VCALENDAR", name)
			}
			props[len(props)-1][l.name] = append(props[len(props)-1][l.name], l)
		}
	}
	if components == 0 {
		t.Errorf("%s: a VCALENDAR needs at least one component", name)
	}
}

func checkComponent(t *testing.T, feed, comp string, p map[string][]contentLine, uids map[string]bool) {
	t.Helper()
	once, atMost := []string{}, []string{}
	switch comp {
	case "VCALENDAR":
		once, atMost = calendarOnce, calendarMax
		if v := p["VERSION"]; len(v) == 1 && v[0].value != "2.0" {
			t.Errorf("%s: VERSION %s", feed, v[0].value)
		}
		if r := p["REFRESH-INTERVAL"]; len(r) != 1 || r[0].params["VALUE"] != "DURATION" {
			t.Errorf("%s: REFRESH-INTERVAL must be given once with VALUE=DURATION", feed)
		}
	case "VEVENT":
		once, atMost = eventOnce, eventMax
		checkEvent(t, feed, p)
	case "VJOURNAL":
		once = []string{"UID", "DTSTAMP"}
	}
	for _, n := range once {
		if len(p[n]) != 1 {
			t.Errorf("%s: %s has %d %s, want exactly 1", feed, comp, len(p[n]), n)
		}
	}
	for _, n := range atMost {
		if len(p[n]) > 1 {
			t.Errorf("%s: %s has %d %s, want at most 1", feed, comp, len(p[n]), n)
		}
	}
	if u := p["UID"]; len(u) == 1 {
		if uids[u[0].value] {
			t.Errorf("%s: UID %s is used twice", feed, u[0].value)
		}
		uids[u[0].value] = true
	}
	for _, n := range []string{"DTSTAMP", "LAST-MODIFIED"} {
		for _, l := range p[n] {
			if !dateTimeRE.MatchString(l.value) {
				t.Errorf("%s: %s %q is not a UTC date-time", feed, n, l.value)
			}
		}
	}
}

func checkEvent(t *testing.T, feed string, p map[string][]contentLine) {
	t.Helper()
	if len(p["DTSTART"]) != 1 || len(p["DTEND"]) != 1 {
		return
	}
	start, end := p["DTSTART"][0], p["DTEND"][0]
	if start.params["VALUE"] != end.params["VALUE"] {
		t.Errorf("%s: DTSTART and DTEND of different types", feed)
	}
	re := dateTimeRE
	if start.params["VALUE"] == "DATE" {
		re = dateRE
	}
	if !re.MatchString(start.value) || !re.MatchString(end.value) {
		t.Errorf("%s: bad dates %q %q", feed, start.value, end.value)
	}
	if end.value <= start.value {
		t.Errorf("%s: DTEND %s is not after DTSTART %s", feed, end.value, start.value)
	}
	if s := p["STATUS"]; len(s) == 1 && !slices.Contains(statuses, s[0].value) {
		t.Errorf("%s: STATUS %q", feed, s[0].value)
	}
	for _, n := range []string{"SUMMARY", "DESCRIPTION", "LOCATION"} {
		for _, l := range p[n] {
			if l.params["LANGUAGE"] == "" {
				t.Errorf("%s: %s has no LANGUAGE parameter", feed, n)
			}
			if !escapedText(l.value) {
				t.Errorf("%s: %s is not valid TEXT (unescaped ; or , or a bad escape): %q", feed, n, l.value)
			}
		}
	}
}

// escapedText reports whether v is a valid single TEXT value: backslash
// escapes only of \\ ; , n N, and no bare ; or ,.
func escapedText(v string) bool {
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			if i+1 >= len(v) || !strings.ContainsRune(`\;,nN`, rune(v[i+1])) {
				return false
			}
			i++
		case ';', ',':
			return false
		}
	}
	return true
}
