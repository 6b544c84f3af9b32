package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// TestSequences: on a branch, a schedule or status changed without a
// higher sequence is a warning naming the change and the number to write;
// with the sequence raised, or a text edited, there is none.
func TestSequences(t *testing.T) {
	dir, git := gitRepo(t)
	git("checkout", "-q", "-b", "edit")
	replace := func(file, old, new string) {
		t.Helper()
		p := filepath.Join(dir, file)
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(data), old) {
			t.Fatalf("%s lacks %q (%v)", file, old, err)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// lmis-training: status planned → completed, no sequence (0).
	replace("content/activities/lmis-training/activity.yaml", "status: planned", "status: completed")
	// lmi-webinar: a new date, sequence raised from 1 to 2.
	replace("content/activities/lmi-webinar/activity.yaml", "2025-09-16T10:00/2025-09-16T12:00", "2025-09-17T10:00/2025-09-17T12:00")
	replace("content/activities/lmi-webinar/activity.yaml", "sequence: 1", "sequence: 2")
	// neet-guidance: a new quarter, sequence kept at 2 (committed on the branch).
	replace("content/activities/neet-guidance/activity.yaml", `schedule: "2025-Q4"`, `schedule: "2026-Q1"`)
	git("commit", "-q", "-am", "edits")
	// neet-readiness: only its text changes.
	replace("content/activities/neet-readiness/index.en.md", "Three days", "Three full days")

	res := Run(os.DirFS(dir))
	res.Changes = Changed(dir)
	res.Sequences()
	var got []string
	for _, d := range res.Problems.Items() {
		if d.Severity == diag.Warning {
			got = append(got, d.String())
		}
	}
	want := []string{
		`content/activities/lmis-training/activity.yaml:1:1: warning: the status (planned → completed) changed since main but sequence is still 0: write sequence: 1, so that subscribed calendars replace the event`,
		`content/activities/neet-guidance/activity.yaml:1:1: warning: the schedule ("2025-Q4" → "2026-Q1") changed since main but sequence is still 2: write sequence: 3, so that subscribed calendars replace the event`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSequencesMovedFacts: facts moved from activity.yaml into the front
// matter of index.fr.md (the browser editor's layout) are compared with
// the activity.yaml they came from: a move alone is no change, a status
// changed in the move is reported at the text's first line.
func TestSequencesMovedFacts(t *testing.T) {
	dir, git := gitRepo(t)
	git("checkout", "-q", "-b", "move")
	move := func(id string, edit func(string) string) {
		t.Helper()
		folder := filepath.Join(dir, "content/activities", id)
		facts, err := os.ReadFile(filepath.Join(folder, "activity.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(filepath.Join(folder, "index.fr.md"))
		if err != nil || !strings.HasPrefix(string(text), "---\n") {
			t.Fatalf("index.fr.md of %s: %v", id, err)
		}
		moved := "---\n" + edit(string(facts)) + string(text)[4:]
		if err := os.WriteFile(filepath.Join(folder, "index.fr.md"), []byte(moved), 0o644); err != nil {
			t.Fatal(err)
		}
		git("rm", "-q", "content/activities/"+id+"/activity.yaml")
	}
	move("lmis-training", func(s string) string { return strings.Replace(s, "status: planned", "status: confirmed", 1) })
	move("neet-guidance", func(s string) string { return s })
	res := Run(os.DirFS(dir))
	if res.Problems.HasErrors() {
		t.Fatalf("the moved facts do not load:\n%s", res.Problems)
	}
	res.Changes = Changed(dir)
	res.Sequences()
	var got []string
	for _, d := range res.Problems.Items() {
		if d.Severity == diag.Warning && strings.Contains(d.Message, "sequence") {
			got = append(got, d.String())
		}
	}
	want := `content/activities/lmis-training/index.fr.md:1:1: warning: the status (planned → confirmed) changed since main but sequence is still 0: write sequence: 1, so that subscribed calendars replace the event`
	if strings.Join(got, "\n") != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
