package content

import (
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// readAhead is a text file read by prefetch, with the problems reading it
// found; the loader's pass takes them as if it had read the file then.
type readAhead struct {
	lang     string
	kind     textKind
	text     *Text
	ok       bool
	problems *diag.List
}

// prefetch reads and decodes every text file whose name is well formed
// (index.<lang>.md, _index.<lang>.md for a language of the site) on one
// goroutine per core: reading, splitting the front matter, parsing its
// YAML and checking the Markdown are most of a large catalog's load. The
// passes that follow stay in one goroutine and in file order, and take
// these results (readText), so the loaded site and the problems are the
// same as a serial load's.
func (l *loader) prefetch(files []string) {
	type item struct {
		name, lang string
		kind       textKind
	}
	var items []item
	for _, name := range files {
		if lang, kind, ok := l.textKindOf(name); ok {
			items = append(items, item{name, lang, kind})
		}
	}
	results := make([]readAhead, len(items))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				p := &diag.List{}
				t, ok := l.readTextTo(items[i].name, items[i].lang, items[i].kind, p)
				results[i] = readAhead{lang: items[i].lang, kind: items[i].kind, text: t, ok: ok, problems: p}
			}
		})
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	l.ahead = make(map[string]readAhead, len(items))
	for i, it := range items {
		l.ahead[it.name] = results[i]
	}
}

// textKindOf returns the language and kind of a text file whose name
// follows the rules exactly; anything else is left to the passes, which
// report it.
func (l *loader) textKindOf(name string) (string, textKind, bool) {
	parts := strings.Split(name, "/")
	base, kind := "", planText
	switch {
	case len(parts) == 3 && parts[0] == "plans":
		base = "_index"
	case len(parts) == 5 && parts[0] == "plans" && parts[2] == "areas":
		base, kind = "_index", areaText
	case len(parts) == 3 && parts[0] == "activities":
		base, kind = "index", activityText
	default:
		return "", 0, false
	}
	lang, found := strings.CutPrefix(path.Base(name), base+".")
	lang, found2 := strings.CutSuffix(lang, ".md")
	if !found || !found2 || !slices.Contains(l.site.Config.Languages, lang) {
		return "", 0, false
	}
	return lang, kind, true
}
