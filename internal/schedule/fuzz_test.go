package schedule

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// FuzzParse checks what holds for every input, valid or not: Parse does
// not panic; an error points inside the input; a schedule has ordered,
// midnight-UTC bounds, a known precision, exact instants in order for
// times, and its Notation parses back to the same schedule.
// Inputs that once failed are kept in testdata/fuzz/FuzzParse.
//
// Run it longer with: go test ./internal/schedule -run '^$' -fuzz '^FuzzParse$' -fuzztime 10m
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"2024-09", "2025-Q2", "2026-01/2026-02", "2025-11-04", "2025-11-04/2025-11-06",
		"2025-11-04T09:00/2025-11-04T17:00 Europe/Istanbul", "2025-11-04T09:00/2025-11-05T12:00 UTC",
		"tbd", " TBD ", "", " ", "2024-02", "2025-12/2026-01", "2025-Q1/2025-Q2", "2025-02-30",
		"2025-11-04T09:00 UTC", "2025-11-04 UTC", "2025-01/2025-02/2025-03", "\t2025-11-04T09:00/2025-11-04T17:00",
		"2025-11-04T09:00/2025-11-04T17:00", "2025-11-04T09:00/2025-11-04T17:00 Mars/Olympus", "2025-11-04T17:00/2025-11-04T09:00 UTC",
		"2025-11-04T25:00/2025-11-04T26:00 UTC", "2025-01/2025-03-04", "2026-02/2026-01", "Septembre 2024", "2025-9",
		// Common forms that are not the grammar's: the error gives the notation.
		"15/03/2026", "15.03.2026", "March 2026", "1er août 2026", "T2 2025", "Q5", "Q2", "15/03/2026 - 17/03/2026",
		// Days when clocks change: some local times do not exist, some twice.
		"2025-03-30T01:00/2025-03-30T04:00 Europe/Paris", "2025-10-26T02:15/2025-10-26T02:45 Europe/Paris",
		"2025-03-09T01:30/2025-03-09T03:30 America/New_York", "2025-11-02T01:00/2025-11-02T01:59 America/New_York",
		"2025-03-28T00:00/2025-03-28T01:00 Asia/Gaza",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := Parse(in)
		if err != nil {
			if err.Offset < 0 || err.Offset > len(in) {
				t.Fatalf("Parse(%q): offset %d outside [0, %d] (%s)", in, err.Offset, len(in), err.Msg)
			}
			if err.Msg == "" {
				t.Fatalf("Parse(%q): error without a message", in)
			}
			// Indenting the input moves the offset with it: it is counted
			// in the input as written, not in the trimmed notation.
			if r, _ := utf8.DecodeRuneInString(in); in != "" && !unicode.IsSpace(r) {
				_, moved := Parse(" " + in)
				if moved == nil || moved.Offset != err.Offset+1 || moved.Msg != err.Msg {
					t.Fatalf("Parse(%q): offset %d; Parse(%q): %+v, want offset %d", in, err.Offset, " "+in, moved, err.Offset+1)
				}
			}
			return
		}
		checkSchedule(t, in, s)
		again, err := Parse(s.Notation)
		if err != nil {
			t.Fatalf("Parse(%q) gave notation %q, which does not parse: %s", in, s.Notation, err.Msg)
		}
		if !same(s, again) {
			t.Fatalf("Parse(%q) = %+v\nParse(its notation %q) = %+v", in, s, s.Notation, again)
		}
	})
}

func checkSchedule(t *testing.T, in string, s Schedule) {
	t.Helper()
	switch s.Precision {
	case Undetermined:
		if s.Notation != "tbd" || !s.First.IsZero() || !s.Last.IsZero() || !s.Start.IsZero() || !s.End.IsZero() {
			t.Fatalf("Parse(%q): undetermined schedule with data: %+v", in, s)
		}
		return
	case Month, Quarter, Day, Minute:
	default:
		t.Fatalf("Parse(%q): unknown precision %d", in, s.Precision)
	}
	if s.Notation != strings.TrimSpace(in) {
		t.Fatalf("Parse(%q): notation %q is not the trimmed input", in, s.Notation)
	}
	for _, d := range []time.Time{s.First, s.Last} {
		if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			t.Fatalf("Parse(%q): bound %v is not a UTC midnight", in, d)
		}
	}
	if s.First.After(s.Last) {
		t.Fatalf("Parse(%q): first day %v after last day %v", in, s.First, s.Last)
	}
	if s.Precision != Minute {
		if !s.Start.IsZero() || !s.End.IsZero() || s.Zone != "" {
			t.Fatalf("Parse(%q): times without minute precision: %+v", in, s)
		}
		return
	}
	if s.Zone == "" || !s.Start.Before(s.End) {
		t.Fatalf("Parse(%q): start %v is not before end %v (zone %q)", in, s.Start, s.End, s.Zone)
	}
	// The instants show the local times written, on the days given.
	body, _, _ := strings.Cut(s.Notation, " ")
	from, to, _ := strings.Cut(body, "/")
	const layout = "2006-01-02T15:04"
	if got := s.Start.Format(layout); got != from {
		t.Fatalf("Parse(%q): start is %s local time, not %s", in, got, from)
	}
	if got := s.End.Format(layout); got != to {
		t.Fatalf("Parse(%q): end is %s local time, not %s", in, got, to)
	}
	if s.Start.Format(time.DateOnly) != s.First.Format(time.DateOnly) || s.End.Format(time.DateOnly) != s.Last.Format(time.DateOnly) {
		t.Fatalf("Parse(%q): instants %v..%v are not on days %v..%v", in, s.Start, s.End, s.First, s.Last)
	}
}

func same(a, b Schedule) bool {
	return a.Notation == b.Notation && a.Precision == b.Precision && a.Zone == b.Zone &&
		a.First.Equal(b.First) && a.Last.Equal(b.Last) && a.Start.Equal(b.Start) && a.End.Equal(b.End) &&
		a.Start.Location().String() == b.Start.Location().String()
}
