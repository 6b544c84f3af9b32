// Package build runs the whole pipeline on a project:
//
//	load (content, i18n, layouts) → assemble → render → minify → write
//
// A project is an fs.FS holding content/, layouts/, static/ and i18n/ (the
// repository, or an in-memory tree in tests). Build collects the problems
// of every stage it can run, so one run reports them all; when any is an
// error nothing is written and the previous output stays as it was.
// Build has no package-level state: each call builds its own templates,
// Markdown converters, localizers and minifier.
package build

import (
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"time"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/feed"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/opendata"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/render"
	"github.com/oic-pesnet/workplan/internal/write"
)

// Options configure a build.
type Options struct {
	// Out is the output folder; empty means render only (nothing written).
	Out string
	// BaseURL overrides site.yaml's base_url when not empty.
	BaseURL string
	// NoIndex publishes a site that search engines must not index (deploy
	// previews): every page says noindex and robots.txt disallows all.
	NoIndex bool
	// Progress, when set, is told each stage as it starts ("load",
	// "render", "minify", "feeds", "data", "write") with the number of
	// files the stage handles (0 when not known in advance). It is called
	// from the building goroutine and must return quickly.
	Progress func(stage string, files int)
}

// stage reports the start of a stage to opts.Progress.
func (o Options) stage(name string, files int) {
	if o.Progress != nil {
		o.Progress(name, files)
	}
}

// Result describes a build.
type Result struct {
	Files    []output.File  // every output file, sorted by path
	Pages    map[string]int // HTML pages per language
	Feeds    int            // calendar feeds
	Data     int            // open data documents and schemas
	Problems *diag.List
	Duration time.Duration
}

// Build builds project.
func Build(project fs.FS, opts Options) (*Result, error) {
	start := time.Now()
	res := &Result{Problems: &diag.List{}, Pages: map[string]int{}}
	files, ok := compile(project, opts, res)
	if ok {
		res.Files = files
		if opts.Out != "" {
			opts.stage("write", len(files))
			if err := write.Dir(opts.Out, files); err != nil {
				return res, err
			}
		}
	}
	res.Duration = time.Since(start)
	return res, res.Problems.Err()
}

// compile runs every stage up to minified bytes.
func compile(project fs.FS, opts Options, res *Result) ([]output.File, bool) {
	problems := res.Problems
	opts.stage("load", 0)
	site, p := content.Load(sub(project, "content"), "content")
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
	bundle, p := l10n.LoadBundle(project, "i18n", site.Config.Languages)
	problems.Merge(p)
	min := newMinifier()
	assets, p := processStatic(sub(project, "static"), "static", min)
	problems.Merge(p)
	cat := assemble.New(site)
	r, p := render.New(sub(project, "layouts"), bundle, cat, render.Options{
		BaseURL: site.Config.BaseURL, Assets: assets.paths, LayoutsDir: "layouts", NoIndex: opts.NoIndex,
	})
	problems.Merge(p)
	if problems.HasErrors() {
		return nil, false
	}
	opts.stage("render", 0)
	pages, p := r.Render()
	problems.Merge(p)
	for _, f := range pages {
		res.Pages[pageLang(f.Path)]++
	}
	opts.stage("minify", len(pages))
	files, p := minifyAll(min, pages)
	problems.Merge(p)
	opts.stage("feeds", 0)
	feeds, p := feed.New(cat, bundle, site.Config.BaseURL).Files()
	problems.Merge(p)
	res.Feeds = len(feeds)
	files = append(files, feeds...)
	opts.stage("data", 0)
	data, p := opendata.Files(cat, bundle, opendata.Options{BaseURL: site.Config.BaseURL})
	problems.Merge(p)
	data, p = minifyAll(min, data)
	problems.Merge(p)
	res.Data = len(data)
	files = append(files, data...)
	return sortFiles(append(files, assets.files...)), !problems.HasErrors()
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
