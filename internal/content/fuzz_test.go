package content_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/testproject"
	"github.com/oic-pesnet/workplan/internal/txtarfs"
)

// The fuzz targets of this file put arbitrary bytes in one file of a small
// valid content tree and check what must hold whatever the file holds:
// Load does not panic, and every problem names a file of the tree and a
// line and column inside that file, so that an editor can jump to it.
// Seeds are the files of the fixtures (testdata/base.txtar,
// testdata/bad/*.txtar) and of the project's content; inputs that once
// failed are kept in testdata/fuzz/<target>.
//
// Run them longer with:
//
//	go test ./internal/content -run '^$' -fuzz '^FuzzFrontMatter$' -fuzztime 10m
//	go test ./internal/content -run '^$' -fuzz '^FuzzLoad$' -fuzztime 10m

// FuzzFrontMatter fuzzes a text file (front matter and Markdown):
// activities/webinar/index.fr.md of testdata/base.txtar.
func FuzzFrontMatter(f *testing.F) {
	const name = "activities/webinar/index.fr.md"
	base, err := txtarfs.Read("testdata/base.txtar")
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range fixtureFiles(f, ".md") {
		f.Add(seed)
	}
	for _, s := range []string{
		"",
		"---\n---\n",
		"---\ntitle: T\nsummary: S\n---\n",
		"---\ntitle: T\nsummary: S\n---", // no final newline
		"\n\n---\ntitle: T\nsummary: S\n---\nBody.\n",
		"---\r\ntitle: « Titre »\r\nsummary: Résumé.\r\n---\r\nTexte.\r\n",
		"\uFEFF---\ntitle: عنوان\nsummary: ملخص\n---\nنص\n",
		"---\ntitle: [a, b]\nsummary: {x: 1}\n---\n",
		"---\ntitle: |\n  two\n  lines\nsummary: S\n---\n",
		"---\ntitle: &a T\nsummary: *a\n---\n",
		"---\ntitle: T\nsummary: S\n---\n---\nnot front matter\n---\n",
		"---\ntitle: T\n---\nsummary: S\n---\n",
		"---\n\ttitle: T\nsummary: S\n---\n",
		"---\ntitle: \"\\u0000\\x85\\U0001F600\"\nsummary: S\nunreviewed: yes\n---\n",
		"---\ntitle: 'عربي: ''x'''\nsummary: \"é\\\"\"\n---\n",
		"---\n? title\n: T\nsummary: S\n---\n",
		"---\ntitle: T\nsummary: S\ntitle: U\n---\n",
		"---\n!!binary x: y\n---\n",
		"---\ntitle: T\nsummary: S\n--- \n<script>alert(1)</script>\n",
		"---\ntitle: T\xff\nsummary: S\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := clone(base)
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		site, problems := content.Load(fsys, "content")
		checkProblems(t, fsys, problems)
		if problems.HasErrors() {
			return
		}
		text := site.Activities[0].Texts["fr"]
		if text == nil {
			t.Fatalf("no error, but the French text was not loaded:\n%s", problems)
		}
		for _, s := range []string{text.Title, text.Summary} {
			if s == "" || s != strings.TrimSpace(s) || strings.ContainsAny(s, "\r\n") || !utf8.ValidString(s) {
				t.Fatalf("accepted a title or summary that is empty, untrimmed, on several lines or not UTF-8: %q", s)
			}
		}
		if !utf8.Valid(text.Body) || text.BodyLine < 1 || text.BodyLine > lineCount(data)+1 {
			t.Fatalf("body starts on line %d of %d, or is not UTF-8", text.BodyLine, lineCount(data))
		}
	})
}

