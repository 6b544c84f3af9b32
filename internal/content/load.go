package content

import (
	"cmp"
	"errors"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// MaxFileSize is the largest content file accepted. The plan's longest
// file is a few kilobytes; a much larger one is a mistake (a pasted
// document, a binary) and would slow every build down.
const MaxFileSize = 1 << 20

// loader holds the state of one Load call.
type loader struct {
	fsys     fs.FS
	prefix   string // shown before paths, e.g. "content"
	problems *diag.List
	site     *Site
	plans    map[string]*Plan     // by id (= folder name)
	planDirs map[string]*Plan     // by folder path
	areas    map[string]*Area     // by folder path, plans/<plan>/areas/<id>
	acts     map[string]*Activity // by folder path
	texts    map[string]Texts     // by folder path, until attached
	// pos holds where some fields of each facts file are written (id,
	// number, plan, area, schedule, status), for problems found across files.
	pos    map[any]map[string]diag.Pos
	broken map[string]bool      // folders whose facts file could not be read, or badly named
	failed map[string]bool      // "<folder>/<lang>" of text files reported unreadable or misnamed
	ahead  map[string]readAhead // text files read by prefetch, by name
	// yamlFacts holds the activity folders that have an activity.yaml:
	// the others hold their facts in the default language's text.
	yamlFacts map[string]bool
}

// Load reads the content folder fsys. prefix is the folder's name as people
// see it ("content"), used in messages. The list holds every error and
// warning. When it holds errors the Site is incomplete and must not be
// published; it is still returned (nil only if site.yaml is unusable) so
// that the caller can check the rest of the project in the same run.
func Load(fsys fs.FS, prefix string) (*Site, *diag.List) { return load(fsys, prefix, true, nil) }

// load is Load, reading the text files ahead on every core when ahead is
// set (tests compare both ways), through cache when not nil (cache.go).
func load(fsys fs.FS, prefix string, ahead bool, cache *Cache) (*Site, *diag.List) {
	l := &loader{fsys: fsys, prefix: prefix, problems: &diag.List{}, site: &Site{},
		plans: map[string]*Plan{}, planDirs: map[string]*Plan{}, areas: map[string]*Area{}, acts: map[string]*Activity{},
		texts: map[string]Texts{}, pos: map[any]map[string]diag.Pos{}, broken: map[string]bool{}, failed: map[string]bool{}}
	files := l.list()
	l.yamlFacts = map[string]bool{}
	for _, f := range files {
		if dir, file, ok := l.split(f, "activities"); ok && file == "activity.yaml" {
			l.yamlFacts[dir] = true
		}
	}
	if !l.loadConfig() {
		return nil, l.problems
	}
	if ahead {
		l.prefetch(files, cache)
	}
	for _, pass := range []func(string) bool{l.planFile, l.areaFile, l.activityFile} {
		for _, f := range files {
			pass(f)
		}
	}
	for _, f := range files {
		if !l.known(f) {
			l.problems.Errorf(l.show(f), diag.Pos{Line: 1, Col: 1}, "unexpected file: %s holds only site.yaml, plans/<plan>/{plan.yaml,_index.<lang>.md}, plans/<plan>/areas/<area>/{area.yaml,_index.<lang>.md} and activities/<activity>/index.<lang>.md (and activity.yaml in the older layout); %s", l.prefix, movedHint(f))
		}
	}
	l.finish()
	return l.site, l.problems
}

func (l *loader) show(name string) string { return path.Join(l.prefix, name) }

// list walks the tree, refusing symbolic links (they could pull in files
// from outside the project) and skipping dot files such as .gitkeep.
func (l *loader) list() []string {
	var files []string
	err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.problems.Errorf(l.show(p), diag.Pos{}, "cannot read: %v", err)
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && p != "." {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			l.problems.Errorf(l.show(p), diag.Pos{}, "symbolic links are not allowed in %s: replace the link by a real file or folder", l.prefix)
		case d.Type().IsRegular():
			files = append(files, p)
		case !d.IsDir():
			l.problems.Errorf(l.show(p), diag.Pos{}, "not a regular file: remove it")
		}
		return nil
	})
	if err != nil {
		l.problems.Errorf(l.prefix, diag.Pos{}, "cannot read the content folder: %v", err)
	}
	return files
}

// read returns the normalized file, or false after reporting why not.
func (l *loader) read(name string) (*source, bool) { return l.readTo(name, l.problems) }

// readTo is read reporting into problems (safe to run concurrently).
func (l *loader) readTo(name string, problems *diag.List) (*source, bool) {
	raw, ok := l.readRaw(name, problems)
	if !ok {
		return nil, false
	}
	return readSource(l.show(name), raw, problems)
}

// readRaw returns the bytes of file name, or false after reporting why not.
func (l *loader) readRaw(name string, problems *diag.List) ([]byte, bool) {
	file := l.show(name)
	if info, err := fs.Stat(l.fsys, name); err == nil && info.Size() > MaxFileSize {
		problems.Errorf(file, diag.Pos{Line: 1, Col: 1}, "the file is too large (%d bytes; at most %d): content files hold text only", info.Size(), MaxFileSize)
		return nil, false
	}
	raw, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		problems.Errorf(file, diag.Pos{}, "cannot read: %v", err)
		return nil, false
	}
	return raw, true
}

