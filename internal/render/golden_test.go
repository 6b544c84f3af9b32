package render_test

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/render"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/* from the current layouts")

// goldenPages are the pages kept as golden files: one per page kind and
// language (home, all activities, an area, an activity, the embed
// documentation, the 404 page), the views by country, type and language,
// the root language chooser, an iframe list,
// the sitemap and robots.txt.
func goldenPages() []string {
	var pages []string
	for _, lang := range []string{"fr", "ar", "en"} {
		for _, p := range []string{"index.html", "activities/index.html", "areas/lmi/index.html",
			"activities/lmis-training/index.html", "embed/index.html", "open-data/index.html", "404.html"} {
			pages = append(pages, lang+"/"+p)
		}
	}
	// The views by country, type and language (facets.go): the hub, a
	// country with a provider to be confirmed, a type, a language with
	// interpretation only.
	for _, lang := range []string{"fr", "ar"} {
		for _, p := range []string{"browse/index.html", "countries/index.html", "countries/my/index.html",
			"types/training/index.html", "languages/ar/index.html"} {
			pages = append(pages, lang+"/"+p)
		}
	}
	return append(pages, "index.html", "embed/ar/areas/youth-neet/index.html", "sitemap.xml", "robots.txt",
		"ar/activities/neet-readiness/index.html", "fr/activities/neet-readiness/index.html", "en/activities/neet-guidance/index.html")
}

// goldenPlanPages are the pages of the fixture with three plans
// (testproject.Plans) kept as golden files, in testdata/golden/plans: the
// list of plans, a draft plan (right to left), an archived plan, a draft's
// activity, an area across plans, the home page listing the plans, the
// progress pages and reports, and the plans' full texts (documents).
var goldenPlanPages = []string{"en/plans/index.html", "ar/plans/2027-2028/index.html", "fr/plans/2023-2024/index.html",
	"fr/activities/green-skills-workshop/index.html", "en/areas/lmi/index.html", "fr/plans/2027-2028/areas/green-jobs/index.html", "ar/index.html",
	"fr/plans/2025-2026/progress/index.html", "ar/plans/2025-2026/progress/index.html", "en/plans/2025-2026/report/index.html", "ar/plans/2025-2026/report/index.html",
	"fr/plans/2025-2026/document/index.html", "ar/plans/2025-2026/document/index.html", "en/plans/2027-2028/document/index.html"}

// renderFixture renders the shared fixture site (internal/testproject),
// with the extra overlays given, with the project's real layouts and
// strings, before minification.
func renderFixture(t *testing.T, extra ...string) map[string][]byte {
	t.Helper()
	project := testproject.FS(t, extra...)
	sub, _ := fs.Sub(project, "content")
	site, problems := content.Load(sub, "content")
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	bundle, problems := l10n.LoadBundle(project, "i18n", site.Config.Languages)
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	layouts, _ := fs.Sub(project, "layouts")
	r, problems := render.New(layouts, bundle, assemble.New(site), render.Options{
		BaseURL: site.Config.BaseURL, LayoutsDir: "layouts",
		Assets: map[string]string{"css/site.css": "/css/site.0123456789.css"},
	})
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	files, problems := r.Render()
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	return out
}

// TestGolden compares each page kind with its golden file, so a change to
// a layout, a view or an interface string shows as a reviewable diff.
// After an intended change: go test ./internal/render -run TestGolden -update
// and review `git diff internal/render/testdata`.
func TestGolden(t *testing.T) {
	compareGolden(t, renderFixture(t), goldenPages(), filepath.Join("testdata", "golden"))
	compareGolden(t, renderFixture(t, testproject.Plans(t)), goldenPlanPages, filepath.Join("testdata", "golden", "plans"))
}

func compareGolden(t *testing.T, files map[string][]byte, pages []string, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		got, ok := files[p]
		if !ok {
			t.Errorf("%s is not rendered", p)
			continue
		}
		golden := filepath.Join(dir, strings.ReplaceAll(p, "/", "_"))
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/render -run TestGolden -update and review the files)", err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s differs from %s (-want +got):\n%s", p, golden, diff)
		}
	}
}
