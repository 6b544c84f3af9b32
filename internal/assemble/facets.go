package assemble

import (
	"slices"
	"strings"

	"github.com/oic-pesnet/workplan/internal/content"
)

// Facets are the ways the catalog's views slice the published activities
// besides areas and plans: by provider country, by type and by language
// of delivery. Paths:
//
//	/<lang>/browse/                 the three indexes, with counts
//	/<lang>/countries/              provider countries, with counts
//	/<lang>/countries/<cc>/         what one country provides (lowercase ISO code)
//	/<lang>/types/                  types of activity, with counts
//	/<lang>/types/<type>/           the activities of one type
//	/<lang>/languages/              languages of delivery, with counts
//	/<lang>/languages/<code>/       the activities in one language (ISO 639-1)
//
// Each list is in the order of Catalog.Chronological, paginated like the
// others (ListPage). A language's list holds the activities delivered in
// it and those interpreted into it, as the per-language calendar feeds
// do (feed.LanguagePath). Every index is bounded by the number of
// countries, types or languages in use, whatever the number of activities.
type Facets struct {
	// Countries are the provider countries' ISO codes (upper case, as in
	// the content), Types the activity types in use and Languages the
	// languages of delivery or interpretation, each sorted by code.
	Countries, Types, Languages []string

	byCountry, byType, byLanguage map[string][]*content.Activity
}

// Facet kinds: the first segment of their pages' paths.
const (
	FacetCountries = "countries"
	FacetTypes     = "types"
	FacetLanguages = "languages"
)

// NewFacets indexes c's published activities by country, type and
// language, in one pass over the chronological list.
func NewFacets(c *Catalog) *Facets {
	f := &Facets{byCountry: map[string][]*content.Activity{}, byType: map[string][]*content.Activity{},
		byLanguage: map[string][]*content.Activity{}}
	add := func(m map[string][]*content.Activity, keys *[]string, key string, a *content.Activity) {
		l := m[key]
		if len(l) > 0 && l[len(l)-1] == a { // a country or language named twice
			return
		}
		if l == nil {
			*keys = append(*keys, key)
		}
		m[key] = append(l, a)
	}
	for _, a := range c.Chronological() {
		for _, p := range a.Providers {
			add(f.byCountry, &f.Countries, p.Country, a)
		}
		add(f.byType, &f.Types, string(a.Type), a)
		for _, l := range a.Languages {
			add(f.byLanguage, &f.Languages, l, a)
		}
		for _, l := range a.Interpretation {
			add(f.byLanguage, &f.Languages, l, a)
		}
	}
	slices.Sort(f.Countries)
	slices.Sort(f.Types)
	slices.Sort(f.Languages)
	return f
}

// Keys returns the keys of a facet kind, sorted by code.
func (f *Facets) Keys(kind string) []string {
	switch kind {
	case FacetCountries:
		return f.Countries
	case FacetTypes:
		return f.Types
	case FacetLanguages:
		return f.Languages
	}
	return nil
}

// Activities returns the published activities of a facet's key in date
// order (Catalog.Chronological): those key provides (kind countries, key
// an upper-case ISO code), of type key, or delivered in or interpreted
// into language key.
func (f *Facets) Activities(kind, key string) []*content.Activity {
	switch kind {
	case FacetCountries:
		return f.byCountry[strings.ToUpper(key)]
	case FacetTypes:
		return f.byType[key]
	case FacetLanguages:
		return f.byLanguage[key]
	}
	return nil
}

// BrowsePath is the page that gathers the three indexes.
func BrowsePath(lang string) string { return "/" + lang + "/browse/" }

// FacetIndexPath is the index of a facet kind: /<lang>/countries/ …
func FacetIndexPath(lang, kind string) string { return "/" + lang + "/" + kind + "/" }

// FacetPath is the first page of the list of one key of a facet kind; a
// country's ISO code is written in lower case, as the framable lists
// (EmbedPath) do.
func FacetPath(lang, kind, key string) string {
	if kind == FacetCountries {
		key = strings.ToLower(key)
	}
	return FacetIndexPath(lang, kind) + key + "/"
}
