package content

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/oic-pesnet/workplan/internal/schedule"
)

// idPattern is what an id may look like: it becomes a URL path segment, a
// file name and a calendar UID, so only lowercase ASCII letters, digits and
// single hyphens are allowed.
var idPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

const idHint = "use lowercase letters a–z, digits and single hyphens, such as \"digital-skills-training\""

func checkID(d *decoder, n ast.Node, id string) bool {
	if len(id) > 80 || !idPattern.MatchString(id) {
		d.errorf(n, "%s is not a valid id: %s (at most 80 characters)", d.quote(n, id), idHint)
		return false
	}
	return true
}

// factKeys are the required fields of an activity's facts.
var factKeys = []string{"id", "plan", "area", "number", "type", "schedule", "venue", "languages", "providers", "beneficiaries"}

// decodeFacts decodes activity.yaml.
func decodeFacts(d *decoder, root ast.Node) Facts {
	f := Facts{Status: StatusPlanned}
	fields{d: d, required: factKeys, handlers: factHandlers(d, &f)}.decode(root, "activity.yaml")
	checkFacts(d, root, &f)
	return f
}

// factHandlers decodes each field of an activity's facts into f, wherever
// they are written: activity.yaml, or the front matter of the default
// language's text.
func factHandlers(d *decoder, f *Facts) map[string]func(ast.Node) {
	return map[string]func(ast.Node){
		"id": func(n ast.Node) {
			if s, ok := d.text(n, "id"); ok && checkID(d, n, s) {
				f.ID = s
			}
		},
		"plan": func(n ast.Node) {
			if s, ok := d.text(n, "plan"); ok {
				if _, _, ok := PlanPeriod(s); ok {
					f.Plan = s
				} else {
					d.errorf(n, "%s is not a plan: write the period of a folder of content/plans, such as 2024-2026", d.quote(n, s))
				}
			}
		},
		"area": func(n ast.Node) {
			if s, ok := d.text(n, "area"); ok && checkID(d, n, s) {
				f.Area = s
			}
		},
		"number":             func(n ast.Node) { f.Number = positive(d, n, "number") },
		"type":               func(n ast.Node) { f.Type = oneOf(d, n, "type", TypeTraining, TypeWebinar, TypeWorkshop) },
		"schedule":           func(n ast.Node) { f.Schedule = decodeSchedule(d, n) },
		"schedule_tbc":       func(n ast.Node) { f.ScheduleTBC, _ = d.boolean(n, "schedule_tbc") },
		"venue":              func(n ast.Node) { f.Venue = decodeVenue(d, n) },
		"languages":          func(n ast.Node) { f.Languages = languages(d, n, "languages") },
		"interpretation":     func(n ast.Node) { f.Interpretation = languages(d, n, "interpretation") },
		"interpretation_tbc": func(n ast.Node) { f.InterpretationTBC, _ = d.boolean(n, "interpretation_tbc") },
		"providers":          func(n ast.Node) { f.Providers = decodeProviders(d, n) },
		"other_providers": func(n ast.Node) {
			f.OtherProviders = oneOf(d, n, "other_providers", ScopeAll, ScopeFrancophone, ScopeArabophone)
		},
		"beneficiaries": func(n ast.Node) {
			f.Beneficiaries = oneOf(d, n, "beneficiaries", ScopeAll, ScopeFrancophone, ScopeArabophone)
		},
		"status": func(n ast.Node) {
			f.Status = oneOf(d, n, "status", StatusPlanned, StatusConfirmed, StatusCompleted, StatusPostponed, StatusCancelled)
		},
		"registration":            func(n ast.Node) { f.Registration = decodeLink(d, n, "registration", false) },
		"updated":                 func(n ast.Node) { f.Updated = decodeDate(d, n, "updated") },
		"original_schedule":       func(n ast.Node) { f.OriginalSchedule = decodeScheduleKey(d, n, "original_schedule") },
		"held":                    func(n ast.Node) { f.Outcome.Held = decodeHeld(d, n) },
		"held_venue":              func(n ast.Node) { f.Outcome.Venue = decodeVenue(d, n) },
		"participants":            func(n ast.Node) { f.Outcome.Participants = positive(d, n, "participants") },
		"institutions":            func(n ast.Node) { f.Outcome.Institutions = positive(d, n, "institutions") },
		"participating_countries": func(n ast.Node) { f.Outcome.Countries = countries(d, n, "participating_countries") },
		"materials":               func(n ast.Node) { f.Outcome.Materials = links(d, n, "materials") },
		"report":                  func(n ast.Node) { f.Outcome.Report = decodeLink(d, n, "report", false) },
		"sequence": func(n ast.Node) {
			if f.Sequence, _ = d.integer(n, "sequence"); f.Sequence < 0 {
				d.errorf(n, "\"sequence\" must be 0 or more")
			}
		},
	}
}

