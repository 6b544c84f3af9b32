package scaffold

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/build"
	"github.com/oic-pesnet/workplan/internal/check"
	"github.com/oic-pesnet/workplan/internal/cms"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// loadPlan loads the content of dir and returns the plan id.
func loadPlan(t *testing.T, dir, id string) (*content.Site, *content.Plan) {
	t.Helper()
	site, problems := content.Load(os.DirFS(filepath.Join(dir, "content")), "content")
	if site == nil || problems.HasErrors() {
		t.Fatalf("the content does not load:\n%s", problems)
	}
	for _, p := range site.Plans {
		if p.ID == id {
			return site, p
		}
	}
	t.Fatalf("no plan %s", id)
	return nil, nil
}

// TestNewPlanPassesCheck: the next plan, drawn from the current one, is a
// draft that builds; check --strict passes, and its to-do list is exactly
// the texts to review and the areas without activities.
func TestNewPlanPassesCheck(t *testing.T) {
	dir := fixture(t)
	files, err := Plan(dir, PlanRequest{Period: "2027-2028"})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range []string{"plan.yaml", "_index.ar.md", "_index.en.md", "_index.fr.md"} {
		want = append(want, "content/plans/2027-2028/"+f)
	}
	for _, area := range []string{"lmi", "youth-neet"} {
		for _, f := range []string{"area.yaml", "_index.ar.md", "_index.en.md", "_index.fr.md"} {
			want = append(want, "content/plans/2027-2028/areas/"+area+"/"+f)
		}
	}
	slices.Sort(want)
	if strings.Join(files, "\n") != strings.Join(want, "\n") {
		t.Errorf("files:\n%s\nwant:\n%s", strings.Join(files, "\n"), strings.Join(want, "\n"))
	}

	res := check.Run(os.DirFS(dir))
	res.Strict()
	if res.Problems.HasErrors() {
		t.Fatalf("check --strict fails on the new draft plan:\n%s", res.Problems)
	}
	var texts, areas int
	for _, d := range res.Problems.Items() {
		switch {
		case !strings.HasPrefix(d.File, "content/plans/2027-2028/"):
		case strings.Contains(d.Message, ", a draft, is still to review"):
			texts++
		case strings.Contains(d.Message, "has no activities yet"):
			areas++
		default:
			t.Errorf("unexpected problem: %s", d)
		}
	}
	if texts != 9 || areas != 2 { // (the plan + 2 areas) × 3 languages
		t.Errorf("%d notes of texts to review, want 9; %d of empty areas, want 2:\n%s", texts, areas, res.Problems)
	}
	todo := res.Plans[len(res.Plans)-1]
	if todo.ID != "2027-2028" || todo.Status != content.PlanDraft || len(todo.Unreviewed) != 9 ||
		len(todo.Missing)+len(todo.Placeholders) != 0 || strings.Join(todo.EmptyAreas, ",") != "lmi,youth-neet" {
		t.Errorf("to-do list: %+v", todo)
	}
	var human bytes.Buffer
	res.Human(&human)
	if want := "  2027-2028 (draft), what remains to write: 9 texts to review, 0 missing translations, 0 placeholders, 2 areas without activities\n"; !strings.Contains(human.String(), want) {
		t.Errorf("human output lacks %q:\n%s", want, human.String())
	}

	// It builds, and its pages are published for consultation: in every
	// language, marked noindex, not in the sitemap.
	b, err := build.Build(os.DirFS(dir), build.Options{})
	if err != nil || b.Problems.HasErrors() || b.Problems.Count(diag.Warning) != 0 {
		t.Fatalf("the draft plan does not build cleanly: %v\n%s", err, b.Problems)
	}
	out := map[string][]byte{}
	for _, f := range b.Files {
		out[f.Path] = f.Data
	}
	for _, lang := range []string{"fr", "ar", "en"} {
		for _, p := range []string{assemble.PlanPath(lang, "2027-2028"), assemble.PlanAreaPath(lang, "2027-2028", "lmi"), assemble.PlanAreaPath(lang, "2027-2028", "youth-neet")} {
			page, ok := out[strings.TrimPrefix(p, "/")+"index.html"]
			if !ok {
				t.Errorf("no page %s", p)
			} else if !bytes.Contains(page, []byte("noindex")) {
				t.Errorf("%s is not marked noindex", p)
			}
		}
	}
	if bytes.Contains(out["sitemap.xml"], []byte("2027-2028")) {
		t.Error("the sitemap lists the draft plan")
	}
}

