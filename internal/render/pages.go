package render

import (
	"cmp"
	"html/template"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// page returns the common part of a page of lang whose path in each
// language is given by pathOf.
func (r *Renderer) page(lang, title, description string, pathOf func(lang string) string) *Page {
	loc := r.locs[lang]
	p := &Page{
		Lang: lang, Dir: l10n.Dir(lang), L: loc,
		Title: title, Description: description,
		Canonical: r.abs(pathOf(lang)),
		XDefault:  r.xDefault(pathOf),
		CSS:       r.opts.Assets["css/site.css"],
		Scripts:   r.scripts("js/copy.js"), // the copy buttons (data-copy)
		NoIndex:   r.opts.NoIndex,
		HomeHref:  assemble.HomePath(lang),
	}
	p.OG = OpenGraph{Type: "website", Locale: ogLocale(lang)}
	if !r.cat.AsOf.IsZero() {
		p.AsOf = loc.T("footer_as_of", map[string]any{"Date": r.date(lang, r.cat.AsOf)})
	}
	for _, l := range r.cat.Languages {
		if l != lang {
			p.OG.Alternates = append(p.OG.Alternates, ogLocale(l))
		}
		p.Alternates = append(p.Alternates, Alternate{
			Lang: l, Dir: l10n.Dir(l), Name: r.locs[l].T("lang_self", nil),
			Path: pathOf(l), URL: r.abs(pathOf(l)), Current: l == lang,
		})
	}
	// The navigation, in this order: home, all activities (the most used
	// destination, first after home so that it shows on a phone), the
	// current plan's areas, the views by country, type and language, the
	// list of plans.
	current := pathOf(lang)
	p.Nav = append(p.Nav, Link{Text: loc.T("nav_home", nil), Href: assemble.HomePath(lang)},
		Link{Text: loc.T("nav_all_activities", nil), Href: assemble.ActivitiesPath(lang)})
	if r.cat.Current != nil {
		for _, a := range r.cat.PlanAreas(r.cat.Current.ID) {
			t, _ := r.cat.Text(a.Texts, lang)
			p.Nav = append(p.Nav, Link{Text: t.ShortTitle, Href: assemble.AreaPath(lang, a.ID)})
		}
	}
	p.Nav = append(p.Nav, Link{Text: loc.T("nav_browse", nil), Href: assemble.BrowsePath(lang)},
		Link{Text: loc.T("nav_plans", nil), Href: assemble.PlansPath(lang)})
	for i := range p.Nav {
		p.Nav[i].Current = p.Nav[i].Href == current
	}
	return p
}

// subscribe returns the subscribe box of the feed at feedPath.
// subscribe is the subscribe box of a default feed (a calendar.ics). Its
// planning feed is the planning.ics beside it (feed.PlanningPath and
// feed.AreaPlanningPath). Outlook's add-from-web link takes the https
// address and the calendar's name.
func (r *Renderer) subscribe(title, feedPath string) *Subscribe {
	u := r.abs(feedPath)
	webcal := func(u string) string {
		return "webcal://" + strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	}
	planning := r.abs(strings.TrimSuffix(feedPath, "calendar.ics") + "planning.ics")
	esc := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	outlook := "/calendar/0/addfromweb?url=" + esc(u) + "&name=" + esc(title)
	return &Subscribe{Title: title, URL: u, Webcal: template.URL(webcal(u)),
		Google:      "https://calendar.google.com/calendar/r?cid=" + url.QueryEscape(webcal(u)),
		Outlook:     "https://outlook.live.com" + outlook,
		Office:      "https://outlook.office.com" + outlook,
		PlanningURL: planning, PlanningWebcal: template.URL(webcal(planning))}
}

// xDefault is the x-default alternate of the page whose path in each
// language is pathOf: the language chooser "/" for the home pages (it is
// their language-neutral version, and lists the same set: rootPage), the
// default language's version for every other page. The pages and the
// sitemap both take it from here, so that they agree.
func (r *Renderer) xDefault(pathOf func(lang string) string) string {
	def := r.cat.Languages[0]
	if pathOf(def) == assemble.HomePath(def) {
		return r.abs("/")
	}
	return r.abs(pathOf(def))
}

// ogLocale is lang as Open Graph's og:locale writes it, language_TERRITORY:
// fr_FR and en_GB (the catalog's English is British: "labour"), and ar_AR,
// the generic Arabic that Facebook's locale list uses (no one Arab country
// stands for the OIC's Arabic readers). A language not listed is given as
// is.
func ogLocale(lang string) string {
	switch lang {
	case "fr":
		return "fr_FR"
	case "ar":
		return "ar_AR"
	case "en":
		return "en_GB"
	}
	return lang
}

// scripts returns the published paths of the static scripts named by
// their logical paths ("js/copy.js"), leaving out any the build did not
// publish.
func (r *Renderer) scripts(names ...string) []string {
	var out []string
	for _, n := range names {
		if p := r.opts.Assets[n]; p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (r *Renderer) abs(p string) string { return strings.TrimSuffix(r.opts.BaseURL, "/") + p }

// block resolves the text of a page in lang, with fallback and notices.
func (r *Renderer) block(texts content.Texts, lang string) Block {
	t, fallback := r.cat.Text(texts, lang)
	b := Block{Lang: t.Lang, Dir: l10n.Dir(t.Lang), Fallback: fallback, Unreviewed: t.Unreviewed}
	if t.Unreviewed {
		b.ReviewNote = r.locs[t.Lang].T("unreviewed_notice", nil)
	}
	rtl := b.Dir == "rtl"
	b.Title = isolate(t.Title, rtl)
	b.Summary = isolate(t.Summary, rtl)
	if html, err := toHTML(r.md[t.Lang], t.Body); err == nil {
		b.Body = template.HTML(html)
	}
	if fallback {
		b.Notice = r.locs[lang].T("untranslated_notice", map[string]any{"Language": r.locs[lang].Language(t.Lang)})
	}
	return b
}

func (r *Renderer) homePage(lang string) *Page {
	loc := r.locs[lang]
	plan := r.cat.Current
	t, _ := r.cat.Text(plan.Texts, lang)
	p := r.page(lang, t.Title, t.Summary, assemble.HomePath)
	h := &HomeView{Text: r.block(plan.Texts, lang), ProgressHref: assemble.PlanProgressPath(lang, plan.ID), Next: r.next(lang)}
	p.Scripts = append(p.Scripts, r.scripts("js/find.js")...) // what's next
	// The current plan's areas, each with its activities in that plan.
	h.Areas = r.areaCards(lang, r.cat.PlanAreas(plan.ID), func(a *content.Area) (string, int) {
		return assemble.PlanAreaPath(lang, plan.ID, a.ID), len(r.cat.ChronologicalInPlanArea(plan.ID, a.ID))
	})
	if len(r.cat.Plans) > 1 {
		for i := len(r.cat.Plans) - 1; i >= 0; i-- {
			c := r.planCard(lang, r.cat.Plans[i])
			c.Current = r.cat.Plans[i] == plan
			h.Plans = append(h.Plans, c)
		}
	}
	h.Timeline = r.planTimeline(lang, plan, nil)
	p.Home = h
	p.Feed = r.subscribe(loc.T("feed_name", nil), assemble.CalendarPath(lang))
	return p
}

// listCrumbs are the breadcrumbs of page n of a list named name whose
// first page is base: the name is the current page on page 1, a link to
// page 1 on the others, which end with "page n".
func (r *Renderer) listCrumbs(lang, name, base string, n int) []Link {
	loc := r.locs[lang]
	home := Link{Text: loc.T("nav_home", nil), Href: assemble.HomePath(lang)}
	if n <= 1 {
		return []Link{home, {Text: name, Current: true}}
	}
	return []Link{home, {Text: name, Href: base}, {Text: loc.T("pager_page", map[string]any{"Page": loc.Number(n)}), Current: true}}
}

// pageTitle adds "page n" to the title of page n ≥ 2 of a list.
func (r *Renderer) pageTitle(lang, title string, n int) string {
	if n <= 1 {
		return title
	}
	return r.locs[lang].T("pager_title", map[string]any{"Title": title, "Page": r.locs[lang].Number(n)})
}

// areaPage is page n of the catalog's page of area a: its activities in
// every published plan.
func (r *Renderer) areaPage(lang string, a *content.Area, n int) *Page {
	base := func(l string) string { return assemble.AreaPath(l, a.ID) }
	p := r.areaListPage(lang, a, r.cat.ChronologicalInArea(a.ID), base, n)
	t, _ := r.cat.Text(a.Texts, lang)
	p.Crumbs = r.listCrumbs(lang, t.ShortTitle, base(lang), n)
	if c := r.cat.Current; c != nil && a.Plan != c.ID {
		loc := r.locs[lang]
		p.Area.Label = loc.T("area_label_plan", map[string]any{"Number": loc.Number(a.Number), "Plan": loc.Period(a.Plan)})
	}
	return p
}

// areaListPage is page n of a list of area a's activities acts, whose
// first page in each language is base.
func (r *Renderer) areaListPage(lang string, a *content.Area, acts []*content.Activity, base func(string) string, n int) *Page {
	loc := r.locs[lang]
	t, _ := r.cat.Text(a.Texts, lang)
	pathOf := func(l string) string { return assemble.ListPage(base(l), n) }
	p := r.page(lang, r.pageTitle(lang, t.Title, n), t.Summary, pathOf)
	p.Area = &AreaView{
		Label: loc.T("area_label", map[string]any{"Number": loc.Number(a.Number)}),
		Text:  r.block(a.Texts, lang),
		First: n == 1,
		Title: r.pageTitle(lang, t.Title, n),
		Count: loc.N("activities_count", len(acts), nil),
		List:  r.list(lang, acts, base(lang), n, 3, false),
	}
	if n == 1 { // the area in its own plan
		p.Area.Timeline = r.planTimeline(lang, r.cat.Plan(a.Plan), a)
	}
	p.Feed = r.subscribe(loc.T("feed_area_name", map[string]any{"Area": t.ShortTitle}), assemble.AreaCalendarPath(lang, a.ID))
	return p
}

func (r *Renderer) activitiesPage(lang string, n int) *Page {
	loc := r.locs[lang]
	pathOf := func(l string) string { return assemble.ListPage(assemble.ActivitiesPath(l), n) }
	title := loc.T("all_activities_title", nil)
	p := r.page(lang, r.pageTitle(lang, title, n), loc.T("all_activities_intro", nil), pathOf)
	p.Crumbs = r.listCrumbs(lang, title, assemble.ActivitiesPath(lang), n)
	acts := r.cat.Chronological()
	p.Activities = &ListView{
		Intro: loc.T("all_activities_intro", nil),
		Count: loc.N("activities_count", len(acts), nil),
		List:  r.list(lang, acts, assemble.ActivitiesPath(lang), n, 2, true),
	}
	if n == 1 {
		p.Activities.Find = r.find(lang)
		p.Scripts = append(p.Scripts, r.scripts("js/find.js")...)
	}
	p.Feed = r.subscribe(loc.T("feed_name", nil), assemble.CalendarPath(lang))
	return p
}

func (r *Renderer) activityPage(lang string, a *content.Activity) *Page {
	loc := r.locs[lang]
	t, _ := r.cat.Text(a.Texts, lang)
	area := r.cat.AreaOf(a)
	areaText, _ := r.cat.Text(area.Texts, lang)
	p := r.page(lang, t.Title, t.Summary, func(l string) string { return assemble.ActivityPath(l, a.ID) })
	p.OG.Type = "article"
	plan := r.cat.PlanOf(a)
	areaPath := assemble.AreaPath(lang, area.ID)
	p.Crumbs = []Link{
		{Text: loc.T("nav_home", nil), Href: assemble.HomePath(lang)},
		{Text: areaText.ShortTitle, Href: areaPath},
		{Text: r.label(lang, a), Current: true},
	}
	if !plan.Published() { // listed in its plan's pages only
		areaPath = assemble.PlanAreaPath(lang, plan.ID, area.ID)
		p.Crumbs = r.planCrumbs(lang, plan, Link{Text: areaText.ShortTitle, Href: areaPath}, p.Crumbs[2])
	}
	r.inPlan(p, lang, plan)
	_, inArea := r.cat.Position(a)
	v := &ActivityView{
		Label:     r.label(lang, a),
		TypeName:  loc.T(a.Type.Message(), nil),
		When:      loc.Schedule(a.Schedule, a.ScheduleTBC),
		Venue:     r.venue(lang, a.Venue),
		Status:    loc.T(a.Status.Message(), nil),
		StatusKey: string(a.Status),
		Overdue:   r.overdue(lang, a, "overdue_notice"),
		Text:      r.block(a.Texts, lang),
		Facts:     append(r.facts(lang, a), r.planFact(lang, plan)),
		Outcome:   r.outcome(lang, a),
		Note:      r.statusNote(lang, a),
		AreaHref:  assemble.ListPage(areaPath, pageOf(inArea)) + "#activity-" + a.ID,
		AreaTitle: areaText.Title,
		AreaLink:  loc.T("view_area", map[string]any{"Area": areaText.Title}),
	}
	if v.Overdue != "" { // one honest label: not "Planned" for a date gone by
		v.Status, v.StatusKey = loc.T("card_status_overdue", nil), "overdue"
	}
	r.neighbours(lang, a, v)
	p.Activity = v
	if plan.Published() { // a draft's activities are in no feed yet
		p.Feed = r.subscribe(loc.T("feed_area_name", map[string]any{"Area": areaText.ShortTitle}), assemble.AreaCalendarPath(lang, area.ID))
	}
	v.TakePart = r.takePart(lang, a, plan.Published())
	p.JSONLD = r.jsonLD(lang, a, t)
	return p
}

// aroundLimit is the number of activities "around the same time" an
// activity page shows, and aroundWindow how far in time they may start
// from it (about six months): "the same period", not merely the next ones
// in a sparse catalog.
const (
	aroundLimit  = 4
	aroundWindow = 183 * 24 * time.Hour
)

// near reports whether b starts within aroundWindow of a's start; two
// activities without a date yet are near each other, and an undated one is
// near no dated one.
func near(a, b *content.Activity) bool {
	ua, ub := a.Schedule.Precision == schedule.Undetermined, b.Schedule.Precision == schedule.Undetermined
	if ua || ub {
		return ua && ub
	}
	d := a.Schedule.First.Sub(b.Schedule.First)
	return d <= aroundWindow && d >= -aroundWindow
}

// neighbours sets the bounded neighbourhood of a's page: the previous and
// next activities of its area by date, and up to aroundLimit activities of
// any area nearest to it in the chronological list.
func (r *Renderer) neighbours(lang string, a *content.Activity, v *ActivityView) {
	all, inArea := r.cat.Position(a)
	chrono, area := r.cat.Neighbourhood(a)
	shown := map[*content.Activity]bool{a: true}
	if inArea > 0 {
		c := r.cardsOf(lang, area[inArea-1:inArea], 4, false)[0]
		c.Role = r.locs[lang].T("neighbours_previous", nil)
		v.Prev, shown[area[inArea-1]] = &c, true
	}
	if inArea+1 < len(area) {
		c := r.cardsOf(lang, area[inArea+1:inArea+2], 4, false)[0]
		c.Role = r.locs[lang].T("neighbours_next", nil)
		v.Next, shown[area[inArea+1]] = &c, true
	}
	// Walk outwards from a in date order, alternately before and after,
	// while the activities are near it in time: each direction stops at
	// the first one out of the window (the list is in date order), so a
	// page costs the same whatever the size of the catalog.
	var around []*content.Activity
	lo, hi := all-1, all+1
	for len(around) < aroundLimit && (lo >= 0 || hi < len(chrono)) {
		for _, i := range []*int{&lo, &hi} {
			j := *i
			if j < 0 || j >= len(chrono) || len(around) == aroundLimit {
				continue
			}
			if !near(a, chrono[j]) {
				*i = -1 // this direction is done
				if i == &hi {
					*i = len(chrono)
				}
				continue
			}
			if !shown[chrono[j]] {
				around = append(around, chrono[j])
				shown[chrono[j]] = true
			}
			if i == &lo {
				*i--
			} else {
				*i++
			}
		}
	}
	slices.SortFunc(around, func(x, y *content.Activity) int {
		px, _ := r.cat.Position(x)
		py, _ := r.cat.Position(y)
		return cmp.Compare(px, py)
	})
	v.Around = r.cardsOf(lang, around, 4, true)
	for _, c := range []*Card{v.Prev, v.Next} {
		if c != nil {
			c.Compact = true
		}
	}
	for i := range v.Around {
		v.Around[i].Compact = true
	}
}

func (r *Renderer) label(lang string, a *content.Activity) string {
	loc := r.locs[lang]
	data := map[string]any{"Area": loc.Number(r.cat.AreaOf(a).Number), "Number": loc.Number(a.Number), "Plan": loc.Period(a.Plan)}
	if len(r.cat.Plans) > 1 { // numbers restart with each plan: say which
		return loc.T("activity_label_plan", data)
	}
	return loc.T("activity_label", data)
}

// overdue returns message id (with the schedule in words) when the
// activity's dates have passed but its status was not updated.
func (r *Renderer) overdue(lang string, a *content.Activity, id string) string {
	if !r.cat.Overdue(a) {
		return ""
	}
	loc := r.locs[lang]
	return loc.T(id, map[string]any{"When": loc.Schedule(a.Schedule, a.ScheduleTBC)})
}

func (r *Renderer) venue(lang string, v content.Venue) string {
	return r.locs[lang].Venue(v.Mode == content.VenueOnline, v.Country, v.City)
}

// rootPage is the language chooser at "/": each language speaks for itself.
func (r *Renderer) rootPage() *Page {
	def := r.cat.Languages[0]
	p := r.page(def, r.locs[def].T("root_title", nil), r.locs[def].T("root_intro", nil), assemble.HomePath)
	// The chooser and the three home pages are one set of alternates,
	// listed alike on each: fr, ar, en, and the chooser as x-default
	// (xDefault).
	p.Canonical = r.abs("/")
	p.Scripts = r.scripts("js/lang.js") // the chooser's negotiation
	for _, l := range r.cat.Languages {
		loc := r.locs[l]
		t, _ := r.cat.Text(r.cat.Current.Texts, l)
		p.Root = append(p.Root, RootChoice{
			Lang: l, Dir: l10n.Dir(l), Name: loc.T("lang_self", nil), Href: assemble.HomePath(l),
			Title: t.Title, Intro: loc.T("root_intro", nil), Prompt: loc.T("root_title", nil),
		})
	}
	return p
}
