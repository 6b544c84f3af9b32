package build

import (
	"bytes"
	"cmp"
	"context"
	"io"
	"os"
	"path"
	"runtime"
	"slices"
	"sync"

	"github.com/tdewolff/minify/v2"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/write"
)

// task is one job with what the pipeline does to its file; gen and index
// order problems deterministically, whatever the scheduling.
type task struct {
	output.Job
	minify     bool
	gen, index int
}

// lister lists the jobs of every generator concurrently (listing the feeds
// or the open data is itself work), sending each job to the workers as
// soon as it is listed. It counts the jobs for the summary and reports two
// outputs claiming the same path.
type lister struct {
	mu     sync.Mutex
	owner  map[string]string
	res    *Result
	listed []*diag.List // per generator, merged in order at the end
	keep   *Remaker     // when not nil, every task is kept in it
}

// kept records t in l.keep, when there is one.
func (l *lister) kept(t task) {
	if l.keep != nil {
		l.mu.Lock()
		l.keep.tasks[t.Path] = t
		l.mu.Unlock()
	}
}

func list(gens []generator, res *Result, tasks chan<- task, keep *Remaker) *lister {
	l := &lister{owner: map[string]string{}, res: res, listed: make([]*diag.List, len(gens)), keep: keep}
	var wg sync.WaitGroup
	for gi, g := range gens {
		wg.Go(func() {
			jobs, p := g.gen.Jobs()
			l.listed[gi] = p
			for i, j := range jobs {
				if l.claim(j.Path, g) {
					t := task{Job: j, minify: g.minify, gen: gi, index: i}
					l.kept(t)
					tasks <- t
				}
			}
		})
	}
	go func() {
		wg.Wait()
		close(tasks)
	}()
	return l
}

// claim records that g writes p, and counts it; false when another
// generator already does.
func (l *lister) claim(p string, g generator) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if prev, dup := l.owner[p]; dup {
		names := []string{prev, g.name}
		slices.Sort(names)
		l.res.Problems.Errorf(p, diag.Pos{}, "both the %s and the %s write this file: rename one", names[0], names[1])
		return false
	}
	l.owner[p] = g.name
	l.res.Count++
	switch {
	case g.name == "pages" && path.Ext(p) == ".html":
		l.res.Pages[pageLang(p)]++
	case g.name == "feeds":
		l.res.Feeds++
	case g.name == "data":
		l.res.Data++
	}
	return true
}

// merge adds the problems found while listing, generator by generator.
func (l *lister) merge() {
	for _, p := range l.listed {
		l.res.Problems.Merge(p)
	}
}

// sink receives the finished files: a write.Tx, or memory.
type sink interface {
	Put(path string, data []byte) error
	Create(path string) (io.WriteCloser, error)
}

// memory keeps the files of a build that writes nothing: what keep
// returns of each when set (Options.Keep), else the file.
type memory struct {
	mu    sync.Mutex
	files []output.File
	keep  func(path string, data []byte) []byte
	// buffers are those of streamed files (Create), used again: a buffer
	// that grows to a file's size, doubling, costs twice its size in
	// allocations, each cleared (a tenth of an in-memory build's CPU).
	buffers sync.Pool
}

