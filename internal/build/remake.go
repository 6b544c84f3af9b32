package build

import (
	"fmt"
	"io/fs"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
)

// Remaker makes files of a finished build again, from the build's own
// loaded content: after an edit that Site.ReplaceBody took in place, the
// files that show the edited text come out as a full build of the edited
// project would make them (the preview server's fast path). It keeps
// every job of the build, which hold the build's content, layouts and
// strings. It is not safe for concurrent use.
type Remaker struct {
	// Site is the loaded content the build's jobs read.
	Site  *content.Site
	tasks map[string]task
	prep  *prepared // the build's strings, static files and options
}

// Remake makes file p (a path of the build's output) again, minified as
// the build made it.
func (r *Remaker) Remake(p string) ([]byte, error) {
	t, ok := r.tasks[p]
	if !ok {
		return nil, fmt.Errorf("%s is not a file of this build", p)
	}
	return make1(t, newMinifier())
}

// Reload loads project's content again, whole (every check of a build's
// load runs), assembles it and returns a Remaker of the HTML pages a
// build of it makes, with the layouts, strings and static files of r's
// build: the preview server's fast path for edits of activity files
// (facts, titles, any front matter), where those alone changed. It
// returns nil, with the problems, when the content or the layouts have
// errors; what it returns makes the pages only (not the feeds or the open
// data).
func (r *Remaker) Reload(project fs.FS) (*Remaker, *diag.List) {
	problems := &diag.List{}
	site, ok := loadContent(project, r.prep.opts, problems)
	if !ok || problems.HasErrors() {
		return nil, problems
	}
	prep := &prepared{opts: r.prep.opts, site: site, bundle: r.prep.bundle, static: r.prep.static}
	prep.assemble(project, problems)
	if problems.HasErrors() {
		return nil, problems
	}
	jobs, p := prep.r.Jobs()
	problems.Merge(p)
	if problems.HasErrors() {
		return nil, problems
	}
	next := &Remaker{Site: site, tasks: make(map[string]task, len(jobs)), prep: prep}
	for i, j := range jobs {
		next.tasks[j.Path] = task{Job: j, minify: true, index: i}
	}
	return next, problems
}
