package check

import (
	"fmt"
	"io"
	"strings"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// Strict turns every warning into an error.
func (r *Result) Strict() {
	strict := &diag.List{}
	for _, d := range r.Problems.Items() {
		if d.Severity == diag.Warning {
			d.Severity = diag.Error
			d.Message += " (--strict)"
		}
		strict.Add(d)
	}
	r.Problems = strict
}

// Human writes the findings for people: grouped by file, then the
// translation status and a summary. When r.Changes knows the editor's
// changes, the problems in the changed files come first, under "Your
// changes", then the others; each part opens with one line per kind of
// problem.
func (r *Result) Human(w io.Writer) {
	items := r.Problems.Items()
	switch c := r.Changes; {
	case c == nil:
		byFile(w, items)
	case c.Base == "":
		fmt.Fprintf(w, "Problems in your changes are not listed first: %s.\n", c.Why)
		byFile(w, items)
	default:
		mine, others := c.split(items)
		if len(c.Files) == 0 {
			fmt.Fprintf(w, "Your changes: no file under content/ or i18n/ differs from %s.\n", c.Base)
		} else {
			fmt.Fprintf(w, "Your changes (%s that differ from %s): %s\n", plural(len(c.Files), "file"), c.Base, tally(mine))
			summary(w, mine)
			byFile(w, mine)
		}
		fmt.Fprintf(w, "\nElsewhere (files you did not change): %s\n", tally(others))
		summary(w, others)
		byFile(w, others)
	}
	fmt.Fprintln(w, "\nTranslations:")
	for _, lang := range r.Languages {
		fmt.Fprintf(w, "  %s: %d missing, %d not yet reviewed\n", lang, len(r.Missing[lang]), len(r.Unreviewed[lang]))
		for _, f := range r.Missing[lang] {
			fmt.Fprintf(w, "    missing: %s\n", diag.Name(f))
		}
	}
	r.humanPlans(w)
	fmt.Fprintln(w)
	if c := r.Changes; c != nil && c.Base != "" {
		// Repeated here, where a terminal stops scrolling.
		if mine, _ := c.split(items); len(mine) > 0 {
			fmt.Fprintf(w, "Your changes: %s (listed first).\n", tally(mine))
		} else {
			fmt.Fprintln(w, "Your changes: no problems.")
		}
	}
	fmt.Fprintf(w, "%d error(s), %d warning(s), %d note(s); %d output files and %d internal links checked\n",
		r.Problems.Count(diag.Error), r.Problems.Count(diag.Warning), r.Problems.Count(diag.Note), r.Files, r.Links)
}

// byFile writes items grouped by file, each file after a blank line.
func byFile(w io.Writer, items []diag.Diagnostic) {
	last := ""
	for _, d := range items {
		if d.File != last {
			fmt.Fprintf(w, "\n%s\n", diag.Name(d.File))
			last = d.File
		}
		loc := ""
		if d.Pos.Line > 0 {
			loc = fmt.Sprintf("%d:%d: ", d.Pos.Line, max(d.Pos.Col, 1))
		}
		fmt.Fprintf(w, "  %s%s: %s\n", loc, d.Severity, diag.Escape(d.Message))
	}
}

// tally says "1 error, 2 notes", or "no problems".
func tally(items []diag.Diagnostic) string {
	var parts []string
	for _, sev := range []diag.Severity{diag.Error, diag.Warning, diag.Note} {
		n := 0
		for _, d := range items {
			if d.Severity == sev {
				n++
			}
		}
		if n > 0 {
			parts = append(parts, plural(n, sev.String()))
		}
	}
	if len(parts) == 0 {
		return "no problems"
	}
	return strings.Join(parts, ", ")
}

// GitHub writes GitHub Actions workflow commands, which GitHub shows as
// annotations on the pull request's files; those in the editor's changes
// first, when r.Changes knows them.
func (r *Result) GitHub(w io.Writer) {
	items := r.Problems.Items()
	if c := r.Changes; c != nil && c.Base != "" {
		mine, others := c.split(items)
		items = append(mine, others...)
	}
	for _, d := range items {
		level := map[diag.Severity]string{diag.Error: "error", diag.Warning: "warning", diag.Note: "notice"}[d.Severity]
		props := "file=" + escapeProperty(d.File)
		if d.Pos.Line > 0 {
			props += fmt.Sprintf(",line=%d,col=%d", d.Pos.Line, max(d.Pos.Col, 1))
		}
		fmt.Fprintf(w, "::%s %s::%s\n", level, props, escapeData(d.Message))
	}
	fmt.Fprintf(w, "%d error(s), %d warning(s), %d note(s)\n", r.Problems.Count(diag.Error), r.Problems.Count(diag.Warning), r.Problems.Count(diag.Note))
}

// escapeData and escapeProperty follow GitHub's workflow command encoding.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
