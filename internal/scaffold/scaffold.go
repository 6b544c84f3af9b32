// Package scaffold is `pesnet new`: it creates the files of a new activity
// (the facts file and one text file per language) with sensible defaults
// and clearly marked placeholders, so that an editor starts from a file
// that builds. `pesnet check` names every placeholder left ("TODO") until
// it is replaced.
//
// It refuses an id that is malformed or already used, and an area that
// does not exist. The files are written into a temporary folder that is
// renamed into place only when all of them were written.
package scaffold

import (
	"bufio"
	"fmt"
	"io"
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
	site, problems := content.Load(os.DirFS(filepath.Join(dir, "content")), "content")
	if site == nil {
		return nil, fmt.Errorf("the content cannot be read; fix these problems first:\n%s", problems)
	}
	if err := validate(site, dir, &req); err != nil {
		return nil, err
	}
	files := map[string]string{"activity.yaml": facts(site, req)}
	for i, lang := range site.Config.Languages {
		files["index."+lang+".md"] = text(lang, i > 0)
	}
	return write(dir, req.ID, files)
}

func validate(site *content.Site, dir string, req *Request) error {
	if ok, hint := content.ValidID(req.ID); !ok {
		return fmt.Errorf("%q is not a valid id: %s", req.ID, hint)
	}
	var areas []string
	for _, a := range site.Areas {
		areas = append(areas, a.ID)
	}
	if !slices.Contains(areas, req.Area) {
		return fmt.Errorf("unknown area %q: use one of %s", req.Area, strings.Join(areas, ", "))
	}
	for _, a := range site.Activities {
		if a.ID == req.ID {
			return fmt.Errorf("the id %q is already used by %s: choose another", req.ID, a.File)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "activities", req.ID)); err == nil {
		return fmt.Errorf("content/activities/%s already exists: choose another id", req.ID)
	}
	if req.Type == "" {
		req.Type = content.TypeTraining
	}
	if !slices.Contains([]string{content.TypeTraining, content.TypeWebinar, content.TypeWorkshop}, req.Type) {
		return fmt.Errorf("unknown type %q: use training, webinar or workshop", req.Type)
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

// Prompt asks for the missing fields of req on a terminal.
func Prompt(in io.Reader, out io.Writer, dir string, req *Request) error {
	site, _ := content.Load(os.DirFS(filepath.Join(dir, "content")), "content")
	r := bufio.NewReader(in)
	ask := func(question string, dst *string) error {
		for *dst == "" {
			fmt.Fprint(out, question)
			line, err := r.ReadString('\n')
			*dst = strings.TrimSpace(line)
			if err != nil && *dst == "" {
				return fmt.Errorf("no answer: %w", err)
			}
		}
		return nil
	}
	var areas []string
	if site != nil {
		for _, a := range site.Areas {
			areas = append(areas, a.ID)
		}
	}
	if err := ask(fmt.Sprintf("Thematic area (%s): ", strings.Join(areas, ", ")), &req.Area); err != nil {
		return err
	}
	if err := ask("Activity id (lowercase words joined by hyphens, e.g. digital-skills-training): ", &req.ID); err != nil {
		return err
	}
	return ask("Type (training, webinar, workshop): ", &req.Type)
}
