// Package progress computes where a work plan stands: per thematic area
// and overall, how many activities are planned, confirmed, completed,
// postponed and cancelled, the share realized, the participants and the
// distinct participating countries, and the activities to update
// (overdue). It is part of the assemble stage: it only reads the catalog,
// and every figure is as of the catalog's AsOf date (from the content,
// never the clock), so the same commit always reports the same figures.
//
// The share realized is completed ÷ all activities of the plan (cancelled
// ones included: they were planned and not realized), rounded down to a
// whole percent, so that 99.6 % never shows as 100 % before the last
// activity is done.
package progress

import (
	"slices"
	"strings"
	"time"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
)

// Counts are the activities of a set by status.
type Counts struct {
	Total, Planned, Confirmed, Completed, Postponed, Cancelled int
}

// add counts a.
func (c *Counts) add(a *content.Activity) {
	c.Total++
	switch a.Status {
	case content.StatusPlanned:
		c.Planned++
	case content.StatusConfirmed:
		c.Confirmed++
	case content.StatusCompleted:
		c.Completed++
	case content.StatusPostponed:
		c.Postponed++
	case content.StatusCancelled:
		c.Cancelled++
	}
}

// Percent is the share realized, a whole percent rounded down (0 for an
// empty set).
func (c Counts) Percent() int {
	if c.Total == 0 {
		return 0
	}
	return c.Completed * 100 / c.Total
}

// ByStatus returns the counts in the order of Statuses.
func (c Counts) ByStatus() []int {
	return []int{c.Planned, c.Confirmed, c.Completed, c.Postponed, c.Cancelled}
}

// Statuses returns the statuses in the order of the figures, tables and
// charts.
func Statuses() []content.Status { return content.Statuses() }

// Figures are the progress of a set of activities.
type Figures struct {
	Counts
	// Participants and Institutions are the sums reported by completed
	// activities; Countries the distinct participating countries, sorted.
	Participants int
	Institutions int
	Countries    []string
	// Overdue are the activities whose dates have passed (as of AsOf)
	// while their status still says planned or confirmed, in date order.
	Overdue []*content.Activity
}

// Area is the progress of one area of the plan.
type Area struct {
	Area       *content.Area
	Activities []*content.Activity // in plan order
	Figures
}

// Report is where a plan stands.
type Report struct {
	Plan  *content.Plan
	AsOf  time.Time
	Areas []Area // in plan order
	Figures
	// Countries are the countries that provide an activity of the plan or
	// took part in a completed one, by code.
	ByCountry []Country
}

// Country is what one country did in a plan: the activities it provides
// (any status) and the completed ones its institutions took part in, in
// plan order.
type Country struct {
	Code         string
	Provided     []*content.Activity
	Participated []*content.Activity
}

// Of computes the progress of plan in cat.
func Of(cat *assemble.Catalog, plan *content.Plan) Report {
	r := Report{Plan: plan, AsOf: cat.AsOf}
	byArea := map[string]*Area{}
	for _, a := range cat.PlanAreas(plan.ID) {
		r.Areas = append(r.Areas, Area{Area: a})
	}
	for i := range r.Areas {
		byArea[r.Areas[i].Area.ID] = &r.Areas[i]
	}
	countries := map[string]bool{}
	for _, a := range cat.InPlan(plan.ID) {
		area := byArea[a.Area]
		if area == nil {
			continue // not in this plan's areas: refused by the loader
		}
		area.Activities = append(area.Activities, a)
		for _, f := range []*Figures{&area.Figures, &r.Figures} {
			f.add(a)
			if a.Status == content.StatusCompleted {
				f.Participants += a.Outcome.Participants
				f.Institutions += a.Outcome.Institutions
			}
		}
		if a.Status == content.StatusCompleted {
			for _, c := range a.Outcome.Countries {
				countries[c] = true
				if !slices.Contains(area.Countries, c) {
					area.Countries = append(area.Countries, c)
				}
			}
		}
	}
	for c := range countries {
		r.Countries = append(r.Countries, c)
	}
	slices.Sort(r.Countries)
	r.ByCountry = byCountry(cat.InPlan(plan.ID))
	for _, a := range cat.ChronologicalInPlan(plan.ID) {
		if cat.Overdue(a) {
			r.Overdue = append(r.Overdue, a)
			if area := byArea[a.Area]; area != nil {
				area.Overdue = append(area.Overdue, a)
			}
		}
	}
	for i := range r.Areas {
		slices.Sort(r.Areas[i].Countries)
	}
	return r
}

// byCountry lists each country's part in acts, sorted by code.
func byCountry(acts []*content.Activity) []Country {
	m := map[string]*Country{}
	get := func(code string) *Country {
		if m[code] == nil {
			m[code] = &Country{Code: code}
		}
		return m[code]
	}
	for _, a := range acts {
		for _, p := range a.Providers {
			c := get(p.Country)
			c.Provided = append(c.Provided, a)
		}
		if a.Status == content.StatusCompleted {
			for _, code := range a.Outcome.Countries {
				c := get(code)
				c.Participated = append(c.Participated, a)
			}
		}
	}
	out := make([]Country, 0, len(m))
	for _, c := range m {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b Country) int { return strings.Compare(a.Code, b.Code) })
	return out
}
