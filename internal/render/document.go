package render

import (
	"html/template"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// DocumentView is a work plan's full text as one document, the shape of
// the plan as the network adopts it: its title, period and adoption, its
// texts (network objective, general objective, guiding principles,
// monitoring and evaluation, resource mobilization: the body of the
// plan's _index.<lang>.md), then one table per thematic area listing
// every activity in plan order. It is a normal page of the site on screen
// and an A4 document in print. Its purpose is completeness: it grows
// linearly with the plan, as the open data does.
type DocumentView struct {
	Text      Block // the plan's title, summary and texts
	Status    string
	StatusKey string
	Period    string
	Adopted   string // "Adopted on …", or empty
	AsOf      string // "Statuses as of …", or empty
	PlanHref  string
	PlanLink  string
	// Head is the tables' column headings, the same for every area.
	Head  []string
	Areas []DocumentArea
}

// DocumentArea is one thematic area of the document: its heading, its
// objectives (the area's text) and its activities.
type DocumentArea struct {
	ID         string // the heading's anchor: "area-<id>"
	Heading    string // "Thematic area 1: …"
	Lang, Dir  string // of the area's text (differ on fallback)
	Objectives template.HTML
	Rows       []DocumentRow
	Empty      string // "No activities", when it has none
}

// DocumentRow is one activity in its area's table, in the columns of the
// plan: number, title, schedule / venue, language, providers,
// beneficiaries, status.
type DocumentRow struct {
	Number    string // "1.2"
	Href      string
	Title     template.HTML
	Lang, Dir string // of the title
	Schedule  string // with "(to be confirmed)" when it is
	Original  string // "Initially planned: …" (rescheduled), or empty
	Venue     string
	Languages string // the working languages
	// Interpretation is "with simultaneous interpretation into …" (empty
	// when none), to be confirmed when InterpretationTBC.
	Interpretation    string
	InterpretationTBC bool
	Providers         []Item
	ProvidersNote     string // "and other relevant OIC Member Countries"
	Beneficiaries     string
	Status, StatusKey string
	Held              string // "Held: …" (completed), or empty
}

// documentPage is the full text of plan p in lang. A draft plan's
// document carries the draft banner and noindex, as its other pages do.
func (r *Renderer) documentPage(lang string, p *content.Plan) *Page {
	loc := r.locs[lang]
	title := loc.T("document_title", map[string]any{"Plan": r.planTitle(lang, p)})
	pg := r.page(lang, title, loc.T("document_intro", nil), func(l string) string { return assemble.PlanDocumentPath(l, p.ID) })
	r.inPlan(pg, lang, p)
	pg.Crumbs = r.planCrumbs(lang, p, Link{Text: loc.T("document_crumb", nil), Current: true})
	v := &DocumentView{
		Text: r.block(p.Texts, lang), Status: loc.T(p.Status.Message(), nil), StatusKey: string(p.Status),
		Period: r.period(lang, p), Adopted: r.adopted(lang, p),
		PlanHref: assemble.PlanPath(lang, p.ID), PlanLink: loc.T("document_plan_link", nil),
		Head: []string{loc.T("report_col_number", nil), loc.T("document_col_title", nil), loc.T("document_col_schedule", nil),
			loc.T("document_col_language", nil), loc.T("report_col_providers", nil), loc.T("document_col_beneficiaries", nil),
			loc.T("report_col_status", nil)},
	}
	if !r.cat.AsOf.IsZero() {
		v.AsOf = loc.T("feed_as_of", map[string]any{"Date": r.date(lang, r.cat.AsOf)})
	}
	byArea := map[string][]*content.Activity{}
	for _, a := range r.cat.InPlan(p.ID) { // in plan order
		byArea[a.Area] = append(byArea[a.Area], a)
	}
	for _, a := range r.cat.PlanAreas(p.ID) {
		v.Areas = append(v.Areas, r.documentArea(lang, a, byArea[a.ID]))
	}
	pg.Document = v
	return pg
}

// documentArea is area a of the document, with its activities acts.
func (r *Renderer) documentArea(lang string, a *content.Area, acts []*content.Activity) DocumentArea {
	loc := r.locs[lang]
	t, _ := r.cat.Text(a.Texts, lang)
	b := r.block(a.Texts, lang)
	da := DocumentArea{
		ID:      "area-" + a.ID,
		Heading: loc.T("report_area_heading", map[string]any{"Number": loc.Number(a.Number), "Area": t.Title}),
		Lang:    b.Lang, Dir: b.Dir, Objectives: b.Body,
	}
	if len(acts) == 0 {
		da.Empty = loc.N("activities_count", 0, nil)
	}
	for _, act := range acts {
		da.Rows = append(da.Rows, r.documentRow(lang, act))
	}
	return da
}

// documentRow is activity a's row of its area's table.
func (r *Renderer) documentRow(lang string, a *content.Activity) DocumentRow {
	loc := r.locs[lang]
	rtl := l10n.Dir(lang) == "rtl"
	t, _ := r.cat.Text(a.Texts, lang)
	row := DocumentRow{
		Number: loc.T("report_number", map[string]any{"Area": loc.Number(r.cat.AreaOf(a).Number), "Number": loc.Number(a.Number)}),
		Href:   assemble.ActivityPath(lang, a.ID),
		Title:  isolate(t.Title, l10n.Dir(t.Lang) == "rtl"), Lang: t.Lang, Dir: l10n.Dir(t.Lang),
		Schedule:      loc.Schedule(a.Schedule, a.ScheduleTBC),
		Venue:         r.venue(lang, a.Venue),
		Languages:     r.languageNames(lang, a.Languages),
		Beneficiaries: loc.T(a.Beneficiaries.BeneficiariesMessage(), nil),
		Status:        loc.T(a.Status.Message(), nil), StatusKey: string(a.Status),
	}
	if a.OriginalSchedule.Precision != schedule.Undetermined {
		row.Original = loc.T("original_schedule", map[string]any{"When": loc.Schedule(a.OriginalSchedule, false)})
	}
	if len(a.Interpretation) > 0 {
		row.Interpretation = loc.T("document_interpretation", map[string]any{"Languages": r.languageNames(lang, a.Interpretation)})
		row.InterpretationTBC = a.InterpretationTBC
	}
	for _, p := range a.Providers {
		row.Providers = append(row.Providers, Item{Text: isolate(loc.Country(p.Country), rtl), TBC: p.TBC})
	}
	if a.OtherProviders != "" {
		row.ProvidersNote = loc.T(a.OtherProviders.OtherProvidersMessage(), nil)
	}
	if a.Status == content.StatusCompleted && a.Outcome.Held.Precision != schedule.Undetermined {
		row.Held = loc.T("document_held", map[string]any{"When": loc.Schedule(a.Outcome.Held, false)})
	}
	if r.cat.Overdue(a) { // one honest label, as on the cards
		row.Status, row.StatusKey = loc.T("card_status_overdue", nil), "overdue"
	}
	return row
}

// languageNames lists the names of languages codes in lang.
func (r *Renderer) languageNames(lang string, codes []string) string {
	loc := r.locs[lang]
	names := make([]string, 0, len(codes))
	for _, c := range codes {
		names = append(names, loc.Language(c))
	}
	return joinNames(loc, names)
}
