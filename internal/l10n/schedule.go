package l10n

import (
	"strconv"
	"time"

	"github.com/oic-pesnet/workplan/internal/schedule"
)

// Month returns the name of month m (1–12) as used inside a date.
func (l *Localizer) Month(m time.Month) string {
	return l.T("month_"+strconv.Itoa(int(m)), nil)
}

// Day returns the day of the month as written in a date (French writes
// the first day "1er": message "day_1").
func (l *Localizer) Day(d int) string {
	if id := "day_" + strconv.Itoa(d); l.bundle.Has(l.Lang, id) {
		return l.T(id, nil)
	}
	return l.Number(d)
}

// Schedule returns s in words, e.g. "septembre 2024", "2e trimestre 2025",
// "janvier–février 2026", "4–6 novembre 2025", followed by the localized
// "to be confirmed" wording when tbc is set.
func (l *Localizer) Schedule(s schedule.Schedule, tbc bool) string {
	text := l.schedule(s)
	if tbc && s.Precision != schedule.Undetermined {
		text = l.T("schedule_tbc", map[string]any{"Schedule": text})
	}
	return text
}

func (l *Localizer) schedule(s schedule.Schedule) string {
	switch s.Precision {
	case schedule.Undetermined:
		return l.T("schedule_undetermined", nil)
	case schedule.Quarter:
		return l.T("quarter_"+strconv.Itoa(s.Quarter()), map[string]any{"Year": l.Number(s.First.Year())})
	case schedule.Month:
		return l.months(s.First, s.Last)
	case schedule.Day:
		return l.days(s.First, s.Last)
	case schedule.Minute:
		return l.T("schedule_times", map[string]any{
			"Date": l.days(s.First, s.Last),
			"From": s.Start.Format("15:04"),
			"To":   s.End.Format("15:04"),
			"Zone": s.Zone,
		})
	}
	return s.Notation
}

func (l *Localizer) month(t time.Time) string {
	return l.T("schedule_month", map[string]any{"Month": l.Month(t.Month()), "Year": l.Number(t.Year())})
}

func (l *Localizer) months(first, last time.Time) string {
	switch {
	case first.Year() == last.Year() && first.Month() == last.Month():
		return l.month(first)
	case first.Year() == last.Year():
		return l.T("schedule_month_span", map[string]any{
			"From": l.Month(first.Month()), "To": l.Month(last.Month()), "Year": l.Number(first.Year()),
		})
	}
	return l.T("schedule_range", map[string]any{"From": l.month(first), "To": l.month(last)})
}

func (l *Localizer) day(t time.Time) string {
	key := t.Year()*10000 + int(t.Month())*100 + t.Day()
	if s, ok := l.dates.Load(key); ok {
		return s.(string)
	}
	s := l.T("schedule_day", map[string]any{"Day": l.Day(t.Day()), "Month": l.Month(t.Month()), "Year": l.Number(t.Year())})
	l.dates.Store(key, s)
	return s
}

func (l *Localizer) days(first, last time.Time) string {
	switch {
	case first.Equal(last):
		return l.day(first)
	case first.Year() == last.Year() && first.Month() == last.Month():
		return l.T("schedule_day_span", map[string]any{
			"From": l.Day(first.Day()), "To": l.Day(last.Day()), "Month": l.Month(first.Month()), "Year": l.Number(first.Year()),
		})
	}
	return l.T("schedule_range", map[string]any{"From": l.day(first), "To": l.day(last)})
}
