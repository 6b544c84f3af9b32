// Package output is the unit every output of the build produces and the
// write stage consumes: a File (a slash-separated path relative to the
// output folder, and its bytes), and a Job, a file still to be made.
//
// Every kind of output (HTML pages, iCalendar feeds, open data, static
// assets, and the ones to come) is a Generator with one signature, listed
// once in package build. A generator only lists its jobs; the build runs
// them on a bounded pool of workers, minifies and writes each file as soon
// as it is made, so the whole site is never held in memory at once. A
// job's Make must be safe to run concurrently with other jobs' and must
// depend only on what the generator was given, so that the output is
// byte-identical whatever the number of workers and the scheduling.
package output

import (
	"bytes"
	"cmp"
	"io"
	"slices"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// File is one output file.
type File struct {
	Path string
	Data []byte
}

// Job is one output file to make: its path is known when the generator
// lists it, its bytes when Make runs, or, for a large document, as Write
// writes them to w (the file itself, so that its bytes are never all in
// memory). A job has Make or Write. A failure is an error (e.g. a template
// that cannot execute); the build reports it with the job's Source, or
// Path when Source is empty.
type Job struct {
	Path   string
	Source string // the file a failure is reported on (e.g. "layouts/activity.html")
	Make   func() ([]byte, error)
	Write  func(w io.Writer) error
}

// Bytes runs the job and returns its file's bytes, whichever of Make and
// Write it has.
func (j Job) Bytes() ([]byte, error) {
	if j.Make != nil {
		return j.Make()
	}
	var b bytes.Buffer
	err := j.Write(&b)
	return b.Bytes(), err
}

// Generator lists the jobs of one kind of output, with the problems found
// while listing them.
type Generator interface {
	Jobs() ([]Job, *diag.List)
}

// Finisher is a Generator that reports problems known only once its jobs
// ran (e.g. interface messages asked for but not defined).
type Finisher interface {
	Finish() *diag.List
}

// Run makes every job of g in turn, for tests and tools that want the
// files in memory: the files sorted by path (nil when g lists no job),
// with every problem: listing, making (on the job's Source, else its
// Path), and g's Finish when it has one.
func Run(g Generator) ([]File, *diag.List) {
	jobs, problems := g.Jobs()
	if jobs == nil {
		return nil, problems
	}
	files := make([]File, 0, len(jobs))
	for _, j := range jobs {
		data, err := j.Bytes()
		if err != nil {
			problems.Errorf(cmp.Or(j.Source, j.Path), diag.Pos{}, "cannot make %s: %v", j.Path, err)
			continue
		}
		files = append(files, File{Path: j.Path, Data: data})
	}
	if f, ok := g.(Finisher); ok {
		problems.Merge(f.Finish())
	}
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return files, problems
}

// Ready wraps files already made as jobs (outputs whose files are cheap or
// made together, such as feeds).
func Ready(files []File) []Job {
	jobs := make([]Job, len(files))
	for i, f := range files {
		jobs[i] = Job{Path: f.Path, Make: func() ([]byte, error) { return f.Data, nil }}
	}
	return jobs
}
