package check

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// A kind is a family of problems that one line can summarize, such as the
// sixteen "date passed" notes of a catalog whose review date has moved on.
type kind struct {
	match *regexp.Regexp
	what  string // what is wrong, in a few words
	todo  string // what to do
}

// kinds name the families that check itself and the build report most
// often; any other message is summarized by its own words (see kindOf).
var kinds = []kind{
	{regexp.MustCompile(`^to update: the dates of`),
		"dates passed while the status is still planned or confirmed", "set completed (with the days held), postponed or cancelled, at the status line given"},
	{regexp.MustCompile(`has no date yet`),
		"no date yet, so left out of the calendar feeds", "add the schedule once it is known"},
	{regexp.MustCompile(`is a form the glossary lists as to avoid`),
		"forms the glossary lists as to avoid", "write the form each warning gives (" + GlossaryFile + ")"},
	{regexp.MustCompile(`placeholder`),
		"placeholder text left (TODO)", "replace it with the real text"},
	{regexp.MustCompile(`, a draft, is still to review`),
		"texts of a draft plan still to review", `rewrite or review each for the plan, then delete "unreviewed: true"`},
	{regexp.MustCompile(`of draft plan \S+ has no activities yet`),
		"areas of a draft plan without activities yet", "add them with pesnet new activity --plan"},
	{regexp.MustCompile(`, which is (current|archived), is still marked for review`),
		"texts of an adopted plan still marked for review", `review each, then delete "unreviewed: true"`},
	{regexp.MustCompile(`has no "[^"]*" text:`),
		"missing translations (the page shows another language's text)", "add the file named"},
}

// quoted matches a quoted value inside a message.
var quoted = regexp.MustCompile(`"[^"]*"`)

// kindOf returns the family of a message. Messages say "what is wrong: how
// to fix it"; an unknown one is summarized by those two parts, with its
// quoted values elided so that the same mistake in two places is one kind.
func kindOf(msg string) kind {
	for _, k := range kinds {
		if k.match.MatchString(msg) {
			return k
		}
	}
	what, todo, _ := strings.Cut(quoted.ReplaceAllString(msg, `"…"`), ": ")
	return kind{what: what, todo: todo}
}

// summary writes one line per kind of problem in items: the most severe
// first, then the most frequent.
func summary(w io.Writer, items []diag.Diagnostic) {
	type key struct {
		sev        diag.Severity
		what, todo string
	}
	counts := map[key]int{}
	for _, d := range items {
		k := kindOf(d.Message)
		counts[key{d.Severity, k.what, k.todo}]++
	}
	keys := slices.Collect(maps.Keys(counts))
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.sev, b.sev), cmp.Compare(counts[b], counts[a]), cmp.Compare(a.what, b.what), cmp.Compare(a.todo, b.todo))
	})
	for _, k := range keys {
		line := fmt.Sprintf("  %s: %s", plural(counts[k], k.sev.String()), k.what)
		if k.todo != "" {
			line += " — " + k.todo
		}
		fmt.Fprintln(w, line)
	}
}

// plural says "1 note", "16 notes".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
