package l10n

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/oic-pesnet/workplan/internal/typo"
)

// Localizer renders the words of one language.
type Localizer struct {
	Lang    string
	bundle  *Bundle
	loc     *i18n.Localizer
	regions display.Namer
	langs   display.Namer

	mu      sync.Mutex
	missing map[string]bool
	// plain caches the messages asked for without data, which layouts ask
	// for on every page (go-i18n executes a template on every call).
	plain sync.Map
	// dates caches day's words per date (YYYYMMDD): a catalog's schedules
	// share a few thousand days, each written on many pages and feeds.
	dates sync.Map
}

// Localizer returns the localizer of lang.
func (b *Bundle) Localizer(lang string) *Localizer {
	tag := language.MustParse(lang)
	return &Localizer{
		Lang:    lang,
		bundle:  b,
		loc:     i18n.NewLocalizer(b.bundle, lang),
		regions: display.Regions(tag),
		langs:   display.Languages(tag),
		missing: map[string]bool{},
	}
}

// Typesetter returns the function that sets lang's typography on plain
// text: typo.French for French, the identity for the other languages.
func Typesetter(lang string) func(string) string {
	if base, _ := language.Make(lang).Base(); base.String() == "fr" {
		return typo.French
	}
	return func(s string) string { return s }
}

// T returns message id with template data (a map or struct, may be nil).
func (l *Localizer) T(id string, data any) string {
	if data != nil {
		return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	}
	if s, ok := l.plain.Load(id); ok {
		return s.(string)
	}
	s := l.localize(&i18n.LocalizeConfig{MessageID: id})
	l.plain.Store(id, s)
	return s
}

// N returns the plural form of message id for count. The template sees
// {{.Count}} plus the fields of data when data is a map.
func (l *Localizer) N(id string, count int, data map[string]any) string {
	td := map[string]any{"Count": count}
	for k, v := range data {
		td[k] = v
	}
	return l.localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: td})
}

func (l *Localizer) localize(cfg *i18n.LocalizeConfig) string {
	if !l.bundle.Has(l.Lang, cfg.MessageID) {
		l.noteMissing(cfg.MessageID)
		return cfg.MessageID
	}
	s, err := l.loc.Localize(cfg)
	if nf := (*i18n.MessageNotFoundErr)(nil); errors.As(err, &nf) {
		// The file defines the id (Has above) but go-i18n keeps no message
		// for an empty string: it is meant empty (FuzzMessage found it
		// rendered as its id and reported missing).
		return ""
	}
	if err != nil {
		l.noteMissing(fmt.Sprintf("%s (%v)", cfg.MessageID, err))
		return cfg.MessageID
	}
	return s
}

func (l *Localizer) noteMissing(what string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.missing[what] = true
}

// Missing lists the messages that were asked for but do not exist, sorted.
func (l *Localizer) Missing() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]string, 0, len(l.missing))
	for k := range l.missing {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Country returns the name of an ISO 3166-1 alpha-2 code: the override
// "country_<CODE>" of the i18n file if any, else CLDR's name.
func (l *Localizer) Country(code string) string {
	if id := "country_" + code; l.bundle.Has(l.Lang, id) {
		return l.T(id, nil)
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	return l.regions.Name(r)
}

// Language returns the name of an ISO 639-1 language code in this language,
// from the override "language_<code>" or CLDR.
func (l *Localizer) Language(code string) string {
	if id := "language_" + code; l.bundle.Has(l.Lang, id) {
		return l.T(id, nil)
	}
	b, err := language.ParseBase(code)
	if err != nil {
		return code
	}
	return l.langs.Name(b)
}

// Number formats an integer. Digits are Western Arabic (0–9) in every
// language, as in the network's published documents.
func (l *Localizer) Number(n int) string { return strconv.Itoa(n) }

// ValidCountry reports whether code is an ISO 3166-1 alpha-2 country code.
func ValidCountry(code string) bool {
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		return false
	}
	r, err := language.ParseRegion(code)
	return err == nil && r.IsCountry() && r.Canonicalize().String() == code
}

// ValidLanguage reports whether code is an ISO 639-1 language code.
func ValidLanguage(code string) bool {
	if len(code) != 2 || code[0] < 'a' || code[0] > 'z' || code[1] < 'a' || code[1] > 'z' {
		return false
	}
	b, err := language.ParseBase(code)
	return err == nil && b.String() == code
}

// Dir returns the writing direction of a language, "rtl" or "ltr", from the
// script CLDR associates with it (Arabic script for ar, fa, ur…).
func Dir(lang string) string {
	script, _ := language.Make(lang).Script()
	switch script.String() {
	case "Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr":
		return "rtl"
	}
	return "ltr"
}

// Venue returns where an activity takes place in words: "En ligne", or
// "Sur place (Ankara, Türkiye)".
func (l *Localizer) Venue(online bool, country, city string) string {
	if online {
		return l.T("venue_online", nil)
	}
	return l.T("venue_onsite", map[string]any{"Place": l.Place(country, city)})
}

// Place returns "city, country" (or the country alone) in words.
func (l *Localizer) Place(country, city string) string {
	place := l.Country(country)
	if city != "" {
		place = city + l.T("list_separator", nil) + place
	}
	return place
}

// Period writes a work plan's id (its period, "2024-2026") as lang writes
// a span of years (message "plan_years": "2024–2026" in English; the
// hyphen stays in Arabic, where an en dash would reverse the years).
func (l *Localizer) Period(id string) string {
	first, last, ok := strings.Cut(id, "-")
	if !ok {
		return id
	}
	return l.T("plan_years", map[string]any{"First": first, "Last": last})
}
