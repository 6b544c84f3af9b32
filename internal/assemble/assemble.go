// Package assemble links the loaded content into a read-only catalog: the
// assemble stage of the build (load → assemble → render → write).
//
// It indexes activities by area, orders them chronologically, resolves for
// each page and language which text to show (the page's own, or a fallback
// when the translation is missing) and owns the URL scheme:
//
//	/<lang>/                       home page: the current plan
//	/<lang>/areas/<area-id>/       thematic area, across plans
//	/<lang>/activities/            every activity, in date order, by pages
//	/<lang>/activities/page/<n>/   page n ≥ 2 of that list (areas alike)
//	/<lang>/activities/<id>/       one activity, whatever its plan
//	/<lang>/browse/, /<lang>/countries/<cc>/, /types/<type>/, /languages/<code>/
//	                               views by provider country, type, language (facets.go)
//	/<lang>/plans/                 the work plans: current, drafts, archive
//	/<lang>/plans/<plan>/          one plan: its texts and areas
//	/<lang>/plans/<plan>/activities/        its activities, by pages
//	/<lang>/plans/<plan>/areas/<area-id>/   its area: that plan's objectives
//	/<lang>/plans/<plan>/progress/          where it stands: figures, chart
//	/<lang>/plans/<plan>/report/            its printable progress report
//	/<lang>/calendar.ics           iCalendar feed of every activity
//	/<lang>/areas/<area-id>/calendar.ics  feed of one area
//	/<lang>/plans/<plan>/calendar.ics     feed of one plan
//	/api/v1/…                      JSON open data (package opendata)
//
// Activity and area addresses do not name a plan: they stay the same when
// a plan is archived or an area continues into the next plan, so nothing
// published before work plans came in, or since, breaks.
//
// Ids are validated by the loader (lowercase ASCII, digits, hyphens), so a
// path built here can never leave the output folder. Nothing here changes
// after New returns; renderers and later outputs (feeds, JSON) only read.
package assemble

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// Catalog is the assembled site.
//
// Published activities (those of every plan but a draft) make the
// catalog: its lists, feeds, data and the area pages, which follow an area
// id across plans. An activity of a draft plan has its own page and
// appears in its plan's pages only.
type Catalog struct {
	Site      *content.Site
	Languages []string
	Plans     []*content.Plan // by period
	// Current is the plan in force (nil only for a site that failed
	// checks).
	Current *content.Plan
	// Areas are the catalog's areas: one per area id of the published
	// plans, as the latest of them that has it writes it. The current
	// plan's areas come first, in its order.
	Areas []*content.Area
	// AsOf is the date the content describes: the latest of site.yaml's
	// "updated" and the published activities' "updated" dates. Progress figures and
	// "overdue" are as of this date, never the build's clock, so the same
	// commit always builds the same site.
	AsOf time.Time
	// Activities are the published activities in plan order (plan, area,
	// number); All adds those of draft plans.
	Activities []*content.Activity
	All        []*content.Activity

	typeset    map[*content.Text]*content.Text // see typesetTexts
	plans      map[string]*content.Plan
	areaByID   map[string]*content.Area
	planAreas  map[string][]*content.Area
	areaOf     map[*content.Activity]*content.Area
	byArea     map[string][]*content.Activity
	inPlan     map[string][]*content.Activity
	byProvider map[string][]*content.Activity
	providers  []string
	chrono     []*content.Activity
	chronoArea map[string][]*content.Activity
	chronoPlan map[string][]*content.Activity
	planArea   map[string][]*content.Activity // by plan + "/" + area, chronological
	position   map[*content.Activity]int      // in chrono (drafts: chronoPlan)
	inArea     map[*content.Activity]int      // in chronoArea (drafts: planArea)
}

