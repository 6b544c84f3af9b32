package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// The work plans in the open data (since 1.2), on the shared fixture with
// its plans overlay (testproject.Plans): 2023-2024 archived (2 activities,
// area "digital" only there), 2025-2026 current (5 activities), 2027-2028
// a draft (activity green-skills-workshop in its new area green-jobs).

// loadPlansSite reads the content of the fixture with the plans overlay.
func loadPlansSite(t *testing.T) *content.Site {
	t.Helper()
	sub, err := fs.Sub(testproject.FS(t, testproject.Plans(t)), "content")
	if err != nil {
		t.Fatal(err)
	}
	site, problems := content.Load(sub, "content")
	if problems.HasErrors() {
		t.Fatalf("content has errors:\n%s", problems)
	}
	return site
}

// TestPlansSchemas: every document of the three-plan site is valid, with
// the schemas as published and closed (no field left undescribed).
func TestPlansSchemas(t *testing.T) {
	validateAll(t, generate(t, loadPlansSite(t)))
}

// TestDraftPlanOutOfData: no document lists a draft plan's activity or its
// new area, and neither has a document of its own; the draft plan itself
// is listed, without a feed.
func TestDraftPlanOutOfData(t *testing.T) {
	files := generate(t, loadPlansSite(t))
	for p, data := range files {
		for _, bad := range []string{"green-skills-workshop", "green-jobs"} {
			if strings.Contains(p, bad) || bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s holds %s, of the draft plan", p, bad)
			}
		}
	}
	for _, lang := range []string{"fr", "ar", "en"} {
		doc := decode[activitiesDoc](t, files["api/v1/"+lang+"/activities.json"])
		if len(doc.Activities) != 7 {
			t.Errorf("%s: %d activities, want the 7 of the published plans", lang, len(doc.Activities))
		}
		i := slices.IndexFunc(doc.Plans, func(p plan) bool { return p.ID == "2027-2028" })
		if i < 0 {
			t.Fatalf("%s: the draft plan is not listed", lang)
		}
		if draft := doc.Plans[i]; draft.Status != content.PlanDraft || draft.URLs.Calendar != "" || draft.ActivityCount != 1 {
			t.Errorf("%s: draft plan listed as %+v", lang, draft)
		}
	}
}

