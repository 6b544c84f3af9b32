package feed

import (
	"strings"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/policy"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// Outcomes in the feeds. A completed activity's events are on the days it
// was held (When), not those planned: a calendar is a record of when
// things happen, and a subscriber looking back at a month expects the
// event on the days it took place (the plan may have said only "2025-Q2",
// which a default feed cannot place at all). The UID stays the activity's
// (the first daily session's, as ever), and the editor raised SEQUENCE
// when the status became completed (pesnet check asks for it), so
// subscribed calendars move the event. Its SUMMARY starts with the
// "completed" mark, its LOCATION is the actual venue when that changed,
// and its DESCRIPTION adds the outcome: the days held, the actual venue,
// participants, institutions, participating countries, the outcome
// sentence and the report's link. A postponed or cancelled activity's
// DESCRIPTION gives its reason and the schedule first planned.

// When is the schedule an activity's events show: the days a completed
// activity was held, else its planned schedule.
func When(a *content.Activity) schedule.Schedule {
	if held(a) {
		return a.Outcome.Held
	}
	return a.Schedule
}

// held reports whether a is completed and says when it was held (the
// loader requires it of every completed activity).
func held(a *content.Activity) bool {
	return a.Status == content.StatusCompleted && a.Outcome.Held.Precision != schedule.Undetermined
}

// Where is where an activity takes place: the actual venue of a completed
// activity when it changed, else the planned one.
func Where(a *content.Activity) content.Venue { return venueOf(a) }

// venueOf is where an activity's events take place: the actual venue of a
// completed activity when it changed, else the planned one.
func venueOf(a *content.Activity) content.Venue {
	if a.Status == content.StatusCompleted && a.Outcome.Venue.Mode != "" {
		return a.Outcome.Venue
	}
	return a.Venue
}

// statusNote writes the reason of a postponed or cancelled activity and
// the schedule first planned, after its status.
func (w *Writer) statusNote(b *strings.Builder, lang string, a *content.Activity, t *content.Text) {
	loc := w.locs[lang]
	if a.Status != content.StatusPostponed && a.Status != content.StatusCancelled {
		return
	}
	if t.Reason != "" {
		b.WriteString(loc.T(a.Status.ReasonMessage(), nil) + " " + t.Reason + "\n")
	}
	if s := a.OriginalSchedule; s.Precision != schedule.Undetermined {
		b.WriteString(loc.T("original_schedule", map[string]any{"When": loc.Schedule(s, false)}) + "\n")
	}
}

// outcome writes a completed activity's outcome, a paragraph of its own.
func (w *Writer) outcome(b *strings.Builder, lang string, a *content.Activity, t *content.Text) {
	if !held(a) {
		return
	}
	loc, o := w.locs[lang], a.Outcome
	line := func(label, value string) {
		b.WriteString(loc.T("feed_fact", map[string]any{"Label": label, "Value": value}) + "\n")
	}
	b.WriteString("\n" + loc.T("outcome_heading", nil) + "\n")
	line(loc.T("outcome_held", nil), loc.Schedule(o.Held, false))
	if o.Venue.Mode != "" {
		line(loc.T("outcome_venue", nil), w.location(lang, o.Venue))
	}
	if o.Participants > 0 {
		line(loc.T("outcome_participants", nil), loc.Number(o.Participants))
	}
	if o.Institutions > 0 {
		line(loc.T("outcome_institutions", nil), loc.Number(o.Institutions))
	}
	if len(o.Countries) > 0 {
		line(loc.N("outcome_countries", len(o.Countries), nil), w.list(lang, o.Countries, loc.Country))
	}
	if t.Outcome != "" {
		b.WriteString(t.Outcome + "\n")
	}
	if u, ok := policy.URL(o.Report); ok && u != "" {
		line(loc.T("outcome_report", nil), u)
	}
}