// New assembles site.
func New(site *content.Site) *Catalog {
	c := &Catalog{
		Site:       site,
		Languages:  site.Config.Languages,
		Plans:      site.Plans,
		All:        site.Activities,
		plans:      map[string]*content.Plan{},
		areaByID:   map[string]*content.Area{},
		planAreas:  map[string][]*content.Area{},
		areaOf:     map[*content.Activity]*content.Area{},
		byArea:     map[string][]*content.Activity{},
		inPlan:     map[string][]*content.Activity{},
		byProvider: map[string][]*content.Activity{},
		chronoArea: map[string][]*content.Activity{},
		chronoPlan: map[string][]*content.Activity{},
		planArea:   map[string][]*content.Activity{},
	}
	c.typesetTexts(site)
	for _, p := range site.Plans {
		c.plans[p.ID] = p
		if p.Status == content.PlanCurrent {
			c.Current = p
		}
	}
	c.AsOf = site.Config.Updated
	for _, a := range site.Activities {
		// A draft's activities say nothing of where the catalog stands.
		if a.Updated.After(c.AsOf) && c.Published(a) {
			c.AsOf = a.Updated
		}
	}
	c.areas(site.Areas)
	for _, a := range site.Activities {
		c.inPlan[a.Plan] = append(c.inPlan[a.Plan], a)
		if !c.Published(a) {
			continue
		}
		c.Activities = append(c.Activities, a)
		c.byArea[a.Area] = append(c.byArea[a.Area], a)
		for _, p := range a.Providers {
			if c.byProvider[p.Country] == nil {
				c.providers = append(c.providers, p.Country)
			}
			c.byProvider[p.Country] = append(c.byProvider[p.Country], a)
		}
	}
	slices.Sort(c.providers)
	c.position = make(map[*content.Activity]int, len(site.Activities))
	c.inArea = make(map[*content.Activity]int, len(site.Activities))
	c.chrono = chronological(c.Activities)
	for i, a := range c.chrono {
		c.position[a] = i
		c.inArea[a] = len(c.chronoArea[a.Area])
		c.chronoArea[a.Area] = append(c.chronoArea[a.Area], a)
	}
	for _, p := range site.Plans {
		for i, a := range chronological(c.inPlan[p.ID]) {
			key := p.ID + "/" + a.Area
			if !p.Published() {
				c.position[a], c.inArea[a] = i, len(c.planArea[key])
			}
			c.chronoPlan[p.ID] = append(c.chronoPlan[p.ID], a)
			c.planArea[key] = append(c.planArea[key], a)
		}
	}
	return c
}

// areas indexes the plans' areas and chooses the catalog's: for each id,
// the current plan's area, else that of the latest archived plan.
func (c *Catalog) areas(all []*content.Area) {
	rank := func(a *content.Area) (int, string) { // lower is preferred
		if p := c.plans[a.Plan]; p == c.Current {
			return 0, ""
		}
		return 1, a.Plan
	}
	for _, a := range all {
		c.planAreas[a.Plan] = append(c.planAreas[a.Plan], a)
		if p := c.plans[a.Plan]; p == nil || !p.Published() {
			continue
		}
		if old := c.areaByID[a.ID]; old != nil {
			ro, po := rank(old)
			rn, pn := rank(a)
			if ro < rn || (ro == rn && po > pn) {
				continue
			}
		}
		c.areaByID[a.ID] = a
	}
	for _, a := range c.areaByID {
		c.Areas = append(c.Areas, a)
	}
	slices.SortFunc(c.Areas, func(a, b *content.Area) int {
		ra, pa := rank(a)
		rb, pb := rank(b)
		return cmp.Or(cmp.Compare(ra, rb), strings.Compare(pb, pa), cmp.Compare(a.Number, b.Number), strings.Compare(a.ID, b.ID))
	})
	for _, act := range c.All {
		for _, a := range c.planAreas[act.Plan] {
			if a.ID == act.Area {
				c.areaOf[act] = a
			}
		}
	}
}

