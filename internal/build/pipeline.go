package build

import (
	"cmp"
	"path"
	"runtime"
	"slices"
	"sync"

	"github.com/tdewolff/minify/v2"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/write"
)

// task is one job with what the pipeline does to its file.
type task struct {
	output.Job
	minify bool
}

// collect lists every generator's jobs, counts them for the summary, and
// reports two outputs claiming the same path.
func collect(gens []generator, res *Result) []task {
	var tasks []task
	owner := map[string]string{}
	for _, g := range gens {
		jobs, p := g.gen.Jobs()
		res.Problems.Merge(p)
		for _, j := range jobs {
			if prev, dup := owner[j.Path]; dup {
				res.Problems.Errorf(j.Path, diag.Pos{}, "both the %s and the %s write this file: rename one", prev, g.name)
				continue
			}
			owner[j.Path] = g.name
			tasks = append(tasks, task{Job: j, minify: g.minify})
			switch {
			case g.name == "pages" && path.Ext(j.Path) == ".html":
				res.Pages[pageLang(j.Path)]++
			case g.name == "feeds":
				res.Feeds++
			case g.name == "data":
				res.Data++
			}
		}
	}
	res.Count = len(tasks)
	return tasks
}

// sink receives the finished files: a write.Tx, or memory.
type sink interface {
	Put(path string, data []byte) error
}

// memory keeps the files of a build that writes nothing.
type memory struct {
	mu    sync.Mutex
	files []output.File
}

func (m *memory) Put(p string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files = append(m.files, output.File{Path: p, Data: data})
	return nil
}

// run makes every task on a pool of workers and hands each file to the
// output. Problems are reported in the order of the tasks, whatever the
// scheduling; a failure to write stops the build and keeps the previous
// output.
func run(tasks []task, opts Options, res *Result) error {
	var out sink = &memory{}
	var tx *write.Tx
	if opts.Out != "" {
		var err error
		if tx, err = write.Begin(opts.Out); err != nil {
			return err
		}
		out = tx
	}
	errs := make([]error, len(tasks))
	writeErr := pool(len(tasks), opts.Workers, func(i int, m *minify.M) error {
		data, err := make1(tasks[i], m)
		if err != nil {
			errs[i] = err
			return nil
		}
		return out.Put(tasks[i].Path, data)
	})
	for i, err := range errs {
		if err != nil {
			res.Problems.Errorf(cmp.Or(tasks[i].Source, tasks[i].Path), diag.Pos{}, "cannot make %s: %v", tasks[i].Path, err)
		}
	}
	if tx == nil {
		mem := out.(*memory)
		slices.SortFunc(mem.files, func(a, b output.File) int { return cmp.Compare(a.Path, b.Path) })
		res.Files = mem.files
		return writeErr
	}
	if writeErr != nil || res.Problems.HasErrors() {
		tx.Abort()
		return writeErr
	}
	opts.stage("write", len(tasks))
	return tx.Commit()
}

// make1 makes one task's file, minified when its generator asks.
func make1(t task, m *minify.M) ([]byte, error) {
	data, err := t.Make()
	if err != nil || !t.minify {
		return data, err
	}
	if mt, ok := mediaTypes[path.Ext(t.Path)]; ok {
		return m.Bytes(mt, data)
	}
	return data, nil
}

// pool calls do(i, m) for every i in [0, n) on workers goroutines (0: one
// per core), each with its own minifier, and returns the first error a
// call returned; after an error the remaining calls are skipped.
func pool(n, workers int, do func(i int, m *minify.M) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  int
	)
	claim := func() (int, bool) {
		mu.Lock()
		defer mu.Unlock()
		if first != nil || next >= n {
			return 0, false
		}
		next++
		return next - 1, true
	}
	for range min(workers, max(n, 1)) {
		wg.Go(func() {
			m := newMinifier()
			for i, ok := claim(); ok; i, ok = claim() {
				if err := do(i, m); err != nil {
					mu.Lock()
					first = cmp.Or(first, err)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return first
}
