// Package scaffold is `pesnet new`: it creates the files of a new activity
// (the facts file and one text file per language) with sensible defaults
// and clearly marked placeholders, so that an editor starts from a file
// that builds. `pesnet check` names every placeholder left ("TODO") until
// it is replaced.
//
// It refuses an id that is malformed or already used, an area that does
// not exist and an unknown type. In a terminal, Prompt asks for each of
// these in turn and checks each answer as it is typed, with the same rule
// and message as Activity (one function per field serves both), asking
// again until the answer is valid. The files are written into a temporary
// folder that is renamed into place only when all of them were written.
package scaffold

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/oic-pesnet/workplan/internal/content"
)

// Request describes the activity to create.
type Request struct {
	Area string
	ID   string
	Type string // training, webinar or workshop; default training
}

// Activity creates content/activities/<id>/ in the project folder dir and
// returns the files written, relative to dir.
func Activity(dir string, req Request) ([]string, error) {
	site, err := load(dir)
	if err != nil {
		return nil, err
	}
	if req.Type == "" {
		req.Type = content.TypeTraining
	}
	// The same rules, in the same order, as the questions of Prompt.
	for _, err := range []error{checkArea(site, req.Area), checkID(site, dir, req.ID), checkType(req.Type)} {
		if err != nil {
			return nil, err
		}
	}
	files := map[string]string{"activity.yaml": facts(site, req)}
	for i, lang := range site.Config.Languages {
		files["index."+lang+".md"] = text(lang, i > 0)
	}
	return write(dir, req.ID, files)
}

// load reads the project's content, which must be readable for a new
// activity to be numbered and checked against it.
func load(dir string) (*content.Site, error) {
	site, problems := content.Load(os.DirFS(filepath.Join(dir, "content")), "content")
	if site == nil {
		return nil, fmt.Errorf("the content cannot be read; fix these problems first:\n%s", problems)
	}
	return site, nil
}

// Types are the activity types, in the order they are offered.
var types = []string{content.TypeTraining, content.TypeWebinar, content.TypeWorkshop}

// areas returns the ids of the site's thematic areas.
func areas(site *content.Site) []string {
	var ids []string
	for _, a := range site.Areas {
		ids = append(ids, a.ID)
	}
	return ids
}

// checkArea, checkID and checkType are the rules for each field, used by
// Activity and by each question of Prompt, so the two cannot diverge.
func checkArea(site *content.Site, area string) error {
	if ids := areas(site); !slices.Contains(ids, area) {
		return fmt.Errorf("unknown area %q: use one of %s", area, strings.Join(ids, ", "))
	}
	return nil
}

func checkID(site *content.Site, dir, id string) error {
	if ok, hint := content.ValidID(id); !ok {
		return fmt.Errorf("%q is not a valid id: %s", id, hint)
	}
	for _, a := range site.Activities {
		if a.ID == id {
			return fmt.Errorf("the id %q is already used by %s: choose another", id, a.File)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "activities", id)); err == nil {
		return fmt.Errorf("content/activities/%s already exists: choose another id", id)
	}
	return nil
}

func checkType(typ string) error {
	if !slices.Contains(types, typ) {
		return fmt.Errorf("unknown type %q: use %s or %s", typ, strings.Join(types[:len(types)-1], ", "), types[len(types)-1])
	}
	return nil
}

// next returns the first free number in an area.
func next(site *content.Site, area string) int {
	n := 1
	for _, a := range site.Activities {
		if a.Area == area && a.Number >= n {
			n = a.Number + 1
		}
	}
	return n
}

func write(dir, id string, files map[string]string) ([]string, error) {
	parent := filepath.Join(dir, "content", "activities")
	tmp, err := os.MkdirTemp(parent, "."+id+"-")
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(files))
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(tmp, name), []byte(body), 0o644); err != nil {
			_ = os.RemoveAll(tmp)
			return nil, err
		}
		names = append(names, filepath.ToSlash(filepath.Join("content", "activities", id, name)))
	}
	if err := os.Rename(tmp, filepath.Join(parent, id)); err != nil {
		_ = os.RemoveAll(tmp)
		return nil, err
	}
	slices.Sort(names)
	return names, nil
}
