package render

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/corpus"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/schedule"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// TestTimelineCorpus: over a generated catalog of 2,000 activities (the
// bound itself is tested with 10,000 in TestTimelineBounded), the
// home page's timeline draws a bounded number of bars, its text
// alternative lists the drawn ones, and a row says "more" exactly when it
// does not list all its dated activities.
func TestTimelineCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 2,000 activities")
	}
	project := testproject.FS(t)
	if err := corpus.New(2000, 1).ReplaceContent(corpus.Map(project)); err != nil {
		t.Fatal(err)
	}
	sub, _ := fs.Sub(project, "content")
	site, problems := content.Load(sub, "content")
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	bundle, _ := l10n.LoadBundle(project, "i18n", site.Config.Languages)
	layouts, _ := fs.Sub(project, "layouts")
	cat := assemble.New(site)
	r, problems := New(layouts, bundle, cat, Options{BaseURL: site.Config.BaseURL, LayoutsDir: "layouts"})
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	plan := cat.Current
	areas := cat.PlanAreas(plan.ID)
	for _, lang := range cat.Languages {
		v := r.planTimeline(lang, plan, nil)
		if n := strings.Count(string(v.SVG), `class="tl-bar `); n > len(areas)*tlMaxBars {
			t.Errorf("%s: %d bars for %d areas, more than %d each", lang, n, len(areas), tlMaxBars)
		}
		if len(v.SVG) > len(areas)*tlMaxBars*1000 {
			t.Errorf("%s: the SVG is %d bytes", lang, len(v.SVG))
		}
		for i, row := range v.Rows {
			dated := 0
			for _, a := range cat.ChronologicalInPlanArea(plan.ID, areas[i].ID) {
				if a.Schedule.Precision != schedule.Undetermined {
					dated++
				}
			}
			if len(row.Entries) > tlMaxBars || len(row.Entries) > dated {
				t.Errorf("%s: row %d lists %d of its %d dated activities", lang, i, len(row.Entries), dated)
			}
			if (row.More != nil) != (dated > len(row.Entries)) {
				t.Errorf("%s: row %d lists %d of %d activities, and its \"more\" line is %v", lang, i, len(row.Entries), dated, row.More)
			}
		}
		if len(v.Unscheduled) > tlMaxBars {
			t.Errorf("%s: %d activities without a date listed", lang, len(v.Unscheduled))
		}
	}
}
