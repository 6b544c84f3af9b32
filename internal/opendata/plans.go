package opendata

import (
	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
)

// The work plans (since 1.2) are listed in <lang>/activities.json and in
// catalog.json, by period: every plan, drafts included, since their pages
// are published for consultation. A draft's activities stay out of every
// activity list until it becomes current, and it has no calendar feed:
// its urls carry no calendar, and activity_count is all that the data
// says of its activities.

// plan builds a plan's object in lang.
func (g *generator) plan(lang string, p *content.Plan) plan {
	out := plan{
		planFacts: g.planFacts(p),
		Labels:    planLabels{Status: g.locs[lang].T(p.Status.Message(), nil)},
		URLs: planURLs{
			Page:       g.url(assemble.PlanPath(lang, p.ID)),
			Pages:      g.perLang(func(l string) string { return g.url(assemble.PlanPath(l, p.ID)) }),
			Activities: g.url(assemble.PlanActivitiesPath(lang, p.ID)),
		},
	}
	if p.Published() {
		out.URLs.Calendar = g.url(assemble.PlanCalendarPath(lang, p.ID))
	}
	out.URLs.planData = g.planData(p)
	t, fallback := g.cat.Text(p.Texts, lang)
	if t == nil {
		g.problems.Errorf(p.File, diag.Pos{}, "plan %q has no text in any language: add _index.%s.md beside it", p.ID, lang)
		out.Text = planText{textMeta: textMeta{Lang: lang, Fallback: true}}
		return out
	}
	out.Text = planText{textMeta: textMeta{Lang: t.Lang, Fallback: fallback, Unreviewed: t.Unreviewed},
		Title: t.Title, Summary: t.Summary, AdoptedAt: t.Meeting}
	return out
}

func (g *generator) planFacts(p *content.Plan) planFacts {
	out := planFacts{ID: p.ID, Status: p.Status, Starts: date(p.Starts), Ends: date(p.Ends),
		ActivityCount: len(g.cat.InPlan(p.ID))}
	if !p.Adopted.IsZero() {
		out.Adopted = date(p.Adopted)
	}
	return out
}

// catalogPlan merges the i-th plan of every language.
func (g *generator) catalogPlan(i int) catalogPlan {
	first := g.plans[g.cat.Languages[0]][i]
	out := catalogPlan{planFacts: first.planFacts, Texts: map[string]planText{}, Labels: map[string]planLabels{},
		URLs: catalogPlanURLs{Pages: first.URLs.Pages, Activities: langMap{}, planData: first.URLs.planData}}
	if first.URLs.Calendar != "" {
		out.URLs.Calendars = langMap{}
	}
	for _, lang := range g.cat.Languages {
		p := g.plans[lang][i]
		out.Texts[lang], out.Labels[lang] = p.Text, p.Labels
		out.URLs.Activities[lang] = p.URLs.Activities
		if out.URLs.Calendars != nil {
			out.URLs.Calendars[lang] = p.URLs.Calendar
		}
	}
	return out
}
