package opendata

// Recent past (since 1.6): documents of the activities that ended last,
// for the embeddable widget's past and all lists (static/embed.js) and
// any consumer that shows what was done lately:
//
//	api/v1/<lang>/past.json                    of the whole catalog
//	api/v1/<lang>/past/areas/<area-id>.json    of an area (every area has one)
//	api/v1/<lang>/past/countries/<CC>.json     of a provider country (every one)
//
// The whole-history documents grow with every plan: at 10,000 activities
// an area's is about 10 MB, and a member PES's page showing its last few
// activities should not download it on every visit. Each of these holds
// at most RecentLimit activities, whatever the catalog's size.
//
// A document lists the activities past on "from" (the day of the
// upcoming documents, upcoming.go, and their rule: completed, or every
// date before the day), the RecentLimit that ended last, most recent
// first: by the last day they were held for a completed activity that
// gives its held days (outcome.held), else by their schedule's latest
// day; a completed activity without dates comes first, as in the
// widget's order; ties keep plan order. With the upcoming document of the
// same language, area or country it holds every activity that a list of
// at most RecentLimit past ones can show on any day from "from" on, since
// the activities that became past since are in the upcoming document.
// Index: "past", apart from "documents" and "schemas" for the reason
// "views" is (views.go).

import (
	"cmp"
	"slices"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
)

// RecentLimit is the number of activities a past document holds at most:
// the widget's longest list.
const RecentLimit = 50

// pastDoc is api/v1/<lang>/past.json and its area and country kin: the
// fields of an upcoming document, and the limit.
type pastDoc struct {
	langHeader
	Area       string         `json:"area,omitempty"`    // the area of a past/areas/ document
	Country    string         `json:"country,omitempty"` // the country of a past/countries/ document
	From       string         `json:"from"`
	Limit      int            `json:"limit"`
	Areas      []upcomingArea `json:"areas"`
	Countries  []countryName  `json:"countries"`
	Activities []activity     `json:"activities"`
}

func pastDataPath(lang string) string { return lang + "/past.json" }

// PastDataPath is the site path of the recent past document in lang, for
// the pages that link it.
func PastDataPath(lang string) string { return assemble.APIPrefix + pastDataPath(lang) }

// pastDocs lists the recent past documents of every language: all, per
// area, per provider country.
func (g *generator) pastDocs() {
	from := g.upcomingFrom()
	ends := endsOf(g.cat.Activities)
	g.past = g.scoped("past", func(a *content.Activity) bool { return past(a, from) }, func(idx []int) []int { return recent(idx, ends) },
		func(lang string, ref upcomingRef, countries []country) any {
			u := g.upcomingDoc(lang, from, countries)
			return pastDoc{langHeader: g.langHeader("past", lang), Area: ref.Area, Country: ref.Country, From: u.From,
				Limit: RecentLimit, Areas: u.Areas, Countries: u.Countries, Activities: []activity{}}
		})
}

// recent orders idx (indexes of the catalog's activities, in plan order)
// most recently ended first, by ends (endsOf), and keeps the first
// RecentLimit.
func recent(idx []int, ends []string) []int {
	slices.SortStableFunc(idx, func(i, j int) int { return cmp.Compare(ends[j], ends[i]) })
	return idx[:min(len(idx), RecentLimit)]
}

// endsOf is the day each of acts ended (endedOn), made once for the
// documents of every language and scope.
func endsOf(acts []*content.Activity) []string {
	out := make([]string, len(acts))
	for i, a := range acts {
		out[i] = endedOn(a)
	}
	return out
}

// endedOn is the day a ended, as the widget orders past activities: the
// last day it was held when it is completed and says so, else its
// schedule's latest day; "9999-99-99" without dates.
func endedOn(a *content.Activity) string {
	if hasOutcome(a) {
		return date(a.Outcome.Held.Last)
	}
	if latest := scheduleOf(a).Latest; latest != "" {
		return latest
	}
	return "9999-99-99"
}
