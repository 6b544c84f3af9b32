package assemble_test

import (
	"io/fs"
	"testing"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

func catalog(t *testing.T, extra ...string) *assemble.Catalog {
	t.Helper()
	sub, _ := fs.Sub(testproject.FS(t, extra...), "content")
	site, problems := content.Load(sub, "content")
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	return assemble.New(site)
}

// TestCatalogAreas checks which version of an area the catalog shows: the
// current plan's, else the latest archived plan's; never a draft's. The
// current plan's areas come first, in its order.
func TestCatalogAreas(t *testing.T) {
	cat := catalog(t, testproject.Plans(t))
	var got []string
	for _, a := range cat.Areas {
		got = append(got, a.Plan+"/"+a.ID)
	}
	want := []string{"2025-2026/lmi", "2025-2026/youth-neet", "2023-2024/digital"}
	if len(got) != len(want) {
		t.Fatalf("areas %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("areas %v, want %v", got, want)
			break
		}
	}
	if cat.Area("green-jobs") != nil {
		t.Error("an area of a draft plan only is one of the catalog's areas")
	}
	for _, tt := range []struct {
		id, plan, area string
		published      bool
	}{
		{"lfs-workshop", "2023-2024", "2023-2024/lmi", true},
		{"lmis-training", "2025-2026", "2025-2026/lmi", true},
		{"green-skills-workshop", "2027-2028", "2027-2028/green-jobs", false},
	} {
		var a *content.Activity
		for _, x := range cat.All {
			if x.ID == tt.id {
				a = x
			}
		}
		if a == nil {
			t.Fatalf("no activity %s", tt.id)
		}
		area := cat.AreaOf(a)
		if cat.PlanOf(a).ID != tt.plan || area == nil || area.Plan+"/"+area.ID != tt.area || cat.Published(a) != tt.published {
			t.Errorf("%s: plan %s, area %v, published %v", tt.id, cat.PlanOf(a).ID, area, cat.Published(a))
		}
		all, inArea := cat.Neighbourhood(a)
		i, j := cat.Position(a)
		if all[i] != a || inArea[j] != a {
			t.Errorf("%s: Position does not index Neighbourhood", tt.id)
		}
	}
	if n := len(cat.Activities); n != 7 || len(cat.All) != 8 {
		t.Errorf("%d published of %d activities, want 7 of 8", n, len(cat.All))
	}
}

// TestAsOfIgnoresDrafts: a draft plan's activity, updated later, does not
// move the date the published catalog describes.
func TestAsOfIgnoresDrafts(t *testing.T) {
	project := testproject.FS(t, testproject.Plans(t))
	f := project["content/activities/green-skills-workshop/activity.yaml"]
	f.Data = append(append([]byte{}, f.Data...), "updated: 2027-06-01\n"...)
	sub, _ := fs.Sub(project, "content")
	site, problems := content.Load(sub, "content")
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	if got := assemble.New(site).AsOf.Format("2006-01-02"); got != "2025-06-30" {
		t.Errorf("as of %s, want site.yaml's 2025-06-30", got)
	}
}
