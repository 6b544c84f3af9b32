package render

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
)

// page returns the common part of a page of lang whose path in each
// language is given by pathOf.
func (r *Renderer) page(lang, title, description string, pathOf func(lang string) string) *Page {
	loc := r.locs[lang]
	p := &Page{
		Lang: lang, Dir: l10n.Dir(lang), L: loc,
		Title: title, Description: description,
		Canonical: r.abs(pathOf(lang)),
		XDefault:  r.abs(pathOf(r.cat.Languages[0])),
		CSS:       r.opts.Assets["css/site.css"],
		NoIndex:   r.opts.NoIndex,
		HomeHref:  assemble.HomePath(lang),
	}
	for _, l := range r.cat.Languages {
		p.Alternates = append(p.Alternates, Alternate{
			Lang: l, Dir: l10n.Dir(l), Name: r.locs[l].T("lang_self", nil),
			Path: pathOf(l), URL: r.abs(pathOf(l)), Current: l == lang,
		})
	}
	current := pathOf(lang)
	p.Nav = append(p.Nav, Link{Text: loc.T("nav_home", nil), Href: assemble.HomePath(lang)})
	for _, a := range r.cat.Areas {
		t, _ := r.cat.Text(a.Texts, lang)
		p.Nav = append(p.Nav, Link{Text: t.ShortTitle, Href: assemble.AreaPath(lang, a.ID)})
	}
	p.Nav = append(p.Nav, Link{Text: loc.T("nav_all_activities", nil), Href: assemble.ActivitiesPath(lang)})
	for i := range p.Nav {
		p.Nav[i].Current = p.Nav[i].Href == current
	}
	return p
}

// subscribe returns the subscribe box of the feed at feedPath.
func (r *Renderer) subscribe(title, feedPath string) *Subscribe {
	u := r.abs(feedPath)
	webcal := "webcal://" + strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return &Subscribe{Title: title, URL: u, Webcal: template.URL(webcal),
		Google: "https://calendar.google.com/calendar/r?cid=" + url.QueryEscape(webcal)}
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
	if html, err := toHTML(r.md[rtl], t.Body); err == nil {
		b.Body = template.HTML(html)
	}
	if fallback {
		b.Notice = r.locs[lang].T("untranslated_notice", map[string]any{"Language": r.locs[lang].Language(t.Lang)})
	}
	return b
}

func (r *Renderer) homePage(lang string) *Page {
	loc := r.locs[lang]
	t, _ := r.cat.Text(r.cat.Site.Home, lang)
	p := r.page(lang, t.Title, t.Summary, assemble.HomePath)
	h := &HomeView{Text: r.block(r.cat.Site.Home, lang)}
	for _, a := range r.cat.Areas {
		at, _ := r.cat.Text(a.Texts, lang)
		h.Areas = append(h.Areas, AreaCard{
			Href:  assemble.AreaPath(lang, a.ID),
			Label: loc.T("area_label", map[string]any{"Number": loc.Number(a.Number)}),
			Lang:  at.Lang, Dir: l10n.Dir(at.Lang),
			Title:   isolate(at.Title, l10n.Dir(at.Lang) == "rtl"),
			Summary: isolate(at.Summary, l10n.Dir(at.Lang) == "rtl"),
			Count:   loc.N("activities_count", len(r.cat.InArea(a.ID)), nil),
		})
	}
	p.Home = h
	p.Feed = r.subscribe(loc.T("feed_name", nil), assemble.CalendarPath(lang))
	return p
}

func (r *Renderer) areaPage(lang string, a *content.Area) *Page {
	loc := r.locs[lang]
	t, _ := r.cat.Text(a.Texts, lang)
	p := r.page(lang, t.Title, t.Summary, func(l string) string { return assemble.AreaPath(l, a.ID) })
	p.Crumbs = []Link{{Text: loc.T("nav_home", nil), Href: assemble.HomePath(lang)}, {Text: t.ShortTitle, Current: true}}
	acts := r.cat.InArea(a.ID)
	v := &AreaView{
		Label: loc.T("area_label", map[string]any{"Number": loc.Number(a.Number)}),
		Text:  r.block(a.Texts, lang),
		Count: loc.N("activities_count", len(acts), nil),
	}
	for _, act := range acts {
		v.Activities = append(v.Activities, r.card(lang, act))
	}
	p.Area = v
	p.Feed = r.subscribe(loc.T("feed_area_name", map[string]any{"Area": t.ShortTitle}), assemble.AreaCalendarPath(lang, a.ID))
	return p
}

