// Package search makes the catalog findable in the browser: the
// normalization of text that the build applies to the search index and
// static/js/find.js applies to what a visitor types, and the index itself,
// an output generator (index.go).
package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Normalize folds s for matching, so that a query typed without accents,
// without hamza or with other digits finds the text as written:
//
//   - canonical decomposition (NFD) and removal of every combining mark
//     (Unicode Mn): French accents and cedillas, Arabic harakat, shadda,
//     sukun, dagger alef, and the hamza and madda of أ إ آ ؤ ئ, which
//     decompose to ا ا ا و ي plus a mark;
//   - Arabic letters that writers use interchangeably: ٱ → ا, ة → ه,
//     ى and ی → ي; tatweel (ـ) removed;
//   - ligatures œ → oe, æ → ae;
//   - Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits → 0–9;
//   - lower case, rune by rune;
//   - every run of characters that are neither letters nor digits
//     (spaces, punctuation, symbols) → one space, none at either end.
//
// static/js/find.js (normalize) implements the same steps; the table in
// testdata/normalize.json is checked against both (normalize_test.go and
// .ci/checks/find.mjs). Keep them in step.
func Normalize(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)))
	d, _, err := transform.String(t, s)
	if err != nil { // only on invalid input the transformers reject
		d = s
	}
	var b strings.Builder
	b.Grow(len(d))
	space := false
	for _, r := range d {
		r = unicode.ToLower(fold(r))
		switch {
		case r == 'œ':
			b.WriteString(sep(&space, b.Len()) + "oe")
		case r == 'æ':
			b.WriteString(sep(&space, b.Len()) + "ae")
		case r == 'ـ': // tatweel: a stretch, not a letter
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			b.WriteString(sep(&space, b.Len()))
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// sep returns the space owed before the next letter (none at the start).
func sep(space *bool, written int) string {
	s := *space && written > 0
	*space = false
	if s {
		return " "
	}
	return ""
}

// fold maps the Arabic letters and digits of Normalize.
func fold(r rune) rune {
	switch {
	case r == 'ٱ':
		return 'ا'
	case r == 'ة':
		return 'ه'
	case r == 'ى', r == 'ی':
		return 'ي'
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠')
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰')
	}
	return r
}
