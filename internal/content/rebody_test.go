package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/txtarfs"
)

// TestReplaceBody: an edit of an activity text's body alone is taken in
// place, and the site is then what loading the edited folder gives; any
// other edit, or a body with a problem, is left to a full load.
func TestReplaceBody(t *testing.T) {
	const name = "activities/webinar/index.ar.md"
	cases := []struct {
		desc string
		edit func(string) string
		take bool
	}{
		{"body edited", func(s string) string { return s + "\nفقرة جديدة مع [رابط](https://example.org/).\n" }, true},
		{"body emptied", func(s string) string { return s[:strings.LastIndex(s, "---\n")+4] }, true},
		{"title edited", func(s string) string { return strings.Replace(s, "title: ", "title: x", 1) }, false},
		{"blank line added to the front matter", func(s string) string { return strings.Replace(s, "---\n", "---\n\n", 1) }, false},
		{"control character in the body", func(s string) string { return s + "\u202e\n" }, false},
		{"body nested too deep", func(s string) string { return s + strings.Repeat("> ", 40) + "x\n" }, false},
		{"front matter no longer closed", func(s string) string { return strings.Replace(s, "\n---\n", "\n--\n", 1) }, false},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			fsys, err := txtarfs.Read("testdata/base.txtar")
			if err != nil {
				t.Fatal(err)
			}
			site, problems := content.Load(fsys, "content")
			if problems.HasErrors() {
				t.Fatal(problems)
			}
			fsys[name] = &fstest.MapFile{Data: []byte(c.edit(string(fsys[name].Data)))}
			before := string(site.Activities[0].Texts["ar"].Body)
			a := site.ReplaceBody(fsys, "content", name)
			if got := a != nil; got != c.take {
				t.Fatalf("taken: %v, want %v", got, c.take)
			}
			if !c.take {
				if got := string(site.Activities[0].Texts["ar"].Body); got != before {
					t.Fatalf("a refused edit changed the body to %q", got)
				}
				return
			}
			if a != site.Activities[0] {
				t.Fatalf("returned %v, want the edited activity", a)
			}
			reloaded, problems := content.Load(fsys, "content")
			if problems.HasErrors() {
				t.Fatal(problems)
			}
			if diff := cmp.Diff(reloaded, site, cmp.AllowUnexported(content.Text{}, content.Activity{})); diff != "" {
				t.Errorf("site after ReplaceBody differs from a full load (-load +replace):\n%s", diff)
			}
		})
	}
	t.Run("not an activity text", func(t *testing.T) {
		fsys, _ := txtarfs.Read("testdata/base.txtar")
		site, _ := content.Load(fsys, "content")
		for _, n := range []string{"plans/2024-2026/_index.fr.md", "activities/webinar/activity.yaml", "activities/other/index.fr.md"} {
			if a := site.ReplaceBody(fsys, "content", n); a != nil {
				t.Errorf("%s: taken", n)
			}
		}
	})
}
