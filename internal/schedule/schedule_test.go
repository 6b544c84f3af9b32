package schedule

import (
	"testing"
	"time"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestParse(t *testing.T) {
	tests := []struct {
		in          string
		prec        Precision
		first, last time.Time
		span        bool
	}{
		{"2024-09", Month, day(2024, 9, 1), day(2024, 9, 30), false},
		{"2024-02", Month, day(2024, 2, 1), day(2024, 2, 29), false},
		{" 2025-02 ", Month, day(2025, 2, 1), day(2025, 2, 28), false},
		{"2025-Q1", Quarter, day(2025, 1, 1), day(2025, 3, 31), false},
		{"2025-Q2", Quarter, day(2025, 4, 1), day(2025, 6, 30), false},
		{"2025-Q4", Quarter, day(2025, 10, 1), day(2025, 12, 31), false},
		{"2026-01/2026-02", Month, day(2026, 1, 1), day(2026, 2, 28), true},
		{"2025-12/2026-01", Month, day(2025, 12, 1), day(2026, 1, 31), true},
		{"2025-11-04", Day, day(2025, 11, 4), day(2025, 11, 4), false},
		{"2025-11-04/2025-11-06", Day, day(2025, 11, 4), day(2025, 11, 6), true},
		{"2025-11-04T09:00/2025-11-04T17:30 Europe/Istanbul", Minute, day(2025, 11, 4), day(2025, 11, 4), false},
		{"2025-11-04T09:00/2025-11-05T12:00 UTC", Minute, day(2025, 11, 4), day(2025, 11, 5), true},
		{"tbd", Undetermined, time.Time{}, time.Time{}, false},
		{"TBD", Undetermined, time.Time{}, time.Time{}, false},
	}
	for _, tt := range tests {
		s, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if s.Precision != tt.prec || !s.First.Equal(tt.first) || !s.Last.Equal(tt.last) || s.IsSpan() != tt.span {
			t.Errorf("Parse(%q) = %v %v..%v span=%v; want %v %v..%v span=%v", tt.in, s.Precision, s.First, s.Last, s.IsSpan(), tt.prec, tt.first, tt.last, tt.span)
		}
	}
}

func TestParseTimes(t *testing.T) {
	s, err := Parse("2025-11-04T09:00/2025-11-04T17:30 Europe/Istanbul")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Start.UTC().Format(time.RFC3339); got != "2025-11-04T06:00:00Z" {
		t.Errorf("start = %s, want 06:00 UTC (Istanbul is UTC+3)", got)
	}
	if got := s.End.Format("15:04 MST"); got != "17:30 +03" {
		t.Errorf("end = %s", got)
	}
	if s.Zone != "Europe/Istanbul" {
		t.Errorf("zone = %q", s.Zone)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		msg    string
	}{
		{"", 0, "the schedule is empty: " + hint},
		{"2025-13", 5, "month 13 is out of range (1–12)"},
		{"2025-00", 5, "month 0 is out of range (1–12)"},
		{"2025-02-30", 8, "day 30 is out of range (1–28)"},
		{"2025-Q5", 6, "there is no quarter 5: a year has four, Q1 to Q4, such as 2025-Q2"},
		{"Septembre 2024", 0, "write a month as 2024-09"},
		{"Ramadan 2024", 0, `"Ramadan" is not a date: ` + hint},
		{"2025-9", 5, `"9" is not a valid month: write it with 2 digit(s); ` + hint},
		{"2026-02/2026-01", 8, "the schedule ends before it starts: put the earlier date first"},
		{"2025-11-06/2025-11-04", 11, "the schedule ends before it starts: put the earlier date first"},
		{"2025-01/2025-03-04", 8, "both ends of a span must have the same precision (month and day): " + hint},
		{"2025-Q1/2025-Q2", 8, `a span of quarters is not supported: write the span of months instead, such as "2025-04/2025-09"`},
		{"2025-01/2025-02/2025-03", 15, `a schedule has at most one "/": ` + hint},
		{"2025-11-04T09:00/2025-11-04T17:00", 33, `times need a time zone: add its IANA name after a space, such as "2025-11-04T09:00/2025-11-04T17:00 Europe/Istanbul"`},
		{"2025-11-04T09:00/2025-11-04T17:00 Mars/Olympus", 34, `unknown time zone "Mars/Olympus": use an IANA name such as "Asia/Baku", "Africa/Casablanca" or "UTC"`},
		{"2025-11-04T17:00/2025-11-04T09:00 UTC", 17, "the schedule ends before it starts: put the earlier date first"},
		{"2025-11-04T25:00/2025-11-04T26:00 UTC", 11, "hour 25 is out of range (0–23)"},
		{"2025-11-04 UTC", 11, `a time zone is only meaningful with times: remove "UTC" or add times such as "2025-11-04T09:00/2025-11-04T17:00 UTC"`},
		{"2025-11-04T09:00 UTC", 16, `a time needs an end: write "start/end", such as "2025-11-04T09:00/2025-11-04T17:00 UTC"`},
		{" 2025-11-04T09:00/2025-11-04T17:00", 34, `times need a time zone: add its IANA name after a space, such as "2025-11-04T09:00/2025-11-04T17:00 Europe/Istanbul"`},
		{"2025-03-30T02:30/2025-03-30T03:10 Europe/Paris", 11, "02:30 does not exist on 2025-03-30 in Europe/Paris: the clocks go forward then; give a time before or after the change"},
		{"2025-03-09T01:30/2025-03-09T02:15 America/New_York", 28, "02:15 does not exist on 2025-03-09 in America/New_York: the clocks go forward then; give a time before or after the change"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", tt.in)
			continue
		}
		if err.Offset != tt.offset || err.Msg != tt.msg {
			t.Errorf("Parse(%q) = offset %d %q\nwant offset %d %q", tt.in, err.Offset, err.Msg, tt.offset, tt.msg)
		}
	}
}

// TestRecognise: notations in other common forms are refused with the
// notation to write instead.
func TestRecognise(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		msg    string
	}{
		{"15/03/2026", 0, "write dates as 2026-03-15"},
		{"15.03.2026", 0, "write dates as 2026-03-15"},
		{"5/3/2026", 0, "write dates as 2026-03-05"},
		{"03/15/2026", 0, "write dates as 2026-03-15"},
		{"2026/03/15", 0, "write dates as 2026-03-15"},
		{"31/02/2026", 0, "write dates as year-month-day, such as 2026-03-15, and check that the date exists"},
		{"15 mars 2026", 0, "write dates as 2026-03-15"},
		{"1er août 2026", 0, "write dates as 2026-08-01"},
		{"March 15, 2026", 0, "write dates as 2026-03-15"},
		{"03/2026", 0, "write a month as 2026-03"},
		{"March 2026", 0, "write a month as 2026-03"},
		{"mars 2026", 0, "write a month as 2026-03"},
		{"Févr. 2026", 0, "write a month as 2026-02"},
		{"décembre 2026", 0, "write a month as 2026-12"},
		{"Sept 2024", 0, "write a month as 2024-09"},
		{"T2 2025", 0, "write a quarter as 2025-Q2"},
		{"Q3 2025", 0, "write a quarter as 2025-Q3"},
		{"2025 Q4", 0, "write a quarter as 2025-Q4"},
		{"2025-T1", 0, "write a quarter as 2025-Q1"},
		{"2e trimestre 2025", 0, "write a quarter as 2025-Q2"},
		{"2nd quarter 2025", 0, "write a quarter as 2025-Q2"},
		{"Q5", 1, "there is no quarter 5: a year has four, Q1 to Q4; write a quarter with its year, such as 2025-Q2"},
		{"T0 2025", 1, "there is no quarter 0: a year has four, Q1 to Q4, such as 2025-Q2"},
		{"Q2", 2, "the year is missing: write a quarter with its year first, such as 2025-Q2"},
		{"15/03/2026 - 17/03/2026", 0, `write a span as its two ends joined by "/": 2026-03-15/2026-03-17`},
		{"mars 2026 – avril 2026", 0, `write a span as its two ends joined by "/": 2026-03/2026-04`},
		{" 15/03/2026", 1, "write dates as 2026-03-15"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", tt.in)
			continue
		}
		if err.Offset != tt.offset || err.Msg != tt.msg {
			t.Errorf("Parse(%q) = offset %d %q\nwant offset %d %q", tt.in, err.Offset, err.Msg, tt.offset, tt.msg)
		}
	}
}
