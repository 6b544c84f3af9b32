package render

import (
	"html/template"
	"regexp"
	"strings"
	"unicode"
)

// isolate escapes s for HTML and, in a right-to-left page, wraps each run of
// Latin-script text (names such as "OIC-PESNET", "AMAS", a city) in <bdi>
// so that the Unicode bidi algorithm cannot reorder its punctuation and
// neighbours. Left-to-right pages are returned escaped and unchanged.
//
// In every direction, hyphenated names and year ranges ("OIC-PESNET",
// "2024-2026") are kept on one line (class nobr): a line break at their
// hyphen reads as two words.
func isolate(s string, rtl bool) template.HTML {
	if !rtl {
		return template.HTML(nobr(template.HTMLEscapeString(s)))
	}
	var b strings.Builder
	for _, seg := range latinRuns(s) {
		text := nobr(template.HTMLEscapeString(seg.text))
		if seg.latin {
			b.WriteString("<bdi>" + text + "</bdi>")
		} else {
			b.WriteString(text)
		}
	}
	return template.HTML(b.String())
}

// unbreakable matches hyphenated acronyms and year ranges in escaped text
// (escaping never produces "-" or digits, so matches are whole tokens).
var unbreakable = regexp.MustCompile(`\b(?:[A-Z]{2,}(?:-[A-Z]{2,})+|\d{4}[-–]\d{4})\b`)

func nobr(escaped string) string {
	if !mayBeUnbreakable(escaped) {
		return escaped
	}
	return unbreakable.ReplaceAllString(escaped, `<span class="nobr">$0</span>`)
}

// mayBeUnbreakable reports whether s has what every match of unbreakable
// has: a hyphen between two capitals or two digits, or an en dash between
// two digits. Most texts have none ("Sud-Sud", "c'est-à-dire") and skip
// the expression, which runs on every text node of every page.
func mayBeUnbreakable(s string) bool {
	upper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	for i := 1; i+1 < len(s); i++ {
		switch {
		case s[i] == '-' && (upper(s[i-1]) && upper(s[i+1]) || digit(s[i-1]) && digit(s[i+1])):
			return true
		case strings.HasPrefix(s[i:], "–") && i+len("–") < len(s) && digit(s[i-1]) && digit(s[i+len("–")]):
			return true
		}
	}
	return false
}

type segment struct {
	text  string
	latin bool
}

// latinRuns splits s into runs that start and end with a Latin letter or
// digit-led Latin word (inner spaces, hyphens, dots, slashes and digits stay
// inside the run) and the text around them.
func latinRuns(s string) []segment {
	var out []segment
	runes := []rune(s)
	start := 0
	for i := 0; i < len(runes); {
		if !unicode.Is(unicode.Latin, runes[i]) {
			i++
			continue
		}
		end := i + 1
		for j := end; j < len(runes); j++ {
			r := runes[j]
			if unicode.Is(unicode.Latin, r) || unicode.IsDigit(r) {
				end = j + 1
				continue
			}
			if !strings.ContainsRune(" -./&'’_", r) {
				break
			}
		}
		if i > start {
			out = append(out, segment{text: string(runes[start:i])})
		}
		out = append(out, segment{text: string(runes[i:end]), latin: true})
		start, i = end, end
	}
	if start < len(runes) {
		out = append(out, segment{text: string(runes[start:])})
	}
	return out
}
