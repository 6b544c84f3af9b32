package render

import (
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/feed"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/opendata"
)

// The views by provider country, by type and by language of delivery
// (assemble.Facets): the hub /<lang>/browse/ shows the three indexes, each
// index has its own page (/<lang>/countries/ …), and each country, type or
// language has a paginated list of its activities with its calendar feed
// and its open data document (opendata: countries/<CC>.json,
// types/<type>.json, languages/<code>.json).

// facetKinds are the facet kinds in the order the hub shows them.
var facetKinds = []string{assemble.FacetCountries, assemble.FacetTypes, assemble.FacetLanguages}

// facetJobs lists the hub, the indexes and every page of every facet list
// in lang.
func (r *Renderer) facetJobs(lang string, emit func(layout, out string, build func() *Page)) {
	emit("facets.html", indexFile(assemble.BrowsePath(lang)), func() *Page { return r.browsePage(lang) })
	for _, kind := range facetKinds {
		emit("facets.html", indexFile(assemble.FacetIndexPath(lang, kind)), func() *Page { return r.facetIndexPage(lang, kind) })
		for _, key := range r.facets.Keys(kind) {
			for n := 1; n <= pageCount(len(r.facets.Activities(kind, key))); n++ {
				emit("facet.html", indexFile(assemble.ListPage(assemble.FacetPath(lang, kind, key), n)),
					func() *Page { return r.facetPage(lang, kind, key, n) })
			}
		}
	}
}

// facetPaths lists the paths of the hub, the indexes and the facet lists,
// for the sitemap.
func (r *Renderer) facetPaths() []func(lang string) string {
	out := []func(string) string{assemble.BrowsePath}
	for _, kind := range facetKinds {
		out = append(out, func(l string) string { return assemble.FacetIndexPath(l, kind) })
		for _, key := range r.facets.Keys(kind) {
			for n := 1; n <= pageCount(len(r.facets.Activities(kind, key))); n++ {
				out = append(out, func(l string) string { return assemble.ListPage(assemble.FacetPath(l, kind, key), n) })
			}
		}
	}
	return out
}

// facetName is the name of a key of a facet kind in lang: a country's or
// a language's localized name, a type's.
func (r *Renderer) facetName(lang, kind, key string) string {
	loc := r.locs[lang]
	switch kind {
	case assemble.FacetCountries:
		return loc.Country(key)
	case assemble.FacetTypes:
		return loc.T(content.Type(key).Message(), nil)
	}
	return loc.Language(key)
}

// facetIndex is the index of a facet kind in lang: each key with its
// count, by name in the reader's alphabetical order (CLDR collation, as
// the progress page's country table).
func (r *Renderer) facetIndex(lang, kind string) FacetIndex {
	loc := r.locs[lang]
	x := FacetIndex{ID: kind, Heading: loc.T("facet_"+kind+"_title", nil), Intro: loc.T("facet_"+kind+"_intro", nil),
		Href: assemble.FacetIndexPath(lang, kind)}
	for _, key := range r.facets.Keys(kind) {
		x.Items = append(x.Items, FacetItem{Key: key, Text: r.facetName(lang, kind, key),
			Href: assemble.FacetPath(lang, kind, key), Count: loc.N("activities_count", len(r.facets.Activities(kind, key)), nil)})
	}
	col := collate.New(language.Make(lang))
	slices.SortStableFunc(x.Items, func(a, b FacetItem) int { return col.CompareString(a.Text, b.Text) })
	return x
}

// browsePage is the hub: the three indexes.
func (r *Renderer) browsePage(lang string) *Page {
	loc := r.locs[lang]
	title := loc.T("browse_title", nil)
	p := r.page(lang, title, loc.T("browse_intro", nil), assemble.BrowsePath)
	p.Crumbs = r.listCrumbs(lang, title, assemble.BrowsePath(lang), 1)
	v := &FacetsView{Intro: loc.T("browse_intro", nil), Hub: true}
	for _, kind := range facetKinds {
		v.Indexes = append(v.Indexes, r.facetIndex(lang, kind))
	}
	p.Facets = v
	return p
}

