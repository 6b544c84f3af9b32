package feed

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/emersion/go-ical"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/policy"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// UID returns the stable UID of an activity's event in lang.
func UID(id, lang, domain string) string { return fmt.Sprintf("%s-%s@%s", id, lang, domain) }

// encodeEvents encodes the VEVENTs of the activity of k in a feed of its
// mode (buildEvents): none for an undated activity or a fuzzy one in a
// dated feed; one marker on the first day for a fuzzy one in a planning
// feed; one all-day event over the real days of a day schedule; one event
// per day for timed schedules. An event is the same in every feed it is
// in (about ten per activity and language): Writer.events keeps the
// encoding for all of them.
func (w *Writer) encodeEvents(k eventKey) ([]byte, error) {
	var buf bytes.Buffer
	f := &folder{w: &buf}
	for _, ev := range w.buildEvents(k.lang, k.a, k.mode) {
		// Encode takes a calendar but checks and writes the component it
		// wraps: here, one VEVENT.
		if err := ical.NewEncoder(f).Encode(&ical.Calendar{Component: ev}); err != nil {
			return nil, err
		}
	}
	// Held until the last feed that holds them is written: without the
	// room the buffer grew into.
	return bytes.Clone(buf.Bytes()), nil
}

// eventKey names the events of an activity in one language and feed mode.
type eventKey struct {
	lang string
	a    *content.Activity
	mode Mode
}

// keyOf is the key of a's events in lang for mode: the two modes differ
// only for fuzzy schedules (a marker in planning feeds, nothing in dated
// ones), so the events of every other schedule are shared by both.
func keyOf(lang string, a *content.Activity, mode Mode) eventKey {
	if !fuzzy(When(a)) {
		mode = Planning
	}
	return eventKey{lang, a, mode}
}

// hasEvents reports whether a has events in a feed of mode: every
// activity with a date has in a planning feed, a dated feed leaves out the
// fuzzy schedules (a month, a quarter).
func hasEvents(a *content.Activity, mode Mode) bool {
	return Placeable(a) && !(fuzzy(When(a)) && mode == Dated)
}

func (w *Writer) buildEvents(lang string, a *content.Activity, mode Mode) []*ical.Component {
	s := When(a)
	switch {
	case !hasEvents(a, mode):
		return nil
	case s.Precision == schedule.Minute:
		sessions := Sessions(s)
		out := make([]*ical.Component, len(sessions))
		for i, ses := range sessions {
			ev := w.event(lang, a, i, len(sessions))
			ev.Props.SetDateTime(ical.PropDateTimeStart, ses[0].UTC())
			ev.Props.SetDateTime(ical.PropDateTimeEnd, ses[1].UTC())
			out[i] = ev.Component
		}
		return out
	}
	ev := w.event(lang, a, 0, 1)
	last := s.Last
	if fuzzy(s) {
		last = s.First // one marker, not a banner over the period
	}
	ev.Props.SetDate(ical.PropDateTimeStart, s.First)
	ev.Props.SetDate(ical.PropDateTimeEnd, last.AddDate(0, 0, 1))
	return []*ical.Component{ev.Component}
}

// Sessions splits a timed schedule into daily sessions, each day from the
// start time to the end time in the schedule's zone (so a session keeps its
// local hours across a change of daylight saving time). Times that end on
// the day they start, or an end time not after the start time (a night
// session), stay one session.
func Sessions(s schedule.Schedule) [][2]time.Time {
	start, end := s.Start, s.End
	sy, sm, sd := start.Date()
	ey, em, ed := end.Date()
	first := time.Date(sy, sm, sd, 0, 0, 0, 0, time.UTC)
	last := time.Date(ey, em, ed, 0, 0, 0, 0, time.UTC)
	startClock := start.Hour()*60 + start.Minute()
	endClock := end.Hour()*60 + end.Minute()
	if !last.After(first) || endClock <= startClock {
		return [][2]time.Time{{start, end}}
	}
	var out [][2]time.Time
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		at := func(clock int) time.Time {
			return time.Date(d.Year(), d.Month(), d.Day(), clock/60, clock%60, 0, 0, start.Location())
		}
		out = append(out, [2]time.Time{at(startClock), at(endClock)})
	}
	return out
}

