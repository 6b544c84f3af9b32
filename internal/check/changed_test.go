package check

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// gitRepo makes the fixture project a git repository whose main branch
// holds it as one commit, and returns the folder and a function running
// git there.
func gitRepo(t *testing.T) (string, func(...string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: the ordering by the editor's changes cannot be tested")
	}
	dir := testproject.Copy(t)
	// No folder above the project (a temporary folder inside some other
	// repository) may answer for it.
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	git("init", "-q", "-b", "main")
	git("add", ".")
	git("commit", "-q", "-m", "fixture")
	return dir, git
}

func edit(t *testing.T, dir, file, add string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, file), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(add); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestChangesFirst: on a branch, the problems of the files changed since
// the merge base with main (committed, staged, unstaged, untracked, and
// beside a deleted file) come first, each part opening with one line per
// kind; a change on main after the branch point is not the editor's.
func TestChangesFirst(t *testing.T) {
	dir, git := gitRepo(t)
	git("switch", "-q", "-c", "edit")
	edit(t, dir, "content/activities/lmi-webinar/index.en.md", "\nTODO: add the trainers.\n") // committed
	git("commit", "-q", "-am", "trainers")
	git("switch", "-q", "main")
	edit(t, dir, "content/activities/lmis-training/activity.yaml", "# reviewed\n") // on main only
	git("commit", "-q", "-am", "on main after the branch")
	git("switch", "-q", "edit")
	edit(t, dir, "content/activities/lmi-webinar/index.fr.md", "\nTODO : les formateurs.\n") // staged
	git("add", "content/activities/lmi-webinar/index.fr.md")
	edit(t, dir, "content/activities/neet-guidance/index.en.md", "\nTODO: the venue.\n") // unstaged
	if err := os.Remove(filepath.Join(dir, "content/activities/neet-readiness/index.ar.md")); err != nil {
		t.Fatal(err)
	}
	newActivity(t, dir, "neet-mentoring-webinar", "neet-clinic") // untracked

	c := Changed(dir)
	if c.Base != "main" {
		t.Fatalf("Changed = %+v", c)
	}
	if got, want := strings.Join(slices.Sorted(maps.Keys(c.Files)), " "), "content/activities/lmi-webinar/index.en.md content/activities/lmi-webinar/index.fr.md "+
		"content/activities/neet-clinic/activity.yaml content/activities/neet-clinic/index.ar.md content/activities/neet-clinic/index.en.md content/activities/neet-clinic/index.fr.md "+
		"content/activities/neet-guidance/index.en.md content/activities/neet-readiness/index.ar.md"; got != want {
		t.Errorf("changed files:\n%s\nwant:\n%s", got, want)
	}

	res := Run(os.DirFS(dir))
	res.Changes = c
	var out bytes.Buffer
	res.Human(&out)
	msg := messages(res.Problems.Items())
	want := "Your changes (8 files that differ from main): 4 warnings, 1 note\n" +
		"  3 warnings: placeholder text left (TODO) — replace it with the real text\n" +
		"  1 warning: missing translations (the page shows another language's text) — add the file named\n" +
		"  1 note: no date yet, so left out of the calendar feeds — add the schedule once it is known\n" +
		"\ncontent/activities/lmi-webinar/index.en.md\n" +
		"  " + pos(t, dir, "content/activities/lmi-webinar/index.en.md") + ": warning: placeholder text left in the description: replace it\n" +
		"\ncontent/activities/lmi-webinar/index.fr.md\n" +
		"  " + pos(t, dir, "content/activities/lmi-webinar/index.fr.md") + ": warning: placeholder text left in the description: replace it\n" +
		"\ncontent/activities/neet-clinic/activity.yaml\n" +
		"  1:1: note: " + msg["content/activities/neet-clinic/activity.yaml"] + "\n" +
		"\ncontent/activities/neet-guidance/index.en.md\n" +
		"  " + pos(t, dir, "content/activities/neet-guidance/index.en.md") + ": warning: placeholder text left in the description: replace it\n" +
		"\ncontent/activities/neet-readiness/activity.yaml\n" +
		"  1:1: warning: " + msg["content/activities/neet-readiness/activity.yaml"] + "\n" +
		"\nElsewhere (files you did not change): 2 notes\n" +
		"  1 note: dates passed while the status is still planned or confirmed — set completed (with the days held), postponed or cancelled, at the status line given\n" +
		"  1 note: no date yet, so left out of the calendar feeds — add the schedule once it is known\n" +
		"\ncontent/activities/lmis-training/activity.yaml\n" +
		"  " + statusPos(t, dir, "content/activities/lmis-training/activity.yaml") + ": note: " + msg["content/activities/lmis-training/activity.yaml"] + "\n" +
		"\ncontent/activities/neet-mentoring-webinar/activity.yaml\n" +
		"  1:1: note: " + msg["content/activities/neet-mentoring-webinar/activity.yaml"] + "\n" +
		"\nTranslations:\n" +
		"  fr: 0 missing, 0 not yet reviewed\n" +
		"  ar: 1 missing, 2 not yet reviewed\n" +
		"    missing: content/activities/neet-readiness/activity.yaml\n" +
		"  en: 0 missing, 0 not yet reviewed\n" +
		"\nWork plans:\n" +
		"  2025-2026 (current): 2 texts to review, 1 missing translation, 3 placeholders, 0 areas without activities\n" +
		"\nYour changes: 4 warnings, 1 note (listed first).\n" +
		"0 error(s), 4 warning(s), 3 note(s); "
	if got := out.String(); !strings.HasPrefix(got, want) {
		t.Errorf("human output:\n%s\nwant it to start with:\n%s", got, want)
	}

	var gh bytes.Buffer
	res.GitHub(&gh)
	var order []string
	for _, l := range strings.Split(gh.String(), "\n") {
		if f, ok := strings.CutPrefix(l, "::"); ok {
			order = append(order, strings.Split(strings.SplitN(f, "file=", 2)[1], ",")[0])
		}
	}
	if got, want := strings.Join(order, " "), "content/activities/lmi-webinar/index.en.md content/activities/lmi-webinar/index.fr.md content/activities/neet-clinic/activity.yaml "+
		"content/activities/neet-guidance/index.en.md content/activities/neet-readiness/activity.yaml "+
		"content/activities/lmis-training/activity.yaml content/activities/neet-mentoring-webinar/activity.yaml"; got != want {
		t.Errorf("github annotations in the order\n%s\nwant\n%s", got, want)
	}
}

