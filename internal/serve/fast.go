package serve

import (
	"bytes"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
)

// Update takes a change of the project's sources: changed lists the
// files added, removed or edited (slash-separated paths in the project).
//
// An edit of activity texts that leaves their front matter byte for byte
// as it was (the Markdown body alone changed, the commonest edit while
// writing) is shown at once: the last good build's content takes the new
// bodies in place (content.Site.ReplaceBody), the pages of those
// activities in every language are made again from it (build.Remaker)
// and open tabs showing them reload. That costs a few pages, whatever the
// size of the catalog.
//
// Then, for every change, the whole site is built again in the
// background (builder): it brings every other output up to date (the
// lists, calendars and open data that hold the text too), reports
// problems, and tabs reload only for pages whose bytes it changed
// further: after a fast edit, none.
func (s *Server) Update(changed []string) {
	start := time.Now()
	s.mu.Lock()
	s.edits++
	pages := s.fast(changed)
	s.mu.Unlock()
	wait := time.Duration(0)
	if pages > 0 {
		s.logf("text edit: %d page(s) made again in %s; building the rest of the site in the background\n", pages, time.Since(start).Round(10*time.Microsecond))
		wait = reloadFirst
	}
	select {
	case s.kick <- wait:
	default: // a build is already asked for
	}
}

// reloadFirst is how long the background build waits after a fast edit:
// the tabs' reload goes first (a build uses every core), and a burst of
// saves (an editor's autosave) is built once.
const reloadFirst = time.Second

// fast takes an edit of activity bodies alone, as Update says, and
// returns the number of pages made again (0 when the change is anything
// else, or the last build failed). Called with s.mu held.
func (s *Server) fast(changed []string) int {
	if s.remake == nil || len(s.problems) > 0 {
		return 0
	}
	var texts []string
	for _, p := range changed {
		switch {
		case strings.HasPrefix(path.Base(p), "."):
			// an editor's swap or backup file: not a source (Load skips it)
		case activityText(p):
			texts = append(texts, p)
		default:
			return 0
		}
	}
	contentFS, err := fs.Sub(s.project, "content")
	if err != nil {
		return 0
	}
	site := s.remake.Site
	var acts []*content.Activity
	for _, p := range texts {
		a := site.ReplaceBody(contentFS, "content", strings.TrimPrefix(p, "content/"))
		if a == nil {
			return 0 // the background build shows it, or its problems
		}
		acts = append(acts, a)
	}
	var out []string
	for _, a := range acts {
		for _, lang := range site.Config.Languages {
			p := path.Join(assemble.ActivityPath(lang, a.ID)[1:], "index.html")
			data, err := s.remake.Remake(p)
			if err != nil {
				continue // a page the background build reports
			}
			if !bytes.Equal(s.site[p], data) {
				s.site[p] = data
				out = append(out, p)
			}
		}
	}
	if len(out) > 0 {
		s.notify(out, nil)
	}
	return len(acts) * len(site.Config.Languages)
}

// activityText reports whether p is an activity's text,
// content/activities/<folder>/index.<lang>.md.
func activityText(p string) bool {
	parts := strings.Split(p, "/")
	return len(parts) == 4 && parts[0] == "content" && parts[1] == "activities" &&
		strings.HasPrefix(parts[3], "index.") && strings.HasSuffix(parts[3], ".md")
}

// builder builds the whole site in the background whenever Update asks
// (after the wait it asks for), until stop is closed. A build during which the sources changed again
// may have read some files before the change and some after: it is not
// swapped in, and the next one starts at once.
func (s *Server) builder(stop <-chan struct{}) {
	var timer <-chan time.Time
	for {
		select {
		case <-stop:
			return
		case wait := <-s.kick:
			timer = time.After(wait) // a later change moves the build later
			continue
		case <-timer:
			timer = nil
		}
		for {
			select {
			case <-stop:
				return
			default:
			}
			s.mu.RLock()
			seen := s.edits
			s.mu.RUnlock()
			b := s.buildAll()
			s.mu.Lock()
			current := s.edits == seen
			if current {
				s.commit(b)
			}
			s.mu.Unlock()
			if current {
				s.report(b.res, b.elapsed, b.problems)
				break
			}
		}
	}
}
