package check

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
)

// PlanTodo is what remains to write in one work plan: the summary check
// gives per plan, in full for a draft.
//
// A draft plan is work in progress by definition, published for
// consultation with a "draft" mark and kept out of feeds, data and search
// engines, and editors merge it step by step. So what a draft still lacks
// is reported as notes, which --strict does not turn into errors: its
// plan and area texts still marked "unreviewed: true" (`pesnet new plan`
// marks every text it copies) and its areas without activities. The gate
// is the change of status: in a current or archived plan, a plan or area
// text in the default language still marked for review is a warning (an
// error with --strict), so a plan cannot become current with texts nobody
// rewrote for it. Missing translations and placeholders are warnings in
// every plan, as before: they show on the pages.
type PlanTodo struct {
	ID     string
	Status content.PlanStatus
	// Unreviewed are the text files of the plan, its areas and its
	// activities still marked "unreviewed: true".
	Unreviewed []string
	// Missing are the plan's pages without a text in some language, as
	// "<facts file> (<lang>)".
	Missing []string
	// Placeholders are the text files still holding "TODO".
	Placeholders []string
	// EmptyAreas are the ids of the plan's areas with no activity yet.
	EmptyAreas []string
}

// plans makes the per-plan to-do lists, and reports what a draft still
// lacks (notes) and a published plan's texts left for review (warnings).
func (r *Result) plans(site *content.Site, pages []page) {
	byID := map[string]*PlanTodo{}
	for _, p := range site.Plans {
		r.Plans = append(r.Plans, PlanTodo{ID: p.ID, Status: p.Status})
	}
	for i := range r.Plans {
		byID[r.Plans[i].ID] = &r.Plans[i]
	}
	def := site.Config.Default()
	for _, pg := range pages {
		todo := byID[pg.plan]
		if todo == nil {
			continue
		}
		for _, lang := range site.Config.Languages {
			t := pg.texts[lang]
			switch {
			case t == nil:
				todo.Missing = append(todo.Missing, fmt.Sprintf("%s (%s)", pg.file, lang))
				continue
			case t.Unreviewed:
				todo.Unreviewed = append(todo.Unreviewed, t.File)
				if pg.what != "" {
					reviewDue(r.Problems, todo, pg.what, t, lang == def)
				}
			}
			if hasPlaceholder(t) {
				todo.Placeholders = append(todo.Placeholders, t.File)
			}
		}
	}
	r.emptyAreas(site, byID)
	for i := range r.Plans {
		for _, l := range [][]string{r.Plans[i].Unreviewed, r.Plans[i].Missing, r.Plans[i].Placeholders} {
			slices.Sort(l)
		}
	}
}

// reviewDue reports a plan or area text (what) still marked for review:
// a note in a draft plan, a warning in another plan's default language.
func reviewDue(problems *diag.List, todo *PlanTodo, what string, t *content.Text, source bool) {
	switch {
	case todo.Status == content.PlanDraft:
		problems.Add(diag.Diagnostic{File: t.File, Pos: diag.Pos{Line: 1, Col: 1}, Severity: diag.Note,
			Message: fmt.Sprintf("the text of %s, a draft, is still to review (\"unreviewed: true\"): rewrite or review it for this plan, then delete that line", what)})
	case source:
		problems.Warnf(t.File, diag.Pos{Line: 1, Col: 1}, "the %q text of %s, which is %s, is still marked for review (\"unreviewed: true\"): review it (it may still be a previous plan's text), then delete that line; only a draft plan's texts may wait for review", t.Lang, what, todo.Status)
	}
}

// emptyAreas lists each plan's areas without activities, and notes those
// of drafts (and a draft without areas).
func (r *Result) emptyAreas(site *content.Site, byID map[string]*PlanTodo) {
	cat := assemble.New(site)
	for _, p := range site.Plans {
		todo, areas := byID[p.ID], cat.PlanAreas(p.ID)
		for _, a := range areas {
			if slices.ContainsFunc(cat.InPlan(p.ID), func(act *content.Activity) bool { return act.Area == a.ID }) {
				continue
			}
			todo.EmptyAreas = append(todo.EmptyAreas, a.ID)
			if p.Status == content.PlanDraft {
				r.Problems.Add(diag.Diagnostic{File: a.File, Pos: diag.Pos{Line: 1, Col: 1}, Severity: diag.Note,
					Message: fmt.Sprintf("area %q of draft plan %s has no activities yet: add them with \"pesnet new activity --plan %s --area %s\"", a.ID, p.ID, p.ID, a.ID)})
			}
		}
		if len(areas) == 0 && p.Status == content.PlanDraft {
			r.Problems.Add(diag.Diagnostic{File: p.File, Pos: diag.Pos{Line: 1, Col: 1}, Severity: diag.Note,
				Message: fmt.Sprintf("draft plan %s has no areas yet: add content/plans/%s/areas/<area>/ with area.yaml and a text per language", p.ID, p.ID)})
		}
	}
}

// humanPlans writes the per-plan summary: one line per plan, and for a
// draft the list of what remains to write.
func (r *Result) humanPlans(w io.Writer) {
	if len(r.Plans) == 0 {
		return
	}
	fmt.Fprintln(w, "\nWork plans:")
	for _, p := range r.Plans {
		counts := fmt.Sprintf("%s, %s, %s, %s",
			plural(len(p.Unreviewed), "text")+" to review", plural(len(p.Missing), "missing translation"),
			plural(len(p.Placeholders), "placeholder"), plural(len(p.EmptyAreas), "area")+" without activities")
		if p.Status != content.PlanDraft {
			fmt.Fprintf(w, "  %s (%s): %s\n", p.ID, p.Status, counts)
			continue
		}
		if len(p.Unreviewed)+len(p.Missing)+len(p.Placeholders)+len(p.EmptyAreas) == 0 {
			fmt.Fprintf(w, "  %s (draft): nothing left to write; adopted? see README, \"Work plans: the life cycle\"\n", p.ID)
			continue
		}
		fmt.Fprintf(w, "  %s (draft), what remains to write: %s\n", p.ID, counts)
		list(w, "texts to review (\"unreviewed: true\")", p.Unreviewed)
		list(w, "missing translations", p.Missing)
		list(w, "placeholders (TODO)", p.Placeholders)
		if len(p.EmptyAreas) > 0 {
			fmt.Fprintf(w, "    areas without activities: %s\n", diag.Escape(strings.Join(p.EmptyAreas, ", ")))
		}
	}
}

// list writes a titled list of files, if any.
func list(w io.Writer, title string, files []string) {
	if len(files) == 0 {
		return
	}
	fmt.Fprintf(w, "    %s:\n", title)
	for _, f := range files {
		fmt.Fprintf(w, "      %s\n", diag.Name(f))
	}
}