func (r *Renderer) activitiesPage(lang string) *Page {
	loc := r.locs[lang]
	p := r.page(lang, loc.T("all_activities_title", nil), loc.T("all_activities_intro", nil), assemble.ActivitiesPath)
	p.Crumbs = []Link{{Text: loc.T("nav_home", nil), Href: assemble.HomePath(lang)}, {Text: p.Title, Current: true}}
	v := &ListView{Intro: loc.T("all_activities_intro", nil), Count: loc.N("activities_count", len(r.cat.Activities), nil)}
	for _, act := range r.cat.Chronological() {
		c := r.card(lang, act)
		at, _ := r.cat.Text(r.cat.Area(act.Area).Texts, lang)
		c.AreaTitle = at.ShortTitle
		v.Cards = append(v.Cards, c)
	}
	p.Activities = v
	p.Feed = r.subscribe(loc.T("feed_name", nil), assemble.CalendarPath(lang))
	return p
}

func (r *Renderer) activityPage(lang string, a *content.Activity) *Page {
	loc := r.locs[lang]
	t, _ := r.cat.Text(a.Texts, lang)
	area := r.cat.Area(a.Area)
	areaText, _ := r.cat.Text(area.Texts, lang)
	p := r.page(lang, t.Title, t.Summary, func(l string) string { return assemble.ActivityPath(l, a.ID) })
	p.Crumbs = []Link{
		{Text: loc.T("nav_home", nil), Href: assemble.HomePath(lang)},
		{Text: areaText.ShortTitle, Href: assemble.AreaPath(lang, area.ID)},
		{Text: r.label(lang, a), Current: true},
	}
	v := &ActivityView{
		Label:        r.label(lang, a),
		TypeName:     loc.T("type_"+a.Type, nil),
		Status:       loc.T("status_"+a.Status, nil),
		StatusKey:    a.Status,
		Overdue:      r.overdue(lang, a, "overdue_notice"),
		Text:         r.block(a.Texts, lang),
		Facts:        r.facts(lang, a),
		Registration: safeURL(a.Registration),
		AreaHref:     assemble.AreaPath(lang, area.ID),
		AreaTitle:    areaText.Title,
		AreaLink:     loc.T("view_area", map[string]any{"Area": areaText.Title}),
	}
	for _, s := range r.cat.InArea(a.Area) {
		if s != a {
			v.Siblings = append(v.Siblings, r.card(lang, s))
		}
	}
	p.Activity = v
	p.JSONLD = r.jsonLD(lang, a, t)
	return p
}

func (r *Renderer) label(lang string, a *content.Activity) string {
	loc := r.locs[lang]
	return loc.T("activity_label", map[string]any{"Area": loc.Number(r.cat.Area(a.Area).Number), "Number": loc.Number(a.Number)})
}

func (r *Renderer) card(lang string, a *content.Activity) Card {
	loc := r.locs[lang]
	t, _ := r.cat.Text(a.Texts, lang)
	rtl := l10n.Dir(t.Lang) == "rtl"
	return Card{
		Href:  assemble.ActivityPath(lang, a.ID),
		Label: r.label(lang, a),
		Lang:  t.Lang, Dir: l10n.Dir(t.Lang),
		Title:     isolate(t.Title, rtl),
		Summary:   isolate(t.Summary, rtl),
		Type:      loc.T("type_"+a.Type, nil),
		Schedule:  loc.Schedule(a.Schedule, a.ScheduleTBC),
		Venue:     r.venue(lang, a.Venue),
		Status:    loc.T("status_"+a.Status, nil),
		StatusKey: a.Status,
		Overdue:   r.overdue(lang, a, "status_overdue"),
	}
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
	p.Canonical = r.abs("/")
	for _, l := range r.cat.Languages {
		loc := r.locs[l]
		p.Root = append(p.Root, RootChoice{
			Lang: l, Dir: l10n.Dir(l), Name: loc.T("lang_self", nil), Href: assemble.HomePath(l),
			Title: loc.T("plan_name", nil), Intro: loc.T("root_intro", nil), Prompt: loc.T("root_title", nil),
		})
	}
	return p
}
