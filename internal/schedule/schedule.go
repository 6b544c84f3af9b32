// Package schedule parses and represents the fuzzy dates of the work plan.
//
// The plan rarely knows an exact day. A schedule is written in one of these
// notations (ISO 8601 based, so that spreadsheets and people agree):
//
//	2024-09                          a month
//	2025-Q2                          a quarter
//	2026-01/2026-02                  a span of months
//	2025-11-04                       a day
//	2025-11-04/2025-11-06            a span of days
//	2025-11-04T09:00/2025-11-04T17:00 Europe/Istanbul
//	                                 local times with an IANA time zone
//	tbd                              no date yet ("to be determined")
//
// Parse turns a notation into a Schedule with inclusive first and last
// calendar days (the earliest and latest bounds), which later stages use for
// sorting, calendars and open data. A "to be confirmed" flag is kept beside
// the notation by the content model, not inside it. Parse never guesses: a
// reversed span, an impossible date, a local time that the zone skips (when
// the clocks go forward) or a time without a zone is an error whose Offset
// points at the offending character of the notation as written.
package schedule

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // zones are embedded: the build never depends on the machine's zoneinfo
)

// Precision says how much of the date is known.
type Precision int

const (
	// Undetermined: no date is set yet ("tbd"). First and Last are zero.
	Undetermined Precision = iota
	// Month: a month or a span of whole months.
	Month
	// Quarter: a calendar quarter.
	Quarter
	// Day: a day or a span of days.
	Day
	// Minute: local start and end times in a time zone.
	Minute
)

func (p Precision) String() string {
	switch p {
	case Undetermined:
		return "undetermined"
	case Month:
		return "month"
	case Quarter:
		return "quarter"
	case Day:
		return "day"
	case Minute:
		return "minute"
	}
	return "unknown"
}

// Schedule is a parsed notation.
type Schedule struct {
	// Notation is the text as written by the editor, trimmed.
	Notation  string
	Precision Precision
	// First and Last are the first and last calendar days covered,
	// inclusive, as midnight UTC dates (civil dates, no zone meaning).
	First, Last time.Time
	// Start and End are the exact local instants for Minute precision
	// (zero otherwise), in the zone named by Zone.
	Start, End time.Time
	Zone       string
}

// IsSpan reports whether the schedule covers more than one of its units
// (several months, several days, or times on different days).
func (s Schedule) IsSpan() bool {
	switch s.Precision {
	case Month:
		return s.First.Month() != s.Last.Month() || s.First.Year() != s.Last.Year()
	case Day, Minute:
		return !s.First.Equal(s.Last)
	}
	return false
}

// Quarter returns the quarter number (1–4) of a Quarter schedule.
func (s Schedule) Quarter() int { return (int(s.First.Month())-1)/3 + 1 }

// Error is a parse error; Offset is the 0-based byte offset in the notation
// where the problem starts.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

