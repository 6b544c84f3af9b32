package livecontent

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/scaffold"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// An Edit is one change an editor makes to content/ through a pull
// request. Apply changes the project folder dir in place; it chooses its
// target by a rule (the first planned activity, the first month schedule…)
// rather than by name, so it still applies when the content has changed.
// ErrNotApplicable means the content offers no target (e.g. no text left to
// review).
type Edit struct {
	Name  string
	Apply func(dir string) error
}

// ErrNotApplicable is returned by an Edit whose target the content lacks.
var ErrNotApplicable = errors.New("the content has nothing this edit applies to")

// Edits are the changes of issue #8's table, plus a removed activity (first,
// so that ApplyAll keeps the effect of every later edit) and the next work
// plan started (last: a draft that pesnet new plan writes, drawn from the
// current plan).
func Edits() []Edit {
	return []Edit{
		{"remove an activity", removeActivity},
		{"record what happened: status planned → completed, held on its first day", setStatus},
		{"mark an Arabic translation reviewed: delete unreviewed: true", markReviewed},
		{"give an exact date: schedule YYYY-MM → YYYY-MM-18", exactDate},
		{"add a complete new activity (the README's example id)", addActivity},
		{"start the next plan: pesnet new plan (a draft, its texts to review, no activities)", startNextPlan},
	}
}

var (
	statusLine   = regexp.MustCompile(`(?m)^status: *planned *$`)
	monthLine    = regexp.MustCompile(`(?m)^schedule: *"?(\d{4}-\d{2})"? *$`)
	numberLine   = regexp.MustCompile(`(?m)^number: *(\d+) *$`)
	idLine       = regexp.MustCompile(`(?m)^id: *.*$`)
	areaLine     = regexp.MustCompile(`(?m)^area: *"?([a-z0-9-]+)"? *$`)
	unreviewedLn = regexp.MustCompile(`(?m)^unreviewed: *true *\n`)
	scheduleLine = regexp.MustCompile(`(?m)^schedule: *"?([^"#\n]*)"? *(#.*)?$`)
	currentLine  = regexp.MustCompile(`(?m)^status: *current *(#.*)?$`)
)

// activities returns the activity folders of dir, sorted.
func activities(dir string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "content", "activities", "*"))
	var out []string
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out, err
}

// factsFile returns the file of folder that holds the activity's facts:
// its activity.yaml (the older layout), else the text whose front matter
// starts them with an "id:" line (the default language's).
func factsFile(folder string) (string, error) {
	yaml := filepath.Join(folder, "activity.yaml")
	if _, err := os.Stat(yaml); err == nil {
		return yaml, nil
	}
	texts, err := filepath.Glob(filepath.Join(folder, "index.*.md"))
	slices.Sort(texts)
	for _, t := range texts {
		if data, err := os.ReadFile(t); err == nil && idLine.Match(data) {
			return t, nil
		}
	}
	return "", cmpErr(err)
}

// rewriteFirst replaces, in the first file of files that re matches, the
// match by repl (with $1 expanded).
func rewriteFirst(files []string, re *regexp.Regexp, repl string) error {
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if loc := re.FindSubmatchIndex(data); loc != nil {
			out := append([]byte{}, data[:loc[0]]...)
			out = re.Expand(out, []byte(repl), data, loc)
			out = append(out, data[loc[1]:]...)
			return os.WriteFile(f, out, 0o644)
		}
	}
	return ErrNotApplicable
}

func factsFiles(dir string) ([]string, error) {
	acts, err := activities(dir)
	if err != nil {
		return nil, err
	}
	for i := range acts {
		if acts[i], err = factsFile(acts[i]); err != nil {
			return nil, err
		}
	}
	return acts, nil
}

// setStatus records that the first planned activity with a date took
// place: status completed, held on the first day of its schedule (a
// completed activity says when it was held).
func setStatus(dir string) error {
	files, err := factsFiles(dir)
	if err != nil {
		return err
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		m := scheduleLine.FindSubmatch(data)
		if m == nil || !statusLine.Match(data) {
			continue
		}
		s, perr := schedule.Parse(strings.TrimSpace(string(m[1])))
		if perr != nil || s.Precision == schedule.Undetermined {
			continue
		}
		return rewriteFirst([]string{f}, statusLine, "status: completed\nheld: "+s.First.Format(time.DateOnly))
	}
	return ErrNotApplicable
}