// TestNewPlanTexts: the texts are the source plan's, with the period's
// years replaced, the adopting meeting dropped and the mark for review;
// the areas are renumbered in their order; plan.yaml is a commented draft.
func TestNewPlanTexts(t *testing.T) {
	dir := fixture(t, testproject.Plans(t))
	if _, err := Plan(dir, PlanRequest{Period: "2029-2030", From: "2023-2024"}); err != nil {
		t.Fatal(err)
	}
	site, p := loadPlan(t, dir, "2029-2030")
	_, from := loadPlan(t, dir, "2023-2024")
	if p.Status != content.PlanDraft || !p.Adopted.IsZero() || p.Starts.Format("2006-01-02") != "2029-01-01" || p.Ends.Format("2006-01-02") != "2030-12-31" {
		t.Errorf("plan: %+v", p)
	}
	for _, lang := range site.Config.Languages {
		got, src := p.Texts[lang], from.Texts[lang]
		if got.Title != strings.ReplaceAll(src.Title, "2023-2024", "2029-2030") || got.Summary != src.Summary ||
			!bytes.Equal(got.Body, src.Body) || got.Meeting != "" || src.Meeting == "" || !got.Unreviewed {
			t.Errorf("%s: %+v\nfrom %+v", lang, got, src)
		}
	}
	var areas []string
	for _, a := range site.Areas {
		if a.Plan == "2029-2030" {
			areas = append(areas, a.ID)
			src := site.Areas[slices.IndexFunc(site.Areas, func(b *content.Area) bool { return b.Plan == "2023-2024" && b.ID == a.ID })]
			for _, lang := range site.Config.Languages {
				got, want := a.Texts[lang], src.Texts[lang]
				if got.Title != want.Title || got.ShortTitle != want.ShortTitle || got.Summary != want.Summary || !bytes.Equal(got.Body, want.Body) || !got.Unreviewed {
					t.Errorf("area %s %s: %+v\nfrom %+v", a.ID, lang, got, want)
				}
			}
		}
	}
	if strings.Join(areas, ",") != "lmi,digital" {
		t.Errorf("areas %v, want lmi, digital in their order", areas)
	}
	facts, _ := os.ReadFile(filepath.Join(dir, "content/plans/2029-2030/plan.yaml"))
	for _, want := range []string{"started from plan 2023-2024", "status: draft\n", "# starts: 2029-01-01\n", "# adopted: YYYY-MM-DD\n", `"status: archived" in the`} {
		if !strings.Contains(string(facts), want) {
			t.Errorf("plan.yaml lacks %q:\n%s", want, facts)
		}
	}
	text, _ := os.ReadFile(filepath.Join(dir, "content/plans/2029-2030/_index.fr.md"))
	if want := "unreviewed: true   # copied from plan 2023-2024: rewrite it for plan 2029-2030, then delete this line\n"; !strings.Contains(string(text), want) {
		t.Errorf("_index.fr.md lacks %q:\n%s", want, text)
	}
}

