// Package build runs the whole pipeline on a project:
//
//	load (content, i18n, layouts) → assemble → generators → minify → write
//
// A project is an fs.FS holding content/, layouts/, static/ and i18n/ (the
// repository, or an in-memory tree in tests). Every kind of output is an
// output.Generator, listed once in generators; the build collects their
// jobs and runs them on a bounded pool of workers (pipeline.go), which
// render, minify and hand each file to the output as soon as it is made:
// written into the temporary output folder (write.Tx), or kept in memory
// when no output folder is given (check, serve, tests). Peak memory thus
// does not grow with the size of the written site, and the output is
// byte-identical whatever the number of workers.
//
// Build collects the problems of every stage it can run, so one run reports
// them all; when any is an error nothing is published and the previous
// output stays as it was. Build has no package-level state: each call
// builds its own templates, Markdown converters, localizers and minifier.
package build

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"time"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/build/redirects"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/feed"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/opendata"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/plaintext"
	"github.com/oic-pesnet/workplan/internal/render"
	"github.com/oic-pesnet/workplan/internal/search"
)

// Options configure a build.
type Options struct {
	// Out is the output folder; empty means render only (nothing written,
	// every file kept in Result.Files).
	Out string
	// BaseURL overrides site.yaml's base_url when not empty.
	BaseURL string
	// NoIndex publishes a site that search engines must not index (deploy
	// previews): every page says noindex and robots.txt disallows all.
	NoIndex bool
	// Workers is the number of files made at once (0: one per core).
	Workers int
	// Progress, when set, is told each stage as it starts ("load",
	// "render", "write") with the number of files the stage handles (0 when
	// not known in advance). It is called from the building goroutine and
	// must return quickly.
	Progress func(stage string, files int)
	// Visit, when set in a build that writes nothing (no Out), is given
	// each finished file instead of keeping it in Result.Files, from the
	// workers (concurrently: it must be safe for that) and in no set
	// order; data is the visitor's to keep. pesnet check inspects a site
	// this way without holding all of it.
	Visit func(path string, data []byte)
	// Keep, when set in a build kept in memory (no Out, no Visit), is
	// given each finished file and returns what the build keeps of it in
	// Result.Files instead of data: the preview keeps each file
	// compressed, and its served copy of a file made again unchanged, so
	// that a build holds what changed, compressed, not a second site.
	// Called from the workers, concurrently; data is not used after the
	// call.
	Keep func(path string, data []byte) []byte
	// Remake keeps, in Result.Remake, what making one file of this build
	// again needs (the preview server's fast path). Only for builds kept
	// in memory (no Out).
	Remake bool
	// Cache, when set, keeps the decoded text files between the builds
	// (and Remaker.Reload loads) of one project, so that a load decodes
	// only the files that changed (content.Cache; pesnet serve).
	Cache *content.Cache
}

// stage reports the start of a stage to opts.Progress.
func (o Options) stage(name string, files int) {
	if o.Progress != nil {
		o.Progress(name, files)
	}
}

// Result describes a build.
type Result struct {
	// Files holds every output file, sorted by path, when the build kept
	// them in memory (no Options.Out); nil when it wrote them.
	Files    []output.File
	Count    int            // output files
	Pages    map[string]int // HTML pages per language ("embed" for iframe lists)
	Feeds    int            // calendar feeds
	Data     int            // open data documents and schemas
	Problems *diag.List
	Duration time.Duration
	// Remake makes files of this build again, from its own loaded content
	// (Options.Remake); nil otherwise, and when the build failed.
	Remake *Remaker
}

// Build builds project.
func Build(project fs.FS, opts Options) (*Result, error) {
	return BuildContext(context.Background(), project, opts)
}

