package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/schedule"
	"github.com/oic-pesnet/workplan/internal/typo"
)

// Outcomes in the open data (since 1.3), on the shared fixture:
// neet-readiness is completed (held 18–20 February 2025, 38 participants,
// 14 institutions, four countries, one material, a report, an outcome
// sentence per language); neet-guidance is postponed (first planned
// 2025-06, a reason per language).

func activityIn(t *testing.T, doc activitiesDoc, id string) activity {
	t.Helper()
	i := slices.IndexFunc(doc.Activities, func(a activity) bool { return a.ID == id })
	if i < 0 {
		t.Fatalf("no activity %s", id)
	}
	return doc.Activities[i]
}

func TestOutcome(t *testing.T) {
	site := loadSite(t)
	files := generate(t, site)
	fr := decode[activitiesDoc](t, files["api/v1/fr/activities.json"])
	done := activityIn(t, fr, "neet-readiness")
	want := &outcome{
		Held: dated{datedFacts: datedFacts{Notation: "2025-02-18/2025-02-20", Precision: "day", Earliest: "2025-02-18", Latest: "2025-02-20"},
			Text: "18–20 février 2025"},
		Participants: 38, Institutions: 14,
		Countries: []countryName{{"MA", "Maroc"}, {"SN", "Sénégal"}, {"CI", "Côte d’Ivoire"}, {"TN", "Tunisie"}},
		Materials: []string{"https://docs.example.net/neet-readiness/slides.pdf"},
		Report:    "https://docs.example.net/neet-readiness/report.pdf",
	}
	if diff := cmp.Diff(want, done.Outcome, cmp.AllowUnexported(dated{})); diff != "" {
		t.Errorf("neet-readiness outcome (-want +got):\n%s", diff)
	}
	if done.Text.Outcome != typo.French(activityByID(t, site, "neet-readiness").Texts["fr"].Outcome) || done.Text.Outcome == "" || done.Text.Reason != "" {
		t.Errorf("neet-readiness text: outcome %q, reason %q", done.Text.Outcome, done.Text.Reason)
	}
	if done.OriginalSchedule != nil || done.Labels.HeldVenue != "" {
		t.Errorf("neet-readiness: original schedule %+v, held venue %q", done.OriginalSchedule, done.Labels.HeldVenue)
	}
	late := activityIn(t, fr, "neet-guidance")
	if late.Outcome != nil || late.Text.Outcome != "" {
		t.Errorf("the postponed activity has an outcome: %+v", late.Outcome)
	}
	wantOrig := &dated{datedFacts: datedFacts{Notation: "2025-06", Precision: "month", Earliest: "2025-06-01", Latest: "2025-06-30"}, Text: "juin 2025"}
	if diff := cmp.Diff(wantOrig, late.OriginalSchedule, cmp.AllowUnexported(dated{})); diff != "" {
		t.Errorf("neet-guidance original schedule (-want +got):\n%s", diff)
	}
	if late.Text.Reason != activityByID(t, site, "neet-guidance").Texts["fr"].Reason || late.Text.Reason == "" {
		t.Errorf("neet-guidance reason %q", late.Text.Reason)
	}
	for _, a := range fr.Activities {
		if (a.Outcome != nil) != (a.Status == content.StatusCompleted) {
			t.Errorf("%s (%s) has outcome %+v", a.ID, a.Status, a.Outcome)
		}
	}
	// Every language's names and words, once per fact in catalog.json.
	cat := decode[catalogDoc](t, files["api/v1/catalog.json"])
	i := slices.IndexFunc(cat.Activities, func(a catalogActivity) bool { return a.ID == "neet-readiness" })
	o := cat.Activities[i].Outcome
	if o == nil || o.Participants != 38 || o.Held.Earliest != "2025-02-18" || len(o.Held.Text) != 3 ||
		len(o.Countries) != 4 || o.Countries[0].Name["ar"] != "المغرب" || o.Countries[0].Name["en"] != "Morocco" {
		t.Errorf("catalog.json neet-readiness outcome %+v", o)
	}
	for lang, text := range cat.Activities[i].Texts {
		if text.Outcome != l10n.Typesetter(lang)(activityByID(t, site, "neet-readiness").Texts[lang].Outcome) {
			t.Errorf("catalog.json %s outcome %q", lang, text.Outcome)
		}
	}
	j := slices.IndexFunc(cat.Activities, func(a catalogActivity) bool { return a.ID == "neet-guidance" })
	if orig := cat.Activities[j].OriginalSchedule; orig == nil || orig.Notation != "2025-06" || orig.Text["en"] != "June 2025" {
		t.Errorf("catalog.json neet-guidance original schedule %+v", orig)
	}
}

