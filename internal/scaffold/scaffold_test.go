package scaffold

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/testproject"

	"github.com/oic-pesnet/workplan/internal/check"
	"github.com/oic-pesnet/workplan/internal/diag"
)

func fixture(t *testing.T, extra ...string) string { return testproject.Copy(t, extra...) }

// TestNewActivityPassesCheck: the scaffold builds, and check names only
// its placeholders (plus a note: no date yet).
func TestNewActivityPassesCheck(t *testing.T) {
	dir := fixture(t)
	files, err := Activity(dir, Request{Area: "youth-neet", ID: "neet-mentoring", Type: "webinar"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"content/activities/neet-mentoring/index.ar.md",
		"content/activities/neet-mentoring/index.en.md",
		"content/activities/neet-mentoring/index.fr.md",
	}
	if strings.Join(files, " ") != strings.Join(want, " ") {
		t.Errorf("files = %v", files)
	}
	facts, _ := os.ReadFile(filepath.Join(dir, want[2])) // the default language's text holds the facts
	if !strings.Contains(string(facts), "number: 4 ") || !strings.Contains(string(facts), "type: webinar ") {
		t.Errorf("facts:\n%s", facts)
	}
	res := check.Run(os.DirFS(dir))
	if res.Problems.HasErrors() {
		t.Fatalf("the scaffold has errors:\n%s", res.Problems)
	}
	for _, d := range res.Problems.Items() {
		if d.Severity == diag.Warning && !strings.Contains(d.Message, "placeholder") {
			t.Errorf("unexpected warning: %s", d)
		}
		if d.Severity != diag.Note && !strings.HasPrefix(d.File, "content/activities/neet-mentoring/") {
			t.Errorf("problem outside the new activity: %s", d)
		}
	}
	// title, summary and description in each of the 3 languages.
	if n := res.Problems.Count(diag.Warning); n != 9 {
		t.Errorf("%d placeholder warnings, want 9:\n%s", n, res.Problems)
	}
}

func TestNewActivityRefuses(t *testing.T) {
	dir := fixture(t)
	tests := []struct {
		req  Request
		want string
	}{
		{Request{Area: "youth-neet", ID: "neet-readiness"}, `the id "neet-readiness" is already used by content/activities/neet-readiness/activity.yaml`},
		{Request{Area: "youth-neet", ID: "../escape"}, `"../escape" is not a valid id`},
		{Request{Area: "youth-neet", ID: "Mentoring"}, `"Mentoring" is not a valid id`},
		{Request{Area: "youth", ID: "x"}, `unknown area "youth" in plan 2025-2026: use one of lmi, youth-neet`},
		{Request{Plan: "2027-2028", Area: "lmi", ID: "x"}, `unknown plan "2027-2028": use one of 2025-2026 (the folders of content/plans)`},
		{Request{Area: "youth-neet", ID: "x", Type: "conference"}, `unknown type "conference"`},
	}
	for _, tt := range tests {
		_, err := Activity(dir, tt.req)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: err = %v, want %q", tt.req, err, tt.want)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content", "activities"))
	if len(entries) != 5 {
		t.Errorf("%d folders in content/activities after refusals, want 5", len(entries))
	}
}

// refusal is the message Activity gives for req: each question of Prompt
// must say exactly the same.
func refusal(t *testing.T, dir string, req Request) string {
	t.Helper()
	_, err := Activity(dir, req)
	if err == nil {
		t.Fatalf("Activity accepts %+v", req)
	}
	return err.Error()
}