func exactDate(dir string) error {
	files, err := factsFiles(dir)
	if err != nil {
		return err
	}
	return rewriteFirst(files, monthLine, `schedule: "$1-18"`)
}

func markReviewed(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "content", "*", "*", "index.ar.md"))
	if err != nil {
		return err
	}
	slices.Sort(files)
	return rewriteFirst(files, unreviewedLn, "")
}

// addActivity copies the last activity under a new id, in the same area,
// with the area's next free number: a complete activity, as an editor
// writes one after `pesnet new activity` and filling in every placeholder.
func addActivity(dir string) error {
	acts, err := activities(dir)
	if err != nil || len(acts) == 0 {
		return cmpErr(err)
	}
	src := acts[len(acts)-1]
	id := "neet-mentoring"
	for n := 2; slices.Contains(acts, filepath.Join(filepath.Dir(src), id)); n++ {
		id = "neet-mentoring-" + strconv.Itoa(n)
	}
	next, err := nextNumber(acts, src)
	if err != nil {
		return err
	}
	dst := filepath.Join(filepath.Dir(src), id)
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		return err
	}
	file, err := factsFile(dst)
	if err != nil {
		return err
	}
	facts, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	facts = idLine.ReplaceAll(facts, []byte("id: "+id))
	facts = numberLine.ReplaceAll(facts, []byte("number: "+strconv.Itoa(next)))
	return os.WriteFile(file, facts, 0o644)
}

// nextNumber is one more than the highest number among the activities of
// src's area.
func nextNumber(acts []string, src string) (int, error) {
	areaOf := func(facts []byte) string {
		if m := areaLine.FindSubmatch(facts); m != nil {
			return string(m[1])
		}
		return ""
	}
	read := func(folder string) ([]byte, error) {
		file, err := factsFile(folder)
		if err != nil {
			return nil, err
		}
		return os.ReadFile(file)
	}
	srcFacts, err := read(src)
	if err != nil {
		return 0, err
	}
	highest := 0
	for _, a := range acts {
		facts, err := read(a)
		if err != nil {
			return 0, err
		}
		if m := numberLine.FindSubmatch(facts); m != nil && areaOf(facts) == areaOf(srcFacts) {
			n, _ := strconv.Atoi(string(m[1]))
			highest = max(highest, n)
		}
	}
	return highest + 1, nil
}

// startNextPlan does what editors do when the next work plan is being
// prepared: `pesnet new plan` drawn from the current plan, for the period
// after the latest plan, as long as the current one.
func startNextPlan(dir string) error {
	facts, err := filepath.Glob(filepath.Join(dir, "content", "plans", "*", "plan.yaml"))
	if err != nil {
		return err
	}
	current, latest, length := "", 0, 0
	for _, f := range facts {
		id := filepath.Base(filepath.Dir(f))
		first, last, ok := content.PlanPeriod(id)
		if !ok {
			continue
		}
		latest = max(latest, last)
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if currentLine.Match(data) {
			current, length = id, last-first
		}
	}
	if current == "" {
		return ErrNotApplicable
	}
	next := fmt.Sprintf("%d-%d", latest+1, latest+1+length)
	_, err = scaffold.Plan(dir, scaffold.PlanRequest{Period: next, From: current})
	return err
}

// removeActivity deletes the first activity folder.
func removeActivity(dir string) error {
	acts, err := activities(dir)
	if err != nil || len(acts) == 0 {
		return cmpErr(err)
	}
	return os.RemoveAll(acts[0])
}

func cmpErr(err error) error {
	if err != nil {
		return err
	}
	return ErrNotApplicable
}

// ApplyAll applies every edit in order to dir, skipping those that do not
// apply, and returns the names of those applied.
func ApplyAll(dir string) ([]string, error) {
	var done []string
	for _, e := range Edits() {
		switch err := e.Apply(dir); {
		case errors.Is(err, ErrNotApplicable):
		case err != nil:
			return done, fmt.Errorf("%s: %w", e.Name, err)
		default:
			done = append(done, e.Name)
		}
	}
	return done, nil
}

// Describe lists the edits, one per line.
func Describe() string {
	var b strings.Builder
	for _, e := range Edits() {
		fmt.Fprintf(&b, "- %s\n", e.Name)
	}
	return b.String()
}