// readYAML reads a whole-file YAML document.
func (l *loader) readYAML(name string) (*decoder, ast.Node, bool) {
	src, ok := l.read(name)
	if !ok {
		return nil, nil, false
	}
	node, ok := parseYAML(src.file, src.data, 0, l.problems)
	return &decoder{file: src.file, src: src.data, problems: l.problems}, node, ok
}

// readText reads a Markdown text file with front matter: the result read
// ahead by prefetch, else read now.
func (l *loader) readText(name string, spec textSpec) (*Text, bool) {
	if r, ok := l.ahead[name]; ok && r.spec == spec {
		l.problems.Merge(r.problems)
		return r.text, r.ok
	}
	return l.readTextTo(name, spec, l.problems)
}

// readTextTo is readText reporting into problems; it only reads l.fsys,
// so several can run at once.
func (l *loader) readTextTo(name string, spec textSpec, problems *diag.List) (*Text, bool) {
	raw, ok := l.readRaw(name, problems)
	if !ok {
		return nil, false
	}
	return decodeTextFile(l.show(name), raw, spec, problems)
}

// decodeTextFile decodes the bytes of a Markdown text file with front
// matter, file being its display path.
func decodeTextFile(file string, raw []byte, spec textSpec, problems *diag.List) (*Text, bool) {
	src, ok := readSource(file, raw, problems)
	if !ok {
		return nil, false
	}
	doc, ok := src.splitFrontMatter(problems)
	if !ok {
		return nil, false
	}
	doc.checkNesting(src.file, problems)
	d := &decoder{file: src.file, src: src.data, lineOff: doc.fmLine - 1, problems: problems}
	t := decodeText(d, doc, spec)
	t.head = src.head(doc)
	return t, true
}

// loadConfig reads site.yaml and reports whether it is usable. Problems
// found before (a symbolic link elsewhere, say) do not make it unusable.
func (l *loader) loadConfig() bool {
	if _, err := fs.Stat(l.fsys, "site.yaml"); errors.Is(err, fs.ErrNotExist) {
		l.problems.Errorf(l.show("site.yaml"), diag.Pos{}, "site.yaml is missing: it names the site's languages and base URL")
		return false
	}
	errs := l.problems.Count(diag.Error)
	d, root, ok := l.readYAML("site.yaml")
	if !ok {
		return false
	}
	c := &l.site.Config
	notes := map[string]ast.Node{}
	fields{d: d, required: []string{"base_url", "languages", "updated"}, handlers: map[string]func(ast.Node){
		"contact": func(n ast.Node) { c.Contact = decodeContact(d, n, notes) },
		"base_url": func(n ast.Node) {
			if c.BaseURL = decodeLink(d, n, "base_url", true); c.BaseURL != "" && !strings.HasSuffix(c.BaseURL, "/") {
				c.BaseURL += "/"
			}
			if u, err := url.Parse(c.BaseURL); err == nil {
				c.UIDDomain = u.Hostname()
			}
		},
		"updated":   func(n ast.Node) { c.Updated = decodeDate(d, n, "updated") },
		"languages": func(n ast.Node) { c.Languages = languages(d, n, "languages") },
	}}.decode(root, "site.yaml")
	checkContactLanguages(d, notes, c.Languages)
	if len(c.Languages) == 0 {
		if c.Languages != nil { // else already reported: missing, or no valid code
			d.errorf(valueOf(root, "languages"), "site.yaml must list at least one language, such as \"languages: [fr, ar, en]\"")
		}
		return false
	}
	return l.problems.Count(diag.Error) == errs
}

// sortSite orders plans by period, and areas and activities as in their
// plan.
func (l *loader) sortSite() {
	slices.SortFunc(l.site.Plans, func(a, b *Plan) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(l.site.Areas, func(a, b *Area) int {
		return cmp.Or(strings.Compare(a.Plan, b.Plan), cmp.Compare(a.Number, b.Number), cmp.Compare(a.ID, b.ID))
	})
	number := func(a *Activity) int {
		if x := l.areas[areaDir(a.Plan, a.Area)]; x != nil {
			return x.Number
		}
		return 0
	}
	slices.SortFunc(l.site.Activities, func(a, b *Activity) int {
		return cmp.Or(strings.Compare(a.Plan, b.Plan), cmp.Compare(number(a), number(b)), cmp.Compare(a.Number, b.Number), cmp.Compare(a.ID, b.ID))
	})
}

// movedHint says where a file of the layout before work plans goes now.
func movedHint(name string) string {
	parts := strings.Split(name, "/")
	switch {
	case len(parts) == 1 && strings.HasPrefix(parts[0], "_index."):
		return "the home page shows the current plan's text: move this text to plans/<plan>/" + parts[0]
	case len(parts) == 3 && parts[0] == "areas":
		return "areas belong to a plan: move the folder to plans/<plan>/areas/" + parts[1] + "/"
	}
	return "move, rename or delete it"
}
