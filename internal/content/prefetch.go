package content

import (
	"crypto/sha256"
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
	spec     textSpec
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
func (l *loader) prefetch(files []string, cache *Cache) {
	type item struct {
		name string
		spec textSpec
	}
	var items []item
	for _, name := range files {
		if spec, ok := l.textKindOf(name); ok {
			items = append(items, item{name, spec})
		}
	}
	results := make([]readAhead, len(items))
	var wg sync.WaitGroup
	next := make(chan int)
	sums := make([]*[sha256.Size]byte, len(items)) // for the cache: nil when unread
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				results[i], sums[i] = l.readAheadOne(items[i].name, items[i].spec, cache)
			}
		})
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	if cache != nil {
		kept := make(map[string]cachedText, len(items))
		for i, it := range items {
			if r := results[i]; sums[i] != nil {
				kept[it.name] = cachedText{sum: *sums[i], spec: r.spec, text: copyText(r.text), ok: r.ok, problems: r.problems}
			}
		}
		cache.keep(kept)
	}
	l.ahead = make(map[string]readAhead, len(items))
	for i, it := range items {
		l.ahead[it.name] = results[i]
	}
}

// readAheadOne reads and decodes one text file, from cache (when not nil)
// if it has the file's bytes; sum is the digest of the bytes read, nil
// when the file could not be read or there is no cache.
func (l *loader) readAheadOne(name string, spec textSpec, cache *Cache) (r readAhead, sum *[sha256.Size]byte) {
	p := &diag.List{}
	raw, ok := l.readRaw(name, p)
	if !ok {
		return readAhead{spec: spec, problems: p}, nil
	}
	if cache != nil {
		s := sha256.Sum256(raw)
		sum = &s
		if r, hit := cache.lookup(name, s, spec); hit {
			return r, sum
		}
	}
	t, ok := decodeTextFile(l.show(name), raw, spec, p)
	return readAhead{spec: spec, text: t, ok: ok, problems: p}, sum
}

// textKindOf returns what a text file whose name follows the rules exactly
// holds; anything else is left to the passes, which report it.
func (l *loader) textKindOf(name string) (textSpec, bool) {
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
		return textSpec{}, false
	}
	lang, found := strings.CutPrefix(path.Base(name), base+".")
	lang, found2 := strings.CutSuffix(lang, ".md")
	if !found || !found2 || !slices.Contains(l.site.Config.Languages, lang) {
		return textSpec{}, false
	}
	return l.spec(path.Dir(name), lang, kind), true
}

// spec is what the text of lang in folder dir holds. An activity's facts
// are in its activity.yaml when it has one, else in the front matter of the
// default language's text, where the browser editor writes them.
func (l *loader) spec(dir, lang string, kind textKind) textSpec {
	s := textSpec{lang: lang, kind: kind}
	if kind != activityText {
		return s
	}
	def := l.site.Config.Default()
	s.factsHome = "index." + def + ".md"
	switch {
	case l.yamlFacts[dir]:
		s.factsHome = "activity.yaml"
	case lang == def:
		s.facts = true
	}
	return s
}
