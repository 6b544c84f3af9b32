package opendata

import (
	"encoding/json"
	"io"
	"sync"
)

// sharedJSON holds an activity's object in one language, encoded once for
// every document that lists it (activities.json, its area's, its
// countries', its type's and its languages' documents: about seven), and
// dropped when the last of them is written, so that the encodings of a
// large catalog are not all held until the end of the build (a document
// made again after that encodes it again).
type sharedJSON struct {
	mu    sync.Mutex
	bytes []byte
	uses  int
}

// listed records that a document lists the activities idx of lang.
func (g *generator) listed(lang string, idx []int) {
	for _, i := range idx {
		g.json[lang][i].uses++
	}
}

// activityJSON returns the encoding of the i-th activity in lang.
func (g *generator) activityJSON(lang string, i int) ([]byte, error) {
	s := &g.json[lang][i]
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.bytes == nil {
		b, err := json.Marshal(g.acts[lang][i])
		if err != nil {
			return nil, err
		}
		s.bytes = b
	}
	return s.bytes, nil
}

// release records that one document listing the i-th activity of lang
// was written.
func (g *generator) release(lang string, i int) {
	s := &g.json[lang][i]
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.uses--; s.uses <= 0 {
		s.bytes = nil
	}
}

// writeActs writes head, a document whose last field is an empty list of
// activities, with the activities idx of lang in that list: the bytes
// encodeJSON gives for the whole document (TestStreamedEqualsEncoded).
func (g *generator) writeActs(w io.Writer, head any, lang string, idx []int) error {
	defer func() {
		for _, i := range idx {
			g.release(lang, i)
		}
	}()
	return writeItems(w, head, len(idx), func(n int) ([]byte, error) { return g.activityJSON(lang, idx[n]) })
}

// pick returns the activities idx of lang.
func (g *generator) pick(lang string, idx []int) []activity {
	out := make([]activity, len(idx))
	for n, i := range idx {
		out[n] = g.acts[lang][i]
	}
	return out
}
