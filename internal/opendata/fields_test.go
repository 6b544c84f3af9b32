package opendata

import (
	"slices"
	"testing"
)

// TestFields: the API page's tables come from the schemas, with every
// field described and the shared objects linked rather than repeated.
func TestFields(t *testing.T) {
	docs, objects, err := Fields()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(schemaNames()) || len(objects) != len(shared) {
		t.Fatalf("%d document tables and %d object tables", len(docs), len(objects))
	}
	find := func(tables []Table, id, path string) Field {
		t.Helper()
		for _, tb := range tables {
			if tb.ID != id {
				continue
			}
			for _, f := range tb.Fields {
				if f.Description == "" {
					t.Errorf("%s: %s has no description", id, f.Path)
				}
			}
			i := slices.IndexFunc(tb.Fields, func(f Field) bool { return f.Path == path })
			if i < 0 {
				t.Fatalf("%s has no field %s", id, path)
			}
			return tb.Fields[i]
		}
		t.Fatalf("no table %s", id)
		return Field{}
	}
	for _, tt := range []struct {
		table, path, typ, ref string
		required              bool
	}{
		{"activities", "as_of", "date", "", true},
		{"activities", "activities", "array of object", "activity", true},
		{"catalog", "activities", "array of object", "catalogActivity", true},
		{"activity", "overdue", "boolean", "", true},
		{"activity", "status", "planned | confirmed | completed | postponed | cancelled", "", true},
		{"activity", "schedule.precision", "undetermined | month | quarter | day | minute", "", true},
		{"activity", "schedule.start", "date-time", "", false},
		{"activity", "providers[].tbc", "boolean", "", true},
		{"activity", "registration", "url", "", false},
		{"catalogActivity", "texts.<lang>.title", "string", "", true},
		{"index", "documents[].kind", "index | catalog | csv | activities | area | countries | country", "", true},
		{"activities", "plans", "array of object", "plan", true},
		{"catalog", "plans", "array of object", "catalogPlan", true},
		{"plan", "status", "current | draft | archived", "", true},
		{"plan", "adopted", "date", "", false},
		{"plan", "urls.calendar", "url", "", false},
		{"catalogPlan", "texts.<lang>.adopted_at", "string", "", false},
		{"activity", "plan", "string", "", true},
		{"catalogArea", "plan", "string", "", true},
	} {
		f := find(append(docs, objects...), tt.table, tt.path)
		if f.Type != tt.typ || f.Ref != tt.ref || f.Required != tt.required {
			t.Errorf("%s %s: got %+v, want type %q ref %q required %v", tt.table, tt.path, f, tt.typ, tt.ref, tt.required)
		}
	}
}
