package opendata

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/progress"
)

// Progress (since 1.3): where each published plan (current or archived)
// stands, as package progress computes it for the site's progress page
// and report: per area and for the whole plan, the activities by status,
// the share realized (completed ÷ all, rounded down to a whole percent),
// the participants and institutions the completed activities reported,
// the distinct participating countries and the overdue activities, as of
// the document's as_of.
//
//	api/v1/plans/<plan>/progress.json   the figures, names and titles in every language
//	api/v1/plans/<plan>/progress.csv    the same figures, one row per area and language, then the plan's
//
// The figures are the same in every language, so each plan has one JSON
// document (names and titles keyed by language, as in catalog.json) and
// one CSV (in the long form of catalog.csv). A draft plan has none: its
// activities are in no list until it is current.
//
// They are found through the plan objects (urls.progress and
// urls.progress_csv, in activities.json and catalog.json) and through
// index.json's "progress" list. Not through index.json's "documents" and
// "schemas": their "kind" and "name" are enumerations, which a copy of
// the index schema kept from 1.2 closes, so a new kind there would fail
// it (TestKeptSchemas).

// progressDoc is api/v1/plans/<plan>/progress.json.
type progressDoc struct {
	header
	Languages []languageInfo `json:"languages"`
	Plan      catalogPlan    `json:"plan"`
	Figures   figures        `json:"figures"`
	Areas     []progressArea `json:"areas"`
}

// figures are the progress of a set of activities (progress.Figures).
type figures struct {
	Counts          counts `json:"counts"`
	PercentRealized int    `json:"percent_realized"`
	Participants    int    `json:"participants"`
	Institutions    int    `json:"institutions"`
	// Countries are the distinct participating countries, by code.
	Countries []catalogCountryName `json:"countries"`
	// Overdue are the ids of the overdue activities, in date order.
	Overdue []string `json:"overdue"`
}

type counts struct {
	Total     int `json:"total"`
	Planned   int `json:"planned"`
	Confirmed int `json:"confirmed"`
	Completed int `json:"completed"`
	Postponed int `json:"postponed"`
	Cancelled int `json:"cancelled"`
}

// progressArea is one area of the plan, as that plan names it.
type progressArea struct {
	ID         string                `json:"id"`
	Number     int                   `json:"number"`
	Texts      map[string]areaTitles `json:"texts"`
	Activities []string              `json:"activities"` // ids, plan order
	Figures    figures               `json:"figures"`
}

// areaTitles are an area's titles in one language.
type areaTitles struct {
	textMeta
	Title      string `json:"title"`
	ShortTitle string `json:"short_title"`
}

func progressDataPath(plan string) string { return "plans/" + plan + "/progress.json" }

func progressCSVPath(plan string) string { return "plans/" + plan + "/progress.csv" }

// ProgressPaths are the root-relative addresses of a published plan's
// progress exports, JSON and CSV, for the pages that link them.
func ProgressPaths(plan string) (json, csv string) {
	return assemble.APIPrefix + progressDataPath(plan), assemble.APIPrefix + progressCSVPath(plan)
}

// progressDocs lists the progress documents of every published plan.
func (g *generator) progressDocs() {
	for i, p := range g.cat.Plans {
		if !p.Published() {
			continue
		}
		g.progress = append(g.progress, progressRef{Plan: p.ID, URL: g.apiURL(progressDataPath(p.ID)),
			CSV: g.apiURL(progressCSVPath(p.ID)), Schema: g.schemaURL("progress")})
		g.docs = append(g.docs,
			document{path: apiFile(progressDataPath(p.ID)), make: func() ([]byte, error) { return encodeJSON(g.progressDoc(i)) }},
			document{path: apiFile(progressCSVPath(p.ID)), write: func(w io.Writer) error { return g.progressCSV(w, p) }})
	}
}

// planData returns the addresses of p's progress documents, or none for
// a draft.
func (g *generator) planData(p *content.Plan) planData {
	if !p.Published() {
		return planData{}
	}
	return planData{Progress: g.apiURL(progressDataPath(p.ID)), ProgressCSV: g.apiURL(progressCSVPath(p.ID))}
}

