package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/oic-pesnet/workplan/internal/testproject"
)

// copyProject copies the project's layouts, static and i18n folders and
// the given content files into a temporary project.
func copyProject(t *testing.T, content map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"layouts", "static", "i18n"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("..", "..", sub))); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range content {
		p := filepath.Join(dir, "content", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var minimal = map[string]string{
	"site.yaml":                            "base_url: https://example.org/\nlanguages: [fr, en]\nupdated: 2025-01-15\n",
	"plans/2025-2026/plan.yaml":            "status: current\n",
	"plans/2025-2026/_index.fr.md":         "---\ntitle: Plan\nsummary: Le plan.\n---\nTexte.\n",
	"plans/2025-2026/_index.en.md":         "---\ntitle: Plan\nsummary: The plan.\n---\nText.\n",
	"plans/2025-2026/areas/a/area.yaml":    "number: 1\n",
	"plans/2025-2026/areas/a/_index.fr.md": "---\ntitle: A\nsummary: A.\n---\n- Objectif.\n",
	"plans/2025-2026/areas/a/_index.en.md": "---\ntitle: A\nsummary: A.\n---\n- Objective.\n",
	"activities/x/activity.yaml":           "id: x\nplan: 2025-2026\narea: a\nnumber: 1\ntype: webinar\nschedule: \"2025-02\"\nvenue:\n  mode: online\nlanguages: [en]\nproviders:\n  - country: MY\nbeneficiaries: all\n",
	"activities/x/index.fr.md":             "---\ntitle: X\nsummary: X.\n---\nX.\n",
	"activities/x/index.en.md":             "---\ntitle: X\nsummary: X.\n---\nX.\n",
}

var pagesLine = regexp.MustCompile(`\(pages: embed [1-9][0-9]*, en ([1-9][0-9]*), fr ([1-9][0-9]*);`)

func TestBuildCommand(t *testing.T) {
	dir := copyProject(t, minimal)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-C", dir}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	// The counts per kind of page are render's to pin; the summary gives
	// one per language, the same for both.
	if m := pagesLine.FindStringSubmatch(stdout.String()); m == nil || m[1] != m[2] {
		t.Errorf("summary: %q", stdout.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "en", "activities", "x", "index.html")); err != nil {
		t.Error(err)
	}
}

// TestBuildCommandReportsAllErrors breaks two files: both are reported with
// their positions, the exit status is 1 and the previous output survives.
func TestBuildCommandReportsAllErrors(t *testing.T) {
	dir := copyProject(t, minimal)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-C", dir}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr.String())
	}
	before, _ := os.ReadFile(filepath.Join(dir, "public", "fr", "index.html"))
	broken := map[string]string{
		"activities/x/activity.yaml": strings.Replace(minimal["activities/x/activity.yaml"], "country: MY", "country: XX", 1),
		"activities/x/index.fr.md":   "---\ntitle: X\nsummary: X.\n",
	}
	for name, text := range broken {
		_ = os.WriteFile(filepath.Join(dir, "content", name), []byte(text), 0o644)
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"build", "-C", dir}, nil, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"content/activities/x/activity.yaml:11:14: error: unknown country code \"XX\"",
		"content/activities/x/index.fr.md:1:1: error: the front matter that starts here is never closed",
		"build failed: 2 error(s)",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	after, _ := os.ReadFile(filepath.Join(dir, "public", "fr", "index.html"))
	if !bytes.Equal(before, after) {
		t.Error("a failed build changed the published output")
	}
}

func TestUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(nil, nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage: pesnet <command>") {
		t.Errorf("exit %d, %q", code, stderr.String())
	}
}

// TestMain lets the test binary act as pesnet itself, so that a test can
// run it with another time zone and locale.
func TestMain(m *testing.M) {
	if os.Getenv("PESNET_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestReproducibleAnywhere builds the project twice, in two time zones and
// locales, and compares every output byte.
func TestReproducibleAnywhere(t *testing.T) {
	outs := []string{filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")}
	envs := [][]string{{"TZ=Pacific/Kiritimati", "LANG=ar_SA.UTF-8", "LC_ALL=ar_SA.UTF-8"}, {"TZ=America/Adak", "LANG=C", "LC_ALL=C"}}
	project := testproject.Copy(t, testproject.Plans(t)) // the fixture, never the live content
	for i, out := range outs {
		cmd := exec.Command(os.Args[0], "build", "-C", project, "-o", out, "--quiet")
		cmd.Env = append(append(os.Environ(), "PESNET_TEST_MAIN=1"), envs[i]...)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %s", err, msg)
		}
	}
	a, b := tree(t, outs[0]), tree(t, outs[1])
	if len(a) < 200 || len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between time zones", name)
		}
	}
}

func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestNewCommandNeedsFlagsWithoutTerminal(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"new", "activity", "-C", testproject.Copy(t)}, strings.NewReader(""), &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "--area and --id are required") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}

