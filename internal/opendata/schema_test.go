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
// nothing is fetched from the network) with format assertions on. With
// closed, every object the schemas leave open to additions ("v1 only
// grows") is closed first, so that a field the generator writes but the
// schemas do not describe fails the tests.
func validators(t *testing.T, files map[string][]byte, closed bool) map[string]*jsonschema.Schema {
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
		if closed {
			closeSchema(doc)
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

// closeSchema turns every "additionalProperties": true and
// "unevaluatedProperties": true of a schema into false.
func closeSchema(v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if (k == "additionalProperties" || k == "unevaluatedProperties") && x == true {
				v[k] = false
				continue
			}
			closeSchema(x)
		}
	case []any:
		for _, x := range v {
			closeSchema(x)
		}
	}
}

// validateAll checks every JSON document against the schema its "$schema"
// names, as published and closed (no undescribed field).
func validateAll(t *testing.T, files map[string][]byte) {
	t.Helper()
	for _, closed := range []bool{false, true} {
		validateAllWith(t, files, validators(t, files, closed))
	}
}

func validateAllWith(t *testing.T, files map[string][]byte, schemas map[string]*jsonschema.Schema) {
	t.Helper()
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

// TestSchemasAreStrict: documents that break the contract are rejected:
// wrong types, missing required fields, values outside an enumeration.
// Unknown fields are not (TestSchemasAllowAdditions).
func TestSchemasAreStrict(t *testing.T) {
	files := generate(t, loadSite(t))
	schemas := validators(t, files, false)
	const p = "api/v1/en/areas/youth-neet.json"
	tests := []struct {
		name   string
		change func(doc map[string]any, act map[string]any)
	}{
		{"missing as_of", func(doc, act map[string]any) { delete(doc, "as_of") }},
		{"bad as_of", func(doc, act map[string]any) { doc["as_of"] = "30/06/2025" }},
		{"missing overdue", func(doc, act map[string]any) { delete(act, "overdue") }},
		{"overdue as a string", func(doc, act map[string]any) { act["overdue"] = "true" }},
		{"missing status", func(doc, act map[string]any) { delete(act, "status") }},
		{"number as a string", func(doc, act map[string]any) { act["number"] = "1" }},
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

// TestSchemasAllowAdditions: v1 only grows, so a consumer validating
// with a kept copy of the schemas must accept documents with new fields,
// at the top and in every nested object.
func TestSchemasAllowAdditions(t *testing.T) {
	files := generate(t, loadSite(t))
	schemas := validators(t, files, false)
	add := func(m map[string]any) { m["added_in_1_9"] = map[string]any{"x": 1} }
	first := func(doc map[string]any, key string) map[string]any { return doc[key].([]any)[0].(map[string]any) }
	tests := []struct {
		path   string
		change func(doc map[string]any)
	}{
		{"api/v1/en/areas/youth-neet.json", func(doc map[string]any) {
			add(doc)
			act := first(doc, "activities")
			add(act)
			for _, k := range []string{"schedule", "venue", "interpretation", "text", "labels", "urls"} {
				add(sub(act, k))
			}
			add(act["providers"].([]any)[0].(map[string]any))
			add(act["languages"].([]any)[0].(map[string]any))
			add(sub(doc, "area"))
			add(sub(sub(doc, "area"), "text"))
			add(sub(sub(doc, "area"), "urls"))
		}},
		{"api/v1/catalog.json", func(doc map[string]any) {
			add(doc)
			act := first(doc, "activities")
			add(act)
			for _, k := range []string{"schedule", "venue", "interpretation", "urls"} {
				add(sub(act, k))
			}
			add(sub(sub(act, "labels"), "en"))
			add(sub(sub(act, "texts"), "en"))
			add(first(doc, "areas"))
			add(first(doc, "languages"))
		}},
		{"api/v1/index.json", func(doc map[string]any) {
			add(doc)
			add(first(doc, "documents"))
			add(first(doc, "schemas"))
		}},
		{"api/v1/fr/countries.json", func(doc map[string]any) {
			add(doc)
			add(first(doc, "countries"))
			add(sub(first(doc, "countries"), "urls"))
		}},
	}
	for _, tt := range tests {
		var doc map[string]any
		if err := json.Unmarshal(files[tt.path], &doc); err != nil {
			t.Fatal(err)
		}
		tt.change(doc)
		if err := schemas[doc["$schema"].(string)].Validate(roundTrip(t, doc)); err != nil {
			t.Errorf("%s with added fields is refused: %v", tt.path, err)
		}
	}
}

// TestSchemaDescriptions: every property of every published schema says
// what it holds (the API page's field tables are made from them). The
// properties named in if/then/else are conditions on properties described
// elsewhere, not declarations.
func TestSchemaDescriptions(t *testing.T) {
	files := generate(t, loadSite(t))
	n := 0
	for p, data := range files {
		if !strings.HasPrefix(p, "api/v1/schema/") {
			continue
		}
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		n += checkDescriptions(t, p, "", doc)
	}
	if n < 100 {
		t.Errorf("only %d properties checked", n)
	}
}

func checkDescriptions(t *testing.T, file, at string, v any) int {
	n := 0
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			switch k {
			case "if", "then", "else":
				continue
			case "properties":
				props, _ := x.(map[string]any)
				for name, ps := range props {
					if ps, ok := ps.(map[string]any); ok {
						n++
						if d, _ := ps["description"].(string); strings.TrimSpace(d) == "" {
							t.Errorf("%s: property %s/%s has no description", file, at, name)
						}
					}
					n += checkDescriptions(t, file, at+"/"+name, ps)
				}
			default:
				n += checkDescriptions(t, file, at+"/"+k, x)
			}
		}
	case []any:
		for _, x := range v {
			n += checkDescriptions(t, file, at, x)
		}
	}
	return n
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
