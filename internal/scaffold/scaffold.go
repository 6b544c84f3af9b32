// Package scaffold is `pesnet new`: it creates the files of a new activity
// or of the next work plan, so that an editor starts from files that build.
//
// Activity writes an activity's facts file and one text file per language,
// with sensible defaults and clearly marked placeholders ("TODO"), which
// `pesnet check` names until they are replaced. The activity belongs to
// Request.Plan, by default the current plan: the areas offered and the next
// free number come from that plan. It refuses an unknown plan, an id that
// is malformed or already used, an area the plan does not have and an
// unknown type. In a terminal, Prompt asks for each of these in turn and
// checks each answer as it is typed, with the same rule and message as
// Activity (one function per field serves both), asking again until the
// answer is valid.
//
// Plan writes the next work plan, plans/<period>/, as a draft: plan.yaml
// (status: draft, commented), the texts of the plan it is drawn from (by
// default the current plan) and the areas it carries over (all, some, or
// none), with no activities. Every text it copies is marked
// "unreviewed: true", the content's one "to review" mark: the secretariat
// has not reviewed this text for the new plan yet. `pesnet check` lists
// those texts in the plan's to-do list. The period's years in the copied
// texts ("2024-2026") become the new plan's; the areas are numbered 1, 2, …
// in the order they had. It refuses a malformed period, an existing plan,
// an unknown plan to draw from and an area that plan does not have.
//
// Every check runs before anything is written; the files are then written
// into a temporary folder that is renamed into place only when all of them
// were written, so a refusal or a failure leaves nothing half-written.
package scaffold

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
)

// Request describes the activity to create.
type Request struct {
	Plan string // a plan's id (period); default the current plan
	Area string // an area of that plan
	ID   string
	Type string // training, webinar or workshop; default training
}

// Activity creates content/activities/<id>/ in the project folder dir and
// returns the files written, relative to dir.
func Activity(dir string, req Request) ([]string, error) {
	p, err := open(dir)
	if err != nil {
		return nil, err
	}
	req = p.defaults(req)
	// The same rules, in the same order, as the questions of Prompt.
	for _, err := range []error{p.checkPlan(req.Plan), p.checkArea(req.Plan, req.Area), p.checkID(req.ID), checkType(req.Type)} {
		if err != nil {
			return nil, err
		}
	}
	// The facts open the default language's front matter: the layout the
	// browser editor (/admin/) reads and writes.
	files := map[string]string{}
	for i, lang := range p.site.Config.Languages {
		files["index."+lang+".md"] = text(lang, i > 0)
	}
	def := "index." + p.site.Config.Default() + ".md"
	files[def] = "---\n" + facts(p.cat.Plan(req.Plan), req, p.next(req.Plan, req.Area), p.site.Config.Default()) + files[def][len("---\n"):]
	return write(dir, path.Join("content", "activities"), req.ID, files)
}

// project is the content of the project folder dir, assembled: which plan
// is current and which areas each plan has are the catalog's answers, the
// same the site is built from.
type project struct {
	dir  string
	site *content.Site
	cat  *assemble.Catalog
}

// open reads the project's content, which must be readable for a new
// activity or plan to be numbered and checked against it.
func open(dir string) (*project, error) {
	site, problems := content.Load(os.DirFS(filepath.Join(dir, "content")), "content")
	if site == nil {
		return nil, fmt.Errorf("the content cannot be read; fix these problems first:\n%s", problems)
	}
	return &project{dir: dir, site: site, cat: assemble.New(site)}, nil
}

// current is the id of the plan in force ("" only for content that fails
// its checks).
func (p *project) current() string {
	if p.cat.Current == nil {
		return ""
	}
	return p.cat.Current.ID
}

// defaults fills in the plan and type a request leaves empty.
func (p *project) defaults(req Request) Request {
	if req.Plan == "" {
		req.Plan = p.current()
	}
	if req.Type == "" {
		req.Type = string(content.TypeTraining)
	}
	return req
}

