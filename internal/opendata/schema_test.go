package opendata

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// validators compiles every generated schema under its $id (so that
// nothing is fetched from the network) with format assertions on.
func validators(t *testing.T, files map[string][]byte) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	c.DefaultDraft(jsonschema.Draft2020)
	var urls []string
	for p, data := range files {
		if !strings.HasPrefix(p, "api/v1/schema/") {
			continue
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		id, _ := doc.(map[string]any)["$id"].(string)
		if id != testBase+p {
			t.Errorf("%s: $id is %q, want %q", p, id, testBase+p)
		}
		if err := c.AddResource(testBase+p, doc); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		urls = append(urls, testBase+p)
	}
	out := map[string]*jsonschema.Schema{}
	for _, u := range urls {
		s, err := c.Compile(u) // also validates the schema against the 2020-12 metaschema
		if err != nil {
			t.Fatalf("schema %s does not compile: %v", u, err)
		}
		out[u] = s
	}
	if len(out) != len(schemaNames()) {
		t.Errorf("%d schemas, want %d", len(out), len(schemaNames()))
	}
	return out
}

// validateAll checks every JSON document against the schema its "$schema"
// names.
func validateAll(t *testing.T, files map[string][]byte) {
	t.Helper()
	schemas := validators(t, files)
	n := 0
	for p, data := range files {
		if !strings.HasSuffix(p, ".json") || strings.HasPrefix(p, "api/v1/schema/") {
			continue
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		url, _ := inst.(map[string]any)["$schema"].(string)
		s := schemas[url]
		if s == nil {
			t.Errorf("%s: $schema %q is not a generated schema", p, url)
			continue
		}
		if err := s.Validate(inst); err != nil {
			t.Errorf("%s is not valid:\n%v", p, err)
		}
		n++
	}
	if n < 10 {
		t.Errorf("only %d documents validated", n)
	}
}

func TestSchemas(t *testing.T) {
	validateAll(t, generate(t, loadSite(t)))
}

// TestSchemasOptionalFacts validates documents whose activities use every
// optional fact and a missing translation.
func TestSchemasOptionalFacts(t *testing.T) {
	site := loadSite(t)
	a := activityByID(t, site, "lmis-training")
	s, err := schedule.Parse("2025-11-04T09:00/2025-11-04T17:30 Asia/Baku")
	if err != nil {
		t.Fatal(err)
	}
	a.Schedule, a.ScheduleTBC = s, true
	a.Venue = content.Venue{Mode: content.VenueOnSite, Country: "AZ", City: "Baku"}
	a.Registration = "https://example.org/register?a=1&b=2"
	a.OtherProviders = content.ScopeArabophone
	a.Status = content.StatusCancelled
	delete(a.Texts, "ar")
	delete(site.Areas[0].Texts, "en")
	undated := activityByID(t, site, "lmi-webinar")
	undated.Schedule, _ = schedule.Parse("tbd")
	files := generate(t, site)
	validateAll(t, files)
	if doc := string(files["api/v1/fr/activities.json"]); !strings.Contains(doc, `"notation":"tbd","precision":"undetermined","tbc":false,"text":"date à déterminer"`) &&
		!strings.Contains(doc, `"notation": "tbd",`) {
		t.Error("the undated activity is not in the open data")
	}
}

// TestSchemasAreStrict: documents that break the contract are rejected.
func TestSchemasAreStrict(t *testing.T) {
	files := generate(t, loadSite(t))
	schemas := validators(t, files)
	const p = "api/v1/en/areas/youth-neet.json"
	tests := []struct {
		name   string
		change func(doc map[string]any, act map[string]any)
	}{
		{"unknown field", func(doc, act map[string]any) { act["colour"] = "blue" }},
		{"unknown type", func(doc, act map[string]any) { act["type"] = "conference" }},
		{"unknown status", func(doc, act map[string]any) { act["status"] = "ongoing" }},
		{"unknown precision", func(doc, act map[string]any) { sub(act, "schedule")["precision"] = "week" }},
		{"times without minute precision", func(doc, act map[string]any) { sub(act, "schedule")["start"] = "2025-11-04T09:00:00+04:00" }},
		{"bad date", func(doc, act map[string]any) { sub(act, "schedule")["earliest"] = "2025-13-01" }},
		{"dated schedule without bounds", func(doc, act map[string]any) { delete(sub(act, "schedule"), "latest") }},
		{"undetermined schedule with bounds", func(doc, act map[string]any) { sub(act, "schedule")["precision"] = "undetermined" }},
		{"online venue with a country", func(doc, act map[string]any) { act["venue"] = map[string]any{"mode": "online", "country": "MA"} }},
		{"on-site venue without a country", func(doc, act map[string]any) { act["venue"] = map[string]any{"mode": "on-site"} }},
		{"relative URL", func(doc, act map[string]any) { sub(act, "urls")["page"] = "/en/activities/x/" }},
		{"missing title", func(doc, act map[string]any) { delete(sub(act, "text"), "title") }},
		{"multi-line title", func(doc, act map[string]any) { sub(act, "text")["title"] = "a\nb" }},
		{"bad scope", func(doc, act map[string]any) { act["beneficiaries"] = "some" }},
		{"missing version", func(doc, act map[string]any) { delete(doc, "version") }},
		{"version 2", func(doc, act map[string]any) { doc["version"] = "2.0" }},
		{"lowercase country", func(doc, act map[string]any) { act["providers"].([]any)[0].(map[string]any)["country"] = "ma" }},
		{"title as an object", func(doc, act map[string]any) { sub(act, "text")["title"] = map[string]any{"html": "<b>x</b>"} }},
		{"null optional fact", func(doc, act map[string]any) { act["registration"] = nil }},
	}
	parse := func() (doc, act map[string]any) {
		if err := json.Unmarshal(files[p], &doc); err != nil {
			t.Fatal(err)
		}
		return doc, doc["activities"].([]any)[0].(map[string]any)
	}
	doc, _ := parse()
	schema := schemas[doc["$schema"].(string)]
	if err := schema.Validate(roundTrip(t, doc)); err != nil {
		t.Fatalf("the unchanged document is not valid: %v", err)
	}
	for _, tt := range tests {
		doc, act := parse()
		tt.change(doc, act)
		if err := schema.Validate(roundTrip(t, doc)); err == nil {
			t.Errorf("%s: the schema accepts it", tt.name)
		}
	}
}

// sub returns m[key] as an object.
func sub(m map[string]any, key string) map[string]any { return m[key].(map[string]any) }

// roundTrip gives v the number types the validator expects.
func roundTrip(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}
