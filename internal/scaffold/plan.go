package scaffold

import (
	"fmt"
	"github.com/oic-pesnet/workplan/internal/cms"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/oic-pesnet/workplan/internal/content"
)

// PlanRequest describes the work plan to create.
type PlanRequest struct {
	// Period is the new plan's id, its first and last year: "2027-2028".
	Period string
	// From is the plan whose texts and areas are carried over; default
	// the current plan.
	From string
	// Areas are the ids of From's areas to carry over, in any order; nil
	// carries every area over. NoAreas carries none.
	Areas   []string
	NoAreas bool
}

// Plan creates content/plans/<period>/ in the project folder dir, a draft
// drawn from another plan (see the package doc), and returns the files
// written, relative to dir.
func Plan(dir string, req PlanRequest) ([]string, error) {
	p, err := open(dir)
	if err != nil {
		return nil, err
	}
	if req.From == "" {
		req.From = p.current()
	}
	if err := p.checkPeriod(req.Period); err != nil {
		return nil, err
	}
	if err := p.checkPlan(req.From); err != nil {
		return nil, fmt.Errorf("--from: %w", err)
	}
	areas, err := p.carried(req)
	if err != nil {
		return nil, err
	}
	from := p.cat.Plan(req.From)
	files := map[string]string{"plan.yaml": planFacts(req.Period, from.ID)}
	for lang, t := range from.Texts {
		files["_index."+lang+".md"] = carriedText(t, from.ID, req.Period, false)
	}
	for i, a := range areas {
		dir := path.Join("areas", a.ID)
		files[path.Join(dir, "area.yaml")] = areaFacts(req.Period, from.ID, i+1, a.Number)
		for lang, t := range a.Texts {
			files[path.Join(dir, "_index."+lang+".md")] = carriedText(t, from.ID, req.Period, true)
		}
	}
	written, err := write(dir, path.Join("content", "plans"), req.Period, files)
	if err != nil {
		return written, err
	}
	// The browser editor offers the plans and their areas: its form
	// follows, so that the draft can be written in it at once.
	updated, err := cms.Update(dir)
	if updated {
		written = append(written, cms.File)
	}
	return written, err
}

// checkPeriod requires a well-formed period that no plan has yet.
func (p *project) checkPeriod(period string) error {
	first, last, ok := content.PlanPeriod(period)
	switch {
	case !ok && first > last:
		return fmt.Errorf("%q is not a period: the first year comes first, such as %d-%d", period, last, first)
	case !ok:
		return fmt.Errorf("%q is not a period: write the plan's first and last year joined by a hyphen, such as 2027-2028", period)
	case p.cat.Plan(period) != nil:
		return fmt.Errorf("plan %s already exists (content/plans/%s): choose another period, or edit that plan", period, period)
	}
	if _, err := os.Stat(filepath.Join(p.dir, "content", "plans", period)); err == nil {
		return fmt.Errorf("content/plans/%s already exists: choose another period, or edit or remove that folder", period)
	}
	return nil
}

// carried returns the areas of req.From that the new plan carries over,
// in From's order.
func (p *project) carried(req PlanRequest) ([]*content.Area, error) {
	all := p.cat.PlanAreas(req.From)
	switch {
	case req.NoAreas && len(req.Areas) > 0:
		return nil, fmt.Errorf("choose the areas to carry over (--areas) or none (--no-areas), not both")
	case req.NoAreas:
		return nil, nil
	case req.Areas == nil:
		return all, nil
	}
	for _, id := range req.Areas {
		if err := p.checkArea(req.From, id); err != nil {
			return nil, fmt.Errorf("--areas: %w", err)
		}
	}
	var out []*content.Area
	for _, a := range all {
		if slices.Contains(req.Areas, a.ID) {
			out = append(out, a)
		}
	}
	return out, nil
}

// planFacts is the new plan.yaml, commented as the editors' plans are.
func planFacts(period, from string) string {
	first, last, _ := content.PlanPeriod(period)
	return fmt.Sprintf(`# The %d–%d work plan of OIC-PESNET: a draft, started from plan %s by
# "pesnet new plan" (its texts are marked "unreviewed: true" until rewritten).
#
# status: draft (published for consultation, kept out of feeds, data and
# search engines), current (the plan in force; exactly one plan is) or
# archived (ended; kept as the record of what was done).
# Once it is adopted: "status: current" here and "status: archived" in the
# plan it replaces, in the same pull request, and "adopted: YYYY-MM-DD"
# (with "adopted_at" in each language's text).
# The plan covers the years of its folder's name (%d-01-01 to %d-12-31)
# unless "starts" or "ends" say otherwise.
status: draft
# starts: %d-01-01
# ends: %d-12-31
# adopted: YYYY-MM-DD
`, first, last, from, first, last, first, last)
}

// areaFacts is a carried-over area's area.yaml.
func areaFacts(period, from string, number, was int) string {
	note := ""
	if number != was {
		note = fmt.Sprintf(" (it was %d in plan %s)", was, from)
	}
	return fmt.Sprintf("number: %d   # the area's number in plan %s%s\n", number, period, note)
}

// carriedText is a text of plan from rewritten for the new plan: its
// period's years replaced, the meeting that adopted the old plan dropped,
// and marked for review.
func carriedText(t *content.Text, from, period string, area bool) string {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", quote(renamePeriod(t.Title, from, period)))
	if area && t.ShortTitle != t.Title {
		fmt.Fprintf(&b, "short_title: %s\n", quote(renamePeriod(t.ShortTitle, from, period)))
	}
	fmt.Fprintf(&b, "summary: %s\n", quote(renamePeriod(t.Summary, from, period)))
	fmt.Fprintf(&b, "unreviewed: true   # copied from plan %s: rewrite it for plan %s, then delete this line\n", from, period)
	b.WriteString("---\n")
	b.WriteString(renamePeriod(string(t.Body), from, period))
	return b.String()
}

// renamePeriod replaces plan from's period in s by the new one, written
// with a hyphen or an en dash as s writes it.
func renamePeriod(s, from, period string) string {
	dashed := func(id string) string { return strings.Replace(id, "-", "–", 1) }
	return strings.NewReplacer(from, period, dashed(from), dashed(period)).Replace(s)
}

// quote writes s as a YAML double-quoted scalar. Go's quoting is valid
// YAML: every escape it writes (\", \\, \n, \t, \xXX, \uXXXX, \UXXXXXXXX…)
// is one of YAML's, and it leaves printable text, Arabic included, as is.
func quote(s string) string { return fmt.Sprintf("%q", s) }