// TestNewPlanAreas: --areas chooses and renumbers, --no-areas carries
// none over.
func TestNewPlanAreas(t *testing.T) {
	dir := fixture(t)
	if _, err := Plan(dir, PlanRequest{Period: "2027-2028", Areas: []string{"youth-neet"}}); err != nil {
		t.Fatal(err)
	}
	site, _ := loadPlan(t, dir, "2027-2028")
	var got []string
	for _, a := range site.Areas {
		if a.Plan == "2027-2028" {
			got = append(got, a.ID)
			if a.Number != 1 {
				t.Errorf("area %s is number %d, want 1", a.ID, a.Number)
			}
		}
	}
	if strings.Join(got, ",") != "youth-neet" {
		t.Errorf("areas %v", got)
	}
	facts, _ := os.ReadFile(filepath.Join(dir, "content/plans/2027-2028/areas/youth-neet/area.yaml"))
	if want := "number: 1   # the area's number in plan 2027-2028 (it was 4 in plan 2025-2026)\n"; string(facts) != want {
		t.Errorf("area.yaml = %q, want %q", facts, want)
	}

	if _, err := Plan(dir, PlanRequest{Period: "2029-2030", NoAreas: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content/plans/2029-2030/areas")); !os.IsNotExist(err) {
		t.Errorf("--no-areas wrote areas: %v", err)
	}
	res := check.Run(os.DirFS(dir))
	res.Strict()
	if res.Problems.HasErrors() {
		t.Errorf("check --strict fails:\n%s", res.Problems)
	}
	if !strings.Contains(res.Problems.String(), "content/plans/2029-2030/plan.yaml:1:1: note: draft plan 2029-2030 has no areas yet") {
		t.Errorf("no note for the plan without areas:\n%s", res.Problems)
	}
}

// TestNewPlanRefuses: each refusal says how to fix it and writes nothing.
func TestNewPlanRefuses(t *testing.T) {
	dir := fixture(t)
	tests := []struct {
		req  PlanRequest
		want string
	}{
		{PlanRequest{Period: "2027"}, `"2027" is not a period: write the plan's first and last year joined by a hyphen, such as 2027-2028`},
		{PlanRequest{Period: "27-28"}, `"27-28" is not a period`},
		{PlanRequest{Period: "2028-2027"}, `"2028-2027" is not a period: the first year comes first, such as 2027-2028`},
		{PlanRequest{Period: "../2027-2028"}, `"../2027-2028" is not a period`},
		{PlanRequest{Period: "2025-2026"}, `plan 2025-2026 already exists (content/plans/2025-2026): choose another period, or edit that plan`},
		{PlanRequest{Period: "2027-2028", From: "2023-2024"}, `--from: unknown plan "2023-2024": use one of 2025-2026 (the folders of content/plans)`},
		{PlanRequest{Period: "2027-2028", Areas: []string{"lmi", "youth"}}, `--areas: unknown area "youth" in plan 2025-2026: use one of lmi, youth-neet`},
		{PlanRequest{Period: "2027-2028", Areas: []string{"lmi"}, NoAreas: true}, `choose the areas to carry over (--areas) or none (--no-areas), not both`},
	}
	for _, tt := range tests {
		_, err := Plan(dir, tt.req)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: err = %v, want %q", tt.req, err, tt.want)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "content/plans/2027-2028"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Plan(dir, PlanRequest{Period: "2027-2028"}); err == nil || !strings.Contains(err.Error(), "content/plans/2027-2028 already exists: choose another period, or edit or remove that folder") {
		t.Errorf("an existing folder: err = %v", err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content", "plans"))
	if len(entries) != 2 { // 2025-2026 and the empty folder made above
		t.Errorf("%d entries in content/plans after refusals, want 2", len(entries))
	}
}

// TestNewActivityInPlan: --plan chooses the plan; the areas and the next
// number are that plan's; the default is the current plan.
func TestNewActivityInPlan(t *testing.T) {
	dir := fixture(t, testproject.Plans(t))
	for _, tt := range []struct {
		req    Request
		number string
	}{
		{Request{Plan: "2027-2028", Area: "green-jobs", ID: "green-audit"}, "number: 2 "},
		{Request{Plan: "2027-2028", Area: "lmi", ID: "lmi-observatories"}, "number: 1 "},
		{Request{Area: "lmi", ID: "lmi-clinic"}, "number: 3 "},
	} {
		files, err := Activity(dir, tt.req)
		if err != nil {
			t.Fatal(err)
		}
		facts, _ := os.ReadFile(filepath.Join(dir, files[len(files)-1])) // index.fr.md, the default language's text, holds the facts
		plan := tt.req.Plan
		if plan == "" {
			plan = "2025-2026"
		}
		if !strings.Contains(string(facts), "plan: "+plan+" ") || !strings.Contains(string(facts), tt.number) {
			t.Errorf("%+v:\n%s", tt.req, facts)
		}
	}
	for _, tt := range []struct {
		req  Request
		want string
	}{
		{Request{Area: "green-jobs", ID: "x"}, `unknown area "green-jobs" in plan 2025-2026: use one of lmi, youth-neet`},
		{Request{Plan: "2031-2032", Area: "lmi", ID: "x"}, `unknown plan "2031-2032": use one of 2023-2024, 2025-2026, 2027-2028 (the folders of content/plans)`},
	} {
		if _, err := Activity(dir, tt.req); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: err = %v, want %q", tt.req, err, tt.want)
		}
	}
	res := check.Run(os.DirFS(dir))
	if res.Problems.HasErrors() {
		t.Errorf("errors:\n%s", res.Problems)
	}
}

// TestPromptPlan: with several plans, the plan is asked first (the
// current one by default), and the areas offered are that plan's.
func TestPromptPlan(t *testing.T) {
	dir := fixture(t, testproject.Plans(t))
	var out bytes.Buffer
	req := Request{}
	if err := Prompt(strings.NewReader("2031-2032\n2027-2028\nyouth-neet\ngreen-jobs\ngreen-audit\n\n"), &out, dir, &req); err != nil {
		t.Fatal(err)
	}
	if req != (Request{Plan: "2027-2028", Area: "green-jobs", ID: "green-audit", Type: "training"}) {
		t.Errorf("req = %+v", req)
	}
	const plan = "Work plan (2023-2024, 2025-2026, 2027-2028) [2025-2026]: "
	want := plan + refusal(t, dir, Request{Plan: "2031-2032"}) + "\n" + plan +
		"Thematic area (lmi, green-jobs): " + refusal(t, dir, Request{Plan: "2027-2028", Area: "youth-neet"}) + "\n" +
		"Thematic area (lmi, green-jobs): "
	if !strings.HasPrefix(out.String(), want) {
		t.Errorf("transcript:\n%s\nwant it to start with:\n%s", out.String(), want)
	}
	out.Reset()
	req = Request{}
	if err := Prompt(strings.NewReader("\nlmi\nlmi-clinic\n\n"), &out, dir, &req); err != nil || req.Plan != "2025-2026" {
		t.Errorf("the default plan: req = %+v, err = %v", req, err)
	}
}

// TestNewPlanUpdatesTheEditor: a project with the browser editor gets its
// form rewritten with the new plan and its areas, so that the draft can be
// written in the browser at once and check finds no drift.
func TestNewPlanUpdatesTheEditor(t *testing.T) {
	dir := fixture(t)
	out, problems := cms.FromProject(os.DirFS(dir))
	if out == nil {
		t.Fatal(problems)
	}
	if err := cms.WriteFile(filepath.Join(dir, cms.File), out); err != nil {
		t.Fatal(err)
	}
	files, err := Plan(dir, PlanRequest{Period: "2027-2028"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(files, cms.File) {
		t.Errorf("files written: %v, without %s", files, cms.File)
	}
	cfg, _ := os.ReadFile(filepath.Join(dir, cms.File))
	if !strings.Contains(string(cfg), "value: 2027-2028") || !strings.Contains(string(cfg), "content/plans/2027-2028/_index.{{locale}}.md") {
		t.Errorf("the form does not offer the new plan")
	}
	if res := check.Run(os.DirFS(dir)); strings.Contains(res.Problems.String(), cms.File) {
		t.Errorf("check after new plan:\n%s", res.Problems)
	}
}
