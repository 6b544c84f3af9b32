package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestPrefetchChangesNothing: reading the texts ahead on every core loads
// the same site and reports the same problems as reading them in turn,
// good files and bad ones alike.
func TestPrefetchChangesNothing(t *testing.T) {
	fsys := prefetchFixture()
	serial, sp := load(fsys, "content", false, nil)
	ahead, ap := load(fsys, "content", true, nil)
	if diff := cmp.Diff(sp.String(), ap.String()); diff != "" {
		t.Errorf("problems differ (-serial +ahead):\n%s", diff)
	}
	if sp.String() == "" {
		t.Error("the fixture was meant to have problems")
	}
	if diff := cmp.Diff(serial, ahead, cmp.AllowUnexported(Text{})); diff != "" {
		t.Errorf("sites differ (-serial +ahead):\n%s", diff)
	}
}

// prefetchFixture is a content folder of 40 activities with good files and
// bad ones.
func prefetchFixture() fstest.MapFS {
	fsys := fstest.MapFS{
		"site.yaml":                file("base_url: https://example.org/\nlanguages: [fr, ar, en]\nupdated: 2025-01-15\n"),
		"_index.fr.md":             file("---\ntitle: Plan\nsummary: Le plan.\n---\nTexte.\n"),
		"_index.EN.md":             file("---\ntitle: Plan\nsummary: The plan.\n---\nText.\n"),
		"areas/a/area.yaml":        file("number: 1\n"),
		"areas/a/_index.fr.md":     file("---\ntitle: A\nsummary: A.\n---\n- Objectif.\n"),
		"areas/a/_index.ar.md":     file("---\ntitle: \"أ\"\nsummary: أ.\n---\n- هدف.\n"),
		"areas/a/_index.en.md":     file("---\ntitle: A\ntitle: B\nsummary: A.\n---\n- Objective.\n"),
		"activities/x/index.de.md": file("---\ntitle: X\nsummary: X.\n---\nX.\n"),
	}
	for i := range 40 {
		dir := fmt.Sprintf("activities/a%02d/", i)
		fsys[dir+"activity.yaml"] = file(fmt.Sprintf("id: a%02d\narea: a\nnumber: %d\ntype: webinar\nschedule: \"2025-%02d\"\nvenue:\n  mode: online\nlanguages: [en]\nproviders:\n  - country: MY\nbeneficiaries: all\n", i, i+1, i%12+1))
		fsys[dir+"index.fr.md"] = file(fmt.Sprintf("---\ntitle: Activité %d\nsummary: Résumé.\n---\nTexte **%d**.\n", i, i))
		fsys[dir+"index.en.md"] = file(fmt.Sprintf("---\ntitle: Activity %d\nsummary: Summary.\n---\nText %d.\n", i, i))
		if i%7 == 0 {
			fsys[dir+"index.ar.md"] = file("---\ntitle: \"عنوان\n---\nنص.\n") // unclosed quote
		}
	}
	return fsys
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }

// TestCacheLoadsTheSame: a load through a cache loads the same site and
// reports the same problems as a load without, after edits of every kind
// (front matter, body, a broken file fixed, a file removed, one added);
// unchanged files come from the cache; and what a loaded site does to its
// texts (ReplaceBody) never reaches the cache: a file edited then put back
// loads as written.
func TestCacheLoadsTheSame(t *testing.T) {
	fsys := prefetchFixture()
	cache := &Cache{}
	same := func(step string) *Site {
		t.Helper()
		want, wp := load(fsys, "content", false, nil)
		got, gp := LoadCached(fsys, "content", cache)
		if diff := cmp.Diff(wp.String(), gp.String()); diff != "" {
			t.Errorf("%s: problems differ (-uncached +cached):\n%s", step, diff)
		}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(Text{})); diff != "" {
			t.Errorf("%s: sites differ (-uncached +cached):\n%s", step, diff)
		}
		return got
	}
	same("first load")
	hits := cache.hits.Load()
	same("nothing changed")
	if n := cache.hits.Load() - hits; n < 80 {
		t.Errorf("a load with nothing changed took %d texts from the cache, want every one", n)
	}
	fsys["activities/a03/index.fr.md"] = file("---\ntitle: Activité trois\nsummary: Résumé.\n---\nTexte.\n")
	fsys["activities/a04/index.en.md"] = file("---\ntitle: Activity 4\nsummary: Summary.\n---\nA new body.\n")
	fsys["activities/a07/index.ar.md"] = file("---\ntitle: \"عنوان\"\nsummary: ملخص.\n---\nنص.\n")
	delete(fsys, "activities/a05/index.en.md")
	fsys["activities/a06/index.ar.md"] = file("---\ntitle: عنوان\nsummary: ملخص.\n---\nنص.\n")
	site := same("edits")

	name := "activities/a08/index.en.md"
	old := fsys[name].Data
	fsys[name] = file("---\ntitle: Activity 8\nsummary: Summary.\n---\nReplaced body.\n")
	if site.ReplaceBody(fsys, "content", name) == nil {
		t.Fatal("ReplaceBody refused a body edit")
	}
	fsys[name] = &fstest.MapFile{Data: old, Mode: 0o644}
	back := same("a body put back")
	for _, a := range back.Activities {
		if a.ID == "a08" && !strings.Contains(string(a.Texts["en"].Body), "Text 8") {
			t.Errorf("the body put back loads as %q", a.Texts["en"].Body)
		}
	}
}
