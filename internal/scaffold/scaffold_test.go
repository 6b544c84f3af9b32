package scaffold

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/testproject"

	"github.com/oic-pesnet/workplan/internal/check"
	"github.com/oic-pesnet/workplan/internal/diag"
)

func project(t *testing.T) string { return testproject.Copy(t) }

// TestNewActivityPassesCheck: the scaffold builds, and check names only
// its placeholders (plus a note: no date yet).
func TestNewActivityPassesCheck(t *testing.T) {
	dir := project(t)
	files, err := Activity(dir, Request{Area: "youth-neet", ID: "neet-mentoring", Type: "webinar"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"content/activities/neet-mentoring/activity.yaml",
		"content/activities/neet-mentoring/index.ar.md",
		"content/activities/neet-mentoring/index.en.md",
		"content/activities/neet-mentoring/index.fr.md",
	}
	if strings.Join(files, " ") != strings.Join(want, " ") {
		t.Errorf("files = %v", files)
	}
	facts, _ := os.ReadFile(filepath.Join(dir, want[0]))
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
	dir := project(t)
	tests := []struct {
		req  Request
		want string
	}{
		{Request{Area: "youth-neet", ID: "neet-readiness"}, `the id "neet-readiness" is already used by content/activities/neet-readiness/activity.yaml`},
		{Request{Area: "youth-neet", ID: "../escape"}, `"../escape" is not a valid id`},
		{Request{Area: "youth-neet", ID: "Mentoring"}, `"Mentoring" is not a valid id`},
		{Request{Area: "youth", ID: "x"}, `unknown area "youth": use one of lmi, youth-neet`},
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

func TestPrompt(t *testing.T) {
	dir := project(t)
	var out bytes.Buffer
	req := Request{}
	if err := Prompt(strings.NewReader("\nlmi\nlmi-clinic\nworkshop\n"), &out, dir, &req); err != nil {
		t.Fatal(err)
	}
	if req != (Request{Area: "lmi", ID: "lmi-clinic", Type: "workshop"}) {
		t.Errorf("req = %+v", req)
	}
	if !strings.Contains(out.String(), "Thematic area (lmi, youth-neet): ") {
		t.Errorf("prompt: %q", out.String())
	}
}
