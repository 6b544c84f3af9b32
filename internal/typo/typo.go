// Package typo sets French typography on plain text, so that editors can
// type ordinary spaces and the published text still follows the rules of
// French publishing (Lexique des règles typographiques en usage à
// l'Imprimerie nationale):
//
//   - before ; ! ? % and inside « », a narrow no-break space (U+202F);
//   - before :, a no-break space (U+00A0);
//   - ordinals in superscript: 1er → 1ᵉʳ, 1re → 1ʳᵉ, 2e → 2ᵉ.
//
// A space the editor typed before the mark (ordinary, no-break or several)
// becomes the right one. One is added where none was typed only where the
// mark ends a word and is followed by a space or the end of the text
// ("Pourquoi? Parce" → "Pourquoi ? Parce"), so that times (10:30), web
// addresses (https://…?a=1) and ratios are never touched. Guillemets always
// get their spaces.
//
// French only is a property of the caller: French applies the rules to
// whatever it is given; callers pass it French text alone, never code, URLs
// or attribute values (the renderer applies it to the text nodes of
// Markdown, as goldmark's typographer extension does).
package typo

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spaces set by French.
const (
	NNBSP = '\u202F' // narrow no-break space: before ; ! ? », after «
	NBSP  = '\u00A0' // no-break space: before :
)

// ordinal matches "1er", "1re" and "2e", "10e"… as whole words ("1e" is
// no French ordinal: it is left alone).
var ordinal = regexp.MustCompile(`\b(?:1er|1re|[2-9]e|[1-9][0-9]+e)\b`)

// mayHoldOrdinal reports whether s has a digit followed by "e" or "r",
// which every match of ordinal has: most texts have none, and skip the
// expression (French runs on every text node of every French page).
func mayHoldOrdinal(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' && (s[i+1] == 'e' || s[i+1] == 'r') {
			return true
		}
	}
	return false
}

// French returns s with French typography set.
// Text that is not valid UTF-8 is returned unchanged (content is checked
// to be UTF-8 when it is loaded; this keeps every byte of anything else).
func French(s string) string {
	ordinals := mayHoldOrdinal(s) && ordinal.MatchString(s)
	if !strings.ContainsAny(s, ":;!?«»%") && !ordinals || !utf8.ValidString(s) {
		return s
	}
	if ordinals {
		s = ordinal.ReplaceAllStringFunc(s, func(m string) string {
			switch m {
			case "1er":
				return "1ᵉʳ"
			case "1re":
				return "1ʳᵉ"
			}
			return strings.TrimSuffix(m, "e") + "ᵉ"
		})
	}
	in := []rune(s)
	out := make([]rune, 0, len(in)+8)
	for i := 0; i < len(in); i++ {
		r := in[i]
		switch r {
		case '%':
			// "20 %": the sign keeps to its number; none is added ("20%").
			if trimSpaces(&out) {
				out = append(out, NNBSP)
			}
			out = append(out, r)
		case ';', '!', '?', ':':
			space := NNBSP
			if r == ':' {
				space = NBSP
			}
			trimmed := trimSpaces(&out)
			if trimmed || wordEnd(out, in, i) {
				out = append(out, space)
			}
			out = append(out, r)
		case '»':
			trimSpaces(&out)
			if len(out) > 0 && out[len(out)-1] != '«' && out[len(out)-1] != '\n' {
				out = append(out, NNBSP)
			}
			out = append(out, r)
		case '«':
			out = append(out, r)
			for i+1 < len(in) && isSpace(in[i+1]) {
				i++
			}
			if i+1 < len(in) && in[i+1] != '»' && in[i+1] != '\n' {
				out = append(out, NNBSP)
			}
		default:
			out = append(out, r)
		}
	}
	return string(out)
}

// trimSpaces removes the spaces (not line breaks) at the end of out and
// reports whether there were any. Spaces at the start of the text count:
// a text node of Markdown starts with the space that follows an inline
// element ("**Objectifs** : former" gives the node " : former"), and
// that space must become the right one, not vanish.
func trimSpaces(out *[]rune) bool {
	n := len(*out)
	for n > 0 && isSpace((*out)[n-1]) {
		n--
	}
	trimmed := n < len(*out)
	*out = (*out)[:n]
	return trimmed
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == NBSP || r == NNBSP || r == '\u2009' }

// wordEnd reports whether the mark at in[i] ends a word: a letter, digit
// or closing mark before it (in out) and a space, another mark or the end
// of the text after it. "?!" is one mark: the second gets no space.
func wordEnd(out, in []rune, i int) bool {
	if len(out) == 0 {
		return false
	}
	prev := out[len(out)-1]
	if !(unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune(")]”’\"'…", prev)) {
		return false
	}
	if i+1 == len(in) {
		return true
	}
	next := in[i+1]
	return unicode.IsSpace(next) || strings.ContainsRune(";!?:.,)»”", next)
}
