package opendata

import (
	"strings"
	"time"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/policy"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// activity builds an activity's object in lang.
func (g *generator) activity(lang string, a *content.Activity) activity {
	loc := g.locs[lang]
	out := activity{
		activityFacts: activityFacts{ID: a.ID, Plan: a.Plan, Area: a.Area, Number: a.Number, Type: a.Type, Status: a.Status, Overdue: g.cat.Overdue(a)},
		Schedule:      activitySchedule{scheduleFacts: scheduleOf(a), Text: loc.Schedule(a.Schedule, a.ScheduleTBC)},
		Venue:         venue{Mode: a.Venue.Mode, Country: a.Venue.Country, City: a.Venue.City},
		Languages:     g.langNames(lang, a.Languages),
		Interpretation: interpretation{
			Languages: g.langNames(lang, a.Interpretation), TBC: a.InterpretationTBC,
		},
		Providers: make([]provider, 0, len(a.Providers)),
		activityMore: activityMore{
			OtherProviders: a.OtherProviders, Beneficiaries: a.Beneficiaries, Registration: safeURL(a.Registration),
			LastModified: g.lastModified(a), Sequence: a.Sequence,
		},
		Text: g.activityText(lang, a),
		Labels: labels{
			Type:          loc.T(a.Type.Message(), nil),
			Status:        loc.T(a.Status.Message(), nil),
			Venue:         loc.Venue(a.Venue.Mode == content.VenueOnline, a.Venue.Country, a.Venue.City),
			Beneficiaries: loc.T(a.Beneficiaries.BeneficiariesMessage(), nil),
		},
		URLs: activityURLs{
			Page:         g.url(assemble.ActivityPath(lang, a.ID)),
			Pages:        g.perLang(func(l string) string { return g.url(assemble.ActivityPath(l, a.ID)) }),
			Calendar:     g.url(assemble.CalendarPath(lang)),
			AreaCalendar: g.url(assemble.AreaCalendarPath(lang, a.Area)),
			PlanCalendar: g.url(assemble.PlanCalendarPath(lang, a.Plan)),
		},
	}
	if a.Venue.Country != "" {
		out.Venue.CountryName = loc.Country(a.Venue.Country)
	}
	for _, p := range a.Providers {
		out.Providers = append(out.Providers, provider{Country: p.Country, Name: loc.Country(p.Country), TBC: p.TBC})
	}
	if a.OtherProviders != "" {
		out.Labels.OtherProviders = loc.T(a.OtherProviders.OtherProvidersMessage(), nil)
	}
	g.addOutcome(lang, a, &out)
	return out
}

// scheduleOf returns the language-neutral schedule facts: earliest and
// latest days always, exact instants only when the times are known.
func scheduleOf(a *content.Activity) scheduleFacts {
	s := a.Schedule
	out := scheduleFacts{Notation: s.Notation, Precision: s.Precision.String(), TBC: a.ScheduleTBC}
	if s.Precision != schedule.Undetermined {
		out.Earliest, out.Latest = date(s.First), date(s.Last)
	}
	if s.Precision == schedule.Minute {
		out.Start, out.End, out.TimeZone = s.Start.Format(time.RFC3339), s.End.Format(time.RFC3339), s.Zone
	}
	return out
}

func date(t time.Time) string { return t.Format(time.DateOnly) }

func (g *generator) langNames(lang string, codes []string) []langName {
	out := make([]langName, 0, len(codes))
	for _, c := range codes {
		out = append(out, langName{Code: c, Name: g.locs[lang].Language(c)})
	}
	return out
}

// activityText is an activity's text for lang, in plain text. Made while
// the documents are written, often more than once: an activity without
// text (which the loader refuses) is reported while they are listed
// (checkTexts).
func (g *generator) activityText(lang string, a *content.Activity) activityText {
	t, fallback := g.cat.Text(a.Texts, lang)
	if t == nil {
		return activityText{textMeta: textMeta{Lang: lang, Fallback: true}}
	}
	return activityText{
		textMeta:    textMeta{Lang: t.Lang, Fallback: fallback, Unreviewed: t.Unreviewed},
		Title:       t.Title,
		Summary:     t.Summary,
		Description: g.text.Cached(t, t.Lang, t.Body),
		Outcome:     t.Outcome,
		Reason:      t.Reason,
	}
}

// checkTexts reports every activity without a text to show in lang.
func (g *generator) checkTexts(lang string) {
	for _, a := range g.cat.Activities {
		if t, _ := g.cat.Text(a.Texts, lang); t == nil {
			g.problems.Errorf(a.File, diag.Pos{}, "activity %q has no text in any language: add index.%s.md beside it", a.ID, lang)
		}
	}
}

// area builds an area's object in lang.
func (g *generator) area(lang string, a *content.Area) area {
	out := area{
		ID: a.ID, Plan: a.Plan, Number: a.Number,
		Activities: g.areaActivityIDs(a.ID),
		URLs: areaURLs{
			Page:     g.url(assemble.AreaPath(lang, a.ID)),
			Pages:    g.perLang(func(l string) string { return g.url(assemble.AreaPath(l, a.ID)) }),
			Calendar: g.url(assemble.AreaCalendarPath(lang, a.ID)),
			Data:     g.apiURL(areaDataPath(lang, a.ID)),
		},
	}
	t, fallback := g.cat.Text(a.Texts, lang)
	if t == nil {
		g.problems.Errorf(a.File, diag.Pos{}, "area %q has no text in any language: add _index.%s.md beside it", a.ID, lang)
		out.Text = areaText{textMeta: textMeta{Lang: lang, Fallback: true}, Objectives: []string{}}
		return out
	}
	out.Text = areaText{
		textMeta: textMeta{Lang: t.Lang, Fallback: fallback, Unreviewed: t.Unreviewed},
		Title:    t.Title, ShortTitle: t.ShortTitle, Summary: t.Summary,
		Objectives: items(g.text.TextIn(t.Lang, t.Body)),
	}
	return out
}

func (g *generator) areaActivityIDs(id string) []string {
	acts := g.cat.InArea(id)
	ids := make([]string, 0, len(acts))
	for _, a := range acts {
		ids = append(ids, a.ID)
	}
	return ids
}

// items splits the plain text of an area body (a Markdown list of
// objectives) into one string per objective: a top-level list item loses
// its marker ("- ", "1. "); its nested lines stay with it. A paragraph
// outside a list is one objective of its own.
func items(text string) []string {
	out := []string{}
	if text == "" {
		return out
	}
	for _, block := range strings.Split(text, "\n\n") {
		lines := strings.Split(block, "\n")
		if _, ok := cutMarker(lines[0]); !ok {
			out = append(out, block)
			continue
		}
		for _, line := range lines {
			if rest, ok := cutMarker(line); ok {
				out = append(out, rest)
			} else {
				out[len(out)-1] += "\n" + line
			}
		}
	}
	return out
}

// cutMarker removes the list marker plaintext writes at the start of a
// top-level item: "- " or "<digits>. ".
func cutMarker(line string) (string, bool) {
	if rest, ok := strings.CutPrefix(line, "- "); ok {
		return rest, true
	}
	digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
	if digits > 0 && strings.HasPrefix(line[digits:], ". ") {
		return line[digits+2:], true
	}
	return "", false
}

// safeURL is an address from the content as the URL policy allows it, or
// "" (an absent optional link) when it refuses it.
func safeURL(u string) string {
	safe, _ := policy.URL(u)
	return safe
}
