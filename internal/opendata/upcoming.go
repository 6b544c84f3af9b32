package opendata

// Upcoming (since 1.5): one document per language of the activities that
// are not past, for the embeddable widget's default list (static/embed.js,
// data-show="upcoming") and any consumer that shows what comes next:
//
//	api/v1/<lang>/upcoming.json
//
// The other documents hold the whole history of the catalog: at 10,000
// activities a language's activities.json is about 40 MB, and a member
// PES's page showing the next few activities should not download it on
// every visit. This one grows with the plans still running, not with the
// past ones.
//
// An activity is past when it is completed or its latest date is before
// the day (the widget's rule); an activity without dates is never past.
// The document lists the activities not past on "from", the day before
// as_of: as_of is the content's own date (never the build's clock), so a
// visitor's day is at or after it, and a day earlier covers a visitor
// west of UTC still on the previous day. A reader filters again with its
// own day, since activities become past while the document stays. Every
// area and every provider country is named, so that a filtered list
// keeps its heading when nothing of it is upcoming. The activity objects
// are those of every other per-language document (each encoded once for
// all, shared.go). Index: "upcoming", apart from "documents" and
// "schemas" for the reason "views" is (views.go).

import (
	"io"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
)

// upcomingDoc is api/v1/<lang>/upcoming.json.
type upcomingDoc struct {
	langHeader
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
	Lang   string `json:"lang"`
	URL    string `json:"url"`
	Schema string `json:"schema"`
}

func upcomingDataPath(lang string) string { return lang + "/upcoming.json" }

// UpcomingDataPath is the site path of the upcoming document in lang, for
// the pages that link it.
func UpcomingDataPath(lang string) string { return assemble.APIPrefix + upcomingDataPath(lang) }

// upcomingFrom is the day the upcoming documents are as of: the day before
// the catalog's as_of.
func (g *generator) upcomingFrom() string { return date(g.cat.AsOf.AddDate(0, 0, -1)) }

// upcomingDocs lists the upcoming document of every language.
func (g *generator) upcomingDocs() {
	from := g.upcomingFrom()
	for _, lang := range g.cat.Languages {
		rel := upcomingDataPath(lang)
		idx := g.actsWhere(lang, func(a *activity) bool { return !past(a, from) })
		g.upcoming = append(g.upcoming, upcomingRef{Lang: lang, URL: g.apiURL(rel), Schema: g.schemaURL("upcoming")})
		g.listed(lang, idx)
		g.docs = append(g.docs, document{path: apiFile(rel), write: func(w io.Writer) error {
			return g.writeActs(w, g.upcomingDoc(lang, from), lang, idx)
		}})
	}
}

// past is the widget's rule: completed, or every date before day (dates
// as YYYY-MM-DD compare as strings); without dates, never past.
func past(a *activity, day string) bool {
	return a.Status == content.StatusCompleted || (a.Schedule.Latest != "" && a.Schedule.Latest < day)
}

// upcomingDoc is the head of lang's upcoming document (its list of
// activities empty, for writeActs).
func (g *generator) upcomingDoc(lang, from string) upcomingDoc {
	doc := upcomingDoc{langHeader: g.langHeader("upcoming", lang), From: from, Areas: make([]upcomingArea, 0, len(g.areas[lang])),
		Countries: []countryName{}, Activities: []activity{}}
	for _, a := range g.areas[lang] {
		doc.Areas = append(doc.Areas, upcomingArea{ID: a.ID, Text: a.Text, Page: a.URLs.Page})
	}
	for _, c := range g.countries(lang) {
		doc.Countries = append(doc.Countries, countryName{Code: c.Code, Name: c.Name})
	}
	return doc
}