// TestOutcomeOptionalFacts: an outcome with times, a changed venue and
// nothing else reported; the schemas accept it (as published and closed)
// and absent facts are absent, not zero.
func TestOutcomeOptionalFacts(t *testing.T) {
	site := loadSite(t)
	a := activityByID(t, site, "neet-readiness")
	held, err := schedule.Parse("2025-02-18T09:00/2025-02-18T12:30 Africa/Casablanca")
	if err != nil {
		t.Fatal(err)
	}
	a.Outcome = content.Outcome{Held: held, Venue: content.Venue{Mode: content.VenueOnline}}
	files := generate(t, site)
	validateAll(t, files)
	got := activityIn(t, decode[activitiesDoc](t, files["api/v1/en/activities.json"]), a.ID)
	if got.Outcome.Held.Start != "2025-02-18T09:00:00+01:00" || got.Outcome.Held.TimeZone != "Africa/Casablanca" ||
		got.Outcome.Venue == nil || got.Outcome.Venue.Mode != "online" || got.Labels.HeldVenue != "Online" {
		t.Errorf("outcome %+v, held venue %q", got.Outcome, got.Labels.HeldVenue)
	}
	raw := string(files["api/v1/en/activities.json"])
	k := strings.Index(raw, `"outcome":{"held"`)
	if k < 0 {
		t.Fatal("no outcome object")
	}
	for _, absent := range []string{`"participants"`, `"institutions"`, `"countries"`, `"materials"`, `"report"`} {
		if end := strings.Index(raw[k:], `"text":{`); strings.Contains(raw[k:k+end], absent) {
			t.Errorf("an unreported %s is written", absent)
		}
	}
}

