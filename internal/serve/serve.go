// Package serve is the preview server of `pesnet serve`: it builds the
// project in memory, serves it on a loopback address with the redirects of
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
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/oic-pesnet/workplan/internal/build"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/netlify"
	"github.com/oic-pesnet/workplan/internal/output"
)

// Server holds the last good build and the clients to notify.
type Server struct {
	project fs.FS
	opts    build.Options
	log     io.Writer

	mu       sync.RWMutex
	site     map[string][]byte // last good build, by path without leading "/"
	rules    *netlify.Config
	problems []string // of the last build; empty when it succeeded
	version  int      // number of builds so far
	clients  map[chan event]struct{}
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
	return &Server{project: project, opts: opts, log: log, clients: map[chan event]struct{}{}}
}

// Rebuild builds the project and, when it succeeds, swaps the new site in.
// Problems are printed and sent to open tabs either way.
func (s *Server) Rebuild() (time.Duration, error) {
	start := time.Now()
	res, err := build.Build(s.project, s.opts)
	rules, rerr := netlify.Load(s.project, "netlify.toml")
	if err == nil && rerr == nil {
		rules, rerr = generatedFirst(rules, res.Files)
	}
	elapsed := time.Since(start)
	var problems []string
	if res != nil && res.Problems != nil {
		for _, d := range res.Problems.Items() {
			if d.Severity == diag.Error {
				problems = append(problems, d.String())
			}
		}
	}
	if err != nil && len(problems) == 0 {
		problems = append(problems, err.Error())
	}
	if rerr != nil {
		problems = append(problems, rerr.Error())
		err = rerr
	}
	s.mu.Lock()
	var changed []string
	if err == nil {
		changed = s.swap(res, rules)
	}
	if len(changed) > 0 || len(problems) > 0 || len(s.problems) > 0 {
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
	s.problems = problems
	s.mu.Unlock()
	s.report(res, elapsed, problems)
	return elapsed, err
}

// generatedFirst puts the rules of the built _redirects file before those
// of netlify.toml, the order in which Netlify applies them.
func generatedFirst(toml *netlify.Config, files []output.File) (*netlify.Config, error) {
	i, ok := slices.BinarySearchFunc(files, netlify.RedirectsFile, func(f output.File, p string) int { return strings.Compare(f.Path, p) })
	if !ok {
		return toml, nil
	}
	generated, err := netlify.ParseRedirects(netlify.RedirectsFile+" (made by the build)", files[i].Data)
	if err != nil {
		return nil, err
	}
	return toml.Prepend(generated), nil
}

// swap replaces the served site with a good build's and returns the paths
// that changed (added, removed or different), sorted; a build that changed
// nothing changes nothing, and open tabs are not reloaded. Called with
// s.mu held.
func (s *Server) swap(res *build.Result, rules *netlify.Config) []string {
	var changed []string
	next := make(map[string][]byte, len(res.Files))
	for _, f := range res.Files {
		next[f.Path] = f.Data
		if old, ok := s.site[f.Path]; !ok || !bytes.Equal(old, f.Data) {
			changed = append(changed, f.Path)
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
