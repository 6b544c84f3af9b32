package cms_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/goccy/go-yaml"
	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/oic-pesnet/workplan/internal/cms"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

var update = flag.Bool("update", false, "rewrite the golden file")

// generate returns the configuration of the fixture project fsys.
func generate(t *testing.T, fsys fstest.MapFS) []byte {
	t.Helper()
	out, problems := cms.FromProject(fsys)
	if out == nil {
		t.Fatalf("no configuration:\n%s", problems)
	}
	return out
}

// TestGolden: the fixture's configuration, byte for byte. Run with
// -update after a deliberate change, and read the diff.
func TestGolden(t *testing.T) {
	got := generate(t, testproject.FS(t, testproject.Plans(t)))
	golden := filepath.Join("testdata", "config.golden.yml")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("configuration differs from %s (-want +got):\n%s", golden, diff)
	}
}

// config is the part of the configuration the model tests read.
type config struct {
	I18n struct {
		Locales       []string `yaml:"locales"`
		DefaultLocale string   `yaml:"default_locale"`
	} `yaml:"i18n"`
	Collections []struct {
		Name   string  `yaml:"name"`
		Fields []field `yaml:"fields"`
		Files  []struct {
			File   string  `yaml:"file"`
			Fields []field `yaml:"fields"`
		} `yaml:"files"`
	} `yaml:"collections"`
}

type field struct {
	Name     string   `yaml:"name"`
	Widget   string   `yaml:"widget"`
	Required *bool    `yaml:"required"`
	I18n     bool     `yaml:"i18n"`
	Multiple bool     `yaml:"multiple"`
	Options  []option `yaml:"options"`
	Fields   []field  `yaml:"fields"`
	Field    *field   `yaml:"field"`
}

type option struct{ Label, Value string }

func parse(t *testing.T, data []byte) config {
	t.Helper()
	var c config
	if err := yaml.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestFormMatchesModel: the activity form offers every fact content reads,
// requires exactly the required ones, writes facts once (i18n: false) and
// texts in every language; its choices are the fixture's plans and areas.
func TestFormMatchesModel(t *testing.T) {
	c := parse(t, generate(t, testproject.FS(t, testproject.Plans(t))))
	if c.I18n.DefaultLocale != "fr" || strings.Join(c.I18n.Locales, ",") != "fr,ar,en" {
		t.Errorf("i18n = %+v", c.I18n)
	}
	acts := c.Collections[0]
	facts := map[string]bool{}
	for _, f := range acts.Fields {
		required := f.Required == nil || *f.Required
		if f.I18n {
			continue
		}
		facts[f.Name] = required
	}
	if diff := cmp.Diff(content.FactFields(), facts); diff != "" {
		t.Errorf("the form's facts differ from content's (-content +form):\n%s", diff)
	}
	var texts []string
	for _, f := range acts.Fields {
		if f.I18n {
			texts = append(texts, f.Name)
		}
	}
	if want := []string{"title", "summary", "unreviewed", "outcome", "reason", "body"}; !slices.Equal(texts, want) {
		t.Errorf("texts = %v, want %v", texts, want)
	}
	values := func(name string) []string {
		for _, f := range acts.Fields {
			if f.Name == name {
				var out []string
				for _, o := range f.Options {
					out = append(out, o.Value)
				}
				return out
			}
		}
		return nil
	}
	if got := values("plan"); strings.Join(got, ",") != "2023-2024,2025-2026,2027-2028" {
		t.Errorf("plans = %v", got)
	}
	areas := values("area")
	slices.Sort(areas)
	if got := strings.Join(areas, ","); got != "digital,green-jobs,lmi,youth-neet" {
		t.Errorf("areas = %v", got)
	}
	if got := values("type"); strings.Join(got, ",") != "training,webinar,workshop" {
		t.Errorf("types = %v", got)
	}
}

// TestFormWritesWhatContentReads writes an activity as the form does (each
// field given a value of its kind, the facts in the default language's
// file only, empty optional fields left out) and loads it: no problem.
func TestFormWritesWhatContentReads(t *testing.T) {
	fsys := testproject.FS(t)
	c := parse(t, generate(t, fsys))
	acts := c.Collections[0]
	sample := map[string]any{
		"id": "form-written", "plan": "2025-2026", "area": "lmi", "number": 9, "type": "workshop",
		"schedule": "2025-11-04/2025-11-06", "schedule_tbc": true,
		"venue":     map[string]any{"mode": "on-site", "country": "MA", "city": "Rabat"},
		"languages": []string{"fr", "ar"}, "interpretation": []string{"en"}, "interpretation_tbc": true,
		"providers":       []map[string]any{{"country": "MA"}, {"country": "TR", "tbc": true}},
		"other_providers": "francophone", "beneficiaries": "all", "status": "confirmed",
		"registration": "https://example.org/register", "updated": "2025-06-01", "sequence": 1,
		"title": "Atelier", "summary": "Un atelier.", "unreviewed": true,
	}
	var facts, texts strings.Builder
	for _, f := range acts.Fields {
		v, ok := sample[f.Name]
		if !ok {
			continue // optional and left blank: omitted
		}
		line, err := yaml.Marshal(map[string]any{f.Name: v})
		if err != nil {
			t.Fatal(err)
		}
		if f.I18n {
			texts.Write(line)
		} else {
			facts.Write(line)
		}
	}
	fsys["content/activities/form-written/index.fr.md"] = &fstest.MapFile{Data: []byte("---\n" + facts.String() + texts.String() + "---\nTexte.\n")}
	for _, lang := range []string{"ar", "en"} {
		fsys["content/activities/form-written/index."+lang+".md"] = &fstest.MapFile{Data: []byte("---\n" + texts.String() + "---\nText.\n")}
	}
	site, problems := content.Load(mustSub(t, fsys), "content")
	for _, d := range problems.Items() {
		if strings.Contains(d.File, "form-written") {
			t.Errorf("%s", d)
		}
	}
	if site == nil || !slices.ContainsFunc(site.Activities, func(a *content.Activity) bool { return a.ID == "form-written" && a.Venue.City == "Rabat" }) {
		t.Errorf("the written activity did not load")
	}
}

func mustSub(t *testing.T, fsys fstest.MapFS) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	for name, f := range fsys {
		if rest, ok := strings.CutPrefix(name, "content/"); ok {
			out[rest] = f
		}
	}
	return out
}

