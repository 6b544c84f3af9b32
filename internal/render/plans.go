package render

import (
	"html/template"
	"time"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// planJobs lists the pages of the work plans in lang: the list of plans,
// and for each plan its overview, the pages of its activity list and of
// each of its areas. A draft plan's pages are published (for consultation)
// but say noindex and stay out of the sitemap.
func (r *Renderer) planJobs(lang string, emit func(layout, out string, build func() *Page)) {
	emit("plans.html", indexFile(assemble.PlansPath(lang)), func() *Page { return r.plansPage(lang) })
	for _, p := range r.cat.Plans {
		emit("plan.html", indexFile(assemble.PlanPath(lang, p.ID)), func() *Page { return r.planPage(lang, p) })
		emit("document.html", indexFile(assemble.PlanDocumentPath(lang, p.ID)), func() *Page { return r.documentPage(lang, p) })
		for n := 1; n <= pageCount(len(r.cat.ChronologicalInPlan(p.ID))); n++ {
			emit("activities.html", indexFile(assemble.ListPage(assemble.PlanActivitiesPath(lang, p.ID), n)),
				func() *Page { return r.planActivitiesPage(lang, p, n) })
		}
		for _, a := range r.cat.PlanAreas(p.ID) {
			for n := 1; n <= pageCount(len(r.cat.ChronologicalInPlanArea(p.ID, a.ID))); n++ {
				emit("area.html", indexFile(assemble.ListPage(assemble.PlanAreaPath(lang, p.ID, a.ID), n)),
					func() *Page { return r.planAreaPage(lang, p, a, n) })
			}
		}
	}
}

// planPaths lists the paths of the pages of the published plans, for the
// sitemap.
func (r *Renderer) planPaths() []func(lang string) string {
	out := []func(string) string{assemble.PlansPath}
	for _, p := range r.cat.Plans {
		if !p.Published() {
			continue
		}
		out = append(out, func(l string) string { return assemble.PlanPath(l, p.ID) },
			func(l string) string { return assemble.PlanDocumentPath(l, p.ID) })
		for n := 1; n <= pageCount(len(r.cat.ChronologicalInPlan(p.ID))); n++ {
			out = append(out, func(l string) string { return assemble.ListPage(assemble.PlanActivitiesPath(l, p.ID), n) })
		}
		for _, a := range r.cat.PlanAreas(p.ID) {
			for n := 1; n <= pageCount(len(r.cat.ChronologicalInPlanArea(p.ID, a.ID))); n++ {
				out = append(out, func(l string) string { return assemble.ListPage(assemble.PlanAreaPath(l, p.ID, a.ID), n) })
			}
		}
	}
	return out
}

// inPlan sets what every page of plan p shows: the banner of a draft or an
// archived plan, and noindex for a draft.
func (r *Renderer) inPlan(pg *Page, lang string, p *content.Plan) {
	loc := r.locs[lang]
	switch p.Status {
	case content.PlanDraft:
		pg.NoIndex = true
		pg.Banner = &Banner{Kind: "draft", Text: loc.T("plan_banner_draft", nil)}
	case content.PlanArchived:
		pg.Banner = &Banner{Kind: "archived", Text: loc.T("plan_banner_archived", map[string]any{"Period": r.period(lang, p)})}
	default:
		return
	}
	if c := r.cat.Current; c != nil {
		pg.Banner.LinkText, pg.Banner.Href = loc.T("plan_banner_current_link", nil), assemble.PlanPath(lang, c.ID)
	}
}

// planTitle is p's title in lang (another language's when untranslated).
func (r *Renderer) planTitle(lang string, p *content.Plan) string {
	t, _ := r.cat.Text(p.Texts, lang)
	return t.Title
}

// period is the plan's period in words: "1 January 2024 to 31 December 2026".
func (r *Renderer) period(lang string, p *content.Plan) string {
	return r.locs[lang].T("plan_period", map[string]any{"Start": r.date(lang, p.Starts), "End": r.date(lang, p.Ends)})
}

// date is a day in words in lang.
func (r *Renderer) date(lang string, t time.Time) string {
	return r.locs[lang].Schedule(schedule.Schedule{Precision: schedule.Day, First: t, Last: t}, false)
}

func (r *Renderer) planCard(lang string, p *content.Plan) PlanCard {
	loc := r.locs[lang]
	t, _ := r.cat.Text(p.Texts, lang)
	rtl := l10n.Dir(t.Lang) == "rtl"
	return PlanCard{
		Href: assemble.PlanPath(lang, p.ID), Lang: t.Lang, Dir: l10n.Dir(t.Lang),
		Title: isolate(t.Title, rtl), Summary: isolate(t.Summary, rtl),
		Status: loc.T(p.Status.Message(), nil), StatusKey: string(p.Status),
		Period: r.period(lang, p),
		Count:  loc.N("activities_count", len(r.cat.InPlan(p.ID)), nil),
	}
}

func (r *Renderer) plansPage(lang string) *Page {
	loc := r.locs[lang]
	title := loc.T("plans_title", nil)
	pg := r.page(lang, title, loc.T("plans_intro", nil), assemble.PlansPath)
	pg.Crumbs = r.listCrumbs(lang, title, assemble.PlansPath(lang), 1)
	v := &PlansView{Intro: loc.T("plans_intro", nil)}
	for _, status := range []content.PlanStatus{content.PlanCurrent, content.PlanDraft, content.PlanArchived} {
		g := PlanGroup{Heading: loc.T("plans_heading_"+string(status), nil)}
		for i := len(r.cat.Plans) - 1; i >= 0; i-- { // latest first
			if p := r.cat.Plans[i]; p.Status == status {
				c := r.planCard(lang, p)
				c.DocumentHref, c.DocumentLink = assemble.PlanDocumentPath(lang, p.ID), loc.T("document_card_link", nil)
				g.Plans = append(g.Plans, c)
			}
		}
		if len(g.Plans) > 0 {
			v.Groups = append(v.Groups, g)
		}
	}
	pg.Plans = v
	return pg
}

// planCrumbs are the breadcrumbs of a page inside plan p: home, the list
// of plans, the plan, then more.
func (r *Renderer) planCrumbs(lang string, p *content.Plan, more ...Link) []Link {
	loc := r.locs[lang]
	out := []Link{
		{Text: loc.T("nav_home", nil), Href: assemble.HomePath(lang)},
		{Text: loc.T("plans_title", nil), Href: assemble.PlansPath(lang)},
		{Text: r.planTitle(lang, p), Href: assemble.PlanPath(lang, p.ID)},
	}
	if len(more) == 0 {
		out[2].Current, out[2].Href = true, ""
	}
	return append(out, more...)
}

func (r *Renderer) planPage(lang string, p *content.Plan) *Page {
	loc := r.locs[lang]
	t, _ := r.cat.Text(p.Texts, lang)
	pg := r.page(lang, t.Title, t.Summary, func(l string) string { return assemble.PlanPath(l, p.ID) })
	r.inPlan(pg, lang, p)
	pg.Crumbs = r.planCrumbs(lang, p)
	v := &PlanView{
		Text: r.block(p.Texts, lang), Status: loc.T(p.Status.Message(), nil), StatusKey: string(p.Status),
		Period:  r.period(lang, p),
		Adopted: r.adopted(lang, p),
		Areas: r.areaCards(lang, r.cat.PlanAreas(p.ID), func(a *content.Area) (string, int) {
			return assemble.PlanAreaPath(lang, p.ID, a.ID), len(r.cat.ChronologicalInPlanArea(p.ID, a.ID))
		}),
		ActivitiesHref: assemble.PlanActivitiesPath(lang, p.ID),
		ActivitiesLink: loc.T("plan_activities_link", nil),
		DocumentHref:   assemble.PlanDocumentPath(lang, p.ID),
		DocumentLink:   loc.T("document_link", nil),
		Count:          loc.N("activities_count", len(r.cat.InPlan(p.ID)), nil),
	}
	v.Timeline = r.planTimeline(lang, p, nil)
	pg.Plan = v
	if p.Published() {
		v.ProgressHref, v.ProgressLink = assemble.PlanProgressPath(lang, p.ID), loc.T("plan_progress_link", nil)
		pg.Feed = r.subscribe(loc.T("feed_plan_name", map[string]any{"Plan": loc.Period(p.ID)}), assemble.PlanCalendarPath(lang, p.ID))
	}
	return pg
}

// adopted says when (and at which meeting) p was adopted, or "".
func (r *Renderer) adopted(lang string, p *content.Plan) string {
	if p.Adopted.IsZero() {
		return ""
	}
	loc := r.locs[lang]
	if t, fallback := r.cat.Text(p.Texts, lang); !fallback && t.Meeting != "" {
		return loc.T("plan_adopted_at", map[string]any{"Date": r.date(lang, p.Adopted), "Meeting": t.Meeting})
	}
	return loc.T("plan_adopted", map[string]any{"Date": r.date(lang, p.Adopted)})
}

func (r *Renderer) planActivitiesPage(lang string, p *content.Plan, n int) *Page {
	loc := r.locs[lang]
	base := func(l string) string { return assemble.PlanActivitiesPath(l, p.ID) }
	title := loc.T("plan_activities_title", map[string]any{"Plan": r.planTitle(lang, p)})
	pg := r.page(lang, r.pageTitle(lang, title, n), loc.T("plan_activities_intro", nil), func(l string) string { return assemble.ListPage(base(l), n) })
	r.inPlan(pg, lang, p)
	name := Link{Text: loc.T("plan_activities_crumb", nil), Current: true}
	crumbs := []Link{name}
	if n > 1 {
		crumbs = []Link{{Text: name.Text, Href: base(lang)}, {Text: loc.T("pager_page", map[string]any{"Page": loc.Number(n)}), Current: true}}
	}
	pg.Crumbs = r.planCrumbs(lang, p, crumbs...)
	acts := r.cat.ChronologicalInPlan(p.ID)
	pg.Activities = &ListView{
		Intro: loc.T("plan_activities_intro", nil),
		Count: loc.N("activities_count", len(acts), nil),
		List:  r.list(lang, acts, base(lang), n, 2, true),
	}
	if p.Published() {
		pg.Feed = r.subscribe(loc.T("feed_plan_name", map[string]any{"Plan": loc.Period(p.ID)}), assemble.PlanCalendarPath(lang, p.ID))
	}
	return pg
}

func (r *Renderer) planAreaPage(lang string, p *content.Plan, a *content.Area, n int) *Page {
	loc := r.locs[lang]
	base := func(l string) string { return assemble.PlanAreaPath(l, p.ID, a.ID) }
	pg := r.areaListPage(lang, a, r.cat.ChronologicalInPlanArea(p.ID, a.ID), base, n)
	r.inPlan(pg, lang, p)
	t, _ := r.cat.Text(a.Texts, lang)
	crumbs := []Link{{Text: t.ShortTitle, Current: true}}
	if n > 1 {
		crumbs = []Link{{Text: t.ShortTitle, Href: base(lang)}, {Text: loc.T("pager_page", map[string]any{"Page": loc.Number(n)}), Current: true}}
	}
	pg.Crumbs = r.planCrumbs(lang, p, crumbs...)
	pg.Area.Label = loc.T("area_label", map[string]any{"Number": loc.Number(a.Number)})
	if !p.Published() {
		pg.Feed = nil
	}
	return pg
}

// areaCards are the cards of areas, each linking to the page and counting
// the activities that of gives.
func (r *Renderer) areaCards(lang string, areas []*content.Area, of func(*content.Area) (string, int)) []AreaCard {
	loc := r.locs[lang]
	var out []AreaCard
	for _, a := range areas {
		at, _ := r.cat.Text(a.Texts, lang)
		rtl := l10n.Dir(at.Lang) == "rtl"
		href, count := of(a)
		out = append(out, AreaCard{
			Href:  href,
			Label: loc.T("area_label", map[string]any{"Number": loc.Number(a.Number)}),
			Lang:  at.Lang, Dir: l10n.Dir(at.Lang),
			Title:   isolate(at.Title, rtl),
			Summary: isolate(at.Summary, rtl),
			Count:   loc.N("activities_count", count, nil),
		})
	}
	return out
}

// planFact is the "Work plan" fact of an activity: its plan, linked.
func (r *Renderer) planFact(lang string, p *content.Plan) Fact {
	t, _ := r.cat.Text(p.Texts, lang)
	link := `<a href="` + template.HTMLEscapeString(assemble.PlanPath(lang, p.ID)) + `"`
	if t.Lang != lang {
		link += ` lang="` + t.Lang + `" dir="` + l10n.Dir(t.Lang) + `"`
	}
	link += ">" + string(isolate(t.Title, l10n.Dir(t.Lang) == "rtl")) + "</a>"
	fact := Fact{Name: r.locs[lang].T("fact_plan", nil), Items: []Item{{Text: template.HTML(link)}}}
	if p.Status != content.PlanCurrent {
		fact.Note = r.locs[lang].T(p.Status.Message(), nil)
	}
	return fact
}