// facetIndexPage is the index of one facet kind.
func (r *Renderer) facetIndexPage(lang, kind string) *Page {
	loc := r.locs[lang]
	x := r.facetIndex(lang, kind)
	p := r.page(lang, x.Heading, x.Intro, func(l string) string { return assemble.FacetIndexPath(l, kind) })
	p.Crumbs = []Link{{Text: loc.T("nav_home", nil), Href: assemble.HomePath(lang)},
		{Text: loc.T("browse_title", nil), Href: assemble.BrowsePath(lang)}, {Text: x.Heading, Current: true}}
	p.Facets = &FacetsView{Intro: x.Intro, Indexes: []FacetIndex{x}}
	return p
}

// facetPage is page n of the list of key's activities.
func (r *Renderer) facetPage(lang, kind, key string, n int) *Page {
	loc := r.locs[lang]
	name := r.facetName(lang, kind, key)
	acts := r.facets.Activities(kind, key)
	base := func(l string) string { return assemble.FacetPath(l, kind, key) }
	var title, intro string
	v := &FacetView{Count: loc.N("activities_count", len(acts), nil)}
	switch kind {
	case assemble.FacetCountries:
		title, intro = loc.T("facet_country_title", map[string]any{"Country": name}), loc.T("facet_country_intro", nil)
		v.Data = r.abs(assemble.APIPrefix + lang + "/countries/" + strings.ToUpper(key) + ".json")
	case assemble.FacetTypes:
		title, intro = loc.T("facet_type_title", map[string]any{"Type": name}), loc.T("facet_type_intro", nil)
		v.Data = r.abs(opendata.TypeDataPath(lang, key))
	default:
		title = loc.T("facet_language_title", map[string]any{"Language": name})
		intro = loc.T("facet_language_intro", map[string]any{"Language": name})
		v.Data = r.abs(opendata.LanguageDataPath(lang, key))
	}
	v.Intro = intro
	p := r.page(lang, r.pageTitle(lang, title, n), intro, func(l string) string { return assemble.ListPage(base(l), n) })
	index := loc.T("facet_"+kind+"_title", nil)
	p.Crumbs = []Link{{Text: loc.T("nav_home", nil), Href: assemble.HomePath(lang)},
		{Text: index, Href: assemble.FacetIndexPath(lang, kind)}}
	p.Crumbs = append(p.Crumbs, r.listCrumbs(lang, name, base(lang), n)[1:]...)
	v.List = r.list(lang, acts, base(lang), n, 2, true)
	r.markFacetCards(lang, kind, key, acts[min((n-1)*PageSize, len(acts)):], &v.List)
	p.Facet = v
	var feedPath string
	switch kind {
	case assemble.FacetCountries:
		feedPath = feed.CountryPath(lang, strings.ToUpper(key))
	case assemble.FacetTypes:
		feedPath = feed.TypePath(lang, content.Type(key))
	default:
		feedPath = feed.LanguagePath(lang, key)
	}
	p.Feed = r.subscribe(title, feedPath)
	p.Feed.PlanningURL, p.Feed.PlanningWebcal = "", "" // these views have a default feed only
	return p
}

// markFacetCards says on a card why it is in a list when its place there
// is partial: a provider still to be confirmed, a language offered through
// interpretation only. The mark is the card's Role, which the card shows
// before its label. acts are the activities of l's cards, in their order.
func (r *Renderer) markFacetCards(lang, kind, key string, acts []*content.Activity, l *List) {
	loc := r.locs[lang]
	for g := range l.Groups {
		for i := range l.Groups[g].Cards {
			l.Groups[g].Cards[i].Role = facetRole(loc, kind, key, acts[0])
			acts = acts[1:]
		}
	}
}

// facetRole is the message of an activity's partial place in a facet
// list, or "".
func facetRole(loc *l10n.Localizer, kind, key string, a *content.Activity) string {
	switch kind {
	case assemble.FacetCountries:
		for _, p := range a.Providers {
			if strings.EqualFold(p.Country, key) && !p.TBC {
				return ""
			}
		}
		return loc.T("facet_role_provider_tbc", nil)
	case assemble.FacetLanguages:
		if !slices.Contains(a.Languages, key) {
			return loc.T("facet_role_interpretation", nil)
		}
	}
	return ""
}