// event is the VEVENT of an activity without its dates: session i of n
// (n is 1 but for timed schedules over several days). The first session
// keeps the activity's UID, so an event keeps its identity when a one-day
// schedule grows into several days.
func (w *Writer) event(lang string, a *content.Activity, i, n int) *ical.Event {
	loc := w.locs[lang]
	t, _ := w.cat.Text(a.Texts, lang)
	ev := ical.NewEvent()
	uid := UID(a.ID, lang, w.cat.Site.Config.UIDDomain)
	if i > 0 {
		uid = UID(fmt.Sprintf("%s-%d", a.ID, i+1), lang, w.cat.Site.Config.UIDDomain)
	}
	ev.Props.Set(&ical.Prop{Name: ical.PropUID, Params: ical.Params{}, Value: uid})
	ev.Props.SetDateTime(ical.PropDateTimeStamp, w.updated(a))
	ev.Props.SetDateTime(ical.PropLastModified, w.updated(a))
	seq := ical.NewProp(ical.PropSequence)
	seq.SetValueType(ical.ValueInt)
	seq.Value = fmt.Sprint(a.Sequence)
	ev.Props.Set(seq)

	when := loc.Schedule(a.Schedule, a.ScheduleTBC)
	title := t.Title
	if n > 1 {
		title = loc.T("feed_session", map[string]any{"Title": t.Title, "N": i + 1, "Count": n})
	}
	text(ev.Props, ical.PropSummary, w.Marks(lang, a)+title, t.Lang)
	text(ev.Props, ical.PropDescription, w.description(lang, a, t, when), t.Lang)
	text(ev.Props, ical.PropLocation, w.location(lang, venueOf(a)), lang)
	setURI(ev.Props, ical.PropURL, w.abs(assemble.ActivityPath(lang, a.ID)))

	areaText, _ := w.cat.Text(w.cat.AreaOf(a).Texts, lang)
	cats := ical.NewProp(ical.PropCategories)
	cats.SetTextList([]string{policy.Text(areaText.ShortTitle), policy.Text(loc.T(a.Type.Message(), nil))})
	cats.Params.Del("VALUE")
	cats.Params.Set(ical.ParamLanguage, lang)
	ev.Props.Set(cats)

	ev.Props.Set(&ical.Prop{Name: ical.PropStatus, Params: ical.Params{}, Value: status(a)})
	ev.Props.Set(&ical.Prop{Name: ical.PropClass, Params: ical.Params{}, Value: "PUBLIC"})
	transp := "OPAQUE"
	if fuzzy(When(a)) || a.Status == content.StatusCancelled || a.Status == content.StatusPostponed {
		transp = "TRANSPARENT" // it blocks no one's time
	}
	ev.Props.Set(&ical.Prop{Name: ical.PropTransparency, Params: ical.Params{}, Value: transp})
	return ev
}

// Marks is what the SUMMARY of an activity starts with, each mark followed
// by a space: cancelled, postponed or completed, "date passed, status not
// updated" (the site's overdue rule), the period of a fuzzy schedule or
// "date to be confirmed" (never for the days a completed activity was
// held, which are exact). Clients that ignore STATUS (Google and Outlook
// subscriptions) and titles cut at a few dozen characters still show them.
func (w *Writer) Marks(lang string, a *content.Activity) string {
	loc := w.locs[lang]
	var marks []string
	switch {
	case a.Status == content.StatusCancelled:
		marks = append(marks, loc.T("feed_mark_cancelled", nil))
	case a.Status == content.StatusPostponed:
		marks = append(marks, loc.T("feed_mark_postponed", nil))
	case a.Status == content.StatusCompleted:
		marks = append(marks, loc.T("feed_mark_completed", nil))
	case w.cat.Overdue(a):
		marks = append(marks, loc.T("feed_mark_overdue", nil))
	}
	switch {
	case fuzzy(When(a)):
		marks = append(marks, loc.T("feed_mark_fuzzy", map[string]any{"When": loc.Schedule(a.Schedule, false)}))
	case a.ScheduleTBC && !held(a):
		marks = append(marks, loc.T("feed_mark_tbc", nil))
	}
	if len(marks) == 0 {
		return ""
	}
	return strings.Join(marks, " ") + " "
}

// status maps an activity to VEVENT STATUS.
func status(a *content.Activity) string {
	switch {
	case a.Status == content.StatusCancelled:
		return "CANCELLED"
	case held(a): // completed, on the days it was held
		return "CONFIRMED"
	case (a.Status == content.StatusConfirmed || a.Status == content.StatusCompleted) &&
		!a.ScheduleTBC && !fuzzy(a.Schedule):
		return "CONFIRMED"
	}
	return "TENTATIVE"
}

// description is the plain-text body of an event: the summary, the
// description, the facts a subscriber needs, and the page's address.
func (w *Writer) description(lang string, a *content.Activity, t *content.Text, when string) string {
	loc := w.locs[lang]
	var b strings.Builder
	b.WriteString(t.Summary + "\n\n")
	if body := w.text.Cached(t, t.Lang, t.Body); body != "" {
		b.WriteString(body + "\n\n")
	}
	line := func(label, value string) {
		b.WriteString(loc.T("feed_fact", map[string]any{"Label": label, "Value": value}) + "\n")
	}
	line(loc.T("fact_type", nil), loc.T(a.Type.Message(), nil))
	line(loc.T("fact_schedule", nil), when)
	line(loc.T("fact_venue", nil), w.location(lang, a.Venue))
	line(loc.T("fact_languages", nil), w.list(lang, a.Languages, loc.Language))
	if len(a.Interpretation) > 0 {
		line(loc.T("fact_interpretation", nil), w.list(lang, a.Interpretation, loc.Language))
	}
	var providers []string
	for _, p := range a.Providers {
		name := loc.Country(p.Country)
		if p.TBC {
			name = loc.T("tbc_mark", map[string]any{"Text": name})
		}
		providers = append(providers, name)
	}
	line(loc.T("fact_providers", nil), strings.Join(providers, loc.T("list_separator", nil)))
	line(loc.T("fact_status", nil), loc.T(a.Status.Message(), nil))
	w.statusNote(&b, lang, a, t)
	w.outcome(&b, lang, a, t)
	b.WriteString("\n" + w.abs(assemble.ActivityPath(lang, a.ID)))
	return b.String()
}

func (w *Writer) list(lang string, codes []string, name func(string) string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = name(c)
	}
	return strings.Join(names, w.locs[lang].T("list_separator", nil))
}

func (w *Writer) location(lang string, v content.Venue) string {
	if v.Mode == content.VenueOnline {
		return w.locs[lang].T("venue_online", nil)
	}
	return w.locs[lang].Place(v.Country, v.City)
}
