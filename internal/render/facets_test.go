package render_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var facetItemRE = regexp.MustCompile(`<li><a href="(/[a-z]+/(?:countries|types|languages)/[a-z]+/)">([^<]+)</a> <span class="count">([^<]+)</span></li>`)

// facetItems returns the links of the indexes of page, in order, as
// "href name (count)".
func facetItems(page []byte) []string {
	var out []string
	for _, m := range facetItemRE.FindAllSubmatch(page, -1) {
		out = append(out, string(m[1])+" "+string(m[2])+" ("+string(m[3])+")")
	}
	return out
}

// TestFacetIndexes checks the indexes of the views: every country, type
// and language with its count, by localized name in the reader's
// alphabetical order (CLDR collation: "Émirats" with E, Arabic by the
// Arabic alphabet), on the hub and on each index page.
func TestFacetIndexes(t *testing.T) {
	files := renderFixture(t)
	want := map[string][]string{
		"fr/countries/index.html": {
			"/fr/countries/az/ Azerbaïdjan (1 activité)",
			"/fr/countries/my/ Malaisie (2 activités)",
			"/fr/countries/ma/ Maroc (1 activité)",
			"/fr/countries/sn/ Sénégal (1 activité)",
			"/fr/countries/tr/ Türkiye (2 activités)",
		},
		"en/types/index.html": {
			"/en/types/training/ Training course (2 activities)",
			"/en/types/webinar/ Webinar (2 activities)",
			"/en/types/workshop/ Workshop (1 activity)",
		},
		"fr/languages/index.html": {
			"/fr/languages/en/ anglais (2 activités)",
			"/fr/languages/ar/ arabe (3 activités)",
			"/fr/languages/fr/ français (4 activités)",
		},
	}
	for page, w := range want {
		if got := facetItems(files[page]); !slices.Equal(got, w) {
			t.Errorf("%s:\n got %q\nwant %q", page, got, w)
		}
	}
	// The hub shows the three indexes, in this order.
	hub := facetItems(files["fr/browse/index.html"])
	all := slices.Concat(want["fr/countries/index.html"], facetItems(files["fr/types/index.html"]), want["fr/languages/index.html"])
	if !slices.Equal(hub, all) {
		t.Errorf("fr/browse/index.html:\n got %q\nwant %q", hub, all)
	}
	// Arabic names sort by the Arabic alphabet (أ ت س م …), not by code.
	var names []string
	for _, it := range facetItems(files["ar/countries/index.html"]) {
		names = append(names, strings.Fields(it)[1])
	}
	if w := []string{"أذربيجان", "السنغال", "المغرب", "تركيا", "ماليزيا"}; !slices.Equal(names, w) {
		t.Errorf("ar/countries/index.html: %q, want %q", names, w)
	}
}

// TestFacetPages checks a view's page: its activities, the mark of a
// partial place (provider to be confirmed, interpretation only), its
// feed (default only: these views have no planning feed) and open data,
// its breadcrumbs; and that every page links the hub
// from the navigation and each activity's facts link the views.
func TestFacetPages(t *testing.T) {
	files := renderFixture(t)
	must := func(page string, want ...string) {
		t.Helper()
		if files[page] == nil {
			t.Errorf("%s is not rendered", page)
			return
		}
		for _, s := range want {
			if !strings.Contains(string(files[page]), s) {
				t.Errorf("%s lacks %q", page, s)
			}
		}
	}
	count := func(page, s string) int { return strings.Count(string(files[page]), s) }
	must("fr/countries/my/index.html",
		`<p class="card-label"><strong class="card-role">Participation à confirmer</strong><span class="nobr"> ·</span> Activité 2.1`,
		`id="activity-neet-mentoring-webinar"`,
		`href="webcal://example.org/fr/calendars/country-MY.ics"`,
		`href="https://example.org/api/v1/fr/countries/MY.json"`,
		`<li><a href="/fr/countries/">Pays prestataires</a></li>`)
	if n := count("fr/countries/my/index.html", `class="card-role"`); n != 1 {
		t.Errorf("fr/countries/my: %d marked cards, want 1 (the provider to be confirmed)", n)
	}
	// Arabic: delivered in Arabic (2) or interpreted into it (1, marked).
	must("ar/languages/ar/index.html", `<strong class="card-role">مع ترجمة فورية</strong>`,
		`id="activity-lmi-webinar"`, `id="activity-neet-guidance"`, `calendars/language-ar.ics`)
	if n := count("ar/languages/ar/index.html", `class="card-role"`); n != 1 {
		t.Errorf("ar/languages/ar: %d marked cards, want 1 (interpretation only)", n)
	}
	must("en/types/workshop/index.html", `id="activity-neet-guidance"`, `calendars/type-workshop.ics`)
	must("en/types/workshop/index.html", `href="https://example.org/api/v1/en/types/workshop.json"`)
	must("en/languages/ar/index.html", `href="https://example.org/api/v1/en/languages/ar.json"`)
	for _, page := range []string{"en/types/workshop/index.html", "en/languages/ar/index.html"} {
		if count(page, "planning.ics") != 0 {
			t.Errorf("%s links a planning feed it does not have", page)
		}
	}
	for _, lang := range []string{"fr", "ar", "en"} {
		for _, page := range []string{"index.html", "activities/index.html", "countries/tr/index.html"} {
			if n := count(lang+"/"+page, `<li><a href="/`+lang+`/browse/"`); n != 1 {
				t.Errorf("%s/%s: %d links to the hub in the navigation, want 1", lang, page, n)
			}
		}
		must(lang+"/activities/lmis-training/index.html", `<a href="/`+lang+`/countries/my/">`, `<a href="/`+lang+`/types/training/">`,
			`<a href="/`+lang+`/languages/en/">`, `<a href="/`+lang+`/languages/ar/">`)
	}
	must("sitemap.xml", "<loc>https://example.org/ar/browse/</loc>", "<loc>https://example.org/en/countries/sn/</loc>",
		"<loc>https://example.org/fr/types/</loc>", "<loc>https://example.org/fr/languages/en/</loc>")
}