// checkFacts checks what involves several fields of the facts in root.
func checkFacts(d *decoder, root ast.Node, f *Facts) {
	if len(f.Languages) == 0 && f.Languages != nil {
		d.errorf(valueOf(root, "languages"), "\"languages\" is empty: give at least one delivery language, such as [fr] (codes: %s)", languageExamples)
	}
	checkOutcome(d, root, f)
	if f.InterpretationTBC && len(f.Interpretation) == 0 {
		d.errorf(valueOf(root, "interpretation_tbc"), "\"interpretation_tbc\" is set but no interpretation languages are given: add \"interpretation: [ar, fr]\" or remove the flag")
	}
}

func positive(d *decoder, n ast.Node, key string) int {
	i, ok := d.integer(n, key)
	if ok && i < 1 {
		d.errorf(n, "%q must be 1 or more, not %d", key, i)
	}
	return i
}

func oneOf[T ~string](d *decoder, n ast.Node, key string, allowed ...T) T {
	s, ok := d.text(n, key)
	if !ok {
		return ""
	}
	if !slices.Contains(allowed, T(s)) {
		words := make([]string, len(allowed))
		for i, a := range allowed {
			words[i] = string(a)
		}
		d.errorf(n, "%s is not a valid %s: write one of %s", d.quote(n, s), key, strings.Join(words, ", "))
		return ""
	}
	return T(s)
}

func decodeSchedule(d *decoder, n ast.Node) schedule.Schedule {
	return decodeScheduleKey(d, n, "schedule")
}

// decodeScheduleKey decodes a schedule written under key.
func decodeScheduleKey(d *decoder, n ast.Node, key string) schedule.Schedule {
	s, ok := d.text(n, key)
	if !ok {
		return schedule.Schedule{}
	}
	sch, err := schedule.Parse(s)
	if err != nil {
		d.problems.Errorf(d.file, d.posAt(n, s, err.Offset), "invalid %s %s: %s", strings.ReplaceAll(key, "_", " "), d.quote(n, s), err.Msg)
		return schedule.Schedule{}
	}
	return sch
}

func decodeVenue(d *decoder, n ast.Node) Venue {
	var v Venue
	var countryNode ast.Node
	fields{d: d, required: []string{"mode"}, handlers: map[string]func(ast.Node){
		"mode": func(n ast.Node) { v.Mode = oneOf(d, n, "mode", VenueOnline, VenueOnSite) },
		"country": func(n ast.Node) {
			countryNode = n
			v.Country = country(d, n, "country")
		},
		"city": func(n ast.Node) { v.City, _ = d.oneLine(n, "city") },
	}}.decode(n, "venue")
	switch {
	case v.Mode == VenueOnSite && countryNode == nil:
		d.errorf(n, "an on-site venue needs its country: add \"country: XX\" (ISO 3166-1 code) under venue")
	case v.Mode == VenueOnline && (countryNode != nil || v.City != ""):
		d.errorf(n, "an online venue has no country or city: remove them, or set \"mode: on-site\"")
	}
	return v
}

func decodeProviders(d *decoder, n ast.Node) []Provider {
	out := []Provider{}
	seen := map[string]bool{}
	d.list(n, "providers", `a list of provider countries, each on its own line as "  - country: MA" under "providers:"`, func(item ast.Node) {
		var p Provider
		fields{d: d, required: []string{"country"}, handlers: map[string]func(ast.Node){
			"country": func(n ast.Node) {
				p.Country = country(d, n, "country")
				if seen[p.Country] && p.Country != "" {
					d.errorf(n, "provider country %s is listed twice: keep one", p.Country)
				}
				seen[p.Country] = true
			},
			"tbc": func(n ast.Node) { p.TBC, _ = d.boolean(n, "tbc") },
		}}.decode(item, "a provider")
		out = append(out, p)
	})
	return out
}

// decodeLink accepts only absolute https URLs (and http ones where
// insecure is set): anything else (javascript:, data:, relative paths)
// could become a dangerous link.
func decodeLink(d *decoder, n ast.Node, key string, insecure bool) string {
	s, ok := d.text(n, key)
	if !ok {
		return ""
	}
	u, err := url.Parse(s)
	switch {
	case err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(s, " \t\n"):
		d.errorf(n, "%s is not a web address: write a full link starting with https://", d.quote(n, s))
	case u.Scheme == "http" && !insecure:
		d.errorf(n, "%s is not a secure link: %s links must start with https:// (open the address with https:// in a browser to check that it works)", d.quote(n, s), key)
	default:
		return u.String()
	}
	return ""
}

// decodeDate decodes a calendar date written YYYY-MM-DD.
func decodeDate(d *decoder, n ast.Node, key string) time.Time {
	s, ok := d.text(n, key)
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		d.errorf(n, "%s is not a date: write %s as YYYY-MM-DD, such as 2025-03-14", d.quote(n, s), key)
		return time.Time{}
	}
	return t
}

// ValidID reports whether id can be an activity or area id, and if not,
// returns how to write one.
func ValidID(id string) (bool, string) {
	return len(id) <= 80 && idPattern.MatchString(id), idHint
}

// FactFields returns the fields of an activity's facts, each with whether
// it is required: what a form for activities must offer (internal/cms).
func FactFields() map[string]bool {
	out := map[string]bool{}
	for key := range factHandlers(&decoder{}, &Facts{}) {
		out[key] = slices.Contains(factKeys, key)
	}
	return out
}
