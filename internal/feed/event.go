package feed

import (
	"fmt"
	"strings"

	"github.com/emersion/go-ical"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/policy"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// UID returns the stable UID of an activity's event in lang.
func UID(id, lang, domain string) string { return fmt.Sprintf("%s-%s@%s", id, lang, domain) }

func (w *Writer) event(lang string, a *content.Activity) *ical.Component {
	loc := w.locs[lang]
	t, _ := w.cat.Text(a.Texts, lang)
	ev := ical.NewEvent()
	ev.Props.Set(&ical.Prop{Name: ical.PropUID, Params: ical.Params{}, Value: UID(a.ID, lang, w.cat.Site.Config.UIDDomain)})
	ev.Props.SetDateTime(ical.PropDateTimeStamp, w.updated(a))
	ev.Props.SetDateTime(ical.PropLastModified, w.updated(a))
	seq := ical.NewProp(ical.PropSequence)
	seq.SetValueType(ical.ValueInt)
	seq.Value = fmt.Sprint(a.Sequence)
	ev.Props.Set(seq)
	setDates(ev, a.Schedule)

	when := loc.Schedule(a.Schedule, a.ScheduleTBC)
	summary := t.Title
	if fuzzy(a.Schedule) {
		summary = loc.T("feed_fuzzy", map[string]any{"Title": t.Title, "When": when})
	}
	text(ev.Props, ical.PropSummary, summary, t.Lang)
	text(ev.Props, ical.PropDescription, w.description(lang, a, t, when), t.Lang)
	text(ev.Props, ical.PropLocation, w.location(lang, a.Venue), lang)
	setURI(ev.Props, ical.PropURL, w.abs(assemble.ActivityPath(lang, a.ID)))

	areaText, _ := w.cat.Text(w.cat.Area(a.Area).Texts, lang)
	cats := ical.NewProp(ical.PropCategories)
	cats.SetTextList([]string{policy.Text(areaText.ShortTitle), policy.Text(loc.T("type_"+a.Type, nil))})
	cats.Params.Del("VALUE")
	cats.Params.Set(ical.ParamLanguage, lang)
	ev.Props.Set(cats)

	ev.Props.Set(&ical.Prop{Name: ical.PropStatus, Params: ical.Params{}, Value: status(a)})
	ev.Props.Set(&ical.Prop{Name: ical.PropClass, Params: ical.Params{}, Value: "PUBLIC"})
	transp := "OPAQUE"
	if fuzzy(a.Schedule) {
		transp = "TRANSPARENT"
	}
	ev.Props.Set(&ical.Prop{Name: ical.PropTransparency, Params: ical.Params{}, Value: transp})
	return ev.Component
}

// setDates writes DTSTART/DTEND: dates for day precision and vaguer, UTC
// date-times for timed schedules.
func setDates(ev *ical.Event, s schedule.Schedule) {
	if s.Precision == schedule.Minute {
		ev.Props.SetDateTime(ical.PropDateTimeStart, s.Start.UTC())
		ev.Props.SetDateTime(ical.PropDateTimeEnd, s.End.UTC())
		return
	}
	ev.Props.SetDate(ical.PropDateTimeStart, s.First)
	ev.Props.SetDate(ical.PropDateTimeEnd, s.Last.AddDate(0, 0, 1))
}

// status maps an activity to VEVENT STATUS.
func status(a *content.Activity) string {
	switch {
	case a.Status == content.StatusCancelled:
		return "CANCELLED"
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
	if body := w.text.Text(t.Body); body != "" {
		b.WriteString(body + "\n\n")
	}
	line := func(label, value string) {
		b.WriteString(loc.T("feed_fact", map[string]any{"Label": label, "Value": value}) + "\n")
	}
	line(loc.T("fact_type", nil), loc.T("type_"+a.Type, nil))
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
	line(loc.T("fact_status", nil), loc.T("status_"+a.Status, nil))
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