func TestBuildJSONSummary(t *testing.T) {
	dir := copyProject(t, minimal)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-C", dir, "--json"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var s jsonSummary
	if err := json.Unmarshal(stdout.Bytes(), &s); err != nil {
		t.Fatalf("%v: %s", err, stdout.String())
	}
	if !s.OK || s.Pages["fr"] == 0 || s.Pages["fr"] != s.Pages["en"] || s.Feeds == 0 || s.Data == 0 || s.Errors != 0 {
		t.Errorf("summary: %+v", s)
	}
}

// TestKilledBuildLeavesOutputWhole kills builds at various moments: the
// output folder must always hold one complete build, the old or the new.
func TestKilledBuildLeavesOutputWhole(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	project := testproject.Copy(t, testproject.Plans(t)) // the fixture, never the live content
	build := func(base string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "build", "-C", project, "-o", out, "--quiet", "--base-url", base)
		cmd.Env = append(os.Environ(), "PESNET_TEST_MAIN=1")
		return cmd
	}
	if msg, err := build("https://old.example/").CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, msg)
	}
	oldTree := tree(t, out)
	newDir := filepath.Join(t.TempDir(), "new")
	cmd := exec.Command(os.Args[0], "build", "-C", project, "-o", newDir, "--quiet", "--base-url", "https://new.example/")
	cmd.Env = append(os.Environ(), "PESNET_TEST_MAIN=1")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, msg)
	}
	newTree := tree(t, newDir)
	for i, delay := range []time.Duration{0, 20, 60, 120, 180, 250, 320, 400} {
		cmd := build("https://new.example/")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		got := tree(t, out)
		if !sameTree(got, oldTree) && !sameTree(got, newTree) {
			t.Fatalf("kill %d after %v: the output is neither the old nor the new build (%d files)", i, delay*time.Millisecond, len(got))
		}
		if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) > 2 {
			t.Errorf("kill %d: %d entries beside the output", i, len(entries))
		}
		if sameTree(got, newTree) { // start over from the old build
			if msg, err := build("https://old.example/").CombinedOutput(); err != nil {
				t.Fatalf("%v: %s", err, msg)
			}
		}
	}
}

func sameTree(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// TestNewPlanCommand: the period may come before the flags; the draft is
// written and check --strict passes on it; a refusal exits 1 and a
// missing period 2, writing nothing.
func TestNewPlanCommand(t *testing.T) {
	dir := testproject.Copy(t)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"new", "plan", "2027-2028", "-C", dir, "--areas", "lmi"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"created:\n  content/plans/2027-2028/_index.ar.md\n", "  content/plans/2027-2028/areas/lmi/area.yaml\n", "pesnet new activity --plan 2027-2028"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content/plans/2027-2028/areas/youth-neet")); !os.IsNotExist(err) {
		t.Errorf("--areas lmi carried youth-neet over: %v", err)
	}
	stdout.Reset()
	if code := run([]string{"check", "-C", dir, "--strict"}, nil, &stdout, &stderr); code != 0 {
		t.Errorf("check --strict: exit %d:\n%s", code, stdout.String())
	}
	if !strings.Contains(stdout.String(), "  2027-2028 (draft), what remains to write: 6 texts to review, 0 missing translations, 0 placeholders, 1 area without activities\n") {
		t.Errorf("check's to-do list:\n%s", stdout.String())
	}

	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"new", "activity", "-C", dir, "--plan", "2027-2028", "--area", "lmi", "--id", "lmi-observatories"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("new activity --plan: exit %d: %s", code, stderr.String())
	}
	facts, _ := os.ReadFile(filepath.Join(dir, "content/activities/lmi-observatories/index.fr.md")) // its front matter holds the facts
	if !strings.Contains(string(facts), "plan: 2027-2028 ") || !strings.Contains(string(facts), "number: 1 ") {
		t.Errorf("index.fr.md:\n%s", facts)
	}

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"new", "plan", "2027-2028", "-C", dir}, 1, "new: plan 2027-2028 already exists"},
		{[]string{"new", "plan", "-C", dir, "2029-30"}, 1, `new: "2029-30" is not a period`},
		{[]string{"new", "plan", "2029-2030", "-C", dir, "--from", "2023-2024"}, 1, `new: --from: unknown plan "2023-2024"`},
		{[]string{"new", "plan", "2029-2030", "-C", dir, "--areas", "lmi,youth"}, 1, `new: --areas: unknown area "youth" in plan 2025-2026`},
		{[]string{"new", "plan", "-C", dir}, 2, "new plan: give one period"},
		{[]string{"new", "plan", "2029-2030", "2031-2032", "-C", dir}, 2, "new plan: give one period"},
		{[]string{"new", "meeting"}, 2, "pesnet new plan PERIOD"},
	} {
		stderr.Reset()
		if code := run(tt.args, nil, &stdout, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%q: exit %d, want %d; stderr %q, want %q", tt.args, code, tt.code, stderr.String(), tt.want)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content", "plans"))
	if len(entries) != 2 {
		t.Errorf("%d entries in content/plans, want 2", len(entries))
	}
}
