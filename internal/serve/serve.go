// Package serve is the preview server of `pesnet serve`: it builds the
// project in memory, keeps each file gzip-compressed (stored.go: a site of
// 10,000 activities is held in about a sixth of its 2.75 GB), serves it on a loopback address with the redirects of
// the built _redirects file then those of netlify.toml (Netlify's order),
// and netlify.toml's headers (package netlify), watches the project's sources,
// rebuilds on change and reloads open browser tabs. It answers only
// requests addressed to a loopback name (127.0.0.1, localhost, [::1]):
// any other Host header is what a web page reading the preview through DNS
// rebinding would send, and gets 421 Misdirected Request.
//
// Live reload uses server-sent events: every HTML response gets one
// <script src="/__pesnet/live.js"> (served only here, never written to the
// output, and allowed by the production Content-Security-Policy since it is
// same-origin). When a rebuild fails, the last good site keeps being served,
// the terminal prints the problems, and open tabs show them in an overlay
// with the same file:line:col messages; the next good build removes it.
package serve

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/oic-pesnet/workplan/internal/build"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/netlify"
)

// Server holds the last good build and the clients to notify.
type Server struct {
	project fs.FS
	opts    build.Options
	log     io.Writer

	mu       sync.RWMutex
	site     map[string]*stored // last good build, by path without leading "/"
	rules    *netlify.Config
	problems []string // of the last build; empty when it succeeded
	version  int      // number of changes sent to tabs so far
	clients  map[chan event]struct{}
	// remake makes files of the last good build again, from its content,
	// which takes edits of an activity text's body in place (fast.go).
	remake *build.Remaker
	// edits counts the source changes seen (Update): a background build
	// that started before the last one is not swapped in.
	edits int
	// pending is set by a change that is not only of activity files, until
	// a good build that has it is swapped in (fast.go).
	pending bool
	kick    chan time.Duration // asks the background builder for a build, after a wait
	// stale stops the background build under way, if any: a later edit
	// made it out of date (builder).
	stale   context.CancelFunc
	builds  atomic.Int64 // full builds started, for tests
	stopped atomic.Int64 // background builds stopped as stale, for tests
	// zippers are gzip writers to reuse (stored.go).
	zippers sync.Pool
	// watching, when set, is called once Watch sees every change (tests
	// wait for it rather than for a guessed delay).
	watching func()
}

// event is what open tabs are told after a build that changed something:
// the site (Version counts the changes; Changed lists the changed files,
// or All is set when there are many), or its problems.
type event struct {
	Version  int      `json:"version"`
	Problems []string `json:"problems"`
	Changed  []string `json:"changed,omitempty"`
	All      bool     `json:"all,omitempty"`
}

// maxChanged is the number of changed files an event lists; past it, it
// says "all" and every open tab reloads.
const maxChanged = 200

// New returns a server for project. opts.BaseURL should be the server's
// own address, so that absolute links stay local.
func New(project fs.FS, opts build.Options, log io.Writer) *Server {
	opts.Out = "" // the preview is served from memory, never written
	opts.Remake = true
	if opts.Cache == nil {
		opts.Cache = &content.Cache{} // each load decodes only the text files that changed
	}
	return &Server{project: project, opts: opts, log: log, clients: map[chan event]struct{}{}, kick: make(chan time.Duration, 1)}
}

// built is the outcome of one full build, before it is swapped in.
type built struct {
	res      *build.Result
	files    map[string]*stored // res.Files as served
	rules    *netlify.Config
	problems []string
	err      error
	elapsed  time.Duration
}

// Rebuild builds the project and, when it succeeds, swaps the new site in.
// Problems are printed and sent to open tabs either way.
func (s *Server) Rebuild() (time.Duration, error) {
	b := s.buildAll(context.Background())
	s.mu.Lock()
	s.commit(b)
	s.mu.Unlock()
	s.report(b.res, b.elapsed, b.problems)
	return b.elapsed, b.err
}

