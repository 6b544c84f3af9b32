package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/progress"
)

// The progress documents (since 1.3), on the three-plan fixture: the
// archived 2023-2024 (two activities, both completed), the current
// 2025-2026 (five: one of each status, one overdue) and the draft
// 2027-2028, which has none.

// wantFigures are the figures f must give in the data.
func wantFigures(f progress.Figures) (counts, int, []string, []string) {
	var overdue []string
	for _, a := range f.Overdue {
		overdue = append(overdue, a.ID)
	}
	return counts{Total: f.Total, Planned: f.Planned, Confirmed: f.Confirmed, Completed: f.Completed,
		Postponed: f.Postponed, Cancelled: f.Cancelled}, f.Percent(), f.Countries, overdue
}

func checkFigures(t *testing.T, what string, got figures, want progress.Figures) {
	t.Helper()
	c, pct, countries, overdue := wantFigures(want)
	var codes []string
	for _, x := range got.Countries {
		codes = append(codes, x.Code)
		if len(x.Name) != 3 {
			t.Errorf("%s: country %s named in %d languages", what, x.Code, len(x.Name))
		}
	}
	if got.Counts != c || got.PercentRealized != pct || got.Participants != want.Participants || got.Institutions != want.Institutions ||
		!slices.Equal(codes, countries) || !slices.Equal(got.Overdue, overdue) {
		t.Errorf("%s: figures %+v, want counts %+v, %d%%, %d participants, %d institutions, countries %v, overdue %v",
			what, got, c, pct, want.Participants, want.Institutions, countries, overdue)
	}
}

func TestProgressDocuments(t *testing.T) {
	site := loadPlansSite(t)
	cat := assemble.New(site)
	files := generate(t, site)
	idx := decode[indexDoc](t, files["api/v1/index.json"])
	var listed []string
	for _, p := range idx.Progress {
		listed = append(listed, p.Plan)
		if p.URL != testBase+"api/v1/plans/"+p.Plan+"/progress.json" || p.CSV != testBase+"api/v1/plans/"+p.Plan+"/progress.csv" ||
			p.Schema != testBase+"api/v1/schema/progress.schema.json" {
			t.Errorf("index.json progress entry %+v", p)
		}
	}
	if !slices.Equal(listed, []string{"2023-2024", "2025-2026"}) {
		t.Errorf("index.json lists the progress of %v, want the two published plans", listed)
	}
	for p := range files {
		if strings.Contains(p, "2027-2028") {
			t.Errorf("%s: the draft plan has progress data", p)
		}
	}
	// The plan objects lead to them.
	for _, p := range decode[activitiesDoc](t, files["api/v1/ar/activities.json"]).Plans {
		want := planData{}
		if p.Status != "draft" {
			want = planData{Progress: testBase + "api/v1/plans/" + p.ID + "/progress.json", ProgressCSV: testBase + "api/v1/plans/" + p.ID + "/progress.csv"}
		}
		if p.URLs.planData != want {
			t.Errorf("plan %s: urls %+v, want %+v", p.ID, p.URLs.planData, want)
		}
	}
	for _, id := range listed {
		rep := progress.Of(cat, cat.Plan(id))
		doc := decode[progressDoc](t, files["api/v1/plans/"+id+"/progress.json"])
		if doc.Plan.ID != id || doc.AsOf != "2025-06-30" || doc.Version != Version || len(doc.Languages) != 3 {
			t.Errorf("%s: plan %s, as_of %s, version %s", id, doc.Plan.ID, doc.AsOf, doc.Version)
		}
		checkFigures(t, id, doc.Figures, rep.Figures)
		if len(doc.Areas) != len(rep.Areas) {
			t.Fatalf("%s: %d areas, want %d", id, len(doc.Areas), len(rep.Areas))
		}
		for i, a := range doc.Areas {
			checkFigures(t, id+"/"+a.ID, a.Figures, rep.Areas[i].Figures)
			if a.ID != rep.Areas[i].Area.ID || a.Number != rep.Areas[i].Area.Number || len(a.Texts) != 3 || a.Texts["fr"].ShortTitle == "" {
				t.Errorf("%s: area %+v", id, a)
			}
		}
	}
	// The figures the fixture was written to give.
	cur := decode[progressDoc](t, files["api/v1/plans/2025-2026/progress.json"]).Figures
	if cur.Counts != (counts{Total: 5, Planned: 2, Confirmed: 1, Completed: 1, Postponed: 1}) || cur.PercentRealized != 20 ||
		cur.Participants != 38 || len(cur.Countries) != 4 || !slices.Equal(cur.Overdue, []string{"lmis-training"}) {
		t.Errorf("2025-2026 figures %+v", cur)
	}
	if old := decode[progressDoc](t, files["api/v1/plans/2023-2024/progress.json"]).Figures; old.PercentRealized != 100 || len(old.Overdue) != 0 {
		t.Errorf("2023-2024 figures %+v", old)
	}
}

