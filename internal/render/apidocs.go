package render

import (
	"strings"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/opendata"
)

// APIDocsView is the open data's documentation page (layouts/api-docs.html).
// Its field tables are read from the schemas (opendata.Fields), so that the
// page and the schemas never say different things; the descriptions are in
// English, as in the schemas.
type APIDocsView struct {
	AsOf    string   // the date the statuses describe (assemble.Catalog.AsOf)
	Index   string   // absolute URL of api/v1/index.json
	Docs    []APIDoc // what each document holds
	Tables  []APIDoc // the fields of each kind of document…
	Objects []APIDoc // …and of the objects they share
	Example string   // a worked example, JavaScript
	// PlanFeed is the address of the current plan's calendar feed in the
	// page's language ("" without a current plan), shown with the plans.
	PlanFeed string
	// Progress are the addresses of each published plan's progress
	// documents (JSON, then CSV), by period (since 1.3).
	Progress []string
}

// APIDoc is one kind of document, or one shared object, and its fields.
type APIDoc struct {
	Anchor  string // id of its section on the page
	Name    string // schema or object name
	Summary string // what it holds, in the page's language (Docs only)
	URL     string // address of an instance, or its pattern
	Schema  string // address of its schema ("" for the CSV and objects)
	Fields  []APIField
}

// APIField is a row of a field table.
type APIField struct {
	Path, Type  string
	Ref, RefID  string // the shared object the value is, and its anchor
	Required    bool
	Description string
}

func (r *Renderer) apiDocsPage(lang string) *Page {
	loc := r.locs[lang]
	p := r.page(lang, loc.T("api_title", nil), loc.T("api_intro", nil), assemble.APIDocsPath)
	p.Crumbs = []Link{{Text: loc.T("nav_home", nil), Href: assemble.HomePath(lang)}, {Text: p.Title, Current: true}}
	api := func(rel string) string { return r.abs(assemble.APIPrefix + rel) }
	schema := func(name string) string { return api("schema/" + name + ".schema.json") }
	area, country := "<area-id>", "<CC>"
	if len(r.cat.Areas) > 0 {
		area = r.cat.Areas[0].ID
	}
	if cs := r.cat.Providers(); len(cs) > 0 {
		country = cs[0]
	}
	typ, code := "<type>", "<code>" // a type and a language of delivery of the catalog, if any
	if ts := r.facets.Types; len(ts) > 0 {
		typ = ts[0]
	}
	if ls := r.facets.Languages; len(ls) > 0 {
		code = ls[0]
	}
	v := &APIDocsView{AsOf: r.cat.AsOf.Format("2006-01-02"), Index: api("index.json"),
		Example: apiExample(r.abs(opendata.UpcomingDataPath(lang)), api(lang+"/activities.json"))}
	progress := api("plans/<plan>/progress.json")
	if cur := r.cat.Current; cur != nil {
		v.PlanFeed = r.abs(assemble.PlanCalendarPath(lang, cur.ID))
		progress = api("plans/" + cur.ID + "/progress.json")
	}
	for _, p := range r.cat.Plans {
		if p.Published() { // the open data's progress documents (opendata/progress.go)
			v.Progress = append(v.Progress, api("plans/"+p.ID+"/progress.json"), api("plans/"+p.ID+"/progress.csv"))
		}
	}
	v.Docs = []APIDoc{
		{Name: "index", Summary: loc.T("api_doc_index", nil), URL: api("index.json"), Schema: schema("index")},
		{Name: "catalog", Summary: loc.T("api_doc_catalog", nil), URL: api("catalog.json"), Schema: schema("catalog")},
		{Name: "csv", Summary: loc.T("api_doc_csv", nil), URL: api("catalog.csv")},
		{Name: "activities", Summary: loc.T("api_doc_activities", nil), URL: api(lang + "/activities.json"), Schema: schema("activities")},
		{Name: "area", Summary: loc.T("api_doc_area", nil), URL: api(lang + "/areas/" + area + ".json"), Schema: schema("area")},
		{Name: "countries", Summary: loc.T("api_doc_countries", nil), URL: api(lang + "/countries.json"), Schema: schema("countries")},
		{Name: "country", Summary: loc.T("api_doc_country", nil), URL: api(lang + "/countries/" + country + ".json"), Schema: schema("country")},
		{Name: "type", Summary: loc.T("api_doc_type", nil), URL: r.abs(opendata.TypeDataPath(lang, typ)), Schema: schema("type")},
		{Name: "language", Summary: loc.T("api_doc_language", nil), URL: r.abs(opendata.LanguageDataPath(lang, code)), Schema: schema("language")},
		{Name: "upcoming", Summary: loc.T("api_doc_upcoming", nil), URL: r.abs(opendata.UpcomingDataPath(lang)), Schema: schema("upcoming")},
		{Name: "past", Summary: loc.T("api_doc_past", nil), URL: r.abs(opendata.PastDataPath(lang)), Schema: schema("past")},
		{Name: "progress", Summary: loc.T("api_doc_progress", nil), URL: progress, Schema: schema("progress")},
	}
	docs, objects, err := opendata.Fields()
	if err != nil { // the schemas are embedded and tested: this is a bug
		panic(err)
	}
	for _, d := range docs {
		v.Tables = append(v.Tables, apiTable("doc-", d))
	}
	for _, o := range objects {
		v.Objects = append(v.Objects, apiTable("obj-", o))
	}
	p.APIDocs = v
	return p
}

func apiTable(prefix string, t opendata.Table) APIDoc {
	d := APIDoc{Anchor: prefix + strings.ToLower(t.ID), Name: t.ID, Summary: t.Description}
	for _, f := range t.Fields {
		row := APIField{Path: f.Path, Type: f.Type, Required: f.Required, Description: f.Description}
		if f.Ref != "" {
			row.Ref, row.RefID = f.Ref, "obj-"+strings.ToLower(f.Ref)
			row.Type = strings.Replace(f.Type, "object", f.Ref, 1)
		}
		d.Fields = append(d.Fields, row)
	}
	return d
}

// apiExample fetches a language's upcoming activities and lists them in
// date order, the way a member website would, then the overdue ones of
// the whole catalog.
func apiExample(upcoming, all string) string {
	return `const d = new Date(); // today, in your time zone
const day = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map(n => String(n).padStart(2, "0")).join("-");
// What comes next: upcoming.json, filtered again with today's date.
const next = await (await fetch("` + upcoming + `")).json();
const upcoming = next.activities
  .filter(a => !(a.schedule.latest < day))
  .filter(a => a.status === "planned" || a.status === "confirmed")
  .sort((a, b) => (a.schedule.earliest ?? "9999").localeCompare(b.schedule.earliest ?? "9999"));
for (const a of upcoming) {
  console.log(a.schedule.text, "·", a.text.title, "·", a.labels.status, a.urls.page);
}
// Dates passed while still planned: the secretariat has not recorded the outcome.
const doc = await (await fetch("` + all + `")).json();
const stale = doc.activities.filter(a => a.overdue);
console.log("Statuses as of", doc.as_of, "·", stale.length, "to be updated");`
}
