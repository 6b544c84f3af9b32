package feed

import (
	"slices"
	"strings"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
)

// Mode says which schedules a feed carries.
type Mode int

const (
	// Dated feeds carry only activities whose days are known (a day, a span
	// of days, or times): what a subscriber's calendar can show truthfully.
	// They are the default subscription.
	Dated Mode = iota
	// Planning feeds add every fuzzy item (a month, a quarter, a span of
	// months) as ONE all-day marker on the first day of its period, the
	// uncertainty at the start of the title: the plan without flooding.
	Planning
)

// PlanningPath is the planning feed of every activity in lang. The
// default feed stays at assemble.CalendarPath, so existing subscriptions
// keep their address.
func PlanningPath(lang string) string { return "/" + lang + "/planning.ics" }

// AreaPlanningPath is the planning feed of one area.
func AreaPlanningPath(lang, area string) string {
	return "/" + lang + "/areas/" + area + "/planning.ics"
}

// PlanPlanningPath is the planning feed of one work plan, beside its
// default feed (assemble.PlanCalendarPath).
func PlanPlanningPath(lang, plan string) string {
	return "/" + lang + "/plans/" + plan + "/planning.ics"
}

// EventPath is the "add to my calendar" file of one activity.
func EventPath(lang, id string) string { return assemble.ActivityPath(lang, id) + "event.ics" }

// BeneficiariesPath is the default feed of the activities open to a scope
// of beneficiaries (francophone or arabophone states): those of that scope
// and those open to all.
func BeneficiariesPath(lang string, scope content.Scope) string {
	return "/" + lang + "/calendars/beneficiaries-" + string(scope) + ".ics"
}

// LanguagePath is the default feed of the activities delivered in, or
// interpreted into, a language (ISO 639-1).
func LanguagePath(lang, code string) string {
	return "/" + lang + "/calendars/language-" + code + ".ics"
}

// CountryPath is the default feed of the activities a country provides
// (ISO 3166-1, upper case as in the open data).
func CountryPath(lang, code string) string { return "/" + lang + "/calendars/country-" + code + ".ics" }

// TypePath is the default feed of the activities of one type (training,
// webinar, workshop).
func TypePath(lang string, typ content.Type) string {
	return "/" + lang + "/calendars/type-" + string(typ) + ".ics"
}

// scopes are the beneficiary scopes with a feed of their own.
var scopes = []content.Scope{content.ScopeFrancophone, content.ScopeArabophone}

func forScope(acts []*content.Activity, scope content.Scope) []*content.Activity {
	return filter(acts, func(a *content.Activity) bool {
		return a.Beneficiaries == scope || a.Beneficiaries == content.ScopeAll || a.Beneficiaries == ""
	})
}

func inLanguage(acts []*content.Activity, code string) []*content.Activity {
	return filter(acts, func(a *content.Activity) bool {
		return slices.Contains(a.Languages, code) || slices.Contains(a.Interpretation, code)
	})
}

func byCountry(acts []*content.Activity, code string) []*content.Activity {
	return filter(acts, func(a *content.Activity) bool {
		return slices.ContainsFunc(a.Providers, func(p content.Provider) bool { return strings.EqualFold(p.Country, code) })
	})
}

func ofType(acts []*content.Activity, typ content.Type) []*content.Activity {
	return filter(acts, func(a *content.Activity) bool { return a.Type == typ })
}

// activityTypes are the types of the catalog's activities, sorted: one
// feed each.
func activityTypes(acts []*content.Activity) []content.Type {
	var types []content.Type
	for _, a := range acts {
		types = append(types, a.Type)
	}
	slices.Sort(types)
	return slices.Compact(types)
}

func filter(acts []*content.Activity, keep func(*content.Activity) bool) []*content.Activity {
	var out []*content.Activity
	for _, a := range acts {
		if keep(a) {
			out = append(out, a)
		}
	}
	return out
}

// deliveryLanguages are the languages of delivery and interpretation of
// the catalog, sorted: one feed each, bounded by the languages in use.
func deliveryLanguages(acts []*content.Activity) []string {
	var codes []string
	for _, a := range acts {
		codes = append(codes, a.Languages...)
		codes = append(codes, a.Interpretation...)
	}
	slices.Sort(codes)
	return slices.Compact(codes)
}