// buildAll builds the whole project, in memory.
func (s *Server) buildAll(ctx context.Context) built {
	s.builds.Add(1)
	start := time.Now()
	opts := s.opts
	k := s.newKeeper()
	opts.Keep = k.keep
	res, err := build.BuildContext(ctx, s.project, opts)
	rules, rerr := netlify.Load(s.project, "netlify.toml")
	if err == nil && rerr == nil {
		rules, rerr = generatedFirst(rules, k.files)
	}
	b := built{res: res, files: k.files, rules: rules, err: err, elapsed: time.Since(start)}
	if res != nil && res.Problems != nil {
		for _, d := range res.Problems.Items() {
			if d.Severity == diag.Error {
				b.problems = append(b.problems, d.String())
			}
		}
	}
	if err != nil && len(b.problems) == 0 {
		b.problems = append(b.problems, err.Error())
	}
	if rerr != nil {
		b.problems = append(b.problems, rerr.Error())
		b.err = rerr
	}
	return b
}

// commit swaps a good build in and tells open tabs what changed, or its
// problems. Called with s.mu held.
func (s *Server) commit(b built) {
	var changed []string
	if b.err == nil {
		changed = s.swap(b.files, b.rules)
		s.remake = b.res.Remake
		s.pending = false // a build is swapped in only if no change came during it
	}
	if len(changed) > 0 || len(b.problems) > 0 || len(s.problems) > 0 {
		s.notify(changed, b.problems)
	}
	s.problems = b.problems
}

// notify sends open tabs the changed files, or the problems. Called with
// s.mu held.
func (s *Server) notify(changed, problems []string) {
	ev := event{Problems: problems}
	if len(changed) > 0 {
		s.version++
		ev.Changed, ev.All = changed, len(changed) > maxChanged
		if ev.All {
			ev.Changed = nil
		}
	}
	ev.Version = s.version
	for c := range s.clients {
		select {
		case c <- ev:
		default: // a slow tab misses an event; the next one catches up
		}
	}
}

// generatedFirst puts the rules of the built _redirects file before those
// of netlify.toml, the order in which Netlify applies them.
func generatedFirst(toml *netlify.Config, files map[string]*stored) (*netlify.Config, error) {
	f, ok := files[netlify.RedirectsFile]
	if !ok {
		return toml, nil
	}
	generated, err := netlify.ParseRedirects(netlify.RedirectsFile+" (made by the build)", f.bytes())
	if err != nil {
		return nil, err
	}
	return toml.Prepend(generated), nil
}

// swap replaces the served site with a good build's and returns the paths
// that changed (added, removed or different), sorted; a build that changed
// nothing changes nothing, and open tabs are not reloaded. Called with
// s.mu held.
func (s *Server) swap(next map[string]*stored, rules *netlify.Config) []string {
	var changed []string
	for p, f := range next {
		if old, ok := s.site[p]; !ok || old.sum != f.sum {
			changed = append(changed, p)
		}
	}
	for p := range s.site {
		if _, ok := next[p]; !ok {
			changed = append(changed, p)
		}
	}
	if s.site == nil {
		changed = append(changed, "") // the first build: nothing was served
	}
	slices.Sort(changed)
	s.site, s.rules = next, rules
	return changed
}

func (s *Server) report(res *build.Result, elapsed time.Duration, problems []string) {
	// The previous site and the build's working memory are garbage now:
	// give the memory back to the system at once rather than at the next
	// collection, so that a server kept open for hours holds about one
	// site (a build of 10,000 activities leaves gigabytes behind).
	debug.FreeOSMemory()
	if s.log == nil {
		return
	}
	if res != nil && res.Problems != nil {
		fmt.Fprint(s.log, res.Problems.String())
	}
	if len(problems) > 0 {
		fmt.Fprintf(s.log, "build failed (%d problem(s)); still serving the last good site\n", len(problems))
		return
	}
	fmt.Fprintf(s.log, "built %d files in %s\n", len(res.Files), elapsed.Round(time.Millisecond))
}
