// Package check is `pesnet check`: everything a build validates, without
// writing anything, plus what only a finished site shows.
//
// It builds the project without writing it (so every content, layout and
// i18n problem is reported exactly as by build), checks each output file
// as it is made and keeps only what the link check needs (paths, element
// ids, link values: not the site), then checks the links: every
// internal link and #anchor resolves, every HTML page is well-formed (every
// non-void element closed, in order), every calendar feed decodes, every
// JSON and XML document parses. It also reports, per language, the pages
// that lack a translation (warnings) and those whose translation still
// carries the "unreviewed" mark (notes), and flags the "TODO" placeholders
// that `pesnet new` leaves in the files it scaffolds (warnings), and the
// forms the network's glossary (i18n/glossary.toml) lists as to avoid in a
// text or an interface string, each at its file:line:col with the form to
// write instead (warnings; see terms and package glossary). Per work
// plan it lists what remains to write: texts still marked for review,
// missing translations, placeholders and areas without activities, in full
// for a draft plan (see PlanTodo for which are notes and which warnings,
// and why a draft in progress passes --strict).
//
// Human renders the findings for people (grouped by file, with a summary),
// GitHub as GitHub Actions annotations. Strict mode turns warnings into
// errors.
//
// What the editor changed comes first. Changed asks git (when it is
// installed and the project is in a work tree with a main or origin/main
// branch) which files under content/ and i18n/ differ from the main branch:
// committed on the branch since the merge base, staged, unstaged or
// untracked. With Result.Changes set, the human report lists the problems
// of those files under "Your changes", then the others (such as the "date
// passed" notes of the whole catalog) under "Elsewhere", each part opening
// with one line per kind of problem ("16 notes: dates passed while the
// status is still planned or confirmed — set completed, postponed or
// cancelled"); the annotations keep their form, in the same order. Without
// git information the report is as before, after one line saying why.
package check

import (
	"fmt"
	"github.com/oic-pesnet/workplan/internal/cms"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/build"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
)

// Result is what a check found.
type Result struct {
	Problems *diag.List
	Files    int // output files checked
	Links    int // internal links checked
	// Translations lists, per language, the pages missing a translation
	// and those with an unreviewed one (content file paths).
	Languages  []string
	Missing    map[string][]string
	Unreviewed map[string][]string
	// Plans are the work plans' to-do lists, by period (see PlanTodo).
	Plans []PlanTodo
	// Changes are the files the editor changed, for the report to list
	// their problems first; nil when not asked (see Changed).
	Changes *Changes

	site *content.Site // the loaded content, for Sequences
}

// Run checks project.
func Run(project fs.FS) *Result {
	res := &Result{Problems: &diag.List{}, Missing: map[string][]string{}, Unreviewed: map[string][]string{}}
	out := newOutputChecker()
	b, _ := build.Build(project, build.Options{Visit: out.visit}) // each file checked as it is made, none kept
	res.Problems.Merge(b.Problems)
	if sub, err := fs.Sub(project, "content"); err == nil {
		if site, _ := content.Load(sub, "content"); site != nil {
			res.site = site
			ps := pages(site)
			res.translations(site.Config.Languages, ps)
			placeholders(ps, res.Problems)
			terms(project, site, ps, res.Problems)
			res.plans(site, ps)
			overdue(site, res.Problems)
			if bundle, p := l10n.LoadBundle(project, "i18n", site.Config.Languages); !p.HasErrors() {
				cms.Drift(project, site, bundle, res.Problems)
			}
		}
	}
	if len(out.files) > 0 {
		res.Files = len(out.files)
		res.Links = out.finish(res.Problems)
	}
	return res
}

// A page is a plan, an area or an activity, with its texts.
type page struct {
	plan  string // the plan's id
	what  string // `plan 2027-2028`, `area "lmi" of plan 2027-2028`; "" for an activity
	file  string // its facts file
	texts content.Texts
}

// pages lists the site's pages: plans, areas, then activities.
func pages(site *content.Site) []page {
	var out []page
	for _, p := range site.Plans {
		out = append(out, page{p.ID, "plan " + p.ID, p.File, p.Texts})
	}
	for _, a := range site.Areas {
		out = append(out, page{a.Plan, fmt.Sprintf("area %q of plan %s", a.ID, a.Plan), a.File, a.Texts})
	}
	for _, a := range site.Activities {
		out = append(out, page{a.Plan, "", a.File, a.Texts})
	}
	return out
}

// translations lists missing and unreviewed translations per language.
func (r *Result) translations(langs []string, pages []page) {
	r.Languages = langs
	for _, p := range pages {
		for _, lang := range langs {
			switch t := p.texts[lang]; {
			case t == nil:
				r.Missing[lang] = append(r.Missing[lang], p.file)
			case t.Unreviewed:
				r.Unreviewed[lang] = append(r.Unreviewed[lang], t.File)
			}
		}
	}
	for _, m := range []map[string][]string{r.Missing, r.Unreviewed} {
		for lang := range m {
			slices.Sort(m[lang])
		}
	}
}

// overdue notes the activities whose dates have passed (as of the date
// the content describes, assemble.Catalog.AsOf) while their status is
// still planned or confirmed: the list of what to update, each at the line
// to change.
func overdue(site *content.Site, problems *diag.List) {
	cat := assemble.New(site)
	for _, a := range site.Activities {
		if !cat.Overdue(a) {
			continue
		}
		pos, change := a.StatusAt, fmt.Sprintf("change \"status: %s\" here", a.Status)
		if pos.Line == 0 {
			pos, change = diag.Pos{Line: 1, Col: 1}, "add a status line"
		}
		problems.Add(diag.Diagnostic{File: a.File, Pos: pos, Severity: diag.Note,
			Message: fmt.Sprintf("to update: the dates of %q (%s) have passed (content as of %s) but its status is still %q: %s to completed (with \"held:\" and the actual days), postponed or cancelled (with a reason); the site shows \"date passed, status not yet updated\" until then",
				a.ID, a.Schedule.Notation, cat.AsOf.Format("2006-01-02"), a.Status, change)})
	}
}

// placeholders flags the "TODO" markers of scaffolded files.
func placeholders(pages []page, problems *diag.List) {
	for _, p := range pages {
		for _, lang := range slices.Sorted(maps.Keys(p.texts)) {
			t := p.texts[lang]
			for _, field := range []struct{ name, value string }{{"title", t.Title}, {"summary", t.Summary}} {
				if strings.Contains(field.value, "TODO") {
					problems.Warnf(t.File, diag.Pos{Line: 1, Col: 1}, "the %s is still a placeholder (%q): write the real %s", field.name, field.value, field.name)
				}
			}
			for i, line := range strings.Split(string(t.Body), "\n") {
				if col := strings.Index(line, "TODO"); col >= 0 {
					problems.Warnf(t.File, diag.Pos{Line: t.BodyLine + i, Col: 1 + len([]rune(line[:col]))}, "placeholder text left in the description: replace it")
				}
			}
		}
	}
}

// hasPlaceholder reports whether t holds a "TODO" placeholder.
func hasPlaceholder(t *content.Text) bool {
	return strings.Contains(t.Title, "TODO") || strings.Contains(t.Summary, "TODO") || strings.Contains(string(t.Body), "TODO")
}