func errAt(off int, format string, args ...any) *Error {
	return &Error{Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// point is one side of a range.
type point struct {
	prec    Precision
	first   time.Time // first day (UTC midnight)
	last    time.Time // last day (UTC midnight)
	hour    int
	minute  int
	offset  int // where this point starts in the notation
	hasTime bool
}

const hint = `write a month "2024-09", a quarter "2025-Q2", a day "2025-11-04", two of the same kind joined by "/" such as "2026-01/2026-02", or "tbd" when no date is set yet`

// Parse parses a schedule notation. A notation in another common form
// (15/03/2026, March 2026, T2 2025…) gets an error that gives the
// notation to write instead.
func Parse(notation string) (Schedule, *Error) {
	sch, err := parse(notation)
	if err != nil {
		s := strings.TrimSpace(notation)
		if off, msg, ok := recognise(s); ok {
			return Schedule{}, errAt(strings.Index(notation, s)+off, "%s", msg)
		}
	}
	return sch, err
}

func parse(notation string) (Schedule, *Error) {
	s := strings.TrimSpace(notation)
	lead := strings.Index(notation, s)
	if s == "" {
		return Schedule{}, errAt(0, "the schedule is empty: %s", hint)
	}
	if strings.EqualFold(s, "tbd") {
		return Schedule{Notation: "tbd", Precision: Undetermined}, nil
	}
	body, zone := s, ""
	if i := strings.IndexByte(s, ' '); i >= 0 {
		body, zone = s[:i], strings.TrimSpace(s[i+1:])
	}
	parts := strings.Split(body, "/")
	if len(parts) > 2 {
		return Schedule{}, errAt(lead+len(parts[0])+1+len(parts[1]), "a schedule has at most one \"/\": %s", hint)
	}
	from, err := parsePoint(parts[0], lead)
	if err != nil {
		return Schedule{}, err
	}
	to := from
	if len(parts) == 2 {
		if to, err = parsePoint(parts[1], lead+len(parts[0])+1); err != nil {
			return Schedule{}, err
		}
	}
	return combine(s, from, to, len(parts) == 2, zone, lead+len(body)+1)
}

func combine(s string, from, to point, ranged bool, zone string, zoneOff int) (Schedule, *Error) {
	if ranged && from.prec != to.prec {
		return Schedule{}, errAt(to.offset, "both ends of a span must have the same precision (%s and %s): %s", from.prec, to.prec, hint)
	}
	if ranged && from.prec == Quarter {
		return Schedule{}, errAt(to.offset, "a span of quarters is not supported: write the span of months instead, such as \"2025-04/2025-09\"")
	}
	if from.prec == Minute && !ranged {
		body := strings.Fields(s)[0]
		return Schedule{}, errAt(zoneOff-1, "a time needs an end: write \"start/end\", such as \"%s/%sT17:00 %s\"", body, body[:10], cmpZone(zone))
	}
	if to.last.Before(from.first) || (from.prec == Minute && to.last.Equal(from.first) && to.hour*60+to.minute <= from.hour*60+from.minute) {
		return Schedule{}, errAt(to.offset, "the schedule ends before it starts: put the earlier date first")
	}
	out := Schedule{Notation: s, Precision: from.prec, First: from.first, Last: to.last}
	if from.prec != Minute {
		if zone != "" {
			return Schedule{}, errAt(zoneOff, "a time zone is only meaningful with times: remove %q or add times such as \"2025-11-04T09:00/2025-11-04T17:00 %s\"", zone, zone)
		}
		return out, nil
	}
	if zone == "" { // then zoneOff-1 is the end of the notation
		return Schedule{}, errAt(zoneOff-1, "times need a time zone: add its IANA name after a space, such as \"%s Europe/Istanbul\"", s)
	}
	loc, lerr := time.LoadLocation(zone)
	if lerr != nil || zone == "Local" {
		return Schedule{}, errAt(zoneOff, "unknown time zone %q: use an IANA name such as \"Asia/Baku\", \"Africa/Casablanca\" or \"UTC\"", zone)
	}
	out.Zone = zone
	var err *Error
	if out.Start, err = instant(from, loc, zone); err != nil {
		return Schedule{}, err
	}
	if out.End, err = instant(to, loc, zone); err != nil {
		return Schedule{}, err
	}
	// Wall clocks are in order (checked above); when the clocks go back, an
	// hour repeats and time.Date picks one of its two instants, so check
	// the instants too.
	if !out.End.After(out.Start) {
		return Schedule{}, errAt(to.offset, "the schedule ends before it starts: put the earlier date first")
	}
	return out, nil
}

// instant is the exact time of pt in loc. time.Date silently moves a
// local time that does not exist (skipped when the clocks go forward) to
// another hour; such a time is an error, not a guess.
func instant(pt point, loc *time.Location, zone string) (time.Time, *Error) {
	t := time.Date(pt.first.Year(), pt.first.Month(), pt.first.Day(), pt.hour, pt.minute, 0, 0, loc)
	if t.Hour() != pt.hour || t.Minute() != pt.minute || t.Day() != pt.first.Day() {
		return time.Time{}, errAt(pt.offset+len("2006-01-02T"), "%02d:%02d does not exist on %s in %s: the clocks go forward then; give a time before or after the change",
			pt.hour, pt.minute, pt.first.Format(time.DateOnly), zone)
	}
	return t, nil
}

func parsePoint(p string, off int) (point, *Error) {
	if p == "" {
		return point{}, errAt(off, "a date is missing here: %s", hint)
	}
	date, clock, hasTime := strings.Cut(p, "T")
	fields := strings.Split(date, "-")
	if len(fields) < 2 || len(fields) > 3 {
		return point{}, errAt(off, "%q is not a date: %s", p, hint)
	}
	year, err := number(fields[0], 4, off, "year", 1900, 2200)
	if err != nil {
		return point{}, err
	}
	off2 := off + len(fields[0]) + 1
	if len(fields) == 2 && !hasTime && strings.HasPrefix(fields[1], "Q") {
		q, err := number(fields[1][1:], 1, off2+1, "quarter", 1, 4)
		if err != nil {
			return point{}, err
		}
		first := civil(year, (q-1)*3+1, 1)
		return point{prec: Quarter, first: first, last: first.AddDate(0, 3, -1), offset: off}, nil
	}
	month, err := number(fields[1], 2, off2, "month", 1, 12)
	if err != nil {
		return point{}, err
	}
	if len(fields) == 2 {
		if hasTime {
			return point{}, errAt(off, "a time needs a full date such as \"2025-11-04T09:00\"")
		}
		first := civil(year, month, 1)
		return point{prec: Month, first: first, last: first.AddDate(0, 1, -1), offset: off}, nil
	}
	off3 := off2 + len(fields[1]) + 1
	last := civil(year, month, 1).AddDate(0, 1, -1).Day()
	day, err := number(fields[2], 2, off3, "day", 1, last)
	if err != nil {
		return point{}, err
	}
	pt := point{prec: Day, first: civil(year, month, day), offset: off}
	pt.last = pt.first
	if hasTime {
		if err := parseClock(&pt, clock, off3+len(fields[2])+1); err != nil {
			return point{}, err
		}
	}
	return pt, nil
}

func parseClock(pt *point, clock string, off int) *Error {
	hh, mm, ok := strings.Cut(clock, ":")
	if !ok {
		return errAt(off, "%q is not a time: write hours and minutes such as \"09:30\"", clock)
	}
	h, err := number(hh, 2, off, "hour", 0, 23)
	if err != nil {
		return err
	}
	m, err := number(mm, 2, off+len(hh)+1, "minute", 0, 59)
	if err != nil {
		return err
	}
	pt.prec, pt.hour, pt.minute, pt.hasTime = Minute, h, m, true
	return nil
}

// number parses a fixed-width decimal field and checks its range.
func number(s string, width, off int, what string, lo, hi int) (int, *Error) {
	if len(s) != width || strings.TrimLeft(s, "0123456789") != "" {
		return 0, errAt(off, "%q is not a valid %s: write it with %d digit(s); %s", s, what, width, hint)
	}
	n, _ := strconv.Atoi(s)
	if n < lo || n > hi {
		return 0, errAt(off, "%s %d is out of range (%d–%d)", what, n, lo, hi)
	}
	return n, nil
}

func civil(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func cmpZone(zone string) string {
	if zone == "" {
		return "Europe/Istanbul"
	}
	return zone
}
