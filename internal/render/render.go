// Package render turns the assembled catalog into HTML pages: the render
// stage of the build (load → assemble → render → write).
//
// Layouts are html/template files read from an fs.FS (the project's
// layouts/ folder): baseof.html is the shell of every page and defines a
// "main" block that each page layout (home.html, area.html, activity.html,
// activities.html) overrides; root.html is the standalone language chooser
// served at "/"; head.html defines the <head> content both shells share,
// and embed.html (the framable list) stands alone. Each layout receives a
// *Page view (views.go) and nothing else. html/template escapes every value by context, and Markdown is
// converted by goldmark in safe mode, so content can never inject markup.
//
// A Renderer holds everything a render needs (templates, Markdown
// converters, localizers); there is no package-level state, and two
// renderers can run side by side.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/yuin/goldmark"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/srcfs"
)

// Options are the settings of a render.
type Options struct {
	// BaseURL is the absolute URL of the published site, ending in "/".
	BaseURL string
	// Assets maps a static file's logical path ("css/site.css") to its
	// published, fingerprinted root-relative path.
	Assets map[string]string
	// LayoutsDir is the layouts folder's name in messages ("layouts").
	LayoutsDir string
	// NoIndex marks every page "noindex" and makes robots.txt disallow
	// everything: for deploy previews, which search engines must not index.
	NoIndex bool
	// SitemapLimit is the number of URLs per sitemap file past which
	// sitemap.xml becomes an index (0: the protocol's 50,000).
	SitemapLimit int
}

// Renderer renders one catalog.
type Renderer struct {
	cat        *assemble.Catalog
	opts       Options
	locs       map[string]*l10n.Localizer
	md         map[string]goldmark.Markdown // by the language of the text
	pages      map[string]*template.Template
	standalone map[string]*template.Template // layouts without baseof.html
	cards      *cards
	facets     *assemble.Facets
	yearLinks  sync.Map // a list's first page → its years (paging.go)
}

var pageLayouts = []string{"home.html", "plans.html", "plan.html", "progress.html", "report.html", "document.html", "area.html", "activity.html", "activities.html", "facets.html", "facet.html", "embed-docs.html", "api-docs.html", "404.html"}

// New parses the layouts. Every template problem is reported with its file.
func New(layouts fs.FS, bundle *l10n.Bundle, cat *assemble.Catalog, opts Options) (*Renderer, *diag.List) {
	problems := &diag.List{}
	layouts = srcfs.FS(layouts, srcfs.MaxTextSize) // regular files only, no links
	r := &Renderer{cat: cat, opts: opts, locs: map[string]*l10n.Localizer{},
		md:    map[string]goldmark.Markdown{},
		pages: map[string]*template.Template{}, standalone: map[string]*template.Template{},
		cards: newCards(cat), facets: assemble.NewFacets(cat)}
	for _, lang := range cat.Languages {
		r.locs[lang] = bundle.Localizer(lang)
		r.md[lang] = newMarkdown(l10n.Dir(lang) == "rtl", l10n.Typesetter(lang))
	}
	for _, name := range pageLayouts {
		t, err := template.New(name).Funcs(funcs()).ParseFS(layouts, "baseof.html", "head.html", "timeline.html", name)
		if err != nil {
			problems.Errorf(path.Join(opts.LayoutsDir, name), diag.Pos{}, "cannot parse the layout: %v", err)
			continue
		}
		r.pages[name] = t
	}
	for _, name := range []string{"root.html", "embed.html"} {
		t, err := template.New(name).Funcs(funcs()).ParseFS(layouts, "head.html", name)
		if err != nil {
			problems.Errorf(path.Join(opts.LayoutsDir, name), diag.Pos{}, "cannot parse the layout: %v", err)
		}
		r.standalone[name] = t
	}
	return r, problems
}

