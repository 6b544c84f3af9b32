package content

import (
	"crypto/sha256"
	"io/fs"
	"sync"
	"sync/atomic"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// Cache keeps the text files a load decoded (their front matter parsed,
// checked and decoded, their problems found), so that the next load of the
// same project decodes again only the files whose bytes changed: the
// preview server loads the whole content after an edit of an activity's
// front matter, and most of a load's time is parsing the YAML of files
// that did not change. A file is taken from the cache only when its bytes
// are those it was decoded from and it is read for the same purpose; the
// loaded site gets its own copy of each text, so that nothing a site does
// to its texts (ReplaceBody) reaches the cache or another site. The cache
// holds the files of the last load that finished. Its zero value is ready
// to use, and several loads may use it at once.
type Cache struct {
	mu    sync.Mutex
	files map[string]cachedText
	hits  atomic.Int64 // texts taken from the cache, for tests
}

// cachedText is a text file as a load decoded it, and the digest of its
// bytes (not the bytes: the cache would double the memory they take).
type cachedText struct {
	sum      [sha256.Size]byte
	spec     textSpec
	text     *Text // never given out: loads get copies
	ok       bool
	problems *diag.List
}

// LoadCached is Load, taking the text files whose bytes did not change
// since the last load from cache, and leaving the files of this load in
// it. A nil cache is Load.
func LoadCached(fsys fs.FS, prefix string, cache *Cache) (*Site, *diag.List) {
	return load(fsys, prefix, true, cache)
}

// lookup returns a copy of the text file name decoded, for spec, from the
// bytes whose digest is sum, if the cache has it.
func (c *Cache) lookup(name string, sum [sha256.Size]byte, spec textSpec) (readAhead, bool) {
	c.mu.Lock()
	e, ok := c.files[name]
	c.mu.Unlock()
	if !ok || e.spec != spec || e.sum != sum {
		return readAhead{}, false
	}
	c.hits.Add(1)
	return readAhead{spec: spec, text: copyText(e.text), ok: e.ok, problems: e.problems}, true
}

// keep replaces the cache's files by those of a finished load.
func (c *Cache) keep(files map[string]cachedText) {
	c.mu.Lock()
	c.files = files
	c.mu.Unlock()
}

func copyText(t *Text) *Text {
	if t == nil {
		return nil
	}
	c := *t
	return &c
}
