package assemble_test

import (
	"slices"
	"testing"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// ids returns the ids of the activities of a facet's key.
func ids(f *assemble.Facets, kind, key string) []string {
	var out []string
	for _, a := range f.Activities(kind, key) {
		out = append(out, a.ID)
	}
	return out
}

// TestFacets checks which activities land in which view: a country's are
// those it provides, confirmed or not; a language's those delivered in it
// or interpreted into it; all in date order (undated last), published
// only, each once.
func TestFacets(t *testing.T) {
	f := assemble.NewFacets(catalog(t))
	for _, c := range []struct {
		kind string
		keys []string
	}{
		{assemble.FacetCountries, []string{"AZ", "MA", "MY", "SN", "TR"}},
		{assemble.FacetTypes, []string{"training", "webinar", "workshop"}},
		{assemble.FacetLanguages, []string{"ar", "en", "fr"}},
	} {
		if got := f.Keys(c.kind); !slices.Equal(got, c.keys) {
			t.Errorf("%s: keys %v, want %v", c.kind, got, c.keys)
		}
	}
	for _, c := range []struct {
		kind, key string
		want      []string
	}{
		// MY is a provider to be confirmed of lmis-training: listed.
		{assemble.FacetCountries, "MY", []string{"lmis-training", "neet-mentoring-webinar"}},
		{assemble.FacetCountries, "my", []string{"lmis-training", "neet-mentoring-webinar"}}, // the URL's case
		{assemble.FacetCountries, "TR", []string{"lmi-webinar", "neet-guidance"}},
		{assemble.FacetCountries, "FR", nil},
		{assemble.FacetTypes, "training", []string{"neet-readiness", "lmis-training"}},
		{assemble.FacetTypes, "webinar", []string{"lmi-webinar", "neet-mentoring-webinar"}},
		// lmis-training is in English, interpreted into Arabic and French.
		{assemble.FacetLanguages, "ar", []string{"lmis-training", "lmi-webinar", "neet-guidance"}},
		{assemble.FacetLanguages, "fr", []string{"neet-readiness", "lmis-training", "lmi-webinar", "neet-guidance"}},
		{assemble.FacetLanguages, "en", []string{"lmis-training", "neet-mentoring-webinar"}},
		{"nothing", "fr", nil},
	} {
		if got := ids(f, c.kind, c.key); !slices.Equal(got, c.want) {
			t.Errorf("%s/%s: %v, want %v", c.kind, c.key, got, c.want)
		}
	}
}

// TestFacetsPublishedOnly: a draft plan's activities are in no view, and
// its countries, types and languages get no page until it is current.
func TestFacetsPublishedOnly(t *testing.T) {
	cat := catalog(t, testproject.Plans(t))
	f := assemble.NewFacets(cat)
	for _, kind := range []string{assemble.FacetCountries, assemble.FacetTypes, assemble.FacetLanguages} {
		total := 0
		for _, key := range f.Keys(kind) {
			for _, a := range f.Activities(kind, key) {
				if !cat.Published(a) {
					t.Errorf("%s/%s lists %s, of a draft plan", kind, key, a.ID)
				}
				total++
			}
		}
		if kind == assemble.FacetTypes && total != len(cat.Activities) {
			t.Errorf("the types list %d activities, the catalog has %d published", total, len(cat.Activities))
		}
	}
}

// TestFacetPaths: lowercase country codes in URLs, as the framable lists.
func TestFacetPaths(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{assemble.BrowsePath("ar"), "/ar/browse/"},
		{assemble.FacetIndexPath("fr", assemble.FacetCountries), "/fr/countries/"},
		{assemble.FacetPath("fr", assemble.FacetCountries, "MA"), "/fr/countries/ma/"},
		{assemble.FacetPath("en", assemble.FacetTypes, "webinar"), "/en/types/webinar/"},
		{assemble.FacetPath("ar", assemble.FacetLanguages, "fr"), "/ar/languages/fr/"},
		{assemble.ListPage(assemble.FacetPath("fr", assemble.FacetCountries, "TR"), 2), "/fr/countries/tr/page/2/"},
	} {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}
