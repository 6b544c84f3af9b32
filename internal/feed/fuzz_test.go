package feed

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
)

// Run these targets longer with:
//
//	go test ./internal/feed -run '^$' -fuzz '^FuzzFoldRoundTrip$' -fuzztime 10m
//	go test ./internal/feed -run '^$' -fuzz '^FuzzTextRoundTrip$' -fuzztime 10m
//
// Inputs that once failed are kept in testdata/fuzz/<target>.

// FuzzFoldRoundTrip folds one content line (any bytes without CRLF, which
// ends a line) written through the folder in two pieces: physical lines
// are at most 75 octets, continuation lines start with one space and carry
// at least one octet, a valid UTF-8 line is never cut inside a character,
// and unfolding gives the line back.
func FuzzFoldRoundTrip(f *testing.F) {
	for _, s := range []string{
		"", "SHORT:line", "X:" + strings.Repeat("a", 73), "X:" + strings.Repeat("a", 74),
		"SUMMARY;LANGUAGE=ar:" + strings.Repeat("عربي ", 40), "X:" + strings.Repeat("é", 100),
		"X:" + strings.Repeat("😀", 60), "X:a" + strings.Repeat("😀", 60), "X:" + strings.Repeat(" ", 200),
		"X:" + strings.Repeat("\r", 80) + strings.Repeat("\n", 80),
		"X:" + strings.Repeat("a\u0301", 50) + strings.Repeat("\u200f", 30),
	} {
		f.Add([]byte(s), uint(len(s)/2))
	}
	f.Fuzz(func(t *testing.T, line []byte, split uint) {
		if bytes.Contains(line, []byte("\r\n")) {
			return // the folder cuts its input into lines at CRLF
		}
		var buf bytes.Buffer
		w := &folder{w: &buf}
		cut := int(split % uint(len(line)+1))
		for _, part := range [][]byte{line[:cut], append(line[cut:len(line):len(line)], "\r\n"...)} {
			if n, err := w.Write(part); err != nil || n != len(part) {
				t.Fatalf("Write = %d, %v", n, err)
			}
		}
		out := buf.Bytes()
		if !bytes.Equal(out, fold(line)) {
			t.Fatalf("the folder and fold disagree on %q", line)
		}
		body, ok := bytes.CutSuffix(out, []byte("\r\n"))
		if !ok {
			t.Fatalf("fold(%q) does not end with CRLF", line)
		}
		for i, p := range bytes.Split(body, []byte("\r\n ")) {
			if n := len(p) + min(i, 1); n > maxOctets {
				t.Fatalf("fold(%q): physical line %d has %d octets", line, i, n)
			}
			if i > 0 && len(p) == 0 {
				t.Fatalf("fold(%q): empty continuation line %d", line, i)
			}
			if utf8.Valid(line) && !utf8.Valid(p) {
				t.Fatalf("fold(%q): physical line %d cuts a character: %q", line, i, p)
			}
		}
		if got := bytes.ReplaceAll(body, []byte("\r\n "), nil); !bytes.Equal(got, line) {
			t.Fatalf("unfold(fold(%q)) = %q", line, got)
		}
	})
}

// FuzzTextRoundTrip sets any UTF-8 text (what the loader accepts) as TEXT
// properties the way the feeds do, encodes a calendar through the folder,
// decodes it with go-ical and gets the same text back, control characters
// but HTAB and LF excepted (the feeds remove them: RFC 5545 TEXT cannot
// carry them). The calendar holds no control character but HTAB and the
// CRLF that ends each line.
func FuzzTextRoundTrip(f *testing.F) {
	for _, s := range []string{
		"", "Webinaire", "Un, deux; trois: quatre \\ cinq", "ligne 1\nligne 2\r\nligne 3\r",
		"ورشة عمل حول " + strings.Repeat("المنصات الرقمية ", 10), strings.Repeat("é", 80),
		strings.Repeat("😀", 40), "\\n \\N \\, \\;", " espaces \t tab ", "\n", "\n ", ",", "\x00\x1f\x7f",
		"BEGIN:VEVENT\nEND:VCALENDAR", "\u2028\u2029\ufeff\u202e", strings.Repeat("a,", 60),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		if !utf8.ValidString(value) {
			return // the loader refuses files that are not UTF-8
		}
		cal := ical.NewCalendar()
		cal.Props.SetText(ical.PropVersion, "2.0")
		cal.Props.SetText(ical.PropProductID, "-//test//fuzz//EN")
		text(cal.Props, "X-WR-CALNAME", value, "en")
		ev := ical.NewEvent()
		ev.Props.SetText(ical.PropUID, "fuzz@example.org")
		ev.Props.SetDateTime(ical.PropDateTimeStamp, time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC))
		text(ev.Props, ical.PropSummary, value, "fr")
		text(ev.Props, ical.PropDescription, value, "ar")
		cal.Children = append(cal.Children, ev.Component)
		data, err := encode(cal)
		if err != nil {
			t.Fatalf("encode(%q): %v", value, err)
		}
		for _, l := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
			if len(l) > maxOctets || !utf8.ValidString(l) {
				t.Fatalf("encode(%q): physical line %q is too long or cuts a character", value, l)
			}
			if i := strings.IndexFunc(l, func(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }); i >= 0 {
				t.Fatalf("encode(%q): physical line %q holds control character %q", value, l, l[i])
			}
		}
		got, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
		if err != nil {
			t.Fatalf("encode(%q) does not decode: %v\n%s", value, err, data)
		}
		// Controls and bidirectional overrides are dropped, the rest kept.
		want := strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f ||
				r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				return -1
			}
			return r
		}, value)
		for _, c := range []struct {
			comp *ical.Component
			name string
		}{{got.Component, "X-WR-CALNAME"}, {got.Children[0], ical.PropSummary}, {got.Children[0], ical.PropDescription}} {
			p := c.comp.Props.Get(c.name)
			if p == nil {
				t.Fatalf("%s is missing after decoding:\n%s", c.name, data)
			}
			s, err := p.Text()
			if err != nil || s != want {
				t.Fatalf("%s: set %q, decoded %q (%v)\n%s", c.name, want, s, err, data)
			}
		}
	})
}