// TestPlans pins the plans' facts, texts and addresses, and checks that
// every activity and area names its plan, in every form of the data.
func TestPlans(t *testing.T) {
	site := loadPlansSite(t)
	files := generate(t, site)
	wantFacts := []planFacts{
		{ID: "2023-2024", Status: "archived", Starts: "2023-01-01", Ends: "2024-12-31", Adopted: "2023-03-15", ActivityCount: 2},
		{ID: "2025-2026", Status: "current", Starts: "2025-01-01", Ends: "2026-12-31", ActivityCount: 5},
		{ID: "2027-2028", Status: "draft", Starts: "2027-01-01", Ends: "2028-12-31", ActivityCount: 1},
	}
	titles := map[string]string{"fr": "Plan de travail 2023-2024", "ar": "خطة العمل 2023-2024", "en": "Work plan 2023-2024"}
	meetings := map[string]string{"fr": "2ᵉ réunion biennale", "ar": "الاجتماع الثاني كل سنتين", "en": "2nd biennial meeting"}
	for lang := range titles {
		doc := decode[activitiesDoc](t, files["api/v1/"+lang+"/activities.json"])
		var facts []planFacts
		for _, p := range doc.Plans {
			facts = append(facts, p.planFacts)
			wantCal := testBase + lang + "/plans/" + p.ID + "/calendar.ics"
			if p.Status == "draft" {
				wantCal = ""
			}
			if p.URLs.Calendar != wantCal || p.URLs.Page != testBase+lang+"/plans/"+p.ID+"/" ||
				p.URLs.Activities != testBase+lang+"/plans/"+p.ID+"/activities/" || len(p.URLs.Pages) != 3 {
				t.Errorf("%s: plan %s has urls %+v", lang, p.ID, p.URLs)
			}
			if p.Labels.Status == "" || p.Text.Lang != lang || p.Text.Title == "" || p.Text.Summary == "" {
				t.Errorf("%s: plan %s has text %+v, labels %+v", lang, p.ID, p.Text, p.Labels)
			}
		}
		if diff := cmp.Diff(wantFacts, facts); diff != "" {
			t.Errorf("%s: plans (-want +got):\n%s", lang, diff)
		}
		if got := doc.Plans[0].Text; got.Title != titles[lang] || got.AdoptedAt != meetings[lang] {
			t.Errorf("%s: 2023-2024 text %+v", lang, got)
		}
		for _, a := range doc.Activities {
			want := activityByID(t, site, a.ID).Plan
			if a.Plan != want || a.URLs.PlanCalendar != testBase+lang+"/plans/"+want+"/calendar.ics" {
				t.Errorf("%s: activity %s has plan %q and plan_calendar %q, want %q", lang, a.ID, a.Plan, a.URLs.PlanCalendar, want)
			}
		}
		areas := map[string]string{}
		for _, a := range doc.Areas {
			areas[a.ID] = a.Plan
		}
		// lmi runs through every plan: the current plan's version is shown.
		if diff := cmp.Diff(map[string]string{"lmi": "2025-2026", "youth-neet": "2025-2026", "digital": "2023-2024"}, areas); diff != "" {
			t.Errorf("%s: areas' plans (-want +got):\n%s", lang, diff)
		}
		area := decode[areaDoc](t, files["api/v1/"+lang+"/areas/digital.json"])
		if area.Area.Plan != "2023-2024" || len(area.Activities) != 1 || area.Activities[0].Plan != "2023-2024" {
			t.Errorf("%s: areas/digital.json: area %+v, %d activities", lang, area.Area, len(area.Activities))
		}
	}
	cat := decode[catalogDoc](t, files["api/v1/catalog.json"])
	for i, p := range cat.Plans {
		if diff := cmp.Diff(wantFacts[i], p.planFacts); diff != "" {
			t.Errorf("catalog.json plan %d (-want +got):\n%s", i, diff)
		}
		if len(p.Texts) != 3 || len(p.Labels) != 3 || len(p.URLs.Pages) != 3 || len(p.URLs.Activities) != 3 ||
			(p.Status == "draft") != (p.URLs.Calendars == nil) {
			t.Errorf("catalog.json plan %s: %+v", p.ID, p)
		}
	}
	for _, a := range cat.Activities {
		if want := activityByID(t, site, a.ID).Plan; a.Plan != want || len(a.URLs.PlanCalendars) != 3 {
			t.Errorf("catalog.json activity %s: plan %q, want %q; plan_calendars %v", a.ID, a.Plan, want, a.URLs.PlanCalendars)
		}
	}
	if idx := decode[indexDoc](t, files["api/v1/index.json"]); idx.Version != Version {
		t.Errorf("version %s, want %s", idx.Version, Version)
	}
}

// TestPlansCSV: the column 1.2 added last names the plan, and an archived
// plan's activity shows its area as its own plan has it (number, title).
func TestPlansCSV(t *testing.T) {
	files := generate(t, loadPlansSite(t))
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files["api/v1/catalog.csv"], []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := rows[0]; slices.Index(h, "plan") != slices.Index(h, "as_of")+1 {
		t.Errorf("the plan column is not the one after as_of, where 1.2 added it: %q", h)
	}
	col := func(name string) int { return slices.Index(csvHeader(), name) }
	want := map[string][3]string{ // id/lang → plan, area number, area title
		"lfs-workshop/en":  {"2023-2024", "1", "Statistics"},
		"lfs-workshop/fr":  {"2023-2024", "1", "Statistiques"},
		"lmis-training/en": {"2025-2026", "2", "Labour market"}, // lmi is area 2 of 2025-2026
	}
	for _, r := range rows[1:] {
		if w, ok := want[r[col("id")]+"/"+r[col("lang")]]; ok {
			if got := [3]string{r[col("plan")], r[col("area_number")], r[col("area_title")]}; got != w {
				t.Errorf("%s/%s: %q, want %q", r[col("id")], r[col("lang")], got, w)
			}
			delete(want, r[col("id")]+"/"+r[col("lang")])
		}
	}
	if len(want) > 0 {
		t.Errorf("rows missing: %v", want)
	}
	if n := len(rows) - 1; n != 7*3 {
		t.Errorf("%d rows, want 21 (7 published activities × 3 languages)", n)
	}
}

