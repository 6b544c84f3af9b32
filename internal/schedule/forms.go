package schedule

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// People write dates the way their country, their spreadsheet or their
// language does: 15/03/2026, 15.03.2026, March 2026, mars 2026, T2 2025
// (trimestre). The grammar accepts none of these on purpose (15/03 and
// 03/15 cannot both be right), but recognising them lets the message show
// the notation to write instead of a grammar lesson.

// form is one such way of writing, with what it means in the grammar.
type form struct {
	re   *regexp.Regexp
	kind Precision
	// iso converts the submatches to the notation, or fails when the date
	// does not exist.
	iso func(m []string) (string, bool)
}

const year = `(\d{4})`

// monthName matches the name of a month (see months), with an optional
// abbreviation point.
var monthName = `(` + strings.Join(sortedNames(), "|") + `)\.?`

var forms = []form{
	{regexp.MustCompile(`^(\d{1,2})([/.])(\d{1,2})([/.])` + year + `$`), Day, func(m []string) (string, bool) {
		d, mo := atoi(m[1]), atoi(m[3])
		if mo > 12 && d <= 12 { // 03/15/2026: written month first
			d, mo = mo, d
		}
		return isoDay(atoi(m[5]), mo, d)
	}},
	{regexp.MustCompile(`^` + year + `[/.](\d{1,2})[/.](\d{1,2})$`), Day, func(m []string) (string, bool) { return isoDay(atoi(m[1]), atoi(m[2]), atoi(m[3])) }},
	{regexp.MustCompile(`^(\d{1,2})(?:er)? ` + monthName + ` ` + year + `$`), Day, func(m []string) (string, bool) { return isoDay(atoi(m[3]), monthOf(m[2]), atoi(m[1])) }},
	{regexp.MustCompile(`^` + monthName + ` (\d{1,2}),? ` + year + `$`), Day, func(m []string) (string, bool) { return isoDay(atoi(m[3]), monthOf(m[1]), atoi(m[2])) }},
	{regexp.MustCompile(`^(\d{1,2})[/.]` + year + `$`), Month, func(m []string) (string, bool) { return isoMonth(atoi(m[2]), atoi(m[1])) }},
	{regexp.MustCompile(`^` + monthName + `,? ` + year + `$`), Month, func(m []string) (string, bool) { return isoMonth(atoi(m[2]), monthOf(m[1])) }},
	{regexp.MustCompile(`^[qt]([1-4])[ -]?` + year + `$`), Quarter, func(m []string) (string, bool) { return m[2] + "-Q" + m[1], true }},
	{regexp.MustCompile(`^` + year + `[ -]?[qt]([1-4])$`), Quarter, func(m []string) (string, bool) { return m[1] + "-Q" + m[2], true }},
	{regexp.MustCompile(`^([1-4])(?:er|re|e|eme|st|nd|rd|th)? (?:trimestre|quarter)(?: of)? ` + year + `$`), Quarter, func(m []string) (string, bool) { return m[2] + "-Q" + m[1], true }},
}

var (
	noSuchQuarter = regexp.MustCompile(`^(?:\d{4}[ -]?)?[qt](\d+)(?:[ -]?\d{4})?$`)
	quarterOnly   = regexp.MustCompile(`^[qt]([1-4])$`)
	yearIn        = regexp.MustCompile(`\d{4}`)
)

// spanSeparators are the ways people join the two ends of a span.
var spanSeparators = []string{" - ", " – ", "–", " au ", " à ", " to "}

// recognise returns a message for a notation written in a common form
// other than the grammar's, with the offset of the part it is about, or
// false when s looks like none of them.
func recognise(s string) (int, string, bool) {
	low := fold(s)
	if kind, iso, matched := convert(low); matched && iso != "" {
		return 0, fmt.Sprintf("write %s as %s", kindName(kind), iso), true
	} else if matched {
		return 0, fmt.Sprintf("write %s as %s, and check that the date exists", kindName(kind), map[Precision]string{Day: "year-month-day, such as 2026-03-15", Month: "year-month, such as 2026-03"}[kind]), true
	}
	for _, sep := range spanSeparators {
		from, to, ok := strings.Cut(low, sep)
		k1, a, ok1 := convert(from)
		k2, b, ok2 := convert(to)
		if ok && ok1 && ok2 && a != "" && b != "" && k1 == k2 && k1 != Quarter {
			return 0, fmt.Sprintf("write a span as its two ends joined by \"/\": %s/%s", a, b), true
		}
	}
	if m := noSuchQuarter.FindStringSubmatchIndex(low); m != nil {
		if q := low[m[2]:m[3]]; q < "1" || q > "4" || len(q) > 1 {
			if y := yearIn.FindString(low); y != "" {
				return m[2], fmt.Sprintf("there is no quarter %s: a year has four, Q1 to Q4, such as %s-Q2", q, y), true
			}
			return m[2], fmt.Sprintf("there is no quarter %s: a year has four, Q1 to Q4; write a quarter with its year, such as 2025-Q2", q), true
		}
	}
	if m := quarterOnly.FindStringSubmatch(low); m != nil {
		return len(s), fmt.Sprintf("the year is missing: write a quarter with its year first, such as 2025-Q%s", m[1]), true
	}
	return 0, "", false
}

// convert turns s, in one of the forms, into the grammar's notation. It
// reports whether s has one of the forms; the notation is "" when the date
// does not exist (31/02/2026).
func convert(s string) (kind Precision, iso string, matched bool) {
	s = strings.TrimSpace(s)
	for _, f := range forms {
		if m := f.re.FindStringSubmatch(s); m != nil {
			iso, _ := f.iso(m)
			return f.kind, iso, true
		}
	}
	return 0, "", false
}

func kindName(p Precision) string {
	switch p {
	case Day:
		return "dates"
	case Month:
		return "a month"
	}
	return "a quarter"
}

func isoDay(y, m, d int) (string, bool) {
	if m < 1 || m > 12 || d < 1 || d > civil(y, m, 1).AddDate(0, 1, -1).Day() {
		return "", false
	}
	return civil(y, m, d).Format(time.DateOnly), true
}

func isoMonth(y, m int) (string, bool) {
	if m < 1 || m > 12 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d", y, m), true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// months are the names and usual abbreviations of the months in English
// and French, without accents, by number.
var months = map[string]int{
	"january": 1, "jan": 1, "janvier": 1, "janv": 1,
	"february": 2, "feb": 2, "fevrier": 2, "fev": 2, "fevr": 2,
	"march": 3, "mar": 3, "mars": 3,
	"april": 4, "apr": 4, "avril": 4, "avr": 4,
	"may": 5, "mai": 5,
	"june": 6, "jun": 6, "juin": 6,
	"july": 7, "jul": 7, "juillet": 7, "juil": 7,
	"august": 8, "aug": 8, "aout": 8,
	"september": 9, "sep": 9, "sept": 9, "septembre": 9,
	"october": 10, "oct": 10, "octobre": 10,
	"november": 11, "nov": 11, "novembre": 11,
	"december": 12, "dec": 12, "decembre": 12,
}

// monthOf returns the number of a month name, or 0.
func monthOf(name string) int { return months[name] }

// sortedNames returns the month names, longest first (so that "mars" is
// not read as "mar").
func sortedNames() []string {
	names := make([]string, 0, len(months))
	for n := range months {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	return names
}

// fold lowercases s and drops the accents of French month names.
func fold(s string) string {
	return strings.NewReplacer("é", "e", "è", "e", "û", "u").Replace(strings.ToLower(strings.TrimSpace(s)))
}
