package feed

import (
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"github.com/oic-pesnet/workplan/internal/testproject"
)

// TestDefaultFeedsNeverFlood: in every default feed (the plan, the areas,
// the filtered feeds) of both fixture sites, no event lasts longer than
// its real duration: an all-day event covers at most the real days of a
// day schedule, a timed event lies within one day (daily sessions), and
// no fuzzy schedule appears at all.
func TestDefaultFeedsNeverFlood(t *testing.T) {
	sub, _ := fs.Sub(testproject.FS(t), "content")
	for fixture, all := range map[string]map[string][]byte{"feed": fixtureFeeds(t), "shared": feeds(t, sub)} {
		for name, data := range all {
			dflt := strings.HasSuffix(name, "/calendar.ics") || strings.Contains(name, "/calendars/")
			for _, ev := range decode(t, data).Events() {
				start, _ := ev.DateTimeStart(time.UTC)
				end, _ := ev.DateTimeEnd(time.UTC)
				summary, _ := ev.Props.Text(ical.PropSummary)
				allDay := ev.Props.Get(ical.PropDateTimeStart).ValueType() == ical.ValueDate
				days := int(end.Sub(start).Hours() / 24)
				switch {
				case !end.After(start):
					t.Errorf("%s/%s: %q ends before it starts", fixture, name, summary)
				case !allDay && end.Sub(start) > 24*time.Hour:
					t.Errorf("%s/%s: timed %q lasts %v: not a daily session", fixture, name, summary, end.Sub(start))
				case dflt && allDay && days > 14:
					t.Errorf("%s/%s: %q is an all-day block of %d days", fixture, name, summary, days)
				case containsFuzzyMark(summary) && days != 1:
					t.Errorf("%s/%s: fuzzy marker %q spans %d days", fixture, name, summary, days)
				}
				if dflt && containsFuzzyMark(summary) {
					t.Errorf("%s/%s: fuzzy %q in a default feed", fixture, name, summary)
				}
			}
		}
	}
}

func containsFuzzyMark(s string) bool {
	for _, m := range []string{"[Date à préciser", "[Date to be fixed", "[موعد يُحدَّد لاحقًا"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// TestRealDays pins the durations of the feed fixture's events.
func TestRealDays(t *testing.T) {
	all := fixtureFeeds(t)
	byUID := map[string]ical.Event{}
	for _, ev := range decode(t, all["fr/planning.ics"]).Events() {
		uid, _ := ev.Props.Text(ical.PropUID)
		byUID[uid] = ev
	}
	for uid, want := range map[string][2]string{
		"days-fr@example.org":     {"20251104", "20251107"}, // three real days
		"month-fr@example.org":    {"20240901", "20240902"}, // one marker
		"quarter-fr@example.org":  {"20250401", "20250402"},
		"sessions-fr@example.org": {"20251025T070000Z", "20251025T150000Z"}, // 09:00–17:00 CEST
		// The end of daylight saving time: 09:00–17:00 CET on the 26th.
		"sessions-2-fr@example.org": {"20251026T080000Z", "20251026T160000Z"},
		"sessions-3-fr@example.org": {"20251027T080000Z", "20251027T160000Z"},
	} {
		ev, ok := byUID[uid]
		if !ok {
			t.Errorf("no event %s", uid)
			continue
		}
		if s, e := ev.Props.Get(ical.PropDateTimeStart).Value, ev.Props.Get(ical.PropDateTimeEnd).Value; s != want[0] || e != want[1] {
			t.Errorf("%s: %s–%s, want %s–%s", uid, s, e, want[0], want[1])
		}
	}
}

// TestMarks: cancelled, postponed and past-planned events carry their mark
// at the very start of SUMMARY, in every language, and the first two do
// not block time.
func TestMarks(t *testing.T) {
	all := fixtureFeeds(t)
	marks := map[string]map[string]string{
		"fr": {"quarter": "[Annulée] [Date à préciser", "sessions": "[Reportée] ", "past": "[Date passée, statut non mis à jour] "},
		"en": {"quarter": "[Cancelled] [Date to be fixed", "sessions": "[Postponed] ", "past": "[Date passed, status not updated] "},
		"ar": {"quarter": "[ملغى] [موعد يُحدَّد لاحقًا", "sessions": "[مؤجَّل] ", "past": "[انقضى الموعد ولم تُحدَّث الحالة] "},
	}
	for lang, want := range marks {
		seen := map[string]bool{}
		for _, ev := range decode(t, all[lang+"/planning.ics"]).Events() {
			uid, _ := ev.Props.Text(ical.PropUID)
			id := strings.TrimSuffix(uid, "-"+lang+"@example.org")
			id, _, _ = strings.Cut(id, "-")
			prefix, ok := want[id]
			if !ok {
				continue
			}
			seen[id] = true
			summary, _ := ev.Props.Text(ical.PropSummary)
			if !strings.HasPrefix(summary, prefix) {
				t.Errorf("%s %s: SUMMARY %q does not start with %q", lang, uid, summary, prefix)
			}
			status, _ := ev.Props.Text(ical.PropStatus)
			transp, _ := ev.Props.Text(ical.PropTransparency)
			switch id {
			case "quarter":
				if status != "CANCELLED" || transp != "TRANSPARENT" {
					t.Errorf("%s %s: %s %s", lang, uid, status, transp)
				}
			case "sessions":
				if status != "TENTATIVE" || transp != "TRANSPARENT" {
					t.Errorf("%s %s: %s %s", lang, uid, status, transp)
				}
			}
		}
		if len(seen) != len(want) {
			t.Errorf("%s: saw %v of %v", lang, seen, want)
		}
	}
}
