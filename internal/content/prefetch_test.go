package content

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestPrefetchChangesNothing: reading the texts ahead on every core loads
// the same site and reports the same problems as reading them in turn,
// good files and bad ones alike.
func TestPrefetchChangesNothing(t *testing.T) {
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
	serial, sp := load(fsys, "content", false)
	ahead, ap := load(fsys, "content", true)
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

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), Mode: 0o644} }
