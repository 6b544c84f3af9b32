package opendata

import (
	"time"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// Outcomes (since 1.3). A completed activity has "outcome": the days it
// was held (held, with the fields of a schedule: exact days, or times),
// the actual venue when it changed, and what was reported (participants,
// institutions, participating countries, materials, report), each only
// when given. An activity postponed (or completed or cancelled after a
// postponement) keeps "original_schedule", the schedule first planned.
// The outcome sentence and the reason of a postponed or cancelled
// activity are texts: text.outcome and text.reason, in the document's
// language like the rest of the text (text.lang says which).

// datedFacts are the language-neutral facts of a schedule that is not the
// plan's current one (the days an activity was held, or the schedule
// first planned): a schedule's fields without "tbc".
type datedFacts struct {
	Notation  string `json:"notation"`
	Precision string `json:"precision"`
	Earliest  string `json:"earliest,omitempty"` // absent when undetermined
	Latest    string `json:"latest,omitempty"`
	Start     string `json:"start,omitempty"`
	End       string `json:"end,omitempty"`
	TimeZone  string `json:"time_zone,omitempty"`
}

// dated is such a schedule with its words in the document's language.
type dated struct {
	datedFacts
	Text string `json:"text"`
}

type catalogDated struct {
	datedFacts
	Text langMap `json:"text"`
}

// outcome is what a completed activity achieved, in one language.
type outcome struct {
	Held         dated         `json:"held"`
	Venue        *venue        `json:"venue,omitempty"`
	Participants int           `json:"participants,omitempty"` // absent: not reported
	Institutions int           `json:"institutions,omitempty"`
	Countries    []countryName `json:"countries,omitempty"`
	Materials    []string      `json:"materials,omitempty"`
	Report       string        `json:"report,omitempty"`
}

type catalogOutcome struct {
	Held         catalogDated         `json:"held"`
	Venue        *catalogVenue        `json:"venue,omitempty"`
	Participants int                  `json:"participants,omitempty"`
	Institutions int                  `json:"institutions,omitempty"`
	Countries    []catalogCountryName `json:"countries,omitempty"`
	Materials    []string             `json:"materials,omitempty"`
	Report       string               `json:"report,omitempty"`
}

// countryName is a country with its name in the document's language.
type countryName struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type catalogCountryName struct {
	Code string  `json:"code"`
	Name langMap `json:"name"`
}

func datedOf(s schedule.Schedule) datedFacts {
	out := datedFacts{Notation: s.Notation, Precision: s.Precision.String()}
	if s.Precision != schedule.Undetermined {
		out.Earliest, out.Latest = date(s.First), date(s.Last)
	}
	if s.Precision == schedule.Minute {
		out.Start, out.End, out.TimeZone = s.Start.Format(time.RFC3339), s.End.Format(time.RFC3339), s.Zone
	}
	return out
}

// hasOutcome reports whether a has an outcome object: it is completed and
// says when it was held (the loader requires both together).
func hasOutcome(a *content.Activity) bool {
	return a.Status == content.StatusCompleted && a.Outcome.Held.Precision != schedule.Undetermined
}

// addOutcome sets the outcome fields of out, a's object in lang.
func (g *generator) addOutcome(lang string, a *content.Activity, out *activity) {
	loc := g.locs[lang]
	if s := a.OriginalSchedule; s.Precision != schedule.Undetermined {
		out.OriginalSchedule = &dated{datedFacts: datedOf(s), Text: loc.Schedule(s, false)}
	}
	if !hasOutcome(a) {
		return
	}
	o := a.Outcome
	res := &outcome{
		Held:         dated{datedFacts: datedOf(o.Held), Text: loc.Schedule(o.Held, false)},
		Participants: o.Participants, Institutions: o.Institutions, Report: safeURL(o.Report),
	}
	if v := o.Venue; v.Mode != "" {
		res.Venue = &venue{Mode: v.Mode, Country: v.Country, City: v.City}
		if v.Country != "" {
			res.Venue.CountryName = loc.Country(v.Country)
		}
		out.Labels.HeldVenue = loc.Venue(v.Mode == content.VenueOnline, v.Country, v.City)
	}
	for _, c := range o.Countries {
		res.Countries = append(res.Countries, countryName{Code: c, Name: loc.Country(c)})
	}
	for _, m := range o.Materials {
		if u := safeURL(m); u != "" {
			res.Materials = append(res.Materials, u)
		}
	}
	out.Outcome = res
}

// addCatalogOutcome merges the outcome fields of an activity's objects in
// every language (acts, in the order of the catalog's languages) into out.
func (g *generator) addCatalogOutcome(acts []activity, out *catalogActivity) {
	first := acts[0]
	if s := first.OriginalSchedule; s != nil {
		out.OriginalSchedule = &catalogDated{datedFacts: s.datedFacts, Text: langMap{}}
	}
	if o := first.Outcome; o != nil {
		out.Outcome = &catalogOutcome{
			Held:         catalogDated{datedFacts: o.Held.datedFacts, Text: langMap{}},
			Participants: o.Participants, Institutions: o.Institutions, Materials: o.Materials, Report: o.Report,
		}
		if v := o.Venue; v != nil {
			out.Outcome.Venue = &catalogVenue{Mode: v.Mode, Country: v.Country, City: v.City}
			if v.Country != "" {
				out.Outcome.Venue.CountryName = langMap{}
			}
		}
		for _, c := range o.Countries {
			out.Outcome.Countries = append(out.Outcome.Countries, catalogCountryName{Code: c.Code, Name: langMap{}})
		}
	}
	for l, lang := range g.cat.Languages {
		a := acts[l]
		if out.OriginalSchedule != nil {
			out.OriginalSchedule.Text[lang] = a.OriginalSchedule.Text
		}
		if o := out.Outcome; o != nil {
			o.Held.Text[lang] = a.Outcome.Held.Text
			if o.Venue != nil && o.Venue.CountryName != nil {
				o.Venue.CountryName[lang] = a.Outcome.Venue.CountryName
			}
			for j, c := range a.Outcome.Countries {
				o.Countries[j].Name[lang] = c.Name
			}
		}
	}
}
