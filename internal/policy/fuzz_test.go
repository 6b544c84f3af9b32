package policy

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzURL checks the URL policy against an independent reading of the
// address, written here from the WHATWG URL specification rather than from
// the policy's code. For any string that URL accepts:
//
//   - the safe address, read as a browser reads it (tabs and line breaks
//     removed, surrounding C0 controls and spaces trimmed, the scheme
//     case-folded) has no scheme but http, https or mailto, or none (a
//     relative address); and so has its percent-decoded form, read the
//     same way, for the readers that decode before they look;
//   - it holds no control character (C0, DEL, C1) and no bidirectional
//     control, and is valid UTF-8;
//   - URL(safe) accepts it again and returns it unchanged (idempotence).
//
// Percent-encoded control characters ("%0A" in a query) are inert in an
// address and stay allowed: only the decoded scheme is judged.
func FuzzURL(f *testing.F) {
	for _, s := range []string{
		"https://example.org/a?b=c#d", "HTTPS://example.org/", "mailto:info@example.org",
		"/fr/activities/", "../x", "#top", "?q=javascript:alert(1)", "//example.org/x", "",
		"  https://example.org/  ", "ht\ttps://exa\nmple.org/", "a b",
		"javascript:alert(1)", "JaVaScRiPt:alert(1)", " \x01javascript:alert(1)",
		"java\tscript:alert(1)", "java\r\nscript:alert(1)", "javascript\t:alert(1)",
		"\x00javascript:alert(1)", "vbscript:msgbox(1)", "data:image/png;base64,AAAA",
		"file:///etc/passwd", "tel:+33123", "%6Aavascript:alert(1)", "javascript%3Aalert(1)",
		"%20javascript:alert(1)", "java%09script:alert(1)", "%0Ajavascript:alert(1)",
		"https://example.org/\u202Egnp.exe", "https://example.org/\x7f", "https://x/%0A%E2%80%AE",
		"h%74tps://x", "mailto%3Ax", "\u00a0javascript:alert(1)", "ｊavascript:alert(1)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		safe, ok := URL(raw)
		if !ok {
			if safe != "" {
				t.Errorf("URL(%q) refused but returned %q", raw, safe)
			}
			return
		}
		if !utf8.ValidString(safe) {
			t.Errorf("URL(%q) = %q: not valid UTF-8", raw, safe)
		}
		if i := strings.IndexFunc(safe, control); i >= 0 {
			r, _ := utf8.DecodeRuneInString(safe[i:])
			t.Errorf("URL(%q) = %q: holds control %U at byte %d", raw, safe, r, i)
		}
		read := browserRead(safe)
		if s := refScheme(read); !publishable(s) {
			t.Errorf("URL(%q) = %q: a browser reads scheme %q", raw, safe, s)
		}
		if s := refScheme(browserRead(refPercentDecode(read))); !publishable(s) {
			t.Errorf("URL(%q) = %q: percent-decoded, it has scheme %q", raw, safe, s)
		}
		again, ok2 := URL(safe)
		if !ok2 || again != safe {
			t.Errorf("not idempotent: URL(%q) = %q, then URL(%q) = %q, %v", raw, safe, safe, again, ok2)
		}
	})
}

func publishable(scheme string) bool {
	switch scheme {
	case "", "http", "https", "mailto":
		return true
	}
	return false
}

// control reports C0 controls other than tab and line feed (which a
// browser removes anyway, but URL's result must not keep), DEL, C1
// controls and the bidirectional embeddings, overrides and isolates.
func control(r rune) bool {
	return r < 0x20 || r == 0x7F || r >= 0x80 && r < 0xA0 ||
		r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// browserRead is what the WHATWG URL parser does to its input before the
// scheme state: remove every ASCII tab and newline (U+0009, U+000A,
// U+000D), and strip leading and trailing C0 controls and spaces.
func browserRead(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '\t' && c != '\n' && c != '\r' {
			b.WriteByte(c)
		}
	}
	s = b.String()
	start, end := 0, len(s)
	for start < end && s[start] <= 0x20 {
		start++
	}
	for end > start && s[end-1] <= 0x20 {
		end--
	}
	return s[start:end]
}

// refScheme follows the WHATWG "scheme start state" and "scheme state": an
// ASCII alpha, then ASCII alphanumerics, "+", "-" or ".", then ":". The
// scheme is returned lower-cased; anything else is a relative address
// ("").
func refScheme(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
			b.WriteRune(r | 0x20)
		case i > 0 && ('0' <= r && r <= '9' || r == '+' || r == '-' || r == '.'):
			b.WriteRune(r)
		case i > 0 && r == ':':
			return b.String()
		default:
			return ""
		}
	}
	return ""
}

// refPercentDecode decodes each "%" followed by two hexadecimal digits
// (WHATWG "percent-decode"); other "%" stay.
func refPercentDecode(s string) string {
	hex := func(c byte) (byte, bool) {
		switch {
		case '0' <= c && c <= '9':
			return c - '0', true
		case 'a' <= c && c <= 'f':
			return c - 'a' + 10, true
		case 'A' <= c && c <= 'F':
			return c - 'A' + 10, true
		}
		return 0, false
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			h, ok1 := hex(s[i+1])
			l, ok2 := hex(s[i+2])
			if ok1 && ok2 {
				out = append(out, h<<4|l)
				i += 2
				continue
			}
		}
		out = append(out, s[i])
	}
	return string(out)
}
