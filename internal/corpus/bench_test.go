package corpus

// Benchmarks of each stage of a pesnet build on a generated corpus (by
// default 1,000 activities × fr/ar/en, in memory, with the repository's
// real layouts, static files and strings):
//
//	go test ./internal/corpus -run '^$' -bench . -benchmem -count 6 > new.txt
//	go test ./internal/corpus -run '^$' -bench . -benchmem -corpus.n 200   # a smaller catalog
//	go run golang.org/x/perf/cmd/benchstat@latest old.txt new.txt
//
// Minifying has no benchmark of its own (it is not exported): it is what
// Build costs beyond Render, Feeds and Data. The whole command, measured
// beside Hugo, is cmd/pesnet-bench.

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/build"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/feed"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/opendata"
	"github.com/oic-pesnet/workplan/internal/render"
	"github.com/oic-pesnet/workplan/internal/testproject"
	"github.com/oic-pesnet/workplan/internal/write"
)

var benchN = flag.Int("corpus.n", 1000, "number of activities of the benchmarks' corpus")

// stages holds the inputs of each stage, computed once per benchmark.
type stages struct {
	project fs.FS
	content fs.FS
	site    *content.Site
	cat     *assemble.Catalog
	bundle  *l10n.Bundle
}

func setup(b *testing.B) *stages {
	b.Helper()
	s := &stages{project: diskProject(b, *benchN)}
	var err error
	if s.content, err = fs.Sub(s.project, "content"); err != nil {
		b.Fatal(err)
	}
	site, problems := content.Load(s.content, "content")
	if problems.HasErrors() {
		b.Fatal(problems)
	}
	s.site, s.cat = site, assemble.New(site)
	if s.bundle, problems = l10n.LoadBundle(s.project, "i18n", site.Config.Languages); problems.HasErrors() {
		b.Fatal(problems)
	}
	return s
}

// diskProject writes the corpus of n activities into a temporary folder
// and returns it as os.DirFS, as pesnet reads a project. (An
// fstest.MapFS lists a folder by scanning every file it holds: loading
// from one grows with the square of the catalog, which would measure the
// test tree, not pesnet.)
func diskProject(b *testing.B, n int) fs.FS {
	b.Helper()
	dir := b.TempDir()
	if err := New(n, 1).WritePesnet(Dir(dir)); err != nil {
		b.Fatal(err)
	}
	if err := CopyCode(Dir(dir), testproject.Root(b)); err != nil {
		b.Fatal(err)
	}
	return os.DirFS(dir)
}

// BenchmarkLoad reads and checks the content folder.
func BenchmarkLoad(b *testing.B) {
	s := setup(b)
	for b.Loop() {
		if _, problems := content.Load(s.content, "content"); problems.HasErrors() {
			b.Fatal(problems)
		}
	}
}

// BenchmarkAssemble indexes the loaded site.
func BenchmarkAssemble(b *testing.B) {
	s := setup(b)
	for b.Loop() {
		assemble.New(s.site)
	}
}

// BenchmarkRender parses the layouts and renders every page (views,
// Markdown, templates), before minifying.
func BenchmarkRender(b *testing.B) {
	s := setup(b)
	layouts, err := fs.Sub(s.project, "layouts")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		r, problems := render.New(layouts, s.bundle, s.cat, render.Options{BaseURL: s.site.Config.BaseURL, LayoutsDir: "layouts"})
		if problems.HasErrors() {
			b.Fatal(problems)
		}
		if _, problems := r.Render(); problems.HasErrors() {
			b.Fatal(problems)
		}
	}
}

// BenchmarkFeeds writes the calendar feeds.
func BenchmarkFeeds(b *testing.B) {
	s := setup(b)
	for b.Loop() {
		if _, problems := feed.New(s.cat, s.bundle, s.site.Config.BaseURL, nil).Files(); problems.HasErrors() {
			b.Fatal(problems)
		}
	}
}

// BenchmarkData writes the open data documents.
func BenchmarkData(b *testing.B) {
	s := setup(b)
	for b.Loop() {
		if _, problems := opendata.Files(s.cat, s.bundle, opendata.Options{BaseURL: s.site.Config.BaseURL}); problems.HasErrors() {
			b.Fatal(problems)
		}
	}
}

// BenchmarkBuild runs every stage but the disk write, from the project
// files to minified bytes: the cost of one `pesnet serve` rebuild.
func BenchmarkBuild(b *testing.B) {
	s := setup(b)
	for b.Loop() {
		if _, err := build.Build(s.project, build.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite writes a built site into a folder (a temporary folder
// beside it, then the swap).
func BenchmarkWrite(b *testing.B) {
	s := setup(b)
	res, err := build.Build(s.project, build.Options{})
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if err := write.Dir(out, res.Files); err != nil {
			b.Fatal(err)
		}
	}
}
