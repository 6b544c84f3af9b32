package content

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// planPattern is a plan id: its period, first and last year.
var planPattern = regexp.MustCompile(`^([0-9]{4})-([0-9]{4})$`)

// PlanPeriod returns the years of a plan id ("2024-2026": 2024, 2026), or
// false when id is not a period whose first year is not after the last.
func PlanPeriod(id string) (first, last int, ok bool) {
	m := planPattern.FindStringSubmatch(id)
	if m == nil {
		return 0, 0, false
	}
	first, _ = strconv.Atoi(m[1])
	last, _ = strconv.Atoi(m[2])
	return first, last, first <= last
}

const planHint = "a plan's folder is named after its period, first and last year, such as plans/2024-2026"

// planFile loads plans/<id>/plan.yaml and the plan's texts
// plans/<id>/_index.<lang>.md.
func (l *loader) planFile(name string) bool {
	parts := strings.Split(name, "/")
	if len(parts) != 3 || parts[0] != "plans" || !l.known(name) {
		return false
	}
	dir, id := path.Dir(name), parts[1]
	if parts[2] != "plan.yaml" {
		l.textFile(name, dir, "_index", planText)
		return true
	}
	d, root, ok := l.readYAML(name)
	if !ok {
		l.broken[dir] = true
		return true
	}
	first, last, ok := PlanPeriod(id)
	if !ok {
		l.problems.Errorf(d.file, diag.Pos{Line: 1, Col: 1}, "the plan folder name %q is not a period: %s; rename the folder", id, planHint)
		l.broken[dir] = true
		return true
	}
	p := &Plan{ID: id, File: d.file,
		Starts: time.Date(first, 1, 1, 0, 0, 0, 0, time.UTC),
		Ends:   time.Date(last, 12, 31, 0, 0, 0, 0, time.UTC)}
	fields{d: d, required: []string{"status"}, handlers: map[string]func(ast.Node){
		"status":  func(n ast.Node) { p.Status = oneOf(d, n, "status", PlanDraft, PlanCurrent, PlanArchived) },
		"starts":  func(n ast.Node) { p.Starts = inPeriod(d, n, "starts", first, last, p.Starts) },
		"ends":    func(n ast.Node) { p.Ends = inPeriod(d, n, "ends", first, last, p.Ends) },
		"adopted": func(n ast.Node) { p.Adopted = decodeDate(d, n, "adopted") },
	}}.decode(root, "plan.yaml")
	if p.Ends.Before(p.Starts) {
		d.errorf(valueOf(root, "ends"), "the plan ends (%s) before it starts (%s): correct \"starts\" or \"ends\"", p.Ends.Format(time.DateOnly), p.Starts.Format(time.DateOnly))
	}
	l.pos[p] = map[string]diag.Pos{"status": d.pos(valueOf(root, "status"))}
	l.plans[id] = p
	l.planDirs[dir] = p
	l.site.Plans = append(l.site.Plans, p)
	return true
}

// inPeriod decodes a date that must fall in the years first…last of the
// plan's id; else it reports why and returns def.
func inPeriod(d *decoder, n ast.Node, key string, first, last int, def time.Time) time.Time {
	t := decodeDate(d, n, key)
	if t.IsZero() {
		return def
	}
	if t.Year() < first || t.Year() > last {
		d.errorf(n, "%q is %s, outside the years %d–%d the plan's folder name gives: correct the date, or rename the folder", key, t.Format(time.DateOnly), first, last)
		return def
	}
	return t
}

// checkPlans requires at least one plan and exactly one current one, and
// a plan.yaml in every plan folder that holds areas.
func (l *loader) checkPlans() {
	reported := map[string]bool{}
	for _, a := range l.sortedAreas() {
		dir := path.Join("plans", a.Plan)
		if l.plans[a.Plan] == nil && !l.broken[dir] && !reported[dir] {
			reported[dir] = true
			l.problems.Errorf(a.File, diag.Pos{Line: 1, Col: 1}, "the plan folder %s has areas but no plan.yaml: add %s with the plan's status (draft, current or archived)",
				diag.Name(l.show(dir)), diag.Name(l.show(path.Join(dir, "plan.yaml"))))
		}
	}
	if len(l.plans) == 0 {
		if !l.anyPlanBroken() {
			l.problems.Errorf(l.show("plans"), diag.Pos{}, "there is no work plan: add plans/<period>/plan.yaml (%s) with \"status: current\"", planHint)
		}
		return
	}
	var current []*Plan
	for _, p := range l.sortedPlans() {
		if p.Status == PlanCurrent {
			current = append(current, p)
		}
	}
	switch {
	case len(current) > 1:
		for _, p := range current[1:] {
			l.problems.Errorf(p.File, l.pos[p]["status"], "two plans are current, %s and %s: exactly one plan is current; set the other to \"archived\" (it ended) or \"draft\" (not adopted yet)", current[0].ID, p.ID)
		}
	case len(current) == 0 && !l.anyPlanBroken():
		p := l.sortedPlans()[len(l.plans)-1]
		l.problems.Errorf(p.File, l.pos[p]["status"], "no plan is current: set \"status: current\" in the plan.yaml of the plan in force (the home page presents it)")
	}
}

