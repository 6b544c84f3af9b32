package check

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/testproject"

	"github.com/oic-pesnet/workplan/internal/diag"
)

func project(t *testing.T) string { return testproject.Copy(t) }

// TestFixtureIsClean: the fixture site (internal/testproject) passes check;
// its notes are the overdue activity and the undated one left out of the
// feeds.
func TestFixtureIsClean(t *testing.T) {
	res := Run(testproject.FS(t))
	if res.Problems.Count(diag.Error)+res.Problems.Count(diag.Warning) != 0 {
		t.Errorf("check finds problems in the fixture:\n%s", res.Problems)
	}
	if n := res.Problems.Count(diag.Note); n != 2 {
		t.Errorf("%d notes, want 2 (the overdue activity, the undated one):\n%s", n, res.Problems)
	}
	if res.Files < 100 || res.Links < 300 {
		t.Errorf("checked only %d files and %d links", res.Files, res.Links)
	}
	if len(res.Unreviewed["ar"]) != 2 || len(res.Unreviewed["fr"]) != 0 || len(res.Missing["en"]) != 0 {
		t.Errorf("translations: missing %v, unreviewed ar %v fr %v", res.Missing, res.Unreviewed["ar"], res.Unreviewed["fr"])
	}
}

// TestFindings: a missing translation and a placeholder are warnings
// (errors with --strict), reported in both formats.
func TestFindings(t *testing.T) {
	dir := project(t)
	act := filepath.Join(dir, "content/activities/lmi-webinar")
	if err := os.Remove(filepath.Join(act, "index.ar.md")); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(act, "index.en.md"))
	data = append(data, []byte("\nTODO: add the trainers.\n")...)
	if err := os.WriteFile(filepath.Join(act, "index.en.md"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	lines := bytes.Count(data, []byte("\n"))

	res := Run(os.DirFS(dir))
	if res.Problems.HasErrors() || res.Problems.Count(diag.Warning) != 2 {
		t.Fatalf("want 2 warnings:\n%s", res.Problems)
	}
	if m := res.Missing["ar"]; len(m) != 1 || m[0] != "content/activities/lmi-webinar/activity.yaml" {
		t.Errorf("missing ar = %v", m)
	}
	var human bytes.Buffer
	res.Human(&human)
	for _, want := range []string{
		"content/activities/lmi-webinar/index.en.md\n  " + strconv.Itoa(lines) + ":1: warning: placeholder text left in the description: replace it\n",
		"  ar: 1 missing, 2 not yet reviewed\n    missing: content/activities/lmi-webinar/activity.yaml\n",
		"0 error(s), 2 warning(s), 2 note(s);",
	} {
		if !strings.Contains(human.String(), want) {
			t.Errorf("human output lacks %q:\n%s", want, human.String())
		}
	}

	res.Strict()
	if res.Problems.Count(diag.Error) != 2 {
		t.Errorf("strict: %s", res.Problems)
	}
	var gh bytes.Buffer
	res.GitHub(&gh)
	if want := "::error file=content/activities/lmi-webinar/index.en.md,line=" + strconv.Itoa(lines) + ",col=1::placeholder text left in the description: replace it (--strict)\n"; !strings.Contains(gh.String(), want) {
		t.Errorf("github output lacks %q:\n%s", want, gh.String())
	}
}

func TestOutputChecks(t *testing.T) {
	files := []output.File{
		{Path: "fr/index.html", Data: []byte(`<!DOCTYPE html><html><body><p id="top"><a href="/fr/a/">a</a> <a href="#top">t</a> <a href="#nope">n</a> <a href="b/">b</a> <a href="https://x.org/">x</a> <a href="webcal://x/y.ics">w</a></p></body></html>`)},
		{Path: "fr/a/index.html", Data: []byte(`<!DOCTYPE html><html><body><div><p>unclosed</div></body></html>`)},
		{Path: "fr/calendar.ics", Data: []byte("BEGIN:VCALENDAR\r\nEND:VEVENT\r\n")},
		{Path: "api/x.json", Data: []byte(`{"a":`)},
		{Path: "sitemap.xml", Data: []byte(`<urlset><url></urlset>`)},
	}
	problems := &diag.List{}
	links := checkOutput(files, problems)
	got := problems.String()
	for _, want := range []string{
		`public/fr/index.html: error: broken link "b/": public/fr/b/index.html does not exist`,
		`public/fr/index.html: error: broken anchor "#nope": public/fr/index.html has no element with id "nope"`,
		`public/fr/a/index.html: error: the generated file is malformed: </div> does not close the element that is open`,
		`public/fr/calendar.ics: error: the generated file is malformed`,
		`public/api/x.json: error: the generated file is malformed: not valid JSON`,
		`public/sitemap.xml: error: the generated file is malformed`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if links != 4 {
		t.Errorf("followed %d links, want 4", links)
	}
}

// TestHumanEscapesNames: a file name or message holding a line break
// cannot print a line that looks like another problem.
func TestHumanEscapesNames(t *testing.T) {
	res := &Result{Problems: &diag.List{}, Missing: map[string][]string{"fr": {"content/activities/a\ncontent:9:9: error: fake/activity.yaml"}}, Languages: []string{"fr"}}
	res.Problems.Errorf("content/activities/x\ncontent:9:9: error: fake/activity.yaml", diag.Pos{Line: 1, Col: 1}, "bad\ncontent:8:8: error: fake too")
	var out bytes.Buffer
	res.Human(&out)
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "content:") {
			t.Errorf("a forged line in the output: %q\n%s", line, out.String())
		}
	}
}
