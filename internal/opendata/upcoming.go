package opendata

// Upcoming (since 1.5): documents of the activities that are not past,
// for the embeddable widget's default list (static/embed.js,
// data-show="upcoming") and any consumer that shows what comes next:
//
//	api/v1/<lang>/upcoming.json                    all of them
//	api/v1/<lang>/upcoming/areas/<area-id>.json    those of an area (every area has one)
//	api/v1/<lang>/upcoming/countries/<CC>.json     those a country provides (every provider country)
//
// The other documents hold the whole history of the catalog: at 10,000
// activities a language's activities.json is about 40 MB, and a member
// PES's page showing the next few activities should not download it on
// every visit. These grow with the plans still running, not with the
// past ones; a list of one area or country reads only its own.
//
// An activity is past when it is completed or its latest date is before
// the day (the widget's rule); an activity without dates is never past.
// A document lists the activities not past on "from", two days before
// as_of: as_of is the content's own date (never the build's clock), the
// day of its last review, so a visitor's day is at or after it, and two
// days earlier cover every time zone (an editor at UTC+14, a visitor at
// UTC-12). A reader filters again with its own day, since activities
// become past while the document stays. Every document names every area
// and every provider country, so that a list keeps its heading when
// nothing of it is upcoming. The activity objects are those of every
// other per-language document (each encoded once for all, shared.go).
// Index: "upcoming", apart from "documents" and "schemas" for the reason
// "views" is (views.go).

import (
	"io"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
)

// upcomingDoc is api/v1/<lang>/upcoming.json.
type upcomingDoc struct {
	langHeader
	Area       string         `json:"area,omitempty"`    // the area of an upcoming/areas/ document
	Country    string         `json:"country,omitempty"` // the country of an upcoming/countries/ document
	From       string         `json:"from"`
	Areas      []upcomingArea `json:"areas"`
	Countries  []countryName  `json:"countries"`
	Activities []activity     `json:"activities"`
}

// upcomingArea names an area for a list's heading, without the ids of
// all its activities (area.activities), which grow with the history.
type upcomingArea struct {
	ID   string   `json:"id"`
	Text areaText `json:"text"`
	Page string   `json:"page"`
}

// upcomingRef lists one upcoming document in the index.
type upcomingRef struct {
	Lang    string `json:"lang"`
	Area    string `json:"area,omitempty"`
	Country string `json:"country,omitempty"`
	URL     string `json:"url"`
	Schema  string `json:"schema"`
}

func upcomingDataPath(lang string) string { return lang + "/upcoming.json" }

// UpcomingDataPath is the site path of the upcoming document in lang, for
// the pages that link it.
func UpcomingDataPath(lang string) string { return assemble.APIPrefix + upcomingDataPath(lang) }

// upcomingFrom is the day the upcoming documents are as of: two days
// before the catalog's as_of.
func (g *generator) upcomingFrom() string { return date(g.cat.AsOf.AddDate(0, 0, -2)) }

// upcomingDocs lists the upcoming documents of every language: all, per
// area, per provider country.
func (g *generator) upcomingDocs() {
	from := g.upcomingFrom()
	g.upcoming = g.scoped("upcoming", func(a *content.Activity) bool { return !past(a, from) }, nil,
		func(lang string, ref upcomingRef, countries []country) any {
			head := g.upcomingDoc(lang, from, countries)
			head.Area, head.Country = ref.Area, ref.Country
			return head
		})
}

// scoped lists, for every language, the documents of kind (its schema's
// name too) over the activities in selects: of all of them
// (<lang>/<kind>.json), of each area (<lang>/<kind>/areas/<id>.json) and
// of each provider country (<lang>/<kind>/countries/<CC>.json), each list
// in plan order, or as order (when set) returns it. head makes a
// document's head, its list of activities empty (writeActs). It returns
// the documents' entries of the index.
func (g *generator) scoped(kind string, in func(*content.Activity) bool, order func([]int) []int,
	head func(lang string, ref upcomingRef, countries []country) any) []upcomingRef {
	chosen := map[*content.Activity]bool{}
	for _, a := range g.cat.Activities {
		chosen[a] = in(a)
	}
	var refs []upcomingRef
	for _, lang := range g.cat.Languages {
		countries := g.countries(lang)
		add := func(ref upcomingRef, rel string, keep func(*content.Activity) bool) {
			ref.Lang, ref.URL, ref.Schema = lang, g.apiURL(rel), g.schemaURL(kind)
			refs = append(refs, ref)
			idx := g.actsWhere(func(a *content.Activity) bool { return chosen[a] && keep(a) })
			if order != nil {
				idx = order(idx)
			}
			g.listed(lang, idx)
			g.docs = append(g.docs, document{path: apiFile(rel), write: func(w io.Writer) error {
				return g.writeActs(w, head(lang, ref, countries), lang, idx)
			}})
		}
		add(upcomingRef{}, lang+"/"+kind+".json", func(*content.Activity) bool { return true })
		for _, ar := range g.areas[lang] {
			add(upcomingRef{Area: ar.ID}, lang+"/"+kind+"/areas/"+ar.ID+".json", func(a *content.Activity) bool { return a.Area == ar.ID })
		}
		for _, c := range countries {
			add(upcomingRef{Country: c.Code}, lang+"/"+kind+"/countries/"+c.Code+".json", func(a *content.Activity) bool { return provides(a, c.Code) })
		}
	}
	return refs
}

// past is the widget's rule: completed, or every date before day (dates
// as YYYY-MM-DD, the objects' schedule.latest, compare as strings);
// without dates, never past.
func past(a *content.Activity, day string) bool {
	latest := scheduleOf(a).Latest
	return a.Status == content.StatusCompleted || (latest != "" && latest < day)
}

// upcomingDoc is the head of lang's upcoming document (its list of
// activities empty, for writeActs).
func (g *generator) upcomingDoc(lang, from string, countries []country) upcomingDoc {
	doc := upcomingDoc{langHeader: g.langHeader("upcoming", lang), From: from, Areas: make([]upcomingArea, 0, len(g.areas[lang])),
		Countries: []countryName{}, Activities: []activity{}}
	for _, a := range g.areas[lang] {
		doc.Areas = append(doc.Areas, upcomingArea{ID: a.ID, Text: a.Text, Page: a.URLs.Page})
	}
	for _, c := range countries {
		doc.Countries = append(doc.Countries, countryName{Code: c.Code, Name: c.Name})
	}
	return doc
}