func (l *loader) anyPlanBroken() bool {
	for dir := range l.broken {
		if strings.HasPrefix(dir, "plans/") && strings.Count(dir, "/") == 1 {
			return true
		}
	}
	return false
}

func (l *loader) sortedAreas() []*Area {
	out := slices.Clone(l.site.Areas)
	slices.SortFunc(out, func(a, b *Area) int { return strings.Compare(a.File, b.File) })
	return out
}

func (l *loader) sortedPlans() []*Plan {
	out := slices.Clone(l.site.Plans)
	slices.SortFunc(out, func(a, b *Plan) int { return strings.Compare(a.ID, b.ID) })
	return out
}

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// checkReferences checks each activity's plan and area, and that its dates
// fall within its plan's period.
func (l *loader) checkReferences() {
	for _, a := range l.sortedByFile() {
		if a.Plan == "" {
			continue // missing: reported by the decoder
		}
		p := l.plans[a.Plan]
		if p == nil {
			if !l.broken[path.Join("plans", a.Plan)] {
				l.problems.Errorf(a.File, l.pos[a]["plan"], "unknown plan %q: use one of %s (the folders of %s)", a.Plan, l.planList(), l.show("plans"))
			}
			a.Plan, a.Area = "", ""
			continue
		}
		if a.Area != "" && l.areas[areaDir(a.Plan, a.Area)] == nil {
			if !l.broken[areaDir(a.Plan, a.Area)] {
				l.problems.Errorf(a.File, l.pos[a]["area"], "unknown area %q in plan %s: use one of %s (the folders of %s)",
					a.Area, a.Plan, l.areaList(a.Plan), l.show(path.Join("plans", a.Plan, "areas")))
			}
			a.Area = ""
		}
		if h := a.Outcome.Held; h.Precision != schedule.Undetermined && (h.First.Before(p.Starts) || h.Last.After(p.Ends)) {
			l.problems.Errorf(a.File, l.pos[a]["held"], "the days it was held fall outside plan %s, which covers %s to %s: check the dates",
				p.ID, p.Starts.Format(time.DateOnly), p.Ends.Format(time.DateOnly))
		}
		if o := a.OriginalSchedule; o.Precision != schedule.Undetermined && (o.First.Before(p.Starts) || o.Last.After(p.Ends)) {
			l.problems.Errorf(a.File, l.pos[a]["original_schedule"], "the original schedule falls outside plan %s, which covers %s to %s: check the dates",
				p.ID, p.Starts.Format(time.DateOnly), p.Ends.Format(time.DateOnly))
		}
		s := a.Schedule
		if s.Precision != schedule.Undetermined && (s.First.Before(p.Starts) || s.Last.After(p.Ends)) {
			l.problems.Errorf(a.File, l.pos[a]["schedule"], "the schedule falls outside plan %s, which covers %s to %s: correct the dates, or move the activity to the plan that covers them (%s)",
				p.ID, p.Starts.Format(time.DateOnly), p.Ends.Format(time.DateOnly), l.coveringPlan(a, p))
		}
	}
}

// coveringPlan names the plan whose period holds a's dates, if any.
func (l *loader) coveringPlan(a *Activity, not *Plan) string {
	for _, p := range l.sortedPlans() {
		if p != not && !a.Schedule.First.Before(p.Starts) && !a.Schedule.Last.After(p.Ends) {
			return fmt.Sprintf("\"plan: %s\"", p.ID)
		}
	}
	return "no plan covers them yet"
}

func (l *loader) planList() string {
	ids := mapKeys(l.plans)
	if len(ids) == 0 {
		return "none yet"
	}
	return strings.Join(ids, ", ")
}

func (l *loader) areaList(plan string) string {
	var ids []string
	for _, a := range l.areas {
		if a.Plan == plan {
			ids = append(ids, a.ID)
		}
	}
	if len(ids) == 0 {
		return "none yet"
	}
	slices.Sort(ids)
	return strings.Join(ids, ", ")
}