func (m *memory) Put(p string, data []byte) error {
	if m.keep != nil {
		data = m.keep(p, data)
	} else if cap(data)-len(data) > len(data)/8 {
		// Kept for as long as the site is served: drop the room the
		// buffer that made it grew into (up to as much again).
		data = bytes.Clone(data)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files = append(m.files, output.File{Path: p, Data: data})
	return nil
}

// putStreamed puts a streamed file's bytes, which live in a buffer used
// again: keep does not hold them (Options.Keep), else they are copied.
func (m *memory) putStreamed(p string, data []byte) error {
	if m.keep == nil {
		data = bytes.Clone(data)
	}
	return m.Put(p, data)
}

// Create returns a writer whose bytes become file p when it is closed.
func (m *memory) Create(p string) (io.WriteCloser, error) {
	b, _ := m.buffers.Get().(*bytes.Buffer)
	if b == nil {
		b = new(bytes.Buffer)
	}
	b.Reset()
	return &bufferedFile{put: m.putStreamed, path: p, buf: b, done: func() { m.buffers.Put(b) }}, nil
}

// bufferedFile collects the bytes of a streamed file and puts them when
// it is closed.
type bufferedFile struct {
	put  func(path string, data []byte) error
	path string
	buf  *bytes.Buffer
	done func() // when set, called once put returns: the buffer may be used again
}

func (f *bufferedFile) Write(p []byte) (int, error) { return f.buf.Write(p) }

func (f *bufferedFile) Close() error {
	if f.buf == nil {
		return os.ErrClosed
	}
	err := f.put(f.path, f.buf.Bytes())
	if f.done != nil {
		f.done()
		f.done, f.buf = nil, nil // a second Close must not hand the buffer on twice
	}
	return err
}

// visitor hands each file to a function and keeps nothing.
type visitor func(path string, data []byte)

func (v visitor) Put(p string, data []byte) error {
	v(p, data)
	return nil
}

// Create returns a writer whose bytes are visited when it is closed.
func (v visitor) Create(p string) (io.WriteCloser, error) {
	return &bufferedFile{put: v.Put, path: p, buf: new(bytes.Buffer)}, nil
}

// failure is a job that could not be made.
type failure struct {
	t   task
	err error
}

// run lists every generator's jobs and makes them on a pool of workers
// (one per core unless opts.Workers says otherwise), each with its own
// minifier, handing each file to the output: a write.Tx, or memory. Problems
// are reported in generator and job order, whatever the scheduling; a
// failure to write stops the build and keeps the previous output, and so
// does ctx being done: the workers then make nothing more, the listing
// runs to its end, and run returns ctx's error.
func run(ctx context.Context, gens []generator, opts Options, res *Result, keep *Remaker) error {
	var out sink = &memory{keep: opts.Keep}
	if opts.Visit != nil {
		out = visitor(opts.Visit)
	}
	var tx *write.Tx
	if opts.Out != "" {
		var err error
		if tx, err = write.Begin(opts.Out); err != nil {
			return err
		}
		out = tx
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	tasks := make(chan task, 4*workers)
	l := list(gens, res, tasks, keep)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		failures []failure
		writeErr error
	)
	for range workers {
		wg.Go(func() {
			m := newMinifier()
			for t := range tasks {
				if ctx.Err() != nil {
					continue // drained: the listers finish, nothing is made
				}
				jobErr, putErr := do1(t, m, out)
				mu.Lock()
				if putErr != nil {
					writeErr = cmp.Or(writeErr, putErr)
				} else if jobErr != nil {
					failures = append(failures, failure{t, jobErr})
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		if tx != nil {
			tx.Abort()
		}
		return err
	}
	l.merge()
	slices.SortFunc(failures, func(a, b failure) int {
		return cmp.Or(cmp.Compare(a.t.gen, b.t.gen), cmp.Compare(a.t.index, b.t.index))
	})
	for _, f := range failures {
		res.Problems.Errorf(cmp.Or(f.t.Source, f.t.Path), diag.Pos{}, "cannot make %s: %v", f.t.Path, f.err)
	}
	if tx == nil {
		mem, ok := out.(*memory)
		if !ok { // visited
			return writeErr
		}
		slices.SortFunc(mem.files, func(a, b output.File) int { return cmp.Compare(a.Path, b.Path) })
		res.Files = mem.files
		return writeErr
	}
	if writeErr != nil || res.Problems.HasErrors() {
		tx.Abort()
		return writeErr
	}
	opts.stage("write", res.Count)
	return tx.Commit()
}

// do1 makes one task's file and hands it to out: streamed into it when the
// job writes (large documents, never minified), else made, minified when
// its generator asks, then put.
func do1(t task, m *minify.M, out sink) (jobErr, putErr error) {
	if t.Write != nil && !t.minify {
		w, err := out.Create(t.Path)
		if err != nil {
			return nil, err
		}
		jobErr = t.Write(w)
		return jobErr, w.Close()
	}
	data, err := make1(t, m)
	if err != nil {
		return err, nil
	}
	return nil, out.Put(t.Path, data)
}

// make1 makes one task's file, minified when its generator asks.
func make1(t task, m *minify.M) ([]byte, error) {
	data, err := t.Bytes()
	if err != nil || !t.minify {
		return data, err
	}
	if mt, ok := mediaTypes[path.Ext(t.Path)]; ok {
		return m.Bytes(mt, data)
	}
	return data, nil
}
