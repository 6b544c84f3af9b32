package render

import (
	"cmp"
	"encoding/json"
	"html/template"
	"maps"
	"slices"
	"strconv"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/search"
)

// FindView is the finder of the list of every activity (its first page):
// a search box and filters that static/js/find.js brings to life. The
// section is hidden in the HTML and shown by the script, so that without
// JavaScript no dead control shows and the chronological list below stays
// the reading path. The filters' options are the values the catalog has
// (bounded by areas, types, languages and countries, not by activities).
type FindView struct {
	Index   string // root-relative head file of the search index
	Filters []Filter
	// Strings are the interface strings the script shows, JSON-encoded
	// (findStrings): results are drawn in the browser, their words are
	// the build's.
	Strings template.JS
	// Intro replaces the list's lead ("from the earliest to the latest")
	// once the script shows the finder, whose results come upcoming first.
	Intro string
}

// Filter is one filter of the finder: a select named Name.
type Filter struct {
	Name, Label string
	Options     []Option
}

// Option is one value of a filter.
type Option struct {
	Value, Text string
}

// NextView is the home page's "what's next": filled by find.js with the
// next activities as of the day it is viewed, with a link to the list of
// every activity (upcoming first) as its path without JavaScript.
type NextView struct {
	Index    string
	Strings  template.JS
	ListHref string
}

// find returns the finder of the list of every activity in lang.
func (r *Renderer) find(lang string) *FindView {
	loc := r.locs[lang]
	acts := r.cat.Chronological()
	opt := func(v, t string) Option { return Option{Value: v, Text: t} }
	var areas []Option
	for _, a := range r.cat.Areas {
		t, _ := r.cat.Text(a.Texts, lang)
		areas = append(areas, opt(a.ID, t.ShortTitle))
	}
	var types, venues, scopes, statuses []Option
	for _, t := range content.Types() {
		types = append(types, opt(string(t), loc.T(t.Message(), nil)))
	}
	venues = []Option{opt(string(content.VenueOnline), loc.T("venue_online", nil)), opt(string(content.VenueOnSite), loc.T("find_venue_onsite", nil))}
	for _, s := range content.Scopes() {
		scopes = append(scopes, opt(string(s), loc.T("find_scope_"+string(s), nil)))
	}
	for _, s := range content.Statuses() {
		statuses = append(statuses, opt(string(s), loc.T(s.Message(), nil)))
	}
	statuses = append(statuses, opt("overdue", loc.T("card_status_overdue", nil)))
	langs, countries := map[string]bool{}, map[string]bool{}
	for _, a := range acts {
		for _, l := range append(slices.Clip(a.Languages), a.Interpretation...) {
			langs[l] = true
		}
		for _, c := range search.Countries(a) {
			countries[c] = true
		}
	}
	named := func(set map[string]bool, name func(string) string) []Option {
		col := collate.New(language.Make(lang))
		out := make([]Option, 0, len(set))
		for v := range set {
			out = append(out, opt(v, name(v)))
		}
		slices.SortFunc(out, func(a, b Option) int {
			if c := col.CompareString(a.Text, b.Text); c != 0 {
				return c
			}
			return cmp.Compare(a.Value, b.Value)
		})
		return out
	}
	return &FindView{Intro: r.locs[lang].T("all_activities_intro_find", nil),
		Index: search.IndexPath(lang),
		Filters: []Filter{
			{"area", loc.T("find_area", nil), areas},
			{"type", loc.T("find_type", nil), types},
			{"lang", loc.T("find_language", nil), named(langs, loc.Language)},
			{"venue", loc.T("find_venue", nil), venues},
			{"country", loc.T("find_country", nil), named(countries, loc.Country)},
			{"scope", loc.T("find_scope", nil), scopes},
			{"period", loc.T("find_period", nil), r.periods(lang, acts)},
			{"status", loc.T("find_status", nil), statuses},
		},
		Strings: r.findStrings(lang),
	}
}

// periods are the years and quarters acts cover, in order: "2025",
// "2025-q1" … (an activity is in a period its dates overlap).
func (r *Renderer) periods(lang string, acts []*content.Activity) []Option {
	loc := r.locs[lang]
	years := map[int]bool{}
	for _, a := range acts {
		first, last := search.Dates(a.Schedule)
		for y := first / 10000; first > 0 && y <= last/10000; y++ {
			years[y] = true
		}
	}
	var out []Option
	for _, y := range slices.Sorted(maps.Keys(years)) {
		ys := strconv.Itoa(y)
		out = append(out, Option{Value: ys, Text: ys})
		for q := 1; q <= 4; q++ {
			out = append(out, Option{Value: ys + "-q" + strconv.Itoa(q),
				Text: loc.T("quarter_"+strconv.Itoa(q), map[string]any{"Year": ys})})
		}
	}
	return out
}

// findStrings are the words find.js shows, in lang. The count of results
// is given for sample numbers: the script picks the sample whose CLDR
// plural category (Intl.PluralRules) is that of the count, so each
// language keeps its own plural forms (six in Arabic).
func (r *Renderer) findStrings(lang string) template.JS {
	loc := r.locs[lang]
	var count [][2]any
	for _, n := range []int{0, 1, 2, 3, 11, 100, 1000000} {
		count = append(count, [2]any{n, loc.N("find_count", n, map[string]any{"Count": "{n}"})})
	}
	status := map[string]string{"overdue": loc.T("card_status_overdue", nil)}
	for _, s := range content.Statuses() {
		status[string(s)] = loc.T(s.Message(), nil)
	}
	types := map[string]string{}
	for _, t := range content.Types() {
		types[string(t)] = loc.T(t.Message(), nil)
	}
	s := map[string]any{
		"lang":     lang,
		"count":    count,
		"status":   status,
		"type":     types,
		"upcoming": loc.T("find_upcoming", nil),
		"ongoing":  loc.T("find_ongoing", nil),
		"tbd":      loc.T("list_year_tbd", nil),
		"past":     loc.T("find_past", nil),
		"more":     loc.T("find_more", nil),
		"none":     loc.T("find_none", nil),
		"failed":   loc.T("find_failed", nil),
		"nextNone": loc.T("next_none", nil),
		"activity": assemble.ActivitiesPath(lang),
	}
	b, err := json.Marshal(s) // escapes <, > and &: safe in a <script> element
	if err != nil {
		return ""
	}
	return template.JS(b)
}

// next returns the home page's "what's next" in lang.
func (r *Renderer) next(lang string) *NextView {
	return &NextView{Index: search.IndexPath(lang),
		Strings: r.findStrings(lang), ListHref: assemble.ActivitiesPath(lang) + "#finder"}
}
