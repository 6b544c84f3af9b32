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

// act returns the object of the i-th activity of the catalog in lang, made
// anew: each document that needs the objects makes them as it is written
// (the JSON documents, through activityJSON, once for all; the CSV
// export; catalog.json), and none holds them after.
func (g *generator) act(lang string, i int) activity { return g.activity(lang, g.cat.Activities[i]) }

// activityJSON returns the encoding of the i-th activity in lang.
func (g *generator) activityJSON(lang string, i int) ([]byte, error) {
	return g.json[lang][i].Get(func() ([]byte, error) { return json.Marshal(g.act(lang, i)) })
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
		out[n] = g.act(lang, i)
	}
	return out
}
