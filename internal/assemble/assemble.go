// Package assemble links the loaded content into a read-only catalog: the
// assemble stage of the build (load → assemble → render → write).
//
// It indexes activities by area, orders them chronologically, resolves for
// each page and language which text to show (the page's own, or a fallback
// when the translation is missing) and owns the URL scheme:
//
//	/<lang>/                       home page
//	/<lang>/areas/<area-id>/       thematic area
//	/<lang>/activities/            every activity, in date order, by pages
//	/<lang>/activities/page/<n>/   page n ≥ 2 of that list (areas alike)
//	/<lang>/activities/<id>/       one activity
//	/<lang>/calendar.ics           iCalendar feed of every activity
//	/<lang>/areas/<area-id>/calendar.ics  feed of one area
//	/api/v1/…                      JSON open data (package opendata)
//
// Ids are validated by the loader (lowercase ASCII, digits, hyphens), so a
// path built here can never leave the output folder. Nothing here changes
// after New returns; renderers and later outputs (feeds, JSON) only read.
package assemble

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// Catalog is the assembled site.
type Catalog struct {
	Site       *content.Site
	Languages  []string
	Areas      []*content.Area
	Activities []*content.Activity // plan order: area, then number

	areaByID   map[string]*content.Area
	byArea     map[string][]*content.Activity
	byProvider map[string][]*content.Activity
	providers  []string
	chrono     []*content.Activity
	chronoArea map[string][]*content.Activity
	position   map[*content.Activity]int // in chrono
	inArea     map[*content.Activity]int // in chronoArea of its area
}

// New assembles site.
func New(site *content.Site) *Catalog {
	c := &Catalog{
		Site:       site,
		Languages:  site.Config.Languages,
		Areas:      site.Areas,
		Activities: site.Activities,
		areaByID:   map[string]*content.Area{},
		byArea:     map[string][]*content.Activity{},
		byProvider: map[string][]*content.Activity{},
	}
	for _, a := range site.Areas {
		c.areaByID[a.ID] = a
	}
	for _, a := range site.Activities {
		c.byArea[a.Area] = append(c.byArea[a.Area], a)
		for _, p := range a.Providers {
			if c.byProvider[p.Country] == nil {
				c.providers = append(c.providers, p.Country)
			}
			c.byProvider[p.Country] = append(c.byProvider[p.Country], a)
		}
	}
	slices.Sort(c.providers)
	c.chrono = slices.Clone(site.Activities)
	slices.SortStableFunc(c.chrono, func(a, b *content.Activity) int {
		// Activities without a date yet come last.
		ua, ub := a.Schedule.Precision == schedule.Undetermined, b.Schedule.Precision == schedule.Undetermined
		if ua || ub {
			return cmp.Compare(boolInt(ua), boolInt(ub))
		}
		return cmp.Or(a.Schedule.First.Compare(b.Schedule.First), a.Schedule.Last.Compare(b.Schedule.Last))
	})
	c.chronoArea = map[string][]*content.Activity{}
	c.position = make(map[*content.Activity]int, len(c.chrono))
	c.inArea = make(map[*content.Activity]int, len(c.chrono))
	for i, a := range c.chrono {
		c.position[a] = i
		c.inArea[a] = len(c.chronoArea[a.Area])
		c.chronoArea[a.Area] = append(c.chronoArea[a.Area], a)
	}
	return c
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Area returns the area with id.
func (c *Catalog) Area(id string) *content.Area { return c.areaByID[id] }

// InArea returns the activities of area id in plan order.
func (c *Catalog) InArea(id string) []*content.Activity { return c.byArea[id] }

// Overdue reports whether an activity's dates are all before the date the
// content was last reviewed (site.yaml "updated") while its status still
// says it is ahead (planned or confirmed): the secretariat has not yet
// recorded whether it took place. The content's own date is used, never the
// clock, so the same commit always builds the same site.
func (c *Catalog) Overdue(a *content.Activity) bool {
	return a.Schedule.Precision != schedule.Undetermined &&
		(a.Status == content.StatusPlanned || a.Status == content.StatusConfirmed) &&
		a.Schedule.Last.Before(c.Site.Config.Updated)
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

// Position returns a's index in Chronological and in ChronologicalInArea
// of its area.
func (c *Catalog) Position(a *content.Activity) (all, inArea int) {
	return c.position[a], c.inArea[a]
}

// Text returns the text to show for texts in lang: the page's own text, or
// the first available one in the site's language order, with fallback set.
func (c *Catalog) Text(texts content.Texts, lang string) (t *content.Text, fallback bool) {
	if t := texts[lang]; t != nil {
		return t, false
	}
	for _, l := range c.Languages {
		if t := texts[l]; t != nil {
			return t, true
		}
	}
	return nil, true
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
