package serve

import (
	"context"
	"crypto/sha256"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/build"
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
// Any other change of files in activity folders alone (facts, titles,
// any front matter; a new activity's files too; not a removed file) is
// shown first on those activities' pages as well: the content is loaded
// again, whole, with every check of a build, and assembled, and only their
// pages are made from it (facts), the rest waiting for the background
// build. That costs a load of the content instead of a full build, and
// the load decodes only the text files that changed (build.Options.Cache,
// set by New): about 1.5 s at 10,000 activities on the machine of the
// README's Performance section, a few tens of milliseconds for the plan's
// own. Content with errors is left to the full build, which reports them.
// The pages are made with the layouts on disk and the strings and static
// files of the last good build, so this path waits while a change of
// anything else is not yet in a good build (Server.pending). The watcher
// waits for Update: files changed meanwhile are seen after it.
//
// Then, for every change, the whole site is built again in the
// background (builder): it brings every other output up to date (the
// lists, calendars and open data that hold the text too), reports
// problems, and tabs reload only for pages whose bytes it changed
// further: after a fast edit, none. A background build under way when a
// change comes is stopped: it read the sources before the change.
func (s *Server) Update(changed []string) {
	start := time.Now()
	s.mu.Lock()
	s.edits++
	if s.stale != nil {
		s.stale() // it read the sources before this change: its site would be thrown away
	}
	seen, from := s.edits, s.remake
	pages := s.fast(changed)
	kind := "text edit"
	activity := activityFiles(changed)
	s.pending = s.pending || !activity
	if pages == 0 && from != nil && len(s.problems) == 0 && activity && !s.pending && s.present(changed) {
		s.mu.Unlock() // loading takes a while: the site is served meanwhile
		pages, kind = s.facts(changed, from, seen), "activity edit"
		s.mu.Lock()
	}
	s.mu.Unlock()
	wait := time.Duration(0)
	if pages > 0 {
		s.logf("%s: %d page(s) made again in %s; building the rest of the site in the background\n", kind, pages, time.Since(start).Round(10*time.Microsecond))
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
	s.put(activityPages(s.remake, acts))
	return len(acts) * len(site.Config.Languages)
}

// activityPages makes the pages of acts in every language with r; a page
// that cannot be made is left out (the background build reports it).
func activityPages(r *build.Remaker, acts []*content.Activity) map[string][]byte {
	made := map[string][]byte{}
	for _, a := range acts {
		for _, lang := range r.Site.Config.Languages {
			p := path.Join(assemble.ActivityPath(lang, a.ID)[1:], "index.html")
			if data, err := r.Remake(p); err == nil {
				made[p] = data
			}
		}
	}
	return made
}

// put serves the pages of made whose bytes differ from the served ones
// and reloads the tabs showing them. Called with s.mu held.
func (s *Server) put(made map[string][]byte) {
	var out []string
	for p, data := range made {
		if f := s.site[p]; f == nil || f.sum != sha256.Sum256(data) {
			s.site[p] = s.pack(data)
			out = append(out, p)
		}
	}
	slices.Sort(out)
	if len(out) > 0 {
		s.notify(out, nil)
	}
}

// facts takes an edit of activity files that fast refused, as Update says:
// it loads the content again, whole (from, the last good build's Remaker,
// gives the strings, layouts and static files), makes the edited
// activities' pages in every language and, unless a later change or build
// came meanwhile (seen is the edit's number), serves them and reloads the
// tabs showing them. It returns the number of pages made (0 when the
// content has errors). Called without s.mu held.
func (s *Server) facts(changed []string, from *build.Remaker, seen int) int {
	next, _ := from.Reload(s.project)
	if next == nil {
		return 0 // the background build reports the problems
	}
	folders := map[string]bool{}
	for _, p := range changed {
		folders[path.Dir(p)] = true
	}
	var acts []*content.Activity
	for _, a := range next.Site.Activities {
		if folders[path.Dir(a.File)] {
			acts = append(acts, a)
		}
	}
	made := activityPages(next, acts)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.edits != seen || s.remake != from || len(s.problems) > 0 {
		return 0 // a later change, a build that has this one, or one that failed
	}
	s.put(made)
	s.remake = next
	return len(made)
}

// present reports whether every file of changed is still there (a removed
// one changes lists the full build makes, and no page of its own).
func (s *Server) present(changed []string) bool {
	for _, p := range changed {
		if _, err := fs.Stat(s.project, p); err != nil && !strings.HasPrefix(path.Base(p), ".") {
			return false
		}
	}
	return true
}

// activityFiles reports whether every path of changed is a file of an
// activity's folder (or a hidden file, which no stage reads).
func activityFiles(changed []string) bool {
	for _, p := range changed {
		if !strings.HasPrefix(path.Base(p), ".") && !inActivityFolder(p) {
			return false
		}
	}
	return len(changed) > 0
}

// activityText reports whether p is an activity's text,
// content/activities/<folder>/index.<lang>.md.
func activityText(p string) bool {
	base := path.Base(p)
	return inActivityFolder(p) && strings.HasPrefix(base, "index.") && strings.HasSuffix(base, ".md")
}

// inActivityFolder reports whether p is a file of an activity's folder,
// content/activities/<folder>/<file>.
func inActivityFolder(p string) bool {
	parts := strings.Split(p, "/")
	return len(parts) == 4 && parts[0] == "content" && parts[1] == "activities"
}

// builder builds the whole site in the background whenever Update asks
// (after the wait it asks for), until stop is closed. A change during a
// build makes it stale: Update stops it (build.BuildContext) rather than
// let it run to its end to be thrown away, and the build that change asked
// for starts after its own wait (the tabs' reload first), as any other.
func (s *Server) builder(stop <-chan struct{}) {
	stopped, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { // closing stop stops the build under way too
		<-stop
		cancel()
	}()
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
		if !s.buildInBackground(stopped) {
			return
		}
	}
}

// buildInBackground builds the site and swaps it in when no change came
// meanwhile; a change stops it (Update), and then the build that change
// asked for (s.kick) comes next. It returns false when the server is
// stopping (server done).
func (s *Server) buildInBackground(server context.Context) bool {
	ctx, cancel := context.WithCancel(server)
	defer cancel()
	s.mu.Lock()
	seen := s.edits
	s.stale = cancel
	s.mu.Unlock()
	b := s.buildAll(ctx)
	s.mu.Lock()
	s.stale = nil
	current := s.edits == seen && ctx.Err() == nil
	if current {
		s.commit(b)
	}
	s.mu.Unlock()
	switch {
	case server.Err() != nil:
		return false
	case current:
		s.report(b.res, b.elapsed, b.problems)
	case ctx.Err() != nil:
		s.stopped.Add(1)
		s.logf("a change came during the background build: stopped after %s, building again\n", b.elapsed.Round(time.Millisecond))
	}
	return true
}