// chronological orders acts by earliest date (their order for ties;
// activities without a date yet last).
func chronological(acts []*content.Activity) []*content.Activity {
	out := slices.Clone(acts)
	slices.SortStableFunc(out, func(a, b *content.Activity) int {
		ua, ub := a.Schedule.Precision == schedule.Undetermined, b.Schedule.Precision == schedule.Undetermined
		if ua || ub {
			return cmp.Compare(boolInt(ua), boolInt(ub))
		}
		return cmp.Or(a.Schedule.First.Compare(b.Schedule.First), a.Schedule.Last.Compare(b.Schedule.Last))
	})
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Area returns the catalog's area with id (see Areas).
func (c *Catalog) Area(id string) *content.Area { return c.areaByID[id] }

// InArea returns the published activities of area id, in every plan, in
// plan order.
func (c *Catalog) InArea(id string) []*content.Activity { return c.byArea[id] }

// Plan returns the plan with id.
func (c *Catalog) Plan(id string) *content.Plan { return c.plans[id] }

// PlanOf returns a's plan.
func (c *Catalog) PlanOf(a *content.Activity) *content.Plan { return c.plans[a.Plan] }

// AreaOf returns a's area: the area of its plan it belongs to.
func (c *Catalog) AreaOf(a *content.Activity) *content.Area { return c.areaOf[a] }

// Published reports whether a belongs to a published plan (not a draft).
func (c *Catalog) Published(a *content.Activity) bool {
	p := c.plans[a.Plan]
	return p != nil && p.Published()
}

// PlanAreas returns the areas of plan id in its order.
func (c *Catalog) PlanAreas(id string) []*content.Area { return c.planAreas[id] }

// InPlan returns the activities of plan id in plan order.
func (c *Catalog) InPlan(id string) []*content.Activity { return c.inPlan[id] }

// ChronologicalInPlan returns the activities of plan id in date order.
func (c *Catalog) ChronologicalInPlan(id string) []*content.Activity { return c.chronoPlan[id] }

// ChronologicalInPlanArea returns the activities of area of plan in date
// order.
func (c *Catalog) ChronologicalInPlanArea(plan, area string) []*content.Activity {
	return c.planArea[plan+"/"+area]
}

// Neighbourhood returns the date-ordered lists a is shown among: every
// published activity and those of its area across plans, or for an
// activity of a draft plan, its plan's and its plan's area's. Position
// gives a's index in each.
func (c *Catalog) Neighbourhood(a *content.Activity) (all, area []*content.Activity) {
	if c.Published(a) {
		return c.chrono, c.chronoArea[a.Area]
	}
	return c.chronoPlan[a.Plan], c.planArea[a.Plan+"/"+a.Area]
}

// Overdue reports whether an activity's dates are all before the date the
// content describes (AsOf) while its status still
// says it is ahead (planned or confirmed): the secretariat has not yet
// recorded whether it took place. The content's own date is used, never the
// clock, so the same commit always builds the same site.
func (c *Catalog) Overdue(a *content.Activity) bool {
	return a.Schedule.Precision != schedule.Undetermined &&
		(a.Status == content.StatusPlanned || a.Status == content.StatusConfirmed) &&
		a.Schedule.Last.Before(c.AsOf)
}

// Providers returns the codes of every provider country, sorted.
func (c *Catalog) Providers() []string { return c.providers }

// ByProvider returns the activities country provides, in plan order.
func (c *Catalog) ByProvider(country string) []*content.Activity { return c.byProvider[country] }

// Chronological returns every activity by earliest date (plan order for
// ties; activities without a date last).
func (c *Catalog) Chronological() []*content.Activity { return c.chrono }

// ChronologicalInArea returns the activities of area id in the order of
// Chronological.
func (c *Catalog) ChronologicalInArea(id string) []*content.Activity { return c.chronoArea[id] }

// Position returns a's index in the two lists Neighbourhood returns.
func (c *Catalog) Position(a *content.Activity) (all, inArea int) {
	return c.position[a], c.inArea[a]
}

// Text returns the text to show for texts in lang: the page's own text, or
// the first available one in the site's language order, with fallback set.
// Its one-line fields (title, summary…) carry the typography of their
// language (see typeset); the Markdown body is set when it is converted.
func (c *Catalog) Text(texts content.Texts, lang string) (t *content.Text, fallback bool) {
	if t := texts[lang]; t != nil {
		return c.set(t), false
	}
	for _, l := range c.Languages {
		if t := texts[l]; t != nil {
			return c.set(t), true
		}
	}
	return nil, true
}

func (c *Catalog) set(t *content.Text) *content.Text {
	if s := c.typeset[t]; s != nil {
		return s
	}
	return t
}

// typesetTexts prepares, for each text whose language has typography rules
// (French: package typo), a copy with them applied to its one-line fields,
// so that every output (pages, feeds, open data, widget) shows the same
// typeset text while editors type ordinary spaces. The loaded texts are
// not changed.
func (c *Catalog) typesetTexts(site *content.Site) {
	c.typeset = map[*content.Text]*content.Text{}
	all := []content.Texts{}
	for _, p := range site.Plans {
		all = append(all, p.Texts)
	}
	for _, a := range site.Areas {
		all = append(all, a.Texts)
	}
	for _, a := range site.Activities {
		all = append(all, a.Texts)
	}
	sets := map[string]func(string) string{}
	for _, texts := range all {
		for lang, t := range texts {
			set, ok := sets[lang]
			if !ok {
				set = l10n.Typesetter(lang)
				sets[lang] = set
			}
			cp, changed := *t, false
			for _, f := range []*string{&cp.Title, &cp.ShortTitle, &cp.Summary, &cp.Meeting, &cp.Outcome, &cp.Reason} {
				if s := set(*f); s != *f {
					*f, changed = s, true
				}
			}
			if changed {
				c.typeset[t] = &cp
			}
		}
	}
}

// Paths (always starting and ending with "/").

// HomePath is the home page of lang.
func HomePath(lang string) string { return "/" + lang + "/" }

// AreaPath is the page of an area.
func AreaPath(lang, id string) string { return "/" + lang + "/areas/" + id + "/" }

// ListPage is page n (from 1) of the paginated list whose first page is at
// base: base itself, then base + "page/2/", "page/3/"… (as Hugo does).
func ListPage(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// ActivitiesPath is the list of every activity.
func ActivitiesPath(lang string) string { return "/" + lang + "/activities/" }

// ActivityPath is the page of an activity.
func ActivityPath(lang, id string) string { return "/" + lang + "/activities/" + id + "/" }

// PlansPath is the list of work plans.
func PlansPath(lang string) string { return "/" + lang + "/plans/" }

// PlanPath is the overview page of a plan.
func PlanPath(lang, id string) string { return "/" + lang + "/plans/" + id + "/" }

// PlanActivitiesPath is the list of a plan's activities.
func PlanActivitiesPath(lang, id string) string { return PlanPath(lang, id) + "activities/" }

// PlanAreaPath is the page of an area within a plan.
func PlanAreaPath(lang, plan, area string) string {
	return PlanPath(lang, plan) + "areas/" + area + "/"
}

// PlanProgressPath is the page that says where a plan stands.
func PlanProgressPath(lang, id string) string { return PlanPath(lang, id) + "progress/" }

// PlanReportPath is a plan's printable progress report.
func PlanReportPath(lang, id string) string { return PlanPath(lang, id) + "report/" }

// PlanDocumentPath is a plan's full text as one document: its texts, then
// a table of activities per thematic area, to read or print.
func PlanDocumentPath(lang, id string) string { return PlanPath(lang, id) + "document/" }

// PlanCalendarPath is the iCalendar feed of a plan's activities.
func PlanCalendarPath(lang, id string) string { return PlanPath(lang, id) + "calendar.ics" }

// CalendarPath is the iCalendar feed of every activity in lang.
func CalendarPath(lang string) string { return "/" + lang + "/calendar.ics" }

// AreaCalendarPath is the iCalendar feed of one area in lang.
func AreaCalendarPath(lang, id string) string { return "/" + lang + "/areas/" + id + "/calendar.ics" }

// NotFoundPath is the "page not found" page of lang, served for unknown
// paths under /<lang>/.
func NotFoundPath(lang string) string { return "/" + lang + "/404.html" }

// EmbedDocsPath is the page explaining how to embed the catalog.
func EmbedDocsPath(lang string) string { return "/" + lang + "/embed/" }

// EmbedPath is a framable list for member websites' iframes: every
// activity (kind ""), one area (kind "areas") or one provider country
// (kind "countries", key an ISO code in lowercase).
func EmbedPath(lang, kind, key string) string {
	if kind == "" {
		return "/embed/" + lang + "/"
	}
	return "/embed/" + lang + "/" + kind + "/" + key + "/"
}

// EmbedScriptPath is the widget script; its address never changes, so the
// snippets pasted on member websites keep working.
const EmbedScriptPath = "/embed.js"

// APIDocsPath is the page that documents the open data for people.
func APIDocsPath(lang string) string { return "/" + lang + "/open-data/" }

// APIPrefix is where the versioned JSON open data lives.
const APIPrefix = "/api/v1/"