// TestDrift: the committed configuration matches the model until an area
// is added; then check's warning names the first line that differs.
func TestDrift(t *testing.T) {
	fsys := testproject.FS(t)
	fsys[cms.File] = &fstest.MapFile{Data: generate(t, fsys)}
	drift := func() string {
		site, p := content.Load(mustSub(t, fsys), "content")
		if site == nil || p.HasErrors() {
			t.Fatalf("fixture does not load:\n%s", p)
		}
		bundle, p := l10n.LoadBundle(fsys, "i18n", site.Config.Languages)
		if p.HasErrors() {
			t.Fatal(p)
		}
		problems := &diag.List{}
		cms.Drift(fsys, site, bundle, problems)
		return problems.String()
	}
	if got := drift(); got != "" {
		t.Errorf("fresh configuration drifts:\n%s", got)
	}
	for lang, title := range map[string]string{"fr": "Emplois verts", "ar": "الوظائف الخضراء", "en": "Green jobs"} {
		fsys["content/plans/2025-2026/areas/green-jobs/_index."+lang+".md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: %s\nsummary: .\n---\n", title))}
	}
	fsys["content/plans/2025-2026/areas/green-jobs/area.yaml"] = &fstest.MapFile{Data: []byte("number: 9\n")}
	got := drift()
	if !strings.HasPrefix(got, cms.File+":") || !strings.Contains(got, "warning: the browser editor's form no longer matches the content") || !strings.Contains(got, "go run ./cmd/pesnet cms") {
		t.Errorf("after adding an area: %q", got)
	}
	delete(fsys, cms.File)
	if got := drift(); got != "" {
		t.Errorf("a project without a CMS drifts: %q", got)
	}
}

// TestSchema validates the configuration against the JSON Schema that
// Sveltia CMS publishes with the pinned version (copied from its npm
// package, schema/sveltia-cms.json; .ci/checks/cms.mjs checks the copy):
// an option misspelt or misplaced fails here, not in an editor's browser.
func TestSchema(t *testing.T) {
	const schema = "testdata/sveltia-cms-0.221.1.schema.json"
	raw, err := os.ReadFile(schema)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://example.org/sveltia-cms.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	var cfg any
	if err := yaml.Unmarshal(generate(t, testproject.FS(t, testproject.Plans(t))), &cfg); err != nil {
		t.Fatal(err)
	}
	// Through JSON, so that numbers and maps have the types the
	// validator expects.
	data, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("the configuration does not follow Sveltia's schema:\n%v", err)
	}
}