// TestPrompt: each answer is checked as it is typed, with Activity's
// messages; a wrong answer is explained and the question asked again; an
// empty answer takes the default or is asked again.
func TestPrompt(t *testing.T) {
	dir := fixture(t)
	const (
		area = "Thematic area (lmi, youth-neet): "
		id   = "Activity id (lowercase words joined by hyphens, e.g. digital-skills-training): "
		typ  = "Type (training, webinar, workshop) [training]: "
	)
	want := area + refusal(t, dir, Request{Area: "youth", ID: "x"}) + "\n" +
		area + "an answer is needed\n" +
		area +
		id + refusal(t, dir, Request{Area: "lmi", ID: "Mentoring"}) + "\n" +
		id + refusal(t, dir, Request{Area: "lmi", ID: "neet-readiness"}) + "\n" +
		id +
		typ + refusal(t, dir, Request{Area: "lmi", ID: "lmi-clinic", Type: "conference"}) + "\n" +
		typ
	var out bytes.Buffer
	req := Request{}
	input := "youth\n\n lmi \nMentoring\nneet-readiness\nlmi-clinic\nconference\n\n"
	if err := Prompt(strings.NewReader(input), &out, dir, &req); err != nil {
		t.Fatal(err)
	}
	if req != (Request{Plan: "2025-2026", Area: "lmi", ID: "lmi-clinic", Type: "training"}) {
		t.Errorf("req = %+v", req)
	}
	if out.String() != want {
		t.Errorf("transcript:\n%s\nwant:\n%s", out.String(), want)
	}
	for _, msg := range []string{
		`unknown area "youth" in plan 2025-2026: use one of lmi, youth-neet`,
		`"Mentoring" is not a valid id`,
		`the id "neet-readiness" is already used by content/activities/neet-readiness/activity.yaml: choose another`,
		`unknown type "conference": use training, webinar or workshop`,
	} {
		if !strings.Contains(out.String(), msg) {
			t.Errorf("transcript lacks %q", msg)
		}
	}
	if _, err := Activity(dir, req); err != nil {
		t.Fatal(err)
	}
}

// TestPromptGiven: valid values given as flags are kept without asking;
// an invalid one is explained and asked for; a last line without a
// newline is an answer.
func TestPromptGiven(t *testing.T) {
	dir := fixture(t)
	var out bytes.Buffer
	req := Request{Area: "youth", ID: "neet-mentoring"}
	if err := Prompt(strings.NewReader("youth-neet\nwebinar"), &out, dir, &req); err != nil {
		t.Fatal(err)
	}
	if req != (Request{Plan: "2025-2026", Area: "youth-neet", ID: "neet-mentoring", Type: "webinar"}) {
		t.Errorf("req = %+v", req)
	}
	want := "unknown area \"youth\" in plan 2025-2026: use one of lmi, youth-neet\n" +
		"Thematic area (lmi, youth-neet): " +
		"Type (training, webinar, workshop) [training]: "
	if out.String() != want {
		t.Errorf("transcript:\n%q\nwant:\n%q", out.String(), want)
	}
}

// TestPromptEndOfInput: Ctrl-D stops cleanly at any question, with
// nothing written.
func TestPromptEndOfInput(t *testing.T) {
	dir := fixture(t)
	for _, input := range []string{"", "lmi\n", "lmi\nlmi-clinic\n", "lmi\nlmi-clinic\nconf"} {
		var out bytes.Buffer
		req := Request{}
		err := Prompt(strings.NewReader(input), &out, dir, &req)
		if !errors.Is(err, ErrAborted) {
			t.Errorf("%q: err = %v, want ErrAborted", input, err)
		}
		if !strings.HasSuffix(out.String(), ": \n") {
			t.Errorf("%q: the transcript does not end on a new line after the question:\n%q", input, out.String())
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content", "activities"))
	if len(entries) != 5 {
		t.Errorf("%d entries in content/activities after aborted prompts, want 5", len(entries))
	}
}

// TestPromptBrokenContent: a content that cannot be read is reported
// before any question.
func TestPromptBrokenContent(t *testing.T) {
	dir := fixture(t)
	if err := os.Remove(filepath.Join(dir, "content", "site.yaml")); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := Prompt(strings.NewReader("lmi\n"), &out, dir, &Request{})
	if err == nil || !strings.Contains(err.Error(), "the content cannot be read") || out.Len() != 0 {
		t.Errorf("err = %v, transcript %q", err, out.String())
	}
}