// FuzzLoad fuzzes the facts of an activity (activity.yaml) in a generated
// tree whose areas are those of the shared fixture site
// (internal/testproject), so that its activity.yaml files are valid seeds.
// Facts accepted there are then written where the browser editor writes
// them, at the top of the front matter of index.fr.md, and loaded again
// with the same checks.
func FuzzLoad(f *testing.F) {
	const name, textName = "activities/a/activity.yaml", "activities/a/index.fr.md"
	project := testproject.FS(f)
	areas, _ := fs.Glob(project, "content/plans/*/areas/*/area.yaml")
	fsys := fstest.MapFS{
		"site.yaml":                    file("base_url: https://example.org/\nlanguages: [fr, ar, en]\nupdated: 2025-01-15\n"),
		"plans/2025-2026/plan.yaml":    file("status: current\n"),
		"plans/2025-2026/_index.fr.md": file("---\ntitle: Plan\nsummary: Le plan.\n---\nTexte.\n"),
		"activities/a/index.fr.md":     file("---\ntitle: Atelier\nsummary: Un atelier.\n---\nDescription.\n"),
	}
	for i, p := range append(areas, "digital/area.yaml") {
		id := path.Base(path.Dir(p))
		fsys["plans/2025-2026/areas/"+id+"/area.yaml"] = file(fmt.Sprintf("number: %d\n", i+1))
		fsys["plans/2025-2026/areas/"+id+"/_index.fr.md"] = file("---\ntitle: Domaine\nsummary: Un domaine.\n---\n- Objectif.\n")
	}
	real, _ := fs.Glob(project, "content/activities/*/activity.yaml")
	for _, p := range real {
		data, err := fs.ReadFile(project, p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, seed := range fixtureFiles(f, ".yaml") {
		f.Add(seed)
	}
	for _, s := range []string{
		"", "{}", "[]", "- x", "id: a\nid: b\n", "id: &x a\narea: *x\n", "venue:\n  mode: on-site\n",
		"id: a\nplan: 2025-2026\narea: digital\nnumber: 1\ntype: workshop\nschedule: 2025-11-04T09:00/2025-11-04T17:00 Europe/Istanbul\nvenue: {mode: on-site, country: AZ, city: Baku}\nlanguages: [en]\ninterpretation: [ar, fr]\ninterpretation_tbc: true\nproviders: [{country: AZ}, {country: MY, tbc: true}]\nother_providers: francophone\nbeneficiaries: all\nstatus: confirmed\nregistration: https://example.org/r?a=1\nupdated: 2025-01-02\nsequence: 3\n",
		"id: a\nschedule: \"\\t2025-11-04T09:00/2025-11-04T17:00\"\nnumber: 99999999999999999999\nsequence: -1\n",
		"id: \"../../x\"\nregistration: javascript:alert(1)\nschedule: tbd\n",
		"id: a\nschedule: 'عربي 2025'\nvenue:\n  mode: online\n  city: باكو\n",
		"id: a\n\tarea: b\n",
		"%YAML 1.2\n---\nid: a\n",
		"id: a\n---\nid: b\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := clone(fsys)
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		loadOne(t, fsys)
		// The same facts where the browser editor writes them: in the
		// front matter of the default language's text, before its title.
		delete(fsys, name)
		text := "---\n" + string(data)
		if !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		fsys[textName] = &fstest.MapFile{Data: []byte(text + "title: Atelier\nsummary: Un atelier.\n---\nDescription.\n"), Mode: 0o644}
		loadOne(t, fsys)
	})
}

// loadOne loads fsys, which holds one activity, and checks the problems'
// positions and, when there is none, the facts accepted.
func loadOne(t *testing.T, fsys fstest.MapFS) {
	t.Helper()
	site, problems := content.Load(fsys, "content")
	checkProblems(t, fsys, problems)
	if problems.HasErrors() {
		return
	}
	if len(site.Activities) != 1 {
		t.Fatalf("no error, but %d activities", len(site.Activities))
	}
	checkAcceptedFacts(t, site, site.Activities[0].Facts)
}

var validID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checkAcceptedFacts checks what the loader promises about accepted facts.
func checkAcceptedFacts(t *testing.T, site *content.Site, f content.Facts) {
	t.Helper()
	areas := map[string]bool{}
	for _, a := range site.Areas {
		areas[a.ID] = true
	}
	switch {
	case len(f.ID) > 80 || !validID.MatchString(f.ID):
		t.Fatalf("accepted id %q", f.ID)
	case !areas[f.Area]:
		t.Fatalf("accepted area %q", f.Area)
	case f.Number < 1 || f.Sequence < 0:
		t.Fatalf("accepted number %d, sequence %d", f.Number, f.Sequence)
	case !slices.Contains(content.Types(), f.Type):
		t.Fatalf("accepted type %q", f.Type)
	case !slices.Contains(content.Statuses(), f.Status):
		t.Fatalf("accepted status %q", f.Status)
	case len(f.Languages) == 0:
		t.Fatalf("accepted no delivery language")
	case f.Registration != "" && !strings.HasPrefix(f.Registration, "https://") && !strings.HasPrefix(f.Registration, "http://"):
		t.Fatalf("accepted registration %q", f.Registration)
	case f.Venue.Mode == content.VenueOnSite && f.Venue.Country == "":
		t.Fatalf("accepted an on-site venue without a country")
	case f.Venue.Mode == content.VenueOnline && (f.Venue.Country != "" || f.Venue.City != ""):
		t.Fatalf("accepted an online venue with a place: %+v", f.Venue)
	case f.Venue.Mode != content.VenueOnline && f.Venue.Mode != content.VenueOnSite:
		t.Fatalf("accepted venue mode %q", f.Venue.Mode)
	}
}

// checkProblems checks that every problem names a file of fsys and, when
// it has a position, a line of that file and a column of that line (one
// past its last character at most, for something missing at the end).
func checkProblems(t *testing.T, fsys fstest.MapFS, problems *diag.List) {
	t.Helper()
	for _, d := range problems.Items() {
		rel, ok := strings.CutPrefix(d.File, "content/")
		f := fsys[rel]
		if !ok || f == nil {
			t.Fatalf("problem in a file that is not in the tree: %s", d)
		}
		if d.Message == "" {
			t.Fatalf("problem without a message: %s", d)
		}
		if d.Pos.Line < 1 || d.Pos.Col < 1 {
			t.Fatalf("problem without a line and column: %s", d)
		}
		lines := strings.Split(string(normalize(f.Data)), "\n")
		if d.Pos.Line > len(lines) {
			t.Fatalf("line %d of a file of %d lines: %s", d.Pos.Line, len(lines), d)
		}
		if n := utf8.RuneCountInString(lines[d.Pos.Line-1]); d.Pos.Col > n+1 {
			t.Fatalf("column %d of a line of %d characters: %s\nline: %q", d.Pos.Col, n, d, lines[d.Pos.Line-1])
		}
	}
}

// normalize is what the loader reads: no byte-order mark, "\n" line ends.
func normalize(b []byte) []byte {
	return bytes.ReplaceAll(bytes.TrimPrefix(b, []byte("\uFEFF")), []byte("\r\n"), []byte("\n"))
}

func lineCount(b []byte) int { return 1 + bytes.Count(normalize(b), []byte("\n")) }

// fixtureFiles returns the files ending in ext of the test fixtures.
func fixtureFiles(f *testing.F, ext string) [][]byte {
	paths, _ := filepath.Glob("testdata/bad/*.txtar")
	var out [][]byte
	for _, p := range append(paths, "testdata/base.txtar") {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range txtar.Parse(data).Files {
			if path.Ext(file.Name) == ext {
				out = append(out, file.Data)
			}
		}
	}
	return out
}

func clone(m fstest.MapFS) fstest.MapFS {
	out := make(fstest.MapFS, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }

// FuzzReplaceBody puts any bytes as the body of an activity text of
// testdata/base.txtar, below its unchanged front matter, and compares the
// preview's fast path with a full load: ReplaceBody takes the edit exactly
// when loading the edited tree finds no problem (it refuses anything a load
// would report), and the site it leaves equals the loaded one.
func FuzzReplaceBody(f *testing.F) {
	for _, s := range []string{"", "\n", "\n\nx\n", "Description.\n", "# Titre\n\n- un\n- deux\n", "[lien](javascript:alert(1))\n",
		"\u202e\n", strings.Repeat("> ", 40) + "x\n", "---\ntitle: x\n---\n", "\xff\n", "a\r\nb\r\n", "\ufeffx",
		strings.Repeat("*", 2000), strings.Repeat("[", 300) + strings.Repeat("]", 300)} {
		f.Add(s)
	}
	base, err := txtarfs.Read("testdata/base.txtar")
	if err != nil {
		f.Fatal(err)
	}
	const name = "activities/webinar/index.ar.md"
	head := string(base[name].Data)
	head = head[:strings.LastIndex(head, "---\n")+4]
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 64<<10 {
			return
		}
		fsys := maps.Clone(base)
		site, problems := content.Load(fsys, "content")
		if len(problems.Items()) > 0 {
			t.Fatal(problems)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(head + body)}
		reloaded, problems := content.Load(fsys, "content")
		clean := len(problems.Items()) == 0
		a := site.ReplaceBody(fsys, "content", name)
		if (a != nil) != clean {
			t.Fatalf("ReplaceBody took the edit: %v; a full load found problems: %v\n%s", a != nil, !clean, problems)
		}
		if a == nil {
			return
		}
		if diff := cmp.Diff(reloaded, site, cmp.AllowUnexported(content.Text{}, content.Activity{})); diff != "" {
			t.Fatalf("the site after ReplaceBody differs from a full load (-load +replace):\n%s", diff)
		}
	})
}
