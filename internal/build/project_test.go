package build

import (
	"bytes"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/testproject"
)

// TestFixtureProject builds the shared fixture site (internal/testproject)
// with the project's real layouts, static files and strings.
func TestFixtureProject(t *testing.T) {
	res, err := Build(testproject.FS(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := res.Problems.String(); !strings.Contains(s, "neet-mentoring-webinar") || strings.Count(s, "\n") != 1 {
		t.Errorf("want only the note that the undated activity is left out of the feeds, got:\n%s", s)
	}
	// Per language: home, all activities, 2 areas, 5 activities, embed
	// docs, open data docs, 404, and the work plans: their list, the
	// current plan's overview, activities, 2 areas, progress page,
	// progress report and full text; the views: the hub, 3 indexes, 5
	// provider countries, 3 types, 3 languages.
	for _, lang := range []string{"fr", "ar", "en"} {
		if got := res.Pages[lang]; got != 35 {
			t.Errorf("%s: %d pages, want 35", lang, got)
		}
	}
	checkLinks(t, res.Files)
	out := files(res)
	// lmis-training is dated 2025-03, before the fixture's review date
	// (2025-06-30), and still "planned": its pages say so; the completed
	// activity does not.
	for p, want := range map[string]bool{
		"fr/activities/lmis-training/index.html":  true,
		"ar/activities/lmis-training/index.html":  true,
		"fr/activities/neet-readiness/index.html": false,
	} {
		if got := strings.Contains(string(out[p]), `class="notice notice-overdue"`); got != want {
			t.Errorf("%s: overdue notice %v, want %v", p, got, want)
		}
	}
	home := string(out["ar/index.html"])
	for _, want := range []string{`<html lang="ar" dir="rtl">`, "خطة العمل 2025-2026"} {
		if !strings.Contains(home, want) {
			t.Errorf("Arabic home page lacks %q", want)
		}
	}
}

// TestReproducible builds twice and compares every byte.
func TestReproducible(t *testing.T) {
	a, err := Build(testproject.FS(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(testproject.FS(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs between two builds", a.Files[i].Path)
		}
	}
}
