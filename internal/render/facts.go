package render

import (
	"html/template"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
)

// facts lists an activity's facts in the order of the plan's table.
func (r *Renderer) facts(lang string, a *content.Activity) []Fact {
	loc := r.locs[lang]
	rtl := l10n.Dir(lang) == "rtl"
	plain := func(s string) []Item { return []Item{{Text: isolate(s, rtl)}} }
	out := []Fact{
		{Name: loc.T("fact_type", nil), Items: r.linked(lang, assemble.FacetTypes, []string{string(a.Type)}, plain(loc.T(a.Type.Message(), nil)))},
		{Name: loc.T("fact_dates", nil), Items: plain(loc.Schedule(a.Schedule, false)), TBC: a.ScheduleTBC},
		{Name: loc.T("fact_venue", nil), Items: plain(r.venue(lang, a.Venue))},
		{Name: loc.T("fact_languages", nil), Items: r.linked(lang, assemble.FacetLanguages, a.Languages, r.languages(lang, a.Languages))},
	}
	if len(a.Interpretation) > 0 {
		out = append(out, Fact{Name: loc.T("fact_interpretation", nil), Items: r.linked(lang, assemble.FacetLanguages, a.Interpretation, r.languages(lang, a.Interpretation)), TBC: a.InterpretationTBC})
	}
	providers := Fact{Name: loc.T("fact_providers", nil)}
	for _, p := range a.Providers {
		providers.Items = append(providers.Items, Item{Text: r.facetLink(lang, assemble.FacetCountries, p.Country, isolate(loc.Country(p.Country), rtl)), TBC: p.TBC})
	}
	if a.OtherProviders != "" {
		providers.Note = loc.T(a.OtherProviders.OtherProvidersMessage(), nil)
	}
	out = append(out, providers,
		Fact{Name: loc.T("fact_beneficiaries", nil), Items: plain(loc.T(a.Beneficiaries.BeneficiariesMessage(), nil))},
	)
	return out
}

// linked makes each item a link to the view of its key (keys[i] for
// items[i]).
func (r *Renderer) linked(lang, kind string, keys []string, items []Item) []Item {
	for i := range min(len(keys), len(items)) {
		items[i].Text = r.facetLink(lang, kind, keys[i], items[i].Text)
	}
	return items
}

// facetLink wraps text in a link to the view of key (a country, a type or
// a language) when the site has one: a draft plan's activity may name a
// key that no published activity has.
func (r *Renderer) facetLink(lang, kind, key string, text template.HTML) template.HTML {
	if len(r.facets.Activities(kind, key)) == 0 {
		return text
	}
	return template.HTML(`<a href="`+template.HTMLEscapeString(assemble.FacetPath(lang, kind, key))+`">`) + text + "</a>"
}

func (r *Renderer) languages(lang string, codes []string) []Item {
	loc := r.locs[lang]
	items := make([]Item, 0, len(codes))
	for _, c := range codes {
		items = append(items, Item{Text: template.HTML(template.HTMLEscapeString(loc.Language(c)))})
	}
	return items
}