// funcs are the layouts' functions. dict builds a map from key, value
// pairs, to pass several values to a template ({{template "list" (dict "L"
// $.L "List" .List)}}) or to a message ({{$.L.T "id" (dict "Area" .X)}}).
//
// code shows an interface message whose `backquoted` parts are code
// (attribute values, header names, a function call): each becomes a
// left-to-right <code>, so that in Arabic "script-src" or
// "PESNETCatalog.render(…)" keep their order and monospace. The message
// is escaped first; only the <code> elements are markup.
func funcs() template.FuncMap {
	return template.FuncMap{"dict": dict, "code": code}
}

func code(msg string) template.HTML {
	parts := strings.Split(msg, "`")
	var b strings.Builder
	for i, p := range parts {
		inCode := i%2 == 1 && i < len(parts)-1 // an unpaired last ` stays text
		switch {
		case inCode:
			b.WriteString(`<code dir="ltr">` + template.HTMLEscapeString(p) + `</code>`)
		case i%2 == 1:
			b.WriteString("`" + template.HTMLEscapeString(p))
		default:
			b.WriteString(template.HTMLEscapeString(p))
		}
	}
	return template.HTML(b.String())
}

func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict needs key, value pairs, got %d arguments", len(kv))
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict keys are strings, got %T", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// Jobs lists every page of every language, the sitemaps and robots.txt:
// the HTML output's generator (output.Generator). Each job builds its
// page's view and executes its layout when it runs; jobs share only
// read-only data and the views cached once per activity and language
// (cards.go), so they may run in any order on any number of goroutines.
func (r *Renderer) Jobs() ([]output.Job, *diag.List) {
	var jobs []output.Job
	emit := func(layout, out string, build func() *Page) {
		jobs = append(jobs, output.Job{Path: out, Source: path.Join(r.opts.LayoutsDir, layout),
			Make: func() ([]byte, error) { return r.execute(layout, build()) }})
	}
	for _, lang := range r.cat.Languages {
		emit("home.html", indexFile(assemble.HomePath(lang)), func() *Page { return r.homePage(lang) })
		r.listJobs(lang, emit)
		r.facetJobs(lang, emit)
		r.planJobs(lang, emit)
		r.progressJobs(lang, emit)
		for _, a := range r.cat.All {
			emit("activity.html", indexFile(assemble.ActivityPath(lang, a.ID)), func() *Page { return r.activityPage(lang, a) })
		}
		emit("embed-docs.html", indexFile(assemble.EmbedDocsPath(lang)), func() *Page { return r.embedDocsPage(lang) })
		emit("api-docs.html", indexFile(assemble.APIDocsPath(lang)), func() *Page { return r.apiDocsPage(lang) })
		emit("404.html", assemble.NotFoundPath(lang)[1:], func() *Page { return r.notFoundPage(lang) })
	}
	r.embedFiles(emit)
	emit("root.html", "index.html", r.rootPage)
	emit("404.html", "404.html", func() *Page { return r.notFoundPage(r.cat.Languages[0]) })
	jobs = append(jobs, r.sitemaps()...)
	jobs = append(jobs, output.Ready([]output.File{r.robots()})...)
	return jobs, &diag.List{}
}

// Finish reports what is known only once every job ran: the interface
// messages the layouts asked for that i18n/ does not define.
func (r *Renderer) Finish() *diag.List {
	problems := &diag.List{}
	for _, lang := range r.cat.Languages {
		for _, id := range r.locs[lang].Missing() {
			problems.Errorf(path.Join("i18n", lang+".toml"), diag.Pos{}, "the layouts use message %q, which is not defined: add it", id)
		}
	}
	return problems
}

// Render runs every job in turn and returns the pages sorted by path,
// with every problem: for tests and tools that want the files in memory.
func (r *Renderer) Render() ([]output.File, *diag.List) { return output.Run(r) }

// execute runs layout on p.
func (r *Renderer) execute(layout string, p *Page) ([]byte, error) {
	t, name := r.pages[layout], "baseof.html"
	if t == nil {
		t, name = r.standalone[layout], layout
	}
	if t == nil {
		return nil, fmt.Errorf("the layout could not be parsed")
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// indexFile maps a page path "/fr/areas/x/" to its file "fr/areas/x/index.html".
func indexFile(p string) string { return path.Join(p[1:], "index.html") }
