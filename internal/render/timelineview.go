package render

import (
	"html/template"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// planTimeline is the timeline of plan p's areas (only that area when
// only is not nil), as seen in lang: the picture (timeline.go), its legend
// and its text alternative, which lists the same activities per area.
func (r *Renderer) planTimeline(lang string, p *content.Plan, only *content.Area) *TimelineView {
	loc := r.locs[lang]
	areas := r.cat.PlanAreas(p.ID)
	heading := loc.T("timeline_heading", nil)
	if only != nil {
		areas, heading = []*content.Area{only}, loc.T("timeline_area_heading", nil)
	}
	v := &TimelineView{
		Heading:            heading,
		Region:             loc.T("timeline_region", nil),
		ListSummary:        loc.T("timeline_list", nil),
		UnscheduledHeading: loc.T("timeline_unscheduled", nil),
	}
	for _, k := range []string{"exact", "fuzzy", "completed", "cancelled"} {
		v.Legend = append(v.Legend, TimelineKey{Class: "tl-key-" + k, Text: loc.T("timeline_key_"+k, nil)})
	}
	more := func(n int) string { return loc.N("timeline_more", n, map[string]any{"Count": loc.Number(n)}) }
	var rows []tlRow
	var dated [][]*content.Activity
	var undated []*content.Activity
	for _, a := range areas {
		t, _ := r.cat.Text(a.Texts, lang)
		row := tlRow{Label: t.ShortTitle, MoreHref: r.areaListHref(lang, p, a), More: more}
		var acts []*content.Activity
		for _, act := range r.cat.ChronologicalInPlanArea(p.ID, a.ID) {
			if act.Schedule.Precision == schedule.Undetermined {
				undated = append(undated, act)
				continue
			}
			acts = append(acts, act)
			s := act.Schedule
			row.Items = append(row.Items, tlItem{First: s.First, Last: s.Last, Status: string(act.Status),
				Fuzzy: act.ScheduleTBC || s.Precision == schedule.Month || s.Precision == schedule.Quarter})
		}
		rows, dated = append(rows, row), append(dated, acts)
		v.Rows = append(v.Rows, TimelineRow{Name: t.Title, Lang: t.Lang, Dir: l10n.Dir(t.Lang)})
	}
	g := layoutTimeline(newAxis(p.Starts, p.Ends, l10n.Dir(lang) == "rtl"), rows,
		func(y int) string { return loc.Number(y) },
		func(q int) string { return loc.T("timeline_quarter", map[string]any{"Quarter": loc.Number(q)}) })
	// Only the drawn bars need their link and name: a bounded number,
	// whatever the size of the catalog.
	for i, b := range g.Bars {
		g.Bars[i].Href, g.Bars[i].Name = r.timelineName(lang, dated[b.Row][b.Item])
	}
	v.SVG = g.svg("timeline", loc.T("timeline_name", map[string]any{"Plan": loc.Period(p.ID)}))
	// The text alternative lists what the picture draws, in date order,
	// and counts the rest as the picture does.
	for _, b := range g.Bars {
		v.Rows[b.Row].Entries = append(v.Rows[b.Row].Entries, r.timelineEntry(lang, dated[b.Row][b.Item]))
	}
	for i := range v.Rows {
		if n := len(dated[i]) - g.Drawn[i]; n > 0 {
			v.Rows[i].More = &Link{Text: more(n), Href: rows[i].MoreHref}
		}
	}
	for i, act := range undated {
		if i == tlMaxBars {
			v.UnscheduledMore = &Link{Text: more(len(undated) - i), Href: assemble.PlanActivitiesPath(lang, p.ID)}
			break
		}
		v.Unscheduled = append(v.Unscheduled, r.timelineEntry(lang, act))
	}
	return v
}

// areaListHref is the list of area a's activities: the catalog's area
// page when a is the area the catalog shows, else its page in plan p.
func (r *Renderer) areaListHref(lang string, p *content.Plan, a *content.Area) string {
	if p.Published() && r.cat.Area(a.ID) == a {
		return assemble.AreaPath(lang, a.ID)
	}
	return assemble.PlanAreaPath(lang, p.ID, a.ID)
}

// timelineName returns the link of act's bar (fuzzy when its dates are a
// month, a quarter, a span of months or to be confirmed) and an
// accessible name that says all of it.
func (r *Renderer) timelineName(lang string, act *content.Activity) (href, name string) {
	c := r.card(lang, act)
	t, _ := r.cat.Text(act.Texts, lang)
	return c.Href, r.locs[lang].T("timeline_bar", map[string]any{"Label": c.Label, "Title": t.Title, "When": c.Schedule, "Status": c.Status})
}

// timelineEntry is act in the text alternative.
func (r *Renderer) timelineEntry(lang string, act *content.Activity) TimelineEntry {
	c := r.card(lang, act)
	return TimelineEntry{Href: c.Href, Label: c.Label, Lang: c.Lang, Dir: c.Dir, Title: c.Title, When: c.Schedule, Status: c.Status, StatusKey: c.StatusKey}
}

// TimelineView is a plan's timeline with its legend and text alternative.
type TimelineView struct {
	Heading string
	SVG     template.HTML
	Region  string // the scrolling box's accessible name
	Legend  []TimelineKey
	// ListSummary opens the text alternative (a <details>).
	ListSummary string
	Rows        []TimelineRow
	// Unscheduled lists the activities with no date yet, which are not
	// drawn (at most tlMaxBars, then UnscheduledMore).
	UnscheduledHeading string
	Unscheduled        []TimelineEntry
	UnscheduledMore    *Link
}

// TimelineKey is one entry of the legend; Class draws its swatch.
type TimelineKey struct {
	Class string
	Text  string
}

// TimelineRow is an area in the text alternative.
type TimelineRow struct {
	Name      string
	Lang, Dir string
	Entries   []TimelineEntry
	More      *Link // "N more activities", or nil
}

// TimelineEntry is one activity in the text alternative.
type TimelineEntry struct {
	Href      string
	Label     string
	Lang, Dir string
	Title     template.HTML
	When      string
	Status    string
	StatusKey string
}