// TestOutcomeSchemasAreStrict: the schemas refuse outcomes that break the
// contract.
func TestOutcomeSchemasAreStrict(t *testing.T) {
	files := generate(t, loadSite(t))
	schemas := validators(t, files, false)
	const p = "api/v1/en/areas/youth-neet.json"
	byID := func(doc map[string]any, id string) map[string]any {
		for _, x := range doc["activities"].([]any) {
			if x := x.(map[string]any); x["id"] == id {
				return x
			}
		}
		t.Fatalf("no activity %s", id)
		return nil
	}
	done := func(doc map[string]any) map[string]any { return byID(doc, "neet-readiness") }
	tests := []struct {
		name   string
		change func(doc map[string]any)
	}{
		{"completed without outcome", func(doc map[string]any) { delete(done(doc), "outcome") }},
		{"outcome of a postponed activity", func(doc map[string]any) { byID(doc, "neet-guidance")["outcome"] = sub(done(doc), "outcome") }},
		{"outcome without held", func(doc map[string]any) { delete(sub(done(doc), "outcome"), "held") }},
		{"held in a month", func(doc map[string]any) { sub(sub(done(doc), "outcome"), "held")["precision"] = "month" }},
		{"held without its days", func(doc map[string]any) { delete(sub(sub(done(doc), "outcome"), "held"), "earliest") }},
		{"zero participants", func(doc map[string]any) { sub(done(doc), "outcome")["participants"] = 0 }},
		{"participants as a string", func(doc map[string]any) { sub(done(doc), "outcome")["participants"] = "38" }},
		{"lowercase country", func(doc map[string]any) {
			sub(done(doc), "outcome")["countries"].([]any)[0].(map[string]any)["code"] = "ma"
		}},
		{"relative report", func(doc map[string]any) { sub(done(doc), "outcome")["report"] = "/report.pdf" }},
		{"multi-line outcome sentence", func(doc map[string]any) { sub(done(doc), "text")["outcome"] = "a\nb" }},
		{"original schedule without words", func(doc map[string]any) { delete(sub(byID(doc, "neet-guidance"), "original_schedule"), "text") }},
	}
	parseDoc := func() map[string]any {
		var doc map[string]any
		if err := json.Unmarshal(files[p], &doc); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	schema := schemas[parseDoc()["$schema"].(string)]
	if err := schema.Validate(roundTrip(t, parseDoc())); err != nil {
		t.Fatalf("the unchanged document is not valid: %v", err)
	}
	for _, tt := range tests {
		doc := parseDoc()
		tt.change(doc)
		if err := schema.Validate(roundTrip(t, doc)); err == nil {
			t.Errorf("%s: the schema accepts it", tt.name)
		}
	}
	// v1 only grows: outcomes with fields a later 1.x adds are accepted.
	doc := parseDoc()
	o := sub(done(doc), "outcome")
	o["added_in_1_9"] = 1
	sub(o, "held")["added_in_1_9"] = 1
	o["countries"].([]any)[0].(map[string]any)["added_in_1_9"] = 1
	sub(byID(doc, "neet-guidance"), "original_schedule")["added_in_1_9"] = 1
	if err := schema.Validate(roundTrip(t, doc)); err != nil {
		t.Errorf("outcomes with added fields are refused: %v", err)
	}
}

// TestKeptSchemas: a consumer who kept the schemas of 1.2 (testdata/
// schema-1.2, as published then) goes on validating every document of
// those kinds, index.json included, on both fixtures: 1.3 only added.
func TestKeptSchemas(t *testing.T) {
	kept, err := filepath.Glob("testdata/schema-1.2/*.schema.json")
	if err != nil || len(kept) != 6 {
		t.Fatalf("kept schemas: %v %v", kept, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	ids := map[string]bool{}
	for _, f := range kept {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		id := doc.(map[string]any)["$id"].(string)
		if err := c.AddResource(id, doc); err != nil {
			t.Fatal(err)
		}
		ids[id] = true
	}
	for name, site := range map[string]*content.Site{"fixture": loadSite(t), "plans": loadPlansSite(t)} {
		n := 0
		for p, data := range generate(t, site) {
			if !strings.HasSuffix(p, ".json") || strings.HasPrefix(p, "api/v1/schema/") {
				continue
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			id, _ := inst.(map[string]any)["$schema"].(string)
			if !ids[id] {
				continue // a kind 1.2 did not have
			}
			s, err := c.Compile(id)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(inst); err != nil {
				t.Errorf("%s: %s is refused by the schema kept from 1.2:\n%v", name, p, err)
			}
			n++
		}
		if n < 10 {
			t.Errorf("%s: only %d documents checked", name, n)
		}
	}
}

// TestOutcomeCSV: the outcome columns come after those of 1.2 and hold
// the facts of the JSON, each only when reported.
func TestOutcomeCSV(t *testing.T) {
	files := generate(t, loadSite(t))
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files["api/v1/catalog.csv"], []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	h := rows[0]
	if slices.Index(h, "held") != slices.Index(h, "plan")+1 {
		t.Errorf("the outcome columns do not follow those of 1.2: %q", h)
	}
	col := func(name string) int { return slices.Index(h, name) }
	seen := 0
	for _, r := range rows[1:] {
		get := func(name string) string { return r[col(name)] }
		switch id, lang := get("id"), get("lang"); {
		case id == "neet-readiness" && lang == "en":
			seen++
			want := map[string]string{"held": "2025-02-18/2025-02-20", "held_earliest": "2025-02-18", "held_latest": "2025-02-20",
				"held_text": "18–20 February 2025", "participants": "38", "institutions": "14",
				"participating_countries": "MA; SN; CI; TN", "participating_country_names": "Morocco; Senegal; Côte d’Ivoire; Tunisia",
				"materials": "https://docs.example.net/neet-readiness/slides.pdf", "report": "https://docs.example.net/neet-readiness/report.pdf",
				"held_venue_mode": "", "reason": "", "original_schedule": ""}
			for k, v := range want {
				if get(k) != v {
					t.Errorf("neet-readiness/en %s = %q, want %q", k, get(k), v)
				}
			}
			if !strings.HasPrefix(get("outcome"), "38 counsellors") {
				t.Errorf("neet-readiness/en outcome = %q", get("outcome"))
			}
		case id == "neet-guidance" && lang == "ar":
			seen++
			if get("original_schedule") != "2025-06" || get("original_schedule_text") != "يونيو 2025" || get("original_earliest") != "2025-06-01" ||
				!strings.HasPrefix(get("reason"), "أُرجئت") || get("held") != "" || get("participants") != "" {
				t.Errorf("neet-guidance/ar: %q", r[col("plan"):])
			}
		case id == "lmis-training":
			if cells := strings.Join(r[col("held"):], ""); cells != "" {
				t.Errorf("lmis-training/%s has outcome cells %q", lang, r[col("held"):])
			}
		}
	}
	if seen != 2 {
		t.Errorf("%d of the 2 rows checked were found", seen)
	}
}

// TestAsOfFromContent: as_of is the catalog's AsOf, the latest date the
// content gives: an activity updated after site.yaml's "updated" moves
// it, in every JSON document and in the CSVs.
func TestAsOfFromContent(t *testing.T) {
	site := loadSite(t)
	activityByID(t, site, "lmi-webinar").Updated = time.Date(2025, 7, 14, 0, 0, 0, 0, time.UTC)
	files := generate(t, site)
	for p, data := range files {
		switch {
		case strings.HasPrefix(p, "api/v1/schema/"):
		case strings.HasSuffix(p, ".json"):
			if doc := decode[map[string]any](t, data); doc["as_of"] != "2025-07-14" {
				t.Errorf("%s: as_of is %v, want 2025-07-14", p, doc["as_of"])
			}
		case strings.HasSuffix(p, ".csv"):
			rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			k := slices.Index(rows[0], "as_of")
			for _, r := range rows[1:] {
				if r[k] != "2025-07-14" {
					t.Errorf("%s: as_of %q, want 2025-07-14", p, r[k])
				}
			}
		}
	}
}
