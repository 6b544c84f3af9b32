package progress_test

import (
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/progress"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

func catalog(t *testing.T, project fstest.MapFS) *assemble.Catalog {
	t.Helper()
	sub, _ := fs.Sub(project, "content")
	site, problems := content.Load(sub, "content")
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	return assemble.New(site)
}

type summary struct {
	Counts       progress.Counts
	Percent      int
	Participants int
	Institutions int
	Countries    []string
	Overdue      []string
}

func summarize(f progress.Figures) summary {
	s := summary{Counts: f.Counts, Percent: f.Percent(), Participants: f.Participants, Institutions: f.Institutions, Countries: f.Countries}
	for _, a := range f.Overdue {
		s.Overdue = append(s.Overdue, a.ID)
	}
	return s
}

// TestFixtureProgress checks the figures of the fixture's plan, as of its
// site.yaml date (2025-06-30): five activities, one completed.
func TestFixtureProgress(t *testing.T) {
	cat := catalog(t, testproject.FS(t))
	r := progress.Of(cat, cat.Plan("2025-2026"))
	if want := time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC); !r.AsOf.Equal(want) {
		t.Errorf("as of %v, want %v", r.AsOf, want)
	}
	got := map[string]summary{"": summarize(r.Figures)}
	for _, a := range r.Areas {
		got[a.Area.ID] = summarize(a.Figures)
	}
	want := map[string]summary{
		"": {Counts: progress.Counts{Total: 5, Planned: 2, Confirmed: 1, Completed: 1, Postponed: 1}, Percent: 20,
			Participants: 38, Institutions: 14, Countries: []string{"CI", "MA", "SN", "TN"}, Overdue: []string{"lmis-training"}},
		"lmi": {Counts: progress.Counts{Total: 2, Planned: 1, Confirmed: 1}, Overdue: []string{"lmis-training"}},
		"youth-neet": {Counts: progress.Counts{Total: 3, Planned: 1, Completed: 1, Postponed: 1}, Percent: 33,
			Participants: 38, Institutions: 14, Countries: []string{"CI", "MA", "SN", "TN"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("figures differ (-want +got):\n%s", diff)
	}
}

// TestAsOfFollowsContent checks that the "as of" date is the latest date
// the content gives (an activity's "updated" after site.yaml's), and that
// overdue follows it: the confirmed webinar of 16 September 2025 is overdue
// once the content describes 1 October 2025.
func TestAsOfFollowsContent(t *testing.T) {
	project := testproject.FS(t)
	f := project["content/activities/neet-readiness/activity.yaml"]
	f.Data = append(append([]byte{}, f.Data...), "updated: 2025-10-01\n"...)
	cat := catalog(t, project)
	r := progress.Of(cat, cat.Plan("2025-2026"))
	if want := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC); !r.AsOf.Equal(want) {
		t.Errorf("as of %v, want %v", r.AsOf, want)
	}
	if got := summarize(r.Figures).Overdue; !cmp.Equal(got, []string{"lmis-training", "lmi-webinar"}) {
		t.Errorf("overdue %v, want lmis-training and lmi-webinar", got)
	}
}

// TestPercentRoundsDown checks the share realized on edge cases.
func TestPercentRoundsDown(t *testing.T) {
	for _, tt := range []struct{ completed, total, want int }{{0, 0, 0}, {0, 3, 0}, {1, 3, 33}, {2, 3, 66}, {199, 200, 99}, {3, 3, 100}} {
		if got := (progress.Counts{Total: tt.total, Completed: tt.completed}).Percent(); got != tt.want {
			t.Errorf("%d of %d: %d %%, want %d %%", tt.completed, tt.total, got, tt.want)
		}
	}
}

// TestPlansAreSeparate checks that each plan counts its own activities,
// draft and archived alike.
func TestPlansAreSeparate(t *testing.T) {
	cat := catalog(t, testproject.FS(t, testproject.Plans(t)))
	for plan, want := range map[string]progress.Counts{
		"2023-2024": {Total: 2, Completed: 2},
		"2025-2026": {Total: 5, Planned: 2, Confirmed: 1, Completed: 1, Postponed: 1},
		"2027-2028": {Total: 1, Planned: 1},
	} {
		if got := progress.Of(cat, cat.Plan(plan)).Counts; got != want {
			t.Errorf("%s: %+v, want %+v", plan, got, want)
		}
	}
	if got := progress.Of(cat, cat.Plan("2023-2024")); got.Participants != 86 || got.Percent() != 100 || !cmp.Equal(got.Countries, []string{"AZ", "MY", "TR"}) {
		t.Errorf("2023-2024: %d participants, %d %%, countries %v", got.Participants, got.Percent(), got.Countries)
	}
}

// TestByCountry checks each country's part: the activities it provides and
// the completed ones it took part in.
func TestByCountry(t *testing.T) {
	cat := catalog(t, testproject.FS(t))
	got := map[string][2]int{}
	for _, c := range progress.Of(cat, cat.Plan("2025-2026")).ByCountry {
		got[c.Code] = [2]int{len(c.Provided), len(c.Participated)}
	}
	want := map[string][2]int{"AZ": {1, 0}, "MY": {2, 0}, "TR": {2, 0}, "SN": {1, 1}, "MA": {1, 1}, "CI": {0, 1}, "TN": {0, 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("countries differ (-want +got):\n%s", diff)
	}
}
