package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/schedule"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

const testBase = "https://oic-pesnet.example/"

// loadSite reads the content of the shared fixture site (internal/testproject).
func loadSite(t *testing.T) *content.Site {
	t.Helper()
	sub, err := fs.Sub(testproject.FS(t), "content")
	if err != nil {
		t.Fatal(err)
	}
	site, problems := content.Load(sub, "content")
	if problems.HasErrors() {
		t.Fatalf("content has errors:\n%s", problems)
	}
	return site
}

// generate runs Files on site and returns the files by path.
func generate(t *testing.T, site *content.Site) map[string][]byte {
	t.Helper()
	bundle, problems := l10n.LoadBundle(os.DirFS("../.."), "i18n", site.Config.Languages)
	if problems.HasErrors() {
		t.Fatalf("i18n has errors:\n%s", problems)
	}
	files, problems := Files(assemble.New(site), bundle, Options{BaseURL: testBase})
	if s := problems.String(); s != "" {
		t.Fatalf("Files reported problems:\n%s", s)
	}
	out := map[string][]byte{}
	var paths []string
	for _, f := range files {
		if _, dup := out[f.Path]; dup {
			t.Errorf("%s is generated twice", f.Path)
		}
		out[f.Path] = f.Data
		paths = append(paths, f.Path)
	}
	if !slices.IsSorted(paths) {
		t.Errorf("files are not sorted by path: %v", paths)
	}
	return out
}

// activityByID finds an activity of site.
func activityByID(t *testing.T, site *content.Site, id string) *content.Activity {
	t.Helper()
	for _, a := range site.Activities {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("no activity %q in the content", id)
	return nil
}

func decode[T any](t *testing.T, data []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return v
}

func TestDocumentList(t *testing.T) {
	site := loadSite(t)
	files := generate(t, site)
	for _, p := range []string{
		"api/v1/index.json", "api/v1/catalog.json", "api/v1/catalog.csv",
		"api/v1/fr/activities.json", "api/v1/ar/activities.json", "api/v1/en/activities.json",
		"api/v1/ar/areas/youth-neet.json", "api/v1/en/countries.json", "api/v1/en/countries/AZ.json",
		"api/v1/schema/activities.schema.json", "api/v1/schema/index.schema.json",
	} {
		if files[p] == nil {
			t.Errorf("%s is missing", p)
		}
	}
	for p := range files {
		if !strings.HasPrefix("/"+p, assemble.APIPrefix) {
			t.Errorf("%s is outside %s", p, assemble.APIPrefix)
		}
	}
	// The index lists every document but the schemas, which it lists apart.
	idx := decode[indexDoc](t, files["api/v1/index.json"])
	listed := map[string]bool{}
	for _, d := range idx.Documents {
		listed[strings.TrimPrefix(d.URL, testBase)] = true
	}
	for _, s := range idx.Schemas {
		listed[strings.TrimPrefix(s.URL, testBase)] = true
	}
	for _, p := range idx.Progress { // since 1.3, apart from documents and schemas
		for _, u := range []string{p.URL, p.CSV, p.Schema} {
			listed[strings.TrimPrefix(u, testBase)] = true
		}
	}
	for _, v := range idx.Views { // since 1.4, apart too
		for _, u := range []string{v.URL, v.Schema} {
			listed[strings.TrimPrefix(u, testBase)] = true
		}
	}
	for _, u := range slices.Concat(idx.Upcoming, idx.Past) { // since 1.5 and 1.6, apart too
		for _, u := range []string{u.URL, u.Schema} {
			listed[strings.TrimPrefix(u, testBase)] = true
		}
	}
	for p := range files {
		if !listed[p] {
			t.Errorf("%s is not listed in index.json", p)
		}
		delete(listed, p)
	}
	for p := range listed {
		t.Errorf("index.json lists %s, which is not generated", p)
	}
	acts := decode[activitiesDoc](t, files["api/v1/en/activities.json"])
	if len(acts.Activities) != len(site.Activities) || len(acts.Areas) != len(site.Areas) {
		t.Errorf("en/activities.json has %d activities and %d areas, want %d and %d",
			len(acts.Activities), len(acts.Areas), len(site.Activities), len(site.Areas))
	}
}

func TestGolden(t *testing.T) {
	files := generate(t, loadSite(t))
	for _, tt := range []struct{ path, golden string }{
		{"api/v1/ar/areas/youth-neet.json", "ar-area-youth-neet.json.golden"},
	} {
		var indented bytes.Buffer // the golden file is indented, for reviewable diffs
		if err := json.Indent(&indented, files[tt.path], "", "  "); err != nil {
			t.Fatal(err)
		}
		got := indented.Bytes()
		golden := filepath.Join("testdata", tt.golden)
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/opendata -run TestGolden -update and review the file)", err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s differs from %s (-want +got):\n%s", tt.path, golden, diff)
		}
	}
}

