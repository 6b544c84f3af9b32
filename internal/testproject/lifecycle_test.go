package testproject_test

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/oic-pesnet/workplan/internal/build"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// TestPlanLifeCycle walks a plan through its life by editing content
// alone, as editors do: the fixture's one plan (2025-2026, current); a
// draft of the next plan published beside it (2027-2028, with the archived
// 2023-2024 of testproject.Plans); then the draft made current and
// 2025-2026 archived. At each step the site builds without a problem, no
// file published at the step before disappears, and calendar UIDs do not
// change.
func TestPlanLifeCycle(t *testing.T) {
	one := buildFiles(t, testproject.FS(t))
	drafted := testproject.FS(t, testproject.Plans(t))
	draft := buildFiles(t, drafted)
	adopted := cloneFS(drafted)
	adopted["content/plans/2025-2026/plan.yaml"] = &fstest.MapFile{Data: []byte("status: archived\n"), Mode: 0o644}
	adopted["content/plans/2027-2028/plan.yaml"] = &fstest.MapFile{Data: []byte("status: current\nadopted: 2026-12-10\n"), Mode: 0o644}
	current := buildFiles(t, adopted)

	for _, step := range []struct {
		name          string
		before, after map[string][]byte
	}{{"publishing a draft plan", one, draft}, {"adopting the draft and archiving the old plan", draft, current}} {
		for p := range step.before {
			if _, ok := step.after[p]; !ok && !strings.HasPrefix(p, "css/") {
				t.Errorf("%s removed %s: a published address must keep answering", step.name, p)
			}
		}
	}

	// While a draft, the plan's activity has a page but no feed or event.
	const drafted1 = "green-skills-workshop"
	if _, ok := draft["fr/activities/"+drafted1+"/index.html"]; !ok {
		t.Fatal("the draft's activity has no page")
	}
	for p, data := range draft {
		if (strings.HasSuffix(p, ".ics") || p == "sitemap.xml" || strings.HasPrefix(p, "api/")) && bytes.Contains(data, []byte(drafted1)) {
			t.Errorf("%s names the draft's activity", p)
		}
	}
	// Once current, the plan is the home page, its activity in the feeds
	// and the sitemap, and the old plan's pages say it is archived.
	if !bytes.Contains(current["en/index.html"], []byte("Draft work plan 2027-2028")) {
		t.Error("the home page does not present the new current plan")
	}
	for _, p := range []string{"fr/planning.ics", "sitemap.xml", "api/v1/catalog.json"} {
		if !bytes.Contains(current[p], []byte(drafted1)) {
			t.Errorf("%s does not list the adopted plan's activity", p)
		}
	}
	for _, p := range []string{"fr/plans/2025-2026/index.html", "fr/activities/lmis-training/index.html"} {
		if !bytes.Contains(current[p], []byte("plan-banner-archived")) {
			t.Errorf("%s does not say its plan is archived", p)
		}
	}
	for _, p := range []string{"fr/plans/2027-2028/index.html", "fr/activities/" + drafted1 + "/index.html"} {
		if bytes.Contains(current[p], []byte("noindex")) || bytes.Contains(current[p], []byte("plan-banner")) {
			t.Errorf("%s still marks the adopted plan as a draft", p)
		}
	}
	// Calendar UIDs: the same activity keeps the same UID through it all.
	if a, b := uids(draft["fr/planning.ics"]), uids(current["fr/planning.ics"]); len(a) == 0 || len(slices.DeleteFunc(slices.Clone(a), func(u string) bool { return slices.Contains(b, u) })) > 0 {
		t.Errorf("UIDs changed when the plan was archived:\nbefore %v\nafter  %v", a, b)
	}
}

func buildFiles(t *testing.T, project fstest.MapFS) map[string][]byte {
	t.Helper()
	res, err := build.Build(project, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Problems.Count(diag.Warning) > 0 || res.Problems.HasErrors() {
		t.Fatalf("problems:\n%s", res.Problems)
	}
	out := map[string][]byte{}
	for _, f := range res.Files {
		out[f.Path] = f.Data
	}
	return out
}

func cloneFS(fsys fstest.MapFS) fstest.MapFS {
	out := fstest.MapFS{}
	for k, v := range fsys {
		c := *v
		out[k] = &c
	}
	return out
}

var uidLine = regexp.MustCompile(`(?m)^UID:(.*)\r$`)

func uids(ics []byte) []string {
	var out []string
	for _, m := range uidLine.FindAllSubmatch(ics, -1) {
		out = append(out, string(m[1]))
	}
	return out
}