// BuildContext is Build, stopped when ctx is done: no job starts after
// that, nothing is published (an output folder keeps its previous
// content) and the error is ctx's. The preview server stops a background
// build that an edit made stale, instead of finishing it.
func BuildContext(ctx context.Context, project fs.FS, opts Options) (*Result, error) {
	start := time.Now()
	res := &Result{Problems: &diag.List{}, Pages: map[string]int{}}
	defer func() { res.Duration = time.Since(start) }()
	prep, ok := prepare(project, opts, res.Problems)
	if !ok {
		return res, res.Problems.Err()
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	gens := prep.generators()
	opts.stage("render", 0)
	var keep *Remaker
	if opts.Remake && opts.Out == "" {
		keep = &Remaker{Site: prep.site, tasks: map[string]task{}, prep: prep}
	}
	if err := run(ctx, gens, opts, res, keep); err != nil {
		return res, err
	}
	for _, g := range gens {
		if f, ok := g.gen.(output.Finisher); ok {
			res.Problems.Merge(f.Finish())
		}
	}
	if !res.Problems.HasErrors() {
		res.Remake = keep
	}
	return res, res.Problems.Err()
}

// generator is one kind of output, and whether the build minifies its
// files (static assets arrive minified and fingerprinted).
type generator struct {
	name   string // "pages", "feeds", "data", "search", "assets" or "redirects": what Result counts
	gen    output.Generator
	minify bool
}

// generators lists every kind of output the site has: adding one is one
// package and one line here.
func generators(r *render.Renderer, cat *assemble.Catalog, bundle *l10n.Bundle, base string, static *assets) []generator {
	text := plaintext.New() // shared: each description is converted to plain text once
	return []generator{
		{"pages", r, true}, // HTML pages, iframe lists, sitemaps, robots.txt
		{"feeds", feed.New(cat, bundle, base, text), false},                                     // iCalendar feeds
		{"data", opendata.New(cat, bundle, opendata.Options{BaseURL: base, Text: text}), false}, // JSON (encoded compactly), JSON Schemas, CSV
		{"search", search.New(cat, bundle, text), false},                                        // the search index of the list of activities (find.js)
		{"assets", static, false},                                                               // static/, minified and fingerprinted
		{"redirects", redirects.New(cat), false},                                                // _redirects: the rules that keep published URLs working
	}
}

// prepared is what the stages before the generators give: the loaded
// content, its catalog, the strings, the static files and the renderer
// of the layouts.
type prepared struct {
	opts   Options
	site   *content.Site
	cat    *assemble.Catalog
	bundle *l10n.Bundle
	static *assets
	r      *render.Renderer
}

func (p *prepared) generators() []generator {
	return generators(p.r, p.cat, p.bundle, p.site.Config.BaseURL, p.static)
}

// prepare runs the stages before the generators: load, assemble, and the
// renderer's layouts.
func prepare(project fs.FS, opts Options, problems *diag.List) (*prepared, bool) {
	opts.stage("load", 0)
	site, ok := loadContent(project, opts, problems)
	if !ok {
		return nil, false
	}
	bundle, p := l10n.LoadBundle(project, "i18n", site.Config.Languages)
	problems.Merge(p)
	static, p := processStatic(sub(project, "static"), "static", newMinifier())
	problems.Merge(p)
	prep := &prepared{opts: opts, site: site, bundle: bundle, static: &static}
	prep.assemble(project, problems)
	if problems.HasErrors() {
		return nil, false
	}
	return prep, true
}

// loadContent loads the content folder, with opts.BaseURL in place of
// site.yaml's when given.
func loadContent(project fs.FS, opts Options, problems *diag.List) (*content.Site, bool) {
	site, p := content.LoadCached(sub(project, "content"), "content", opts.Cache)
	problems.Merge(p)
	if site == nil {
		return nil, false
	}
	if opts.BaseURL != "" {
		base, err := normalizeBaseURL(opts.BaseURL)
		if err != nil {
			problems.Errorf("--base-url", diag.Pos{}, "%v", err)
			return nil, false
		}
		site.Config.BaseURL = base
	}
	return site, true
}

// assemble makes p's catalog of its content and the renderer of the
// project's layouts.
func (p *prepared) assemble(project fs.FS, problems *diag.List) {
	p.cat = assemble.New(p.site)
	r, rp := render.New(sub(project, "layouts"), p.bundle, p.cat, render.Options{
		BaseURL: p.site.Config.BaseURL, Assets: p.static.paths, LayoutsDir: "layouts", NoIndex: p.opts.NoIndex,
	})
	problems.Merge(rp)
	p.r = r
}

func sub(fsys fs.FS, dir string) fs.FS {
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // only for invalid dir names, which are constants here
	}
	return s
}

// normalizeBaseURL accepts an absolute http(s) URL, with or without the
// final slash (Netlify's URL and DEPLOY_PRIME_URL have none), and returns
// it ending with "/".
func normalizeBaseURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%q is not a site address: give an absolute URL such as https://example.org/", raw)
	}
	return strings.TrimRight(u.String(), "/") + "/", nil
}