// TestProgressCSV: one row per area and language, then the plan's, with
// the figures of the JSON.
func TestProgressCSV(t *testing.T) {
	files := generate(t, loadPlansSite(t))
	data := files["api/v1/plans/2025-2026/progress.csv"]
	body, ok := bytes.CutPrefix(data, []byte("\uFEFF"))
	if !ok || bytes.Count(body, []byte("\n")) != bytes.Count(body, []byte("\r\n")) {
		t.Fatal("the CSV does not start with a byte order mark or has bare line feeds")
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], progressCSVHeader()) {
		t.Errorf("header %q", rows[0])
	}
	doc := decode[progressDoc](t, files["api/v1/plans/2025-2026/progress.json"])
	if want := 1 + 3*(len(doc.Areas)+1); len(rows) != want {
		t.Fatalf("%d rows, want %d", len(rows), want)
	}
	col := func(name string) int { return slices.Index(progressCSVHeader(), name) }
	for _, r := range rows[1:] {
		f := doc.Figures
		if r[col("scope")] == "area" {
			i := slices.IndexFunc(doc.Areas, func(a progressArea) bool { return a.ID == r[col("id")] })
			if i < 0 {
				t.Fatalf("row of an unknown area %q", r[col("id")])
			}
			f = doc.Areas[i].Figures
			if r[col("title")] != doc.Areas[i].Texts[r[col("lang")]].ShortTitle || r[col("number")] != strconv.Itoa(doc.Areas[i].Number) {
				t.Errorf("area row %q", r)
			}
		} else if r[col("id")] != "2025-2026" || r[col("number")] != "" || r[col("title")] != doc.Plan.Texts[r[col("lang")]].Title {
			t.Errorf("plan row %q", r)
		}
		var codes []string
		for _, c := range f.Countries {
			codes = append(codes, c.Code)
		}
		got := []string{r[col("total")], r[col("completed")], r[col("percent_realized")], r[col("participants")], r[col("countries")], r[col("overdue")], r[col("as_of")]}
		want := []string{strconv.Itoa(f.Counts.Total), strconv.Itoa(f.Counts.Completed), strconv.Itoa(f.PercentRealized),
			strconv.Itoa(f.Participants), strings.Join(codes, "; "), strings.Join(f.Overdue, "; "), "2025-06-30"}
		if !slices.Equal(got, want) {
			t.Errorf("%s/%s: %q, want %q", r[col("id")], r[col("lang")], got, want)
		}
	}
	if last := rows[len(rows)-1]; last[col("lang")] != "en" || last[col("scope")] != "plan" || last[col("country_names")] != "Côte d’Ivoire; Morocco; Senegal; Tunisia" {
		t.Errorf("last row %q", last)
	}
}

// TestProgressSchemaIsStrict: the progress schema refuses figures that
// break the contract, and accepts fields a later 1.x adds.
func TestProgressSchemaIsStrict(t *testing.T) {
	files := generate(t, loadPlansSite(t))
	schemas := validators(t, files, false)
	const p = "api/v1/plans/2025-2026/progress.json"
	parse := func() map[string]any {
		var doc map[string]any
		if err := json.Unmarshal(files[p], &doc); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	area := func(doc map[string]any) map[string]any { return doc["areas"].([]any)[0].(map[string]any) }
	tests := []struct {
		name   string
		change func(doc map[string]any)
	}{
		{"missing figures", func(doc map[string]any) { delete(doc, "figures") }},
		{"percent above 100", func(doc map[string]any) { sub(doc, "figures")["percent_realized"] = 101 }},
		{"negative count", func(doc map[string]any) { sub(sub(doc, "figures"), "counts")["planned"] = -1 }},
		{"count missing", func(doc map[string]any) { delete(sub(sub(area(doc), "figures"), "counts"), "completed") }},
		{"overdue as titles", func(doc map[string]any) { sub(doc, "figures")["overdue"] = []any{"Training course"} }},
		{"country as a string", func(doc map[string]any) { sub(doc, "figures")["countries"] = []any{"MA"} }},
		{"area without texts", func(doc map[string]any) { delete(area(doc), "texts") }},
		{"draft plan with progress", func(doc map[string]any) { sub(doc, "plan")["status"] = "draft" }},
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
	doc := parse()
	add := func(m map[string]any) { m["added_in_1_9"] = 1 }
	add(doc)
	add(sub(doc, "figures"))
	add(sub(sub(doc, "figures"), "counts"))
	add(sub(doc, "figures")["countries"].([]any)[0].(map[string]any))
	add(area(doc))
	add(sub(sub(area(doc), "texts"), "ar"))
	if err := schema.Validate(roundTrip(t, doc)); err != nil {
		t.Errorf("progress with added fields is refused: %v", err)
	}
}

// TestProgressGolden pins the current plan's progress document (indented)
// and the archived plan's CSV.
func TestProgressGolden(t *testing.T) {
	files := generate(t, loadPlansSite(t))
	var indented bytes.Buffer
	if err := json.Indent(&indented, files["api/v1/plans/2025-2026/progress.json"], "", "  "); err != nil {
		t.Fatal(err)
	}
	for golden, got := range map[string][]byte{
		"progress-2025-2026.json.golden": indented.Bytes(),
		"progress-2023-2024.csv.golden":  files["api/v1/plans/2023-2024/progress.csv"],
	} {
		golden = filepath.Join("testdata", golden)
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/opendata -run TestProgressGolden -update and review the file)", err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s differs (-want +got):\n%s", golden, diff)
		}
	}
}