// TestPlanSchemasAreStrict: the schemas refuse plans that break the
// contract, and activities and areas that do not name their plan.
func TestPlanSchemasAreStrict(t *testing.T) {
	files := generate(t, loadPlansSite(t))
	schemas := validators(t, files, false)
	const p = "api/v1/fr/activities.json"
	plans := func(doc map[string]any) []any { return doc["plans"].([]any) }
	byStatus := func(doc map[string]any, status string) map[string]any {
		for _, x := range plans(doc) {
			if x := x.(map[string]any); x["status"] == status {
				return x
			}
		}
		t.Fatalf("no %s plan", status)
		return nil
	}
	tests := []struct {
		name   string
		change func(doc map[string]any)
	}{
		{"missing plans", func(doc map[string]any) { delete(doc, "plans") }},
		{"unknown plan status", func(doc map[string]any) { byStatus(doc, "current")["status"] = "adopted" }},
		{"plan without starts", func(doc map[string]any) { delete(byStatus(doc, "current"), "starts") }},
		{"bad adoption date", func(doc map[string]any) { byStatus(doc, "archived")["adopted"] = "15/03/2023" }},
		{"count as a string", func(doc map[string]any) { byStatus(doc, "current")["activity_count"] = "5" }},
		{"draft with a feed", func(doc map[string]any) {
			sub(byStatus(doc, "draft"), "urls")["calendar"] = testBase + "fr/plans/2027-2028/calendar.ics"
		}},
		{"published plan without its feed", func(doc map[string]any) { delete(sub(byStatus(doc, "archived"), "urls"), "calendar") }},
		{"plan without title", func(doc map[string]any) { delete(sub(byStatus(doc, "current"), "text"), "title") }},
		{"activity without plan", func(doc map[string]any) { delete(doc["activities"].([]any)[0].(map[string]any), "plan") }},
		{"activity without plan_calendar", func(doc map[string]any) {
			delete(sub(doc["activities"].([]any)[0].(map[string]any), "urls"), "plan_calendar")
		}},
		{"area without plan", func(doc map[string]any) { delete(doc["areas"].([]any)[0].(map[string]any), "plan") }},
	}
	parse := func() map[string]any {
		var doc map[string]any
		if err := json.Unmarshal(files[p], &doc); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	schema := schemas[parse()["$schema"].(string)]
	if err := schema.Validate(roundTrip(t, parse())); err != nil {
		t.Fatalf("the unchanged document is not valid: %v", err)
	}
	for _, tt := range tests {
		doc := parse()
		tt.change(doc)
		if err := schema.Validate(roundTrip(t, doc)); err == nil {
			t.Errorf("%s: the schema accepts it", tt.name)
		}
	}
	// v1 only grows: plans with fields a later 1.x adds are accepted.
	doc := parse()
	for _, x := range plans(doc) {
		x := x.(map[string]any)
		x["added_in_1_9"] = 1
		for _, k := range []string{"text", "labels", "urls"} {
			sub(x, k)["added_in_1_9"] = 1
		}
	}
	if err := schema.Validate(roundTrip(t, doc)); err != nil {
		t.Errorf("plans with added fields are refused: %v", err)
	}
}

// TestPlansGolden pins the plans of catalog.json, the form with every
// language.
func TestPlansGolden(t *testing.T) {
	doc := decode[map[string]json.RawMessage](t, generate(t, loadPlansSite(t))["api/v1/catalog.json"])
	var got bytes.Buffer
	if err := json.Indent(&got, doc["plans"], "", "  "); err != nil {
		t.Fatal(err)
	}
	got.WriteByte('\n')
	golden := filepath.Join("testdata", "catalog-plans.json.golden")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/opendata -run TestPlansGolden -update and review the file)", err)
	}
	if diff := cmp.Diff(string(want), got.String()); diff != "" {
		t.Errorf("catalog.json plans differ from %s (-want +got):\n%s", golden, diff)
	}
}