func TestDeterministic(t *testing.T) {
	first := generate(t, loadSite(t))
	second := generate(t, loadSite(t))
	if len(first) != len(second) {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	for p, data := range first {
		if !bytes.Equal(data, second[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
}

// TestTextIsNotHTML: texts are plain strings in JSON, whatever characters
// they hold; Markdown becomes plain text and raw HTML is dropped.
func TestTextIsNotHTML(t *testing.T) {
	site := loadSite(t)
	a := activityByID(t, site, "lmis-training")
	const title = `Workshop </script><script>alert("x")</script> & <b>bold</b> 'quoted'`
	a.Texts["en"].Title = title
	a.Texts["en"].Body = []byte("Some **strong** text with <b>raw</b> HTML and a [link](https://example.org/).\n\n- one\n- two")
	files := generate(t, site)
	data := files["api/v1/en/activities.json"]
	for _, bad := range []string{"</script>", "<b>", "&lt;", "&amp;", "<strong>"} {
		if bytes.Contains(data, []byte(bad)) {
			t.Errorf("en/activities.json contains %q literally", bad)
		}
	}
	doc := decode[activitiesDoc](t, data)
	got := doc.Activities[slices.IndexFunc(doc.Activities, func(x activity) bool { return x.ID == a.ID })].Text
	if got.Title != title {
		t.Errorf("title = %q, want %q", got.Title, title)
	}
	if want := "Some strong text with raw HTML and a link.\n\n- one\n- two"; got.Description != want {
		t.Errorf("description = %q, want %q", got.Description, want)
	}
}

// TestCountryWithoutActivity: only provider countries get a document.
func TestCountryWithoutActivity(t *testing.T) {
	site := loadSite(t)
	providers := map[string]bool{}
	for _, a := range site.Activities {
		for _, p := range a.Providers {
			providers[p.Country] = true
		}
	}
	// AZ hosts and provides; remove it from every provider list, so that it
	// remains only as a venue country.
	for _, a := range site.Activities {
		a.Providers = slices.DeleteFunc(a.Providers, func(p content.Provider) bool { return p.Country == "AZ" })
	}
	delete(providers, "AZ")
	files := generate(t, site)
	for _, lang := range site.Config.Languages {
		if files["api/v1/"+lang+"/countries/AZ.json"] != nil {
			t.Errorf("%s: AZ provides no activity but has a document", lang)
		}
		if files["api/v1/"+lang+"/countries/FR.json"] != nil {
			t.Errorf("%s: FR is no provider but has a document", lang)
		}
		doc := decode[countriesDoc](t, files["api/v1/"+lang+"/countries.json"])
		var codes []string
		for _, c := range doc.Countries {
			codes = append(codes, c.Code)
			if c.ActivityCount == 0 {
				t.Errorf("%s: %s is listed with no activity", lang, c.Code)
			}
			if files["api/v1/"+lang+"/countries/"+c.Code+".json"] == nil {
				t.Errorf("%s: %s is listed but has no document", lang, c.Code)
			}
		}
		if len(codes) != len(providers) || slices.Contains(codes, "AZ") {
			t.Errorf("%s: countries.json lists %v, want the %d provider countries but AZ", lang, codes, len(providers))
		}
	}
}

// TestFallback: a missing translation shows the default language's text.
func TestFallback(t *testing.T) {
	site := loadSite(t)
	a := activityByID(t, site, "lmi-webinar")
	delete(a.Texts, "ar")
	files := generate(t, site)
	doc := decode[activitiesDoc](t, files["api/v1/ar/activities.json"])
	for _, x := range doc.Activities {
		want := textMeta{Lang: "ar", Unreviewed: x.Text.Unreviewed}
		if x.ID == a.ID {
			want = textMeta{Lang: "fr", Fallback: true, Unreviewed: a.Texts["fr"].Unreviewed}
		}
		if x.Text.textMeta != want {
			t.Errorf("%s: text is %+v, want %+v", x.ID, x.Text.textMeta, want)
		}
	}
}

func TestScheduleWithTimes(t *testing.T) {
	site := loadSite(t)
	a := activityByID(t, site, "lmis-training")
	s, err := schedule.Parse("2025-11-04T09:00/2025-11-05T17:30 Asia/Baku")
	if err != nil {
		t.Fatal(err)
	}
	a.Schedule = s
	files := generate(t, site)
	doc := decode[activitiesDoc](t, files["api/v1/en/activities.json"])
	got := doc.Activities[slices.IndexFunc(doc.Activities, func(x activity) bool { return x.ID == a.ID })].Schedule.scheduleFacts
	want := scheduleFacts{Notation: s.Notation, Precision: "minute", Earliest: "2025-11-04", Latest: "2025-11-05",
		TBC: a.ScheduleTBC, Start: "2025-11-04T09:00:00+04:00", End: "2025-11-05T17:30:00+04:00", TimeZone: "Asia/Baku"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("schedule (-want +got):\n%s", diff)
	}
}

func TestBadBaseURL(t *testing.T) {
	site := loadSite(t)
	bundle, _ := l10n.LoadBundle(os.DirFS("../.."), "i18n", site.Config.Languages)
	for _, base := range []string{"", "/relative/", "https://example.org"} {
		files, problems := Files(assemble.New(site), bundle, Options{BaseURL: base})
		if !problems.HasErrors() || files != nil {
			t.Errorf("BaseURL %q: want an error and no files", base)
		}
	}
}

func TestItems(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"- one\n- two", []string{"one", "two"}},
		{"1. one\n2. two", []string{"one", "two"}},
		{"Intro.\n\n- one\n  - nested\n- two", []string{"Intro.", "one\n  - nested", "two"}},
	}
	for _, tt := range tests {
		if got := items(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("items(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStreamedEqualsEncoded: the documents written one activity at a time
// are byte for byte what encoding them whole gives.
func TestStreamedEqualsEncoded(t *testing.T) {
	site := loadSite(t)
	bundle, _ := l10n.LoadBundle(os.DirFS("../.."), "i18n", site.Config.Languages)
	g := newGenerator(assemble.New(site), bundle, Options{BaseURL: testBase}, &diag.List{})
	check := func(name string, whole any, stream func(w *bytes.Buffer) error) {
		want, err := encodeJSON(whole)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := stream(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want, got.Bytes()) {
			t.Errorf("%s: streamed and whole encodings differ:\n%s\n%s", name, want, got.Bytes())
		}
	}
	wholeCatalog := g.catalogDoc()
	for i := range g.cat.Activities {
		wholeCatalog.Activities = append(wholeCatalog.Activities, g.catalogActivity(i))
	}
	check("catalog", wholeCatalog, func(w *bytes.Buffer) error { return g.writeCatalog(w) })
	// Each document listing activities is written from their shared
	// encodings: the same bytes as the whole document's, whichever
	// document encodes an activity first.
	shared := func(name, lang string, idx []int, head, whole any) {
		g.listed(lang, idx)
		check(name, whole, func(w *bytes.Buffer) error { return g.writeActs(w, head, lang, idx) })
	}
	all := g.allActs()
	whole := g.activitiesDoc("ar")
	whole.Activities = g.pick("ar", all)
	shared("activities", "ar", all, g.activitiesDoc("ar"), whole)
	area := g.areaActs(0)
	wholeArea := g.areaDoc("en", 0)
	wholeArea.Activities = g.pick("en", area)
	shared("area", "en", area, g.areaDoc("en", 0), wholeArea)
	c := g.countries("fr")[0]
	country := g.countryActs(c)
	wholeCountry := g.countryDoc("fr", c)
	wholeCountry.Activities = g.pick("fr", country)
	shared("country", "fr", country, g.countryDoc("fr", c), wholeCountry)
	typ := g.typeActs(content.TypeWorkshop)
	wholeType := g.typeDoc("fr", content.TypeWorkshop, typ)
	wholeType.Activities = g.pick("fr", typ)
	shared("type", "fr", typ, g.typeDoc("fr", content.TypeWorkshop, typ), wholeType)
	lang := g.languageActs("ar")
	wholeLang := g.languageDoc("ar", "ar", lang)
	wholeLang.Activities = g.pick("ar", lang)
	shared("language", "ar", lang, g.languageDoc("ar", "ar", lang), wholeLang)
	if len(all) == 0 || len(area) == 0 || len(country) == 0 || len(typ) == 0 || len(lang) == 0 {
		t.Fatalf("a document of the test lists no activity: %d %d %d %d %d", len(all), len(area), len(country), len(typ), len(lang))
	}
	// Made again after the last document released them (the preview's
	// fast path may make a file again): the same bytes.
	shared("activities again", "ar", all, g.activitiesDoc("ar"), whole)
	empty := g.areaDoc("en", 0)
	shared("empty list", "en", nil, empty, empty)
}

// TestOverdue: every JSON document says the date its statuses describe,
// and an activity whose dates passed while it is still planned is marked,
// by the site's rule (assemble.Catalog.Overdue), in JSON and CSV.
func TestOverdue(t *testing.T) {
	site := loadSite(t)
	cat := assemble.New(site)
	files := generate(t, site)
	asOf := site.Config.Updated.Format("2006-01-02")
	for p, data := range files {
		if strings.HasSuffix(p, ".json") && !strings.HasPrefix(p, "api/v1/schema/") {
			if doc := decode[map[string]any](t, data); doc["as_of"] != asOf {
				t.Errorf("%s: as_of is %v, want %s", p, doc["as_of"], asOf)
			}
		}
	}
	doc := decode[activitiesDoc](t, files["api/v1/fr/activities.json"])
	overdue := 0
	for _, a := range doc.Activities {
		if want := cat.Overdue(activityByID(t, site, a.ID)); a.Overdue != want {
			t.Errorf("%s: overdue is %v, want %v", a.ID, a.Overdue, want)
		}
		if a.Overdue {
			overdue++
		}
	}
	if overdue == 0 || overdue == len(doc.Activities) {
		t.Errorf("%d of %d activities overdue: the fixture should have both kinds", overdue, len(doc.Activities))
	}
	if !strings.Contains(string(files["api/v1/catalog.json"]), `"id":"lmis-training","plan":"2025-2026","area":"lmi","number":1,"type":"training","status":"planned","overdue":true`) {
		t.Error("catalog.json does not mark lmis-training (2025-03, planned, as of 2025-06-30) overdue")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files["api/v1/catalog.csv"], []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return slices.Index(csvHeader(), name) }
	for _, r := range rows[1:] {
		want := strconv.FormatBool(r[col("id")] == "lmis-training")
		if r[col("overdue")] != want || r[col("as_of")] != asOf {
			t.Errorf("CSV row %s/%s: overdue %s as_of %s, want %s %s", r[col("id")], r[col("lang")], r[col("overdue")], r[col("as_of")], want, asOf)
		}
	}
}
