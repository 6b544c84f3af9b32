package glossary

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A matcher finds one plain-text form as whole words (see the package
// documentation). RE2 has no look-behind, so the word boundaries, which
// depend on the script (Arabic prefixes) and on hyphens, are judged in Go
// around each candidate the regular expression finds.
type matcher struct {
	re     *regexp.Regexp
	arabic bool // the form is Arabic: its first word may carry a prefix
}

const (
	// harakat are the marks Arabic may write on a letter or not: short
	// vowels, shadda, sukun, Quranic marks, and tatweel.
	harakat = `[\x{0610}-\x{061A}\x{064B}-\x{065F}\x{0670}\x{0640}]*`
	// spacing matches any spacing between two words, a line break included
	// (the build may turn a French space into a no-break one).
	spacing = `[\s\x{00A0}\x{2007}\x{2009}\x{202F}]+`
	// prefixes are the Arabic one-letter words written attached to the
	// next: wa, fa, bi, ka, li.
	prefixes = "وفبكل"
)

// compile makes the matcher of form.
func compile(form string, ignoreCase bool) *matcher {
	var b strings.Builder
	if ignoreCase {
		b.WriteString("(?i)")
	}
	m := &matcher{}
	runes := []rune(strings.Map(dropHarakat, strings.TrimSpace(form)))
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case unicode.IsSpace(r) || r == '\u00A0' || r == '\u202F':
			for i+1 < len(runes) && (unicode.IsSpace(runes[i+1]) || runes[i+1] == '\u00A0' || runes[i+1] == '\u202F') {
				i++
			}
			b.WriteString(spacing)
		case r == '\'' || r == '’':
			b.WriteString(`['’]`)
		case isArabicLetter(r):
			m.arabic = true
			if i == 0 && len(runes) > 1 && isAlef(r) && runes[1] == 'ل' {
				// «للشبكة» is ل + «الشبكة»: the alef of the article drops.
				b.WriteString(`(?:[اأإآ]` + harakat + `ل|لل)` + harakat)
				i++
				continue
			}
			if isAlef(r) {
				b.WriteString(`[اأإآ]`)
			} else {
				b.WriteString(regexp.QuoteMeta(string(r)))
			}
			b.WriteString(harakat)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	m.re = regexp.MustCompile(b.String())
	return m
}

// all returns the whole-word occurrences in text, as byte ranges.
func (m *matcher) all(text string) [][2]int {
	var out [][2]int
	for pos := 0; pos < len(text); {
		loc := m.re.FindStringIndex(text[pos:])
		if loc == nil || loc[0] == loc[1] {
			break
		}
		start, end := pos+loc[0], pos+loc[1]
		if m.startsWord(text, start) && endsWord(text, end) {
			out = append(out, [2]int{start, end})
			pos = end
			continue
		}
		_, size := utf8.DecodeRuneInString(text[start:])
		pos = start + size
	}
	return out
}

// startsWord reports whether an occurrence at start begins a word: nothing
// of a word before it, or, for an Arabic form, only one-letter prefixes.
func (m *matcher) startsWord(text string, start int) bool {
	if r, _ := utf8.DecodeRuneInString(text[start:]); !isWord(r) {
		return true
	}
	i, letters := start, 0
	for joinedBefore(text, i) {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case m.arabic && isHaraka(r):
		case m.arabic && letters < 3 && strings.ContainsRune(prefixes, r):
			letters++
		default:
			return false
		}
		i -= size
	}
	return true
}

// endsWord reports whether an occurrence ending at end ends a word.
func endsWord(text string, end int) bool {
	if r, _ := utf8.DecodeLastRuneInString(text[:end]); !isWord(r) {
		return true
	}
	return !joinedAfter(text, end)
}

// joinedBefore reports whether the text before i is part of the same word:
// a letter, digit or mark, or a hyphen that follows one ("OIC-PESNET").
func joinedBefore(text string, i int) bool {
	r, size := utf8.DecodeLastRuneInString(text[:i])
	if size == 0 {
		return false
	}
	if isWord(r) {
		return true
	}
	if isHyphen(r) {
		r2, _ := utf8.DecodeLastRuneInString(text[:i-size])
		return isWord(r2)
	}
	return false
}

// joinedAfter reports whether the text from i continues the word before it.
func joinedAfter(text string, i int) bool {
	r, size := utf8.DecodeRuneInString(text[i:])
	if size == 0 {
		return false
	}
	if isWord(r) {
		return true
	}
	if isHyphen(r) {
		r2, _ := utf8.DecodeRuneInString(text[i+size:])
		return isWord(r2)
	}
	return false
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}

// isHyphen: the hyphens that join the parts of a word (not the dashes).
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func isArabicLetter(r rune) bool { return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) }

func isAlef(r rune) bool { return strings.ContainsRune("اأإآ", r) }

func isHaraka(r rune) bool {
	return (r >= 0x0610 && r <= 0x061A) || (r >= 0x064B && r <= 0x065F) || r == 0x0670 || r == 0x0640
}

// dropHarakat removes the marks a form to avoid may carry: the matcher
// accepts them anywhere.
func dropHarakat(r rune) rune {
	if isHaraka(r) {
		return -1
	}
	return r
}
