package check

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// rewrite replaces old by new in a file of the project dir.
func rewrite(t *testing.T, dir, file, old, new string) {
	t.Helper()
	p := filepath.Join(dir, file)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not hold %q", file, old)
	}
	if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPlanTodo: each plan has its summary; a draft's area without
// activities is a note.
func TestPlanTodo(t *testing.T) {
	res := Run(testproject.FS(t, testproject.Plans(t)))
	if res.Problems.Count(diag.Error)+res.Problems.Count(diag.Warning) != 0 {
		t.Fatalf("problems in the fixture with plans:\n%s", res.Problems)
	}
	var human bytes.Buffer
	res.Human(&human)
	want := "\nWork plans:\n" +
		"  2023-2024 (archived): 0 texts to review, 0 missing translations, 0 placeholders, 0 areas without activities\n" +
		"  2025-2026 (current): 2 texts to review, 0 missing translations, 0 placeholders, 0 areas without activities\n" +
		"  2027-2028 (draft), what remains to write: 0 texts to review, 0 missing translations, 0 placeholders, 1 area without activities\n" +
		"    areas without activities: lmi\n"
	if !strings.Contains(human.String(), want) {
		t.Errorf("human output lacks\n%s\nin:\n%s", want, human.String())
	}
	if !strings.Contains(res.Problems.String(), `content/plans/2027-2028/areas/lmi/area.yaml:1:1: note: area "lmi" of draft plan 2027-2028 has no activities yet: add them with "pesnet new activity --plan 2027-2028 --area lmi"`) {
		t.Errorf("no note for the draft's empty area:\n%s", res.Problems)
	}
}

// TestDraftInProgressPassesStrict: a draft's texts still to review are
// notes, so a draft in progress can be merged; once the plan is current,
// its default language's texts still to review are warnings, errors with
// --strict.
func TestDraftInProgressPassesStrict(t *testing.T) {
	dir := testproject.Copy(t, testproject.Plans(t))
	for _, f := range []string{"content/plans/2027-2028/_index.fr.md", "content/plans/2027-2028/_index.ar.md", "content/plans/2027-2028/areas/lmi/_index.fr.md"} {
		rewrite(t, dir, f, "\n---\n", "\nunreviewed: true\n---\n")
	}
	res := Run(os.DirFS(dir))
	if res.Problems.Count(diag.Note) != 6 {
		t.Errorf("want 6 notes (overdue, undated, empty area, 3 texts to review):\n%s", res.Problems)
	}
	res.Strict()
	if res.Problems.HasErrors() {
		t.Fatalf("a draft in progress fails --strict:\n%s", res.Problems)
	}
	var human bytes.Buffer
	res.Human(&human)
	for _, want := range []string{
		"content/plans/2027-2028/_index.fr.md\n  1:1: note: the text of plan 2027-2028, a draft, is still to review (\"unreviewed: true\"): rewrite or review it for this plan, then delete that line\n",
		"content/plans/2027-2028/areas/lmi/_index.fr.md\n  1:1: note: the text of area \"lmi\" of plan 2027-2028, a draft, is still to review",
		"  2027-2028 (draft), what remains to write: 3 texts to review, 0 missing translations, 0 placeholders, 1 area without activities\n" +
			"    texts to review (\"unreviewed: true\"):\n" +
			"      content/plans/2027-2028/_index.ar.md\n" +
			"      content/plans/2027-2028/_index.fr.md\n" +
			"      content/plans/2027-2028/areas/lmi/_index.fr.md\n" +
			"    areas without activities: lmi\n",
	} {
		if !strings.Contains(human.String(), want) {
			t.Errorf("human output lacks\n%s\nin:\n%s", want, human.String())
		}
	}

	// Adopted: the draft becomes current, the current plan archived.
	rewrite(t, dir, "content/plans/2027-2028/plan.yaml", "status: draft", "status: current")
	rewrite(t, dir, "content/plans/2025-2026/plan.yaml", "status: current", "status: archived")
	res = Run(os.DirFS(dir))
	got := res.Problems.String()
	for _, want := range []string{
		`content/plans/2027-2028/_index.fr.md:1:1: warning: the "fr" text of plan 2027-2028, which is current, is still marked for review ("unreviewed: true"): review it (it may still be a previous plan's text), then delete that line; only a draft plan's texts may wait for review`,
		`content/plans/2027-2028/areas/lmi/_index.fr.md:1:1: warning: the "fr" text of area "lmi" of plan 2027-2028, which is current, is still marked for review`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack\n%s\nin:\n%s", want, got)
		}
	}
	// The Arabic text is a translation not yet reviewed, as in any plan;
	// an adopted plan's empty area is not a problem.
	if n := res.Problems.Count(diag.Warning); n != 2 {
		t.Errorf("%d warnings, want 2:\n%s", n, got)
	}
	if strings.Contains(got, "has no activities yet") || strings.Contains(got, "a draft, is still to review") {
		t.Errorf("draft notes for a current plan:\n%s", got)
	}
	res.Strict()
	if res.Problems.Count(diag.Error) != 2 {
		t.Errorf("--strict: want 2 errors:\n%s", res.Problems)
	}
}

// TestDraftWithoutAreas: a draft with no areas yet says so.
func TestDraftWithoutAreas(t *testing.T) {
	fsys := testproject.FS(t, testproject.Plans(t))
	for name := range fsys {
		if strings.HasPrefix(name, "content/plans/2027-2028/areas/") || strings.HasPrefix(name, "content/activities/green-skills-workshop/") {
			delete(fsys, name)
		}
	}
	res := Run(fsys)
	if !strings.Contains(res.Problems.String(), "content/plans/2027-2028/plan.yaml:1:1: note: draft plan 2027-2028 has no areas yet: add content/plans/2027-2028/areas/<area>/ with area.yaml and a text per language") {
		t.Errorf("no note for a draft without areas:\n%s", res.Problems)
	}
}
