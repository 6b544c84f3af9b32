// Package diag carries the problems a build finds in the project's files to
// the people who must fix them.
//
// A Diagnostic names a file (as the editor sees it, e.g.
// "content/activities/x/activity.yaml"), a 1-based line and column counted in
// that file itself, a severity, and a message that says what is wrong and how
// to fix it. A List collects every problem of a run so that one run reports
// them all; it never stops at the first. Its String form is one
// "file:line:col: severity: message" line per problem, sorted by file and
// position, which editors and CI annotators understand.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Severity says whether a problem stops publication.
type Severity int

const (
	// Error problems stop the build: nothing is published.
	Error Severity = iota
	// Warning problems are reported but the site is still published
	// (e.g. a missing translation, shown with a fallback).
	Warning
	// Note is information about the output that needs no fix (e.g. an
	// activity without a date is left out of the calendar feeds).
	Note
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return "error"
}

// Pos is a 1-based position in a file. A zero Line means "the whole file".
type Pos struct {
	Line, Col int
}

// Diagnostic is one problem found in one file.
type Diagnostic struct {
	File     string
	Pos      Pos
	Severity Severity
	Message  string
}

// String is the diagnostic as one line of human output. The file name and
// the message are escaped where they hold line breaks or other invisible
// characters (see Name and Escape).
func (d Diagnostic) String() string {
	loc := Name(d.File)
	if d.Pos.Line > 0 {
		col := max(d.Pos.Col, 1)
		loc = fmt.Sprintf("%s:%d:%d", loc, d.Pos.Line, col)
	}
	return fmt.Sprintf("%s: %s: %s", loc, d.Severity, Escape(d.Message))
}

// Name shows a file name in human output: as it is when it holds only
// visible characters, else in double quotes with Go escapes
// ("content/activities/a\nb/activity.yaml"). A folder named with a line
// break would otherwise print a line that looks like another problem, and
// bidirectional controls could reorder what the terminal shows.
func Name(file string) string {
	if utf8.ValidString(file) && strings.IndexFunc(file, invisible) < 0 {
		return file
	}
	return strconv.Quote(file)
}

// Escape writes the invisible characters of a message as Go escapes (a
// line break as \n), so that a message is always one line of output.
// Messages quote what they show with %q already; this guards names and
// values that reach a message otherwise.
func Escape(msg string) string {
	if utf8.ValidString(msg) && strings.IndexFunc(msg, invisible) < 0 {
		return msg
	}
	var b strings.Builder
	for i := 0; i < len(msg); {
		r, size := utf8.DecodeRuneInString(msg[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "\\x%02x", msg[i])
		case invisible(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// invisible reports the characters that break or reorder a line of
// output: control characters (line breaks included), Unicode line and
// paragraph separators, and format characters such as the bidirectional
// overrides.
func invisible(r rune) bool {
	return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
}

// List collects diagnostics. The zero value is ready to use.
type List struct {
	items []Diagnostic
}

// Errorf records an error at file:pos.
func (l *List) Errorf(file string, pos Pos, format string, args ...any) {
	l.Add(Diagnostic{File: file, Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at file:pos.
func (l *List) Warnf(file string, pos Pos, format string, args ...any) {
	l.Add(Diagnostic{File: file, Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Add records d.
func (l *List) Add(d Diagnostic) { l.items = append(l.items, d) }

// Merge appends every diagnostic of o.
func (l *List) Merge(o *List) {
	if o != nil {
		l.items = append(l.items, o.items...)
	}
}

// Items returns the diagnostics sorted by file, position, severity and
// message, so that output is stable whatever order the files were read in.
func (l *List) Items() []Diagnostic {
	out := slices.Clone(l.items)
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.CompactFunc(out, func(a, b Diagnostic) bool { return a == b })
}

// Count returns how many diagnostics of severity s were recorded.
func (l *List) Count(s Severity) int {
	n := 0
	for _, d := range l.items {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any error (not warning) was recorded.
func (l *List) HasErrors() bool { return l.Count(Error) > 0 }

// String renders every diagnostic, one per line.
func (l *List) String() string {
	var b strings.Builder
	for _, d := range l.Items() {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Err returns nil when no error was recorded, and otherwise an error whose
// message lists every diagnostic (warnings included, for context).
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &Errors{List: l}
}

// Errors is the error returned by List.Err.
type Errors struct{ List *List }

func (e *Errors) Error() string {
	return fmt.Sprintf("%d problem(s) found:\n%s", e.List.Count(Error), strings.TrimRight(e.List.String(), "\n"))
}
