package opendata

import (
	"io"
	"slices"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
)

// Views (since 1.4): beside each provider country's document, the
// activities of one type and of one language, for the site's pages of
// the same views (assemble.Facets):
//
//	api/v1/<lang>/types/<type>.json        the activities of a type
//	api/v1/<lang>/languages/<code>.json    those delivered in, or interpreted into, a language
//
// A language's document lists the activities delivered in it and those
// with simultaneous interpretation into it (each activity's "languages"
// and "interpretation" say which), as the per-language calendar feed
// does. Activities are in plan order, as in a country's document. Only
// the types and languages of at least one published activity have a
// document. They are listed in index.json "views", apart from
// "documents" and "schemas", whose enumerations of kinds a schema kept
// from an earlier 1.x closes.

// viewRef lists one view document in the index.
type viewRef struct {
	Kind   string `json:"kind"` // "type" or "language"
	Lang   string `json:"lang"`
	Key    string `json:"key"` // the type's id or the language's ISO 639-1 code
	URL    string `json:"url"`
	Schema string `json:"schema"`
}

// typeDoc is api/v1/<lang>/types/<type>.json.
type typeDoc struct {
	langHeader
	Type       viewEntry  `json:"type"`
	Activities []activity `json:"activities"`
}

// languageDoc is api/v1/<lang>/languages/<code>.json.
type languageDoc struct {
	langHeader
	Language   languageEntry `json:"language"`
	Activities []activity    `json:"activities"`
}

// viewEntry names a type or a language with its number of activities.
type viewEntry struct {
	Code          string `json:"code"`
	Name          string `json:"name"`
	ActivityCount int    `json:"activity_count"`
}

// languageEntry adds how many of a language's activities offer it
// through interpretation only.
type languageEntry struct {
	viewEntry
	InterpretedCount int `json:"interpreted_count"`
}

func typeDataPath(lang, typ string) string { return lang + "/types/" + typ + ".json" }

func languageDataPath(lang, code string) string { return lang + "/languages/" + code + ".json" }

// TypeDataPath and LanguageDataPath are the site paths of the documents
// of a type and of a language in lang, for the pages that link them.
func TypeDataPath(lang, typ string) string { return assemble.APIPrefix + typeDataPath(lang, typ) }

// LanguageDataPath: see TypeDataPath.
func LanguageDataPath(lang, code string) string {
	return assemble.APIPrefix + languageDataPath(lang, code)
}

// viewDocs lists the documents of every type and language in lang.
func (g *generator) viewDocs(lang string, facets *assemble.Facets) {
	add := func(kind, key, rel string, idx []int, head func() any) {
		g.views = append(g.views, viewRef{Kind: kind, Lang: lang, Key: key, URL: g.apiURL(rel), Schema: g.schemaURL(kind)})
		g.listed(lang, idx)
		g.docs = append(g.docs, document{path: apiFile(rel), write: func(w io.Writer) error { return g.writeActs(w, head(), lang, idx) }})
	}
	for _, t := range facets.Types {
		idx := g.typeActs(content.Type(t))
		add("type", t, typeDataPath(lang, t), idx, func() any { return g.typeDoc(lang, content.Type(t), idx) })
	}
	for _, l := range facets.Languages {
		idx := g.languageActs(l)
		add("language", l, languageDataPath(lang, l), idx, func() any { return g.languageDoc(lang, l, idx) })
	}
}

// typeActs lists the activities of typ, in plan order.
func (g *generator) typeActs(typ content.Type) []int {
	return g.actsWhere(func(a *content.Activity) bool { return a.Type == typ })
}

// typeDoc is the head of the document of typ (its list of activities
// empty, for writeActs), whose activities are idx (typeActs).
func (g *generator) typeDoc(lang string, typ content.Type, idx []int) typeDoc {
	entry := viewEntry{Code: string(typ), Name: g.locs[lang].T(typ.Message(), nil), ActivityCount: len(idx)}
	return typeDoc{langHeader: g.langHeader("type", lang), Type: entry, Activities: []activity{}}
}

// languageActs lists the activities delivered in code or interpreted into
// it, in plan order.
func (g *generator) languageActs(code string) []int {
	return g.actsWhere(func(a *content.Activity) bool {
		return slices.Contains(a.Languages, code) || slices.Contains(a.Interpretation, code)
	})
}

// languageDoc is the head of the document of the language code (its list
// of activities empty, for writeActs), whose activities are idx
// (languageActs).
func (g *generator) languageDoc(lang, code string, idx []int) languageDoc {
	interpreted := 0
	for _, i := range idx {
		if !slices.Contains(g.cat.Activities[i].Languages, code) {
			interpreted++
		}
	}
	entry := languageEntry{viewEntry: viewEntry{Code: code, Name: g.locs[lang].Language(code), ActivityCount: len(idx)},
		InterpretedCount: interpreted}
	return languageDoc{langHeader: g.langHeader("language", lang), Language: entry, Activities: []activity{}}
}
