package policy

import (
	"strings"
	"testing"
)

func TestURL(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"https://example.org/a?b=c#d", "https://example.org/a?b=c#d", true},
		{"http://example.org/", "http://example.org/", true},
		{"HTTPS://example.org/", "HTTPS://example.org/", true},
		{"mailto:info@example.org", "mailto:info@example.org", true},
		{"/fr/activities/", "/fr/activities/", true},
		{"../x", "../x", true},
		{"#top", "#top", true},
		{"?q=javascript:alert(1)", "?q=javascript:alert(1)", true},
		{"//example.org/x", "//example.org/x", true},
		{"", "", true},
		{"  https://example.org/  ", "https://example.org/", true},
		{"ht\ttps://exa\nmple.org/", "https://example.org/", true},
		{"a b", "a b", true}, // a relative path: no scheme has a space

		{"javascript:alert(1)", "", false},
		{"JaVaScRiPt:alert(1)", "", false},
		{" \x01javascript:alert(1)", "", false},
		{"java\tscript:alert(1)", "", false},
		{"java\nscript:alert(1)", "", false},
		{"java\r\nscript:alert(1)", "", false},
		{"javascript\t:alert(1)", "", false},
		{"\x00javascript:alert(1)", "", false},
		{"vbscript:msgbox(1)", "", false},
		{"data:image/png;base64,iVBORw0KGgo=", "", false},
		{"data:text/html,<script>alert(1)</script>", "", false},
		{"file:///etc/passwd", "", false},
		{"tel:+33123", "", false},
		{"webcal://example.org/x.ics", "", false},
		{"%6Aavascript:alert(1)", "", false},
		{"javascript%3Aalert(1)", "", false},
		{"https://example.org/\u202Egnp.exe", "", false},
		{"https://example.org/\x7f", "", false},
	} {
		got, ok := URL(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("URL(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"Webinaire":                    "Webinaire",
		"ورشة عمل\u200F (AZ)":          "ورشة عمل\u200F (AZ)", // marks are allowed
		"a\u202Eb\u202Ac\u2066d\u2069": "abcd",
		"tab\tand\nline":               "tab\tand\nline",
		"cr\r\x00\x1b\x7f\u0085x":      "crx",
		"\u2028\u2029\uFEFF":           "\u2028\u2029\uFEFF",
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	s := strings.Repeat("clean text ", 10)
	if n := testing.AllocsPerRun(10, func() { _ = Text(s) }); n != 0 {
		t.Errorf("Text allocates %v times on clean text", n)
	}
}
