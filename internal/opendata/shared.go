package opendata

import (
	"encoding/json"
	"io"
)

// Each activity's object is encoded once per language for every document
// that lists it (activities.json, its area's, its countries', its type's
// and its languages' documents: about seven), and dropped when the last
// of them is written (output.Shared): generator.json.

// listed records that a document lists the activities idx of lang.
func (g *generator) listed(lang string, idx []int) {
	for _, i := range idx {
		g.json[lang][i].Use()
	}
}

// activityJSON returns the encoding of the i-th activity in lang.
func (g *generator) activityJSON(lang string, i int) ([]byte, error) {
	return g.json[lang][i].Get(func() ([]byte, error) { return json.Marshal(g.acts[lang][i]) })
}

// writeActs writes head, a document whose last field is an empty list of
// activities, with the activities idx of lang in that list: the bytes
// encodeJSON gives for the whole document (TestStreamedEqualsEncoded).
func (g *generator) writeActs(w io.Writer, head any, lang string, idx []int) error {
	defer func() {
		for _, i := range idx {
			g.json[lang][i].Release()
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
