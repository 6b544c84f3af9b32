// Package policy is the one place that decides what content may put in a
// link and in a text, for every output: HTML pages, calendar feeds, JSON,
// CSV and the widget's data.
//
// Both rules judge the final, decoded value, the one a browser, a calendar
// or a spreadsheet will act on: callers decode Markdown escapes and
// character references first ("&#106;avascript:" is "javascript:",
// "&#x202E;" is U+202E) and hand the result here.
//
//   - URL allows links to http, https and mailto addresses and relative
//     links, and nothing else (javascript:, vbscript:, data:, file:, any
//     scheme not listed). It reads the address the way browsers do (WHATWG
//     URL): surrounding spaces and control characters ignored, tabs and line
//     breaks anywhere removed, the scheme in any case; and it also refuses
//     an address whose percent-decoded form would name another scheme.
//   - Text removes the characters that the loader refuses in content files
//     (see Refused) from text that reaches an output after decoding, where
//     the file check cannot see them.
package policy

import (
	"strings"
	"unicode/utf8"
)

// Refused reports whether r has no place in published text: C0 controls
// other than tab and line feed, DEL, C1 controls, and the Unicode
// bidirectional embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069), which can make text display in an order other than the
// one it is read in ("Trojan Source"). The marks U+200E and U+200F, which
// Arabic text may need, are allowed. Carriage return is refused too: the
// loader has already turned line endings into line feeds, RFC 5545 text
// cannot carry it, and one produced by "&#13;" is no line break.
//
// The loader applies the same rule to the bytes of content files (where
// it also accepts CR, as part of Windows line endings).
func Refused(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F):
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Text returns s without the characters Refused refuses. Text that has
// none is returned as is.
func Text(s string) string {
	if strings.IndexFunc(s, Refused) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if Refused(r) {
			return -1
		}
		return r
	}, s)
}

// allowed are the schemes a published link may have; "" is a relative link
// (a path, a query, a fragment, or a scheme-relative "//host/…").
var allowed = map[string]bool{"": true, "http": true, "https": true, "mailto": true}

// URL judges the decoded destination of a link or image. When it is
// allowed, safe is the address as browsers read it (tabs and line breaks
// removed, surrounding spaces and control characters trimmed), ready to be
// escaped for its context; when it is not, ok is false and the caller
// publishes the link's text without the link.
func URL(raw string) (safe string, ok bool) {
	s := normalize(raw)
	if strings.IndexFunc(s, Refused) >= 0 || !utf8.ValidString(s) {
		return "", false
	}
	if !allowed[scheme(s)] {
		return "", false
	}
	// Browsers do not percent-decode a scheme, but other readers of the
	// address (a feed reader, a converter, a mirror) may: an address that
	// would name a refused scheme once decoded is refused too.
	if d := percentDecode(s); d != s && !allowed[scheme(normalize(d))] {
		return "", false
	}
	return s, true
}

// normalize does what the WHATWG URL parser does before anything else:
// strip leading and trailing C0 controls and spaces, and remove every tab
// and line break.
func normalize(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return r <= 0x20 })
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
	}
	return s
}

// scheme returns the lower-cased scheme of an address (WHATWG: an ASCII
// letter, then letters, digits, "+", "-" or ".", then ":"), or "" for a
// relative address.
func scheme(s string) string {
	if s == "" || !isLetter(s[0]) {
		return ""
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ':':
			return strings.ToLower(s[:i])
		case isLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.':
		default:
			return ""
		}
	}
	return ""
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// percentDecode decodes every valid %XX escape and leaves the rest.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f' }

func unhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c | 0x20 - 'a' + 10
}
