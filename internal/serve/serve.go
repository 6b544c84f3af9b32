// Package serve is the preview server of `pesnet serve`: it builds the
// project in memory, serves it on a loopback address with the redirects and
// headers of netlify.toml (package netlify), watches the project's sources,
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
	"sync"
	"time"

	"github.com/oic-pesnet/workplan/internal/build"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/netlify"
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

// event is what open tabs are told after a build.
type event struct {
	Version  int      `json:"version"`
	Problems []string `json:"problems"`
}

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
	s.version++
	s.problems = problems
	if err == nil {
		s.site = map[string][]byte{}
		for _, f := range res.Files {
			s.site[f.Path] = f.Data
		}
		s.rules = rules
	}
	ev := event{Version: s.version, Problems: problems}
	for c := range s.clients {
		select {
		case c <- ev:
		default: // a slow tab misses an event; the next one catches up
		}
	}
	s.mu.Unlock()
	s.report(res, elapsed, problems)
	return elapsed, err
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

// Watch polls the project's sources every interval and rebuilds when a
// file was added, removed or changed, until stop is closed. Polling (size
// and modification time of each file) needs no platform-specific watcher,
// sees new folders at once, and costs well under a millisecond per poll for
// a project of this size.
func (s *Server) Watch(stop <-chan struct{}, interval time.Duration) {
	last := s.fingerprint()
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			if fp := s.fingerprint(); !bytes.Equal(fp, last) {
				last = fp
				_, _ = s.Rebuild()
			}
		}
	}
}

// watched are the sources of a build.
var watched = []string{"content", "layouts", "static", "i18n", "netlify.toml"}

func (s *Server) fingerprint() []byte {
	var b bytes.Buffer
	for _, root := range watched {
		_ = fs.WalkDir(s.project, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(&b, "%s:missing\n", p)
				return nil
			}
			if info, err := d.Info(); err == nil && !d.IsDir() {
				fmt.Fprintf(&b, "%s:%d:%d\n", p, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return b.Bytes()
}