// messages returns the message of each file's one problem, for the
// messages that other packages word.
func messages(items []diag.Diagnostic) map[string]string {
	m := map[string]string{}
	for _, d := range items {
		m[d.File] = d.Message
	}
	return m
}

// pos is "line:1" of the last line of file that starts with TODO.
func pos(t *testing.T, dir, file string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "TODO") {
			n = i + 1
		}
	}
	return fmt.Sprintf("%d:1", n)
}

// statusPos is where the value of the "status:" line of file starts.
func statusPos(t *testing.T, dir, file string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "status: ") {
			return fmt.Sprintf("%d:%d", i+1, len("status: ")+1)
		}
	}
	t.Fatalf("%s has no status line", file)
	return ""
}

// newActivity copies the activity folder from as a new activity id.
func newActivity(t *testing.T, dir, from, id string) {
	t.Helper()
	src := filepath.Join(dir, "content/activities", from)
	dst := filepath.Join(dir, "content/activities", id)
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	facts := filepath.Join(dst, "activity.yaml")
	data, err := os.ReadFile(facts)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("id: "+from+"\n"), []byte("id: "+id+"\n"), 1)
	data = bytes.Replace(data, []byte("\nnumber: "), []byte("\nnumber: 1"), 1) // 3 → 13: unused
	if err := os.WriteFile(facts, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNoGitInformation: without git, outside a work tree or without a main
// branch, the report is today's, after one line saying why.
func TestNoGitInformation(t *testing.T) {
	dir, git := gitRepo(t)
	git("branch", "-q", "-m", "main", "trunk")
	plain := testproject.Copy(t)
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(plain)+string(filepath.ListSeparator)+filepath.Dir(dir))
	res := Run(os.DirFS(plain))
	var today bytes.Buffer
	res.Human(&today)

	tests := []struct {
		name, dir, path, why string
	}{
		{"no main branch", dir, os.Getenv("PATH"), "the repository has no main or origin/main branch"},
		{"not a work tree", plain, os.Getenv("PATH"), "the project is not in a git work tree"},
		{"no git", plain, "", "git is not installed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("PATH", tt.path)
			res.Changes = Changed(tt.dir)
			if res.Changes.Base != "" || res.Changes.Why != tt.why {
				t.Fatalf("Changed = %+v, want why %q", res.Changes, tt.why)
			}
			var out bytes.Buffer
			res.Human(&out)
			if want := "Problems in your changes are not listed first: " + tt.why + ".\n" + today.String(); out.String() != want {
				t.Errorf("human output:\n%s\nwant:\n%s", out.String(), want)
			}
		})
	}
}

// TestChangesOriginMain: origin/main, what was published, is preferred to
// a local main: a commit on main not yet pushed is the editor's change.
func TestChangesOriginMain(t *testing.T) {
	dir, git := gitRepo(t)
	git("update-ref", "refs/remotes/origin/main", "HEAD")
	edit(t, dir, "content/activities/lmi-webinar/index.en.md", "\nTODO: add the trainers.\n")
	git("commit", "-q", "-am", "on main, not pushed")
	c := Changed(dir)
	if c.Base != "origin/main" || len(c.Files) != 1 || !c.Files["content/activities/lmi-webinar/index.en.md"] {
		t.Errorf("Changed = %+v", c)
	}
}

// TestKindOf: unknown messages are summarized by their own words, their
// quoted values elided, so one mistake made twice is one kind.
func TestKindOf(t *testing.T) {
	a := kindOf(`unknown country code "XX": use an ISO 3166-1 alpha-2 code`)
	b := kindOf(`unknown country code "YY": use an ISO 3166-1 alpha-2 code`)
	if a != b || a.what != `unknown country code "…"` || a.todo != "use an ISO 3166-1 alpha-2 code" {
		t.Errorf("kinds %+v, %+v", a, b)
	}
	if k := kindOf(`activity "x" has no "ar" text: its page shows another language's text with a notice until index.ar.md is added`); k.todo != "add the file named" {
		t.Errorf("missing translation: %+v", k)
	}
}
