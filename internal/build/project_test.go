package build

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestProject builds the project's own content, layouts and strings.
func TestProject(t *testing.T) {
	res, err := Build(os.DirFS("../.."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := res.Problems.String(); s != "" {
		t.Errorf("the project builds with problems:\n%s", s)
	}
	// Per language: home, all activities, 4 areas, 16 activities, embed
	// docs, 404.
	for _, lang := range []string{"fr", "ar", "en"} {
		if got := res.Pages[lang]; got != 24 {
			t.Errorf("%s: %d pages, want 24", lang, got)
		}
	}
	checkLinks(t, res.Files)
	out := files(res)
	// Every activity of the 2024–2026 plan is dated before the content's
	// review date (2026-11-28) and still "planned": the pages say so.
	for _, p := range []string{"fr/activities/effective-lmis/index.html", "ar/activities/neet-guidance-coaching/index.html"} {
		if !strings.Contains(string(out[p]), `class="notice notice-overdue"`) {
			t.Errorf("%s: no notice that the date has passed", p)
		}
	}
	home := string(out["ar/index.html"])
	for _, want := range []string{`<html lang="ar" dir="rtl">`, "المجالات المواضيعية", "4 أنشطة"} {
		if !strings.Contains(home, want) {
			t.Errorf("Arabic home page lacks %q", want)
		}
	}
}

// TestReproducible builds twice and compares every byte.
func TestReproducible(t *testing.T) {
	a, err := Build(os.DirFS("../.."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(os.DirFS("../.."), Options{})
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