// typeNames are the activity types as editors write them, in the order
// they are offered.
func typeNames() []string {
	var out []string
	for _, t := range content.Types() {
		out = append(out, string(t))
	}
	return out
}

// plans returns the ids of the plans, by period.
func (p *project) plans() []string {
	var ids []string
	for _, pl := range p.cat.Plans {
		ids = append(ids, pl.ID)
	}
	slices.Sort(ids)
	return ids
}

// areas returns the ids of plan's thematic areas, in the plan's order.
func (p *project) areas(plan string) []string {
	var ids []string
	for _, a := range p.cat.PlanAreas(plan) {
		ids = append(ids, a.ID)
	}
	return ids
}

// checkPlan, checkArea, checkID and checkType are the rules for each
// field, used by Activity and by each question of Prompt, so the two
// cannot diverge.
func (p *project) checkPlan(plan string) error {
	if p.cat.Plan(plan) == nil {
		return fmt.Errorf("unknown plan %q: use one of %s (the folders of content/plans)", plan, strings.Join(p.plans(), ", "))
	}
	return nil
}

func (p *project) checkArea(plan, area string) error {
	ids := p.areas(plan)
	switch {
	case len(ids) == 0:
		return fmt.Errorf("plan %s has no areas yet: add one first, content/plans/%s/areas/<area>/ with area.yaml and a text per language", plan, plan)
	case !slices.Contains(ids, area):
		return fmt.Errorf("unknown area %q in plan %s: use one of %s", area, plan, strings.Join(ids, ", "))
	}
	return nil
}

func (p *project) checkID(id string) error {
	if ok, hint := content.ValidID(id); !ok {
		return fmt.Errorf("%q is not a valid id: %s", id, hint)
	}
	for _, a := range p.site.Activities {
		if a.ID == id {
			return fmt.Errorf("the id %q is already used by %s: choose another", id, a.File)
		}
	}
	if _, err := os.Stat(filepath.Join(p.dir, "content", "activities", id)); err == nil {
		return fmt.Errorf("content/activities/%s already exists: choose another id", id)
	}
	return nil
}

func checkType(typ string) error {
	types := typeNames()
	if !slices.Contains(types, typ) {
		return fmt.Errorf("unknown type %q: use %s or %s", typ, strings.Join(types[:len(types)-1], ", "), types[len(types)-1])
	}
	return nil
}

// next returns the first free number in an area of a plan: numbers count
// per plan and area.
func (p *project) next(plan, area string) int {
	n := 1
	for _, a := range p.cat.InPlan(plan) {
		if a.Area == area && a.Number >= n {
			n = a.Number + 1
		}
	}
	return n
}

// write writes files (names relative to the new folder, with "/") into
// dir/parent/name: first into a temporary folder beside it, renamed into
// place only once every file is written. It returns the files' paths
// relative to dir.
func write(dir, parent, name string, files map[string]string) ([]string, error) {
	parentDir := filepath.Join(dir, filepath.FromSlash(parent))
	tmp, err := os.MkdirTemp(parentDir, "."+name+"-")
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(files))
	for rel, body := range files {
		p := filepath.Join(tmp, filepath.FromSlash(rel))
		err := os.MkdirAll(filepath.Dir(p), 0o755)
		if err == nil {
			err = os.WriteFile(p, []byte(body), 0o644)
		}
		if err != nil {
			_ = os.RemoveAll(tmp)
			return nil, err
		}
		names = append(names, path.Join(parent, name, rel))
	}
	// MkdirTemp makes the folder private (0700); the content is shared.
	if err := os.Chmod(tmp, 0o755); err != nil {
		_ = os.RemoveAll(tmp)
		return nil, err
	}
	if err := os.Rename(tmp, filepath.Join(parentDir, name)); err != nil {
		_ = os.RemoveAll(tmp)
		return nil, err
	}
	slices.Sort(names)
	return names, nil
}