// progressDoc is the progress document of the i-th plan.
func (g *generator) progressDoc(i int) progressDoc {
	p := g.cat.Plans[i]
	rep := progress.Of(g.cat, p)
	doc := progressDoc{header: g.header("progress"), Languages: g.languages(), Plan: g.catalogPlan(i),
		Figures: g.figures(rep.Figures), Areas: make([]progressArea, 0, len(rep.Areas))}
	for _, ar := range rep.Areas {
		out := progressArea{ID: ar.Area.ID, Number: ar.Area.Number, Texts: map[string]areaTitles{},
			Activities: make([]string, 0, len(ar.Activities)), Figures: g.figures(ar.Figures)}
		for _, a := range ar.Activities {
			out.Activities = append(out.Activities, a.ID)
		}
		for _, lang := range g.cat.Languages {
			t, fallback := g.cat.Text(ar.Area.Texts, lang)
			if t == nil { // reported with the area's other documents
				out.Texts[lang] = areaTitles{textMeta: textMeta{Lang: lang, Fallback: true}}
				continue
			}
			out.Texts[lang] = areaTitles{textMeta: textMeta{Lang: t.Lang, Fallback: fallback, Unreviewed: t.Unreviewed},
				Title: t.Title, ShortTitle: t.ShortTitle}
		}
		doc.Areas = append(doc.Areas, out)
	}
	return doc
}

func (g *generator) figures(f progress.Figures) figures {
	out := figures{
		Counts: counts{Total: f.Total, Planned: f.Planned, Confirmed: f.Confirmed, Completed: f.Completed,
			Postponed: f.Postponed, Cancelled: f.Cancelled},
		PercentRealized: f.Percent(), Participants: f.Participants, Institutions: f.Institutions,
		Countries: make([]catalogCountryName, 0, len(f.Countries)), Overdue: make([]string, 0, len(f.Overdue)),
	}
	for _, c := range f.Countries {
		out.Countries = append(out.Countries, catalogCountryName{Code: c, Name: g.perLang(func(l string) string { return g.locs[l].Country(c) })})
	}
	for _, a := range f.Overdue {
		out.Overdue = append(out.Overdue, a.ID)
	}
	return out
}

// progressCSVHeader: the columns of progress.csv. As in catalog.csv,
// columns are only ever added at the end; read them by name.
func progressCSVHeader() []string {
	return []string{
		"plan", "lang", "scope", "id", "number", "title",
		"total", "planned", "confirmed", "completed", "postponed", "cancelled", "percent_realized",
		"participants", "institutions", "countries", "country_names", "overdue", "as_of",
	}
}

// progressCSV writes progress.csv of plan p: per language (in the site's
// order), one row per area of the plan ("scope" area: its id, number and
// short title), then one for the whole plan ("scope" plan: its id and
// title, no number). Lists are joined with "; ", as in catalog.csv.
func (g *generator) progressCSV(out io.Writer, p *content.Plan) error {
	if _, err := io.WriteString(out, "\uFEFF"); err != nil {
		return err
	}
	rep := progress.Of(g.cat, p)
	w := csv.NewWriter(out)
	w.UseCRLF = true
	_ = w.Write(progressCSVHeader()) // w.Error reports any failure of the rows
	for _, lang := range g.cat.Languages {
		for _, ar := range rep.Areas {
			title := ""
			if t, _ := g.cat.Text(ar.Area.Texts, lang); t != nil {
				title = t.ShortTitle
			}
			_ = w.Write(guard(g.progressRow(p.ID, lang, "area", ar.Area.ID, strconv.Itoa(ar.Area.Number), title, ar.Figures)))
		}
		title := ""
		if t, _ := g.cat.Text(p.Texts, lang); t != nil {
			title = t.Title
		}
		_ = w.Write(guard(g.progressRow(p.ID, lang, "plan", p.ID, "", title, rep.Figures)))
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return fmt.Errorf("cannot write the progress CSV of plan %s: %w", p.ID, err)
	}
	return nil
}

func (g *generator) progressRow(plan, lang, scope, id, number, title string, f progress.Figures) []string {
	names := make([]string, 0, len(f.Countries))
	for _, c := range f.Countries {
		names = append(names, g.locs[lang].Country(c))
	}
	overdue := make([]string, 0, len(f.Overdue))
	for _, a := range f.Overdue {
		overdue = append(overdue, a.ID)
	}
	n := strconv.Itoa
	return []string{
		plan, lang, scope, id, number, title,
		n(f.Total), n(f.Planned), n(f.Confirmed), n(f.Completed), n(f.Postponed), n(f.Cancelled), n(f.Percent()),
		n(f.Participants), n(f.Institutions), strings.Join(f.Countries, listSep), strings.Join(names, listSep),
		strings.Join(overdue, listSep), date(g.cat.AsOf),
	}
}
