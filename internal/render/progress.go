package render

import (
	"html/template"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/opendata"
	"github.com/oic-pesnet/workplan/internal/progress"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// ProgressView is where a plan stands: the progress page and the
// printable progress report share it.
type ProgressView struct {
	AsOf    string // "Situation as of 30 June 2025"
	Summary []Figure
	Legend  []LegendItem
	Chart   template.HTML
	Table   ProgressTable
	Overdue []OverdueItem
	// OverdueMore says how many more are in the report ("" when none).
	OverdueMore string
	// ReportHref and ProgressHref link the two pages to each other;
	// JSONHref and CSVHref are the figures as open data.
	ReportHref   string
	ProgressHref string
	JSONHref     string
	CSVHref      string
	// Areas are the report's tables, one per area (report only).
	Areas []ReportArea
	// Countries is each country's part in the plan.
	Countries CountryTable
}

// CountryTable lists each country's part in a plan: the activities it
// provides and those its institutions took part in.
type CountryTable struct {
	Caption string
	Head    []string
	Rows    []CountryRow
}

// CountryRow is one country's part.
type CountryRow struct {
	Name                   string
	Provided, Participated string
}

// Figure is one summary figure: "12" "activities realized".
type Figure struct{ Value, Label string }

// LegendItem names a status colour of the chart.
type LegendItem struct{ Key, Name string }

// ProgressTable is the figures per area and for the whole plan.
type ProgressTable struct {
	Caption string
	Head    []string
	Rows    []ProgressRow
}

// ProgressRow is one row of the table; Total marks the whole plan's.
type ProgressRow struct {
	Name      string
	Lang, Dir string
	Cells     []string
	Total     bool
}

// OverdueItem is an activity whose dates have passed but whose status was
// not updated.
type OverdueItem struct {
	Href, Label string
	Title       template.HTML
	Lang, Dir   string
	When        string
	Status      string
}

// ReportArea is one area's table in the progress report.
type ReportArea struct {
	Heading   string
	Lang, Dir string
	Rows      []ReportRow
	Empty     string // "no activities", when it has none
}

// ReportRow is one activity in the report.
type ReportRow struct {
	Number      string
	Title       template.HTML
	Lang, Dir   string
	Planned     string
	Held        string
	Providers   string
	Parts       string
	Countries   string
	Status      string
	StatusKey   string
	Remarks     template.HTML
	RemarksLang string
	RemarksDir  string
}

// overdueLimit is the number of activities to update the progress page
// lists; the report lists them all.
const overdueLimit = 50

// progressJobs lists the progress page and report of each published plan.
func (r *Renderer) progressJobs(lang string, emit func(layout, out string, build func() *Page)) {
	for _, p := range r.cat.Plans {
		if !p.Published() {
			continue
		}
		emit("progress.html", indexFile(assemble.PlanProgressPath(lang, p.ID)), func() *Page { return r.progressPage(lang, p) })
		emit("report.html", indexFile(assemble.PlanReportPath(lang, p.ID)), func() *Page { return r.reportPage(lang, p) })
	}
}

func (r *Renderer) progressPage(lang string, p *content.Plan) *Page {
	loc := r.locs[lang]
	rep := progress.Of(r.cat, p)
	title := loc.T("progress_title", map[string]any{"Plan": r.planTitle(lang, p)})
	pg := r.page(lang, title, loc.T("progress_intro", nil), func(l string) string { return assemble.PlanProgressPath(l, p.ID) })
	r.inPlan(pg, lang, p)
	pg.Crumbs = r.planCrumbs(lang, p, Link{Text: loc.T("progress_crumb", nil), Current: true})
	v := r.progressView(lang, p, rep)
	rows := []chartRow{}
	for _, a := range rep.Areas {
		t, _ := r.cat.Text(a.Area.Texts, lang)
		rows = append(rows, chartRow{Label: t.ShortTitle, Counts: a.ByStatus()})
	}
	rows = append(rows, chartRow{Label: loc.T("progress_whole_plan", nil), Counts: rep.ByStatus()})
	v.Chart = layoutChart(rows, progress.Statuses(), l10n.Dir(lang) == "rtl").svg("progress-chart-title", loc.T("progress_chart_title", nil))
	pg.Progress = v
	return pg
}

// progressView builds what the progress page and the report share.
func (r *Renderer) progressView(lang string, p *content.Plan, rep progress.Report) *ProgressView {
	loc := r.locs[lang]
	n := loc.Number
	v := &ProgressView{
		AsOf:         loc.T("progress_as_of", map[string]any{"Date": r.date(lang, rep.AsOf)}),
		ReportHref:   assemble.PlanReportPath(lang, p.ID),
		ProgressHref: assemble.PlanProgressPath(lang, p.ID),
	}
	v.JSONHref, v.CSVHref = opendata.ProgressPaths(p.ID)
	v.Summary = []Figure{
		{n(rep.Total), loc.N("progress_fig_total", rep.Total, nil)},
		{n(rep.Completed), loc.N("progress_fig_completed", rep.Completed, map[string]any{"Percent": n(rep.Percent())})},
		{n(rep.Participants), loc.N("progress_fig_participants", rep.Participants, nil)},
		{n(len(rep.Countries)), loc.N("progress_fig_countries", len(rep.Countries), nil)},
	}
	for _, s := range progress.Statuses() {
		v.Legend = append(v.Legend, LegendItem{Key: string(s), Name: loc.T("progress_col_"+string(s), nil)})
	}
	v.Table.Caption = loc.T("progress_table_caption", map[string]any{"Date": r.date(lang, rep.AsOf)})
	v.Table.Head = []string{loc.T("progress_col_area", nil)}
	for _, s := range progress.Statuses() {
		v.Table.Head = append(v.Table.Head, loc.T("progress_col_"+string(s), nil))
	}
	v.Table.Head = append(v.Table.Head, loc.T("progress_col_total", nil), loc.T("progress_col_percent", nil),
		loc.T("progress_col_participants", nil), loc.T("progress_col_countries", nil))
	row := func(name, tlang string, f progress.Figures, total bool) ProgressRow {
		cells := []string{}
		for _, c := range f.ByStatus() {
			cells = append(cells, n(c))
		}
		cells = append(cells, n(f.Total), loc.T("progress_percent", map[string]any{"Percent": n(f.Percent())}), n(f.Participants), n(len(f.Countries)))
		return ProgressRow{Name: name, Lang: tlang, Dir: l10n.Dir(tlang), Cells: cells, Total: total}
	}
	for _, a := range rep.Areas {
		t, _ := r.cat.Text(a.Area.Texts, lang)
		v.Table.Rows = append(v.Table.Rows, row(t.ShortTitle, t.Lang, a.Figures, false))
	}
	v.Table.Rows = append(v.Table.Rows, row(loc.T("progress_whole_plan", nil), lang, rep.Figures, true))
	for i, a := range rep.Overdue {
		if i == overdueLimit {
			v.OverdueMore = loc.N("progress_overdue_more", len(rep.Overdue)-overdueLimit, nil)
			break
		}
		v.Overdue = append(v.Overdue, r.overdueItem(lang, a))
	}
	v.Countries = r.countryTable(lang, rep)
	return v
}

// countryTable is each country's part, by localized name in the reader's
// alphabetical order (CLDR collation: "Émirats" sorts with E, Arabic
// names by the Arabic alphabet).
func (r *Renderer) countryTable(lang string, rep progress.Report) CountryTable {
	loc := r.locs[lang]
	t := CountryTable{Caption: loc.T("progress_countries_caption", nil),
		Head: []string{loc.T("progress_col_country", nil), loc.T("progress_col_provided", nil), loc.T("progress_col_took_part", nil)}}
	for _, c := range rep.ByCountry {
		t.Rows = append(t.Rows, CountryRow{Name: loc.Country(c.Code), Provided: loc.Number(len(c.Provided)), Participated: loc.Number(len(c.Participated))})
	}
	col := collate.New(language.Make(lang))
	slices.SortStableFunc(t.Rows, func(a, b CountryRow) int { return col.CompareString(a.Name, b.Name) })
	return t
}

func (r *Renderer) overdueItem(lang string, a *content.Activity) OverdueItem {
	loc := r.locs[lang]
	t, _ := r.cat.Text(a.Texts, lang)
	return OverdueItem{
		Href: assemble.ActivityPath(lang, a.ID), Label: r.label(lang, a),
		Title: isolate(t.Title, l10n.Dir(t.Lang) == "rtl"), Lang: t.Lang, Dir: l10n.Dir(t.Lang),
		When: loc.Schedule(a.Schedule, a.ScheduleTBC), Status: loc.T(a.Status.Message(), nil),
	}
}

// reportPage is the printable progress report of plan p: the summary
// figures, then one table per area listing every activity (number,
// activity, planned schedule, actual dates, providers, participants,
// countries, status, remarks), as a secretariat reports to the biennial
// meeting.
func (r *Renderer) reportPage(lang string, p *content.Plan) *Page {
	loc := r.locs[lang]
	rep := progress.Of(r.cat, p)
	title := loc.T("report_title", map[string]any{"Plan": r.planTitle(lang, p)})
	pg := r.page(lang, title, loc.T("report_intro", nil), func(l string) string { return assemble.PlanReportPath(l, p.ID) })
	r.inPlan(pg, lang, p)
	pg.Crumbs = r.planCrumbs(lang, p, Link{Text: loc.T("report_crumb", nil), Current: true})
	v := r.progressView(lang, p, rep)
	v.Overdue, v.OverdueMore = nil, ""
	for _, a := range rep.Overdue {
		v.Overdue = append(v.Overdue, r.overdueItem(lang, a))
	}
	for _, a := range rep.Areas {
		t, _ := r.cat.Text(a.Area.Texts, lang)
		ra := ReportArea{
			Heading: loc.T("report_area_heading", map[string]any{"Number": loc.Number(a.Area.Number), "Area": t.Title}),
			Lang:    t.Lang, Dir: l10n.Dir(t.Lang),
		}
		if len(a.Activities) == 0 {
			ra.Empty = loc.N("activities_count", 0, nil)
		}
		for _, act := range a.Activities {
			ra.Rows = append(ra.Rows, r.reportRow(lang, act))
		}
		v.Areas = append(v.Areas, ra)
	}
	pg.Progress = v
	return pg
}

func (r *Renderer) reportRow(lang string, a *content.Activity) ReportRow {
	loc := r.locs[lang]
	rtl := l10n.Dir(lang) == "rtl"
	t, _ := r.cat.Text(a.Texts, lang)
	row := ReportRow{
		Number: loc.T("report_number", map[string]any{"Area": loc.Number(r.cat.AreaOf(a).Number), "Number": loc.Number(a.Number)}),
		Title:  isolate(t.Title, l10n.Dir(t.Lang) == "rtl"), Lang: t.Lang, Dir: l10n.Dir(t.Lang),
		Planned: loc.Schedule(a.Schedule, a.ScheduleTBC), Status: loc.T(a.Status.Message(), nil), StatusKey: string(a.Status),
		RemarksLang: lang, RemarksDir: l10n.Dir(lang),
	}
	if a.OriginalSchedule.Precision != schedule.Undetermined {
		row.Planned = loc.T("report_rescheduled", map[string]any{"Original": loc.Schedule(a.OriginalSchedule, false), "New": row.Planned})
	}
	var providers []string
	for _, p := range a.Providers {
		providers = append(providers, loc.Country(p.Country))
	}
	row.Providers = joinNames(loc, providers)
	o := a.Outcome
	if a.Status == content.StatusCompleted {
		row.Held = loc.Schedule(o.Held, false)
		if o.Participants > 0 {
			row.Parts = loc.Number(o.Participants)
		}
		var names []string
		for _, c := range o.Countries {
			names = append(names, loc.Country(c))
		}
		row.Countries = joinNames(loc, names)
	}
	switch {
	case t.Outcome != "" && a.Status == content.StatusCompleted:
		row.Remarks, row.RemarksLang, row.RemarksDir = isolate(t.Outcome, l10n.Dir(t.Lang) == "rtl"), t.Lang, l10n.Dir(t.Lang)
	case t.Reason != "":
		row.Remarks, row.RemarksLang, row.RemarksDir = isolate(t.Reason, l10n.Dir(t.Lang) == "rtl"), t.Lang, l10n.Dir(t.Lang)
	case r.cat.Overdue(a):
		row.Remarks = isolate(loc.T("report_overdue", nil), rtl)
	}
	return row
}

// joinNames lists names with the language's separator ("، " in Arabic).
func joinNames(loc *l10n.Localizer, names []string) string {
	return strings.Join(names, loc.T("list_separator", nil))
}
