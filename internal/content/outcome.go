package content

import (
	"slices"

	"github.com/goccy/go-yaml/ast"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// outcomeKeys are the fields of activity.yaml that record an outcome: only
// a completed activity may have them.
var outcomeKeys = []string{"held", "held_venue", "participants", "institutions", "participating_countries", "materials", "report"}

// decodeHeld decodes the days an activity took place: exact days (or
// times), never a month or a quarter.
func decodeHeld(d *decoder, n ast.Node) schedule.Schedule {
	s := decodeScheduleKey(d, n, "held")
	switch s.Precision {
	case schedule.Day, schedule.Minute:
		return s
	case schedule.Undetermined:
		if s.Notation != "" {
			d.errorf(n, "\"held\" gives the days the activity took place: write them, such as 2025-03-10 or 2025-03-10/2025-03-12, not %q", s.Notation)
		}
	default:
		d.errorf(n, "\"held\" gives the exact days the activity took place, not %s %q: write them, such as 2025-03-10 or 2025-03-10/2025-03-12", s.Precision, s.Notation)
	}
	return schedule.Schedule{}
}

// checkOutcome applies the rules that tie the outcome to the status: a
// completed activity says when it was held; outcome fields on an activity
// that is not completed are a mistake (they would publish a result that
// did not happen).
func checkOutcome(d *decoder, root ast.Node, f *Facts) {
	pairs, ok := root.(*ast.MappingNode)
	if !ok {
		return
	}
	for _, p := range pairs.Values {
		key := p.Key.GetToken().Value
		if f.Status != StatusCompleted && f.Status != "" && slices.Contains(outcomeKeys, key) {
			d.errorf(p.Key, "%q records the outcome of a completed activity, but the status is %q: remove it, or set \"status: completed\" once the activity has taken place", key, f.Status)
		}
	}
	if f.Status == StatusCompleted && f.Outcome.Held.Precision == schedule.Undetermined && !hasKey(pairs, "held") {
		d.errorf(valueOf(root, "status"), "a completed activity says when it took place: add \"held: YYYY-MM-DD\" (or a span, such as 2025-03-10/2025-03-12) with the actual days")
	}
}

func hasKey(m *ast.MappingNode, key string) bool {
	for _, p := range m.Values {
		if p.Key.GetToken().Value == key {
			return true
		}
	}
	return false
}

// countries decodes a list of country codes, each once.
func countries(d *decoder, n ast.Node, key string) []string {
	out := []string{}
	d.list(n, key, `a list of ISO 3166-1 codes such as [MA, TR] or lines starting with "- "`, func(item ast.Node) {
		c := country(d, item, key)
		switch {
		case c == "":
		case slices.Contains(out, c):
			d.errorf(item, "country %s is listed twice in %s: keep one", c, key)
		default:
			out = append(out, c)
		}
	})
	return out
}

// links decodes a list of https links.
func links(d *decoder, n ast.Node, key string) []string {
	out := []string{}
	d.list(n, key, `a list of links, each on its own line as "  - https://…"`, func(item ast.Node) {
		if u := decodeLink(d, item, key, false); u != "" {
			out = append(out, u)
		}
	})
	return out
}

// checkOutcomeTexts ties the texts to the status as checkOutcome ties the
// facts: an outcome sentence only for a completed activity, a reason only
// for a postponed or cancelled one, and a warning when such an activity
// gives its reason in no language.
func (l *loader) checkOutcomeTexts() {
	for _, a := range l.sortedByFile() {
		postponed := a.Status == StatusPostponed || a.Status == StatusCancelled
		reasons := 0
		for _, lang := range l.site.Config.Languages {
			t := a.Texts[lang]
			if t == nil {
				continue
			}
			if t.Outcome != "" && a.Status != StatusCompleted && a.Status != "" {
				l.problems.Errorf(t.File, t.at["outcome"], "\"outcome\" tells what a completed activity achieved, but the status is %q: remove it, or set \"status: completed\" in %s", a.Status, diag.Name(a.File))
			}
			if t.Reason != "" {
				reasons++
				if !postponed && a.Status != "" {
					l.problems.Errorf(t.File, t.at["reason"], "\"reason\" explains why an activity was postponed or cancelled, but the status is %q: remove it", a.Status)
				}
			}
		}
		if postponed && reasons == 0 && len(a.Texts) > 0 {
			l.problems.Warnf(a.File, l.pos[a]["status"], "the activity is %s but no text says why: add a line \"reason: …\" to the front matter of its texts (index.%s.md)", a.Status, l.site.Config.Default())
		}
	}
}
