package opendata

import (
	"cmp"
	"maps"
	"slices"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
)

func (g *generator) languages() []languageInfo {
	out := make([]languageInfo, 0, len(g.cat.Languages))
	for i, lang := range g.cat.Languages {
		out = append(out, languageInfo{Code: lang, Name: g.locs[lang].T("lang_self", nil), Dir: l10n.Dir(lang), Default: i == 0})
	}
	return out
}

// activitiesDoc is the head of lang's activities.json: its list of
// activities (allActs) empty, for writeActs.
func (g *generator) activitiesDoc(lang string) activitiesDoc {
	return activitiesDoc{langHeader: g.langHeader("activities", lang), Plans: g.plans[lang], Areas: g.areas[lang], Activities: []activity{}}
}

// allActs lists every activity (by index in the catalog, the plan order).
func (g *generator) allActs() []int {
	idx := make([]int, len(g.cat.Activities))
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// areaActs lists the activities of the i-th area (in catalog order).
func (g *generator) areaActs(i int) []int {
	return g.actsWhere(func(a *content.Activity) bool { return a.Area == g.cat.Areas[i].ID })
}

// actsWhere lists the activities that keep holds for, in plan order.
func (g *generator) actsWhere(keep func(*content.Activity) bool) []int {
	idx := []int{}
	for i, a := range g.cat.Activities {
		if keep(a) {
			idx = append(idx, i)
		}
	}
	return idx
}

// areaDoc is the head of the document of the i-th area (in catalog order)
// in lang: its list of activities (areaActs) empty, for writeActs.
func (g *generator) areaDoc(lang string, i int) areaDoc {
	return areaDoc{langHeader: g.langHeader("area", lang), Area: g.areas[lang][i], Activities: []activity{}}
}

// countries lists, by code, the provider countries of at least one
// activity, with their names in lang.
func (g *generator) countries(lang string) []country {
	byCode := map[string]*country{}
	for _, a := range g.cat.Activities {
		for _, p := range a.Providers {
			c := byCode[p.Country]
			if c == nil {
				c = &country{Code: p.Country, Name: g.locs[lang].Country(p.Country),
					URLs: countryURL{Data: g.apiURL(countryDataPath(lang, p.Country))}}
				byCode[p.Country] = c
			}
			c.ActivityCount++
			if p.TBC {
				c.TBCCount++
			}
		}
	}
	out := make([]country, 0, len(byCode))
	for _, code := range slices.Sorted(maps.Keys(byCode)) {
		out = append(out, *byCode[code])
	}
	return out
}

func (g *generator) countriesDoc(lang string, countries []country) countriesDoc {
	return countriesDoc{langHeader: g.langHeader("countries", lang), Countries: countries}
}

// countryActs lists the activities c provides or may provide (its
// participation flagged "to be confirmed"), in plan order.
func (g *generator) countryActs(c country) []int {
	return g.actsWhere(func(a *content.Activity) bool { return provides(a, c.Code) })
}

// provides reports whether the country code provides a or may provide it.
func provides(a *content.Activity, code string) bool {
	return slices.ContainsFunc(a.Providers, func(p content.Provider) bool { return p.Country == code })
}

// countryDoc is the head of the document of c: its list of activities
// (countryActs) empty, for writeActs.
func (g *generator) countryDoc(lang string, c country) countryDoc {
	return countryDoc{langHeader: g.langHeader("country", lang), Country: c, Activities: []activity{}}
}

func (g *generator) indexDoc() indexDoc {
	refs := slices.Clone(g.index)
	refs = append(refs, docRef{Kind: "index", MediaType: "application/json", URL: g.apiURL("index.json"), Schema: g.schemaURL("index")})
	slices.SortFunc(refs, func(a, b docRef) int { return cmp.Compare(a.URL, b.URL) })
	schemas := make([]schemaRef, 0, len(indexedSchemas()))
	for _, s := range indexedSchemas() {
		schemas = append(schemas, schemaRef{Name: s, URL: g.schemaURL(s)})
	}
	return indexDoc{header: g.header("index"), BaseURL: g.base, Languages: g.languages(), Documents: refs, Schemas: schemas,
		Progress: append([]progressRef{}, g.progress...), Views: append([]viewRef{}, g.views...),
		Upcoming: append([]upcomingRef{}, g.upcoming...), Past: append([]upcomingRef{}, g.past...)}
}

// catalogDoc gathers every language's objects into one document, its
// list of activities left empty: writeItems adds each (catalogActivity).
func (g *generator) catalogDoc() catalogDoc {
	doc := catalogDoc{header: g.header("catalog"), Languages: g.languages(), Plans: make([]catalogPlan, 0, len(g.cat.Plans)),
		Areas: make([]catalogArea, 0, len(g.cat.Areas)), Activities: []catalogActivity{}}
	for i := range g.cat.Plans {
		doc.Plans = append(doc.Plans, g.catalogPlan(i))
	}
	for i := range g.cat.Areas {
		doc.Areas = append(doc.Areas, g.catalogArea(i))
	}
	return doc
}

func (g *generator) catalogArea(i int) catalogArea {
	first := g.areas[g.cat.Languages[0]][i]
	out := catalogArea{ID: first.ID, Plan: first.Plan, Number: first.Number, Texts: map[string]areaText{}, Activities: first.Activities,
		URLs: catalogAreaURLs{Pages: first.URLs.Pages, Calendars: langMap{}, Data: langMap{}}}
	for _, lang := range g.cat.Languages {
		a := g.areas[lang][i]
		out.Texts[lang] = a.Text
		out.URLs.Calendars[lang] = a.URLs.Calendar
		out.URLs.Data[lang] = a.URLs.Data
	}
	return out
}

// catalogActivity merges the i-th activity of every language: facts from
// the first language (they are the same in all), names and texts from each.
func (g *generator) catalogActivity(i int) catalogActivity {
	acts := make([]activity, len(g.cat.Languages))
	for l, lang := range g.cat.Languages {
		acts[l] = g.act(lang, i)
	}
	first := acts[0]
	out := catalogActivity{
		activityFacts:  first.activityFacts,
		Schedule:       catalogSchedule{scheduleFacts: first.Schedule.scheduleFacts, Text: langMap{}},
		Venue:          catalogVenue{Mode: first.Venue.Mode, Country: first.Venue.Country, City: first.Venue.City},
		Languages:      catalogNames(first.Languages),
		Interpretation: catalogInterpretation{Languages: catalogNames(first.Interpretation.Languages), TBC: first.Interpretation.TBC},
		Providers:      make([]catalogProvider, 0, len(first.Providers)),
		activityMore:   first.activityMore,
		Texts:          map[string]activityText{},
		Labels:         map[string]labels{},
		URLs:           catalogActivityURLs{Pages: first.URLs.Pages, Calendars: langMap{}, AreaCalendars: langMap{}, PlanCalendars: langMap{}},
	}
	if first.Venue.Country != "" {
		out.Venue.CountryName = langMap{}
	}
	for _, p := range first.Providers {
		out.Providers = append(out.Providers, catalogProvider{Country: p.Country, Name: langMap{}, TBC: p.TBC})
	}
	for l, lang := range g.cat.Languages {
		a := acts[l]
		out.Schedule.Text[lang] = a.Schedule.Text
		if out.Venue.CountryName != nil {
			out.Venue.CountryName[lang] = a.Venue.CountryName
		}
		addNames(out.Languages, a.Languages, lang)
		addNames(out.Interpretation.Languages, a.Interpretation.Languages, lang)
		for j, p := range a.Providers {
			out.Providers[j].Name[lang] = p.Name
		}
		out.Texts[lang], out.Labels[lang] = a.Text, a.Labels
		out.URLs.Calendars[lang], out.URLs.AreaCalendars[lang] = a.URLs.Calendar, a.URLs.AreaCalendar
		out.URLs.PlanCalendars[lang] = a.URLs.PlanCalendar
	}
	g.addCatalogOutcome(acts, &out)
	return out
}

func catalogNames(names []langName) []catalogLangName {
	out := make([]catalogLangName, 0, len(names))
	for _, n := range names {
		out = append(out, catalogLangName{Code: n.Code, Name: langMap{}})
	}
	return out
}

func addNames(dst []catalogLangName, names []langName, lang string) {
	for j, n := range names {
		dst[j].Name[lang] = n.Name
	}
}
