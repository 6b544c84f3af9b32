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

// Human writes the findings grouped by file, then the translation status
// and a summary.
func (r *Result) Human(w io.Writer) {
	last := ""
	for _, d := range r.Problems.Items() {
		if d.File != last {
			fmt.Fprintf(w, "\n%s\n", d.File)
			last = d.File
		}
		loc := ""
		if d.Pos.Line > 0 {
			loc = fmt.Sprintf("%d:%d: ", d.Pos.Line, max(d.Pos.Col, 1))
		}
		fmt.Fprintf(w, "  %s%s: %s\n", loc, d.Severity, d.Message)
	}
	fmt.Fprintln(w, "\nTranslations:")
	for _, lang := range r.Languages {
		fmt.Fprintf(w, "  %s: %d missing, %d not yet reviewed\n", lang, len(r.Missing[lang]), len(r.Unreviewed[lang]))
		for _, f := range r.Missing[lang] {
			fmt.Fprintf(w, "    missing: %s\n", f)
		}
	}
	fmt.Fprintf(w, "\n%d error(s), %d warning(s), %d note(s); %d output files and %d internal links checked\n",
		r.Problems.Count(diag.Error), r.Problems.Count(diag.Warning), r.Problems.Count(diag.Note), r.Files, r.Links)
}

// GitHub writes GitHub Actions workflow commands, which GitHub shows as
// annotations on the pull request's files.
func (r *Result) GitHub(w io.Writer) {
	for _, d := range r.Problems.Items() {
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
