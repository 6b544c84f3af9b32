package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// progressDelay is how long a build runs before it shows its progress: a
// preview-sized build finishes well before, and prints nothing.
const progressDelay = 2 * time.Second

// progress shows which stage a long build is in, on one line of a
// terminal rewritten in place and cleared at the end. It is created only
// when standard error is a terminal: in CI logs and pipes a build prints
// no progress at all.
type progress struct {
	w     io.Writer
	delay time.Duration
	start time.Time

	mu    sync.Mutex
	stage string
	files int
	shown bool

	stop chan struct{}
	done chan struct{}
}

// newProgress returns a progress line on w when w is a terminal, else nil.
func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return startProgress(w, progressDelay)
}

func startProgress(w io.Writer, delay time.Duration) *progress {
	p := &progress{w: w, delay: delay, start: time.Now(), stop: make(chan struct{}), done: make(chan struct{})}
	go p.loop()
	return p
}

// Stage records the stage the build has reached (build.Options.Progress).
func (p *progress) Stage(stage string, files int) {
	p.mu.Lock()
	p.stage, p.files = stage, files
	p.mu.Unlock()
}

func (p *progress) loop() {
	defer close(p.done)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-tick.C:
			if time.Since(p.start) >= p.delay {
				p.draw()
			}
		}
	}
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	line := fmt.Sprintf("building: %s", p.stage)
	if p.files > 0 {
		line += fmt.Sprintf(" (%d files)", p.files)
	}
	line += fmt.Sprintf(", %.0f s", time.Since(p.start).Seconds())
	fmt.Fprintf(p.w, "\r\x1b[K%s", line)
	p.shown = true
}

// Done stops the progress line and clears it if it was shown.
func (p *progress) Done() {
	close(p.stop)
	<-p.done
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
