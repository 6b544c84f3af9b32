package feed

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []string{
		"",
		"SHORT:line",
		"X:" + strings.Repeat("a", 73),  // exactly 75
		"X:" + strings.Repeat("a", 74),  // 76: one fold
		"X:" + strings.Repeat("a", 300), // several folds
		"SUMMARY;LANGUAGE=ar:" + strings.Repeat("عربي ", 40),
		"X:" + strings.Repeat("é", 100),
		"X:" + strings.Repeat("😀", 60), // four-octet characters
		"X:a" + strings.Repeat("😀", 60),
	}
	for _, line := range tests {
		out := fold([]byte(line))
		if !bytes.HasSuffix(out, []byte("\r\n")) {
			t.Errorf("%q: no CRLF at the end", line)
		}
		phys := strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n")
		for i, p := range phys {
			if len(p) > maxOctets {
				t.Errorf("%q: line %d has %d octets", line[:10], i, len(p))
			}
			if !utf8.ValidString(p) {
				t.Errorf("%q: line %d splits a character", line[:10], i)
			}
			if i > 0 && !strings.HasPrefix(p, " ") {
				t.Errorf("continuation line %d does not start with a space", i)
			}
			if i > 0 && len(p) < 2 {
				t.Errorf("empty continuation line")
			}
		}
		// Unfolding gives the line back.
		if got := strings.ReplaceAll(strings.TrimSuffix(string(out), "\r\n"), "\r\n ", ""); got != line {
			t.Errorf("unfold(fold(%q)) = %q", line, got)
		}
	}
}

func TestFolderSplitsWrites(t *testing.T) {
	var buf bytes.Buffer
	f := &folder{w: &buf}
	long := "DESCRIPTION:" + strings.Repeat("x", 100)
	for _, part := range []string{"BEGIN:VCAL", "ENDAR\r\n", long[:50], long[50:] + "\r\nEND:VCALENDAR\r\n"} {
		if _, err := f.Write([]byte(part)); err != nil {
			t.Fatal(err)
		}
	}
	want := "BEGIN:VCALENDAR\r\n" + string(fold([]byte(long))) + "END:VCALENDAR\r\n"
	if buf.String() != want {
		t.Errorf("got %q", buf.String())
	}
}
