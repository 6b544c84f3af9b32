// Package opendata publishes the catalog as versioned open data: JSON
// documents, their JSON Schemas (draft 2020-12) and a CSV export. It is an
// output of the build beside the HTML pages and calendar feeds, and only
// reads the assembled catalog.
//
// Documents, relative to the output root (assemble.APIPrefix is /api/v1/):
//
//	api/v1/index.json                       discovery: languages, every document, every schema
//	api/v1/catalog.json                     every plan, area and activity, in every language
//	api/v1/catalog.csv                      one row per activity and language (see csv.go)
//	api/v1/<lang>/activities.json           every plan, area and activity, text in <lang>
//	api/v1/<lang>/areas/<area-id>.json      one area and its activities
//	api/v1/<lang>/countries.json            provider countries with their activity counts
//	api/v1/<lang>/countries/<CC>.json       the activities a country provides (or may provide)
//	api/v1/<lang>/types/<type>.json         the activities of a type (since 1.4, views.go)
//	api/v1/<lang>/languages/<code>.json     the activities in, or interpreted into, a language (1.4)
//	api/v1/<lang>/upcoming.json             the activities not past, for the widget (since 1.5, upcoming.go)
//	api/v1/<lang>/past.json                 the 50 activities that ended last, for the widget (since 1.6, past.go)
//	api/v1/plans/<plan>/progress.json       where a published plan stands (progress.go)
//	api/v1/plans/<plan>/progress.csv        the same figures as CSV
//	api/v1/schema/<name>.schema.json        schema of each kind of document
//
// The per-language documents give every name and text in that language;
// catalog.json gives each fact once and each name, text and URL as an
// object keyed by language code. A country gets a document only if it
// provides (or may provide) at least one activity.
// Activities are listed in plan order (plan, area, then number), plans by
// period, areas as assemble.Catalog.Areas orders them, countries by ISO
// code.
//
// Work plans (since 1.2, plans.go): activities.json and catalog.json list
// every plan, drafts included (their pages are published for
// consultation), with its status, period, adoption, texts, pages and, when
// published, its calendar feed. The activities (in every list, the area
// and country documents and the CSV) are the published ones only
// (assemble.Catalog.Activities): a draft plan's activities and its new
// areas enter the data when it becomes current. Each activity names its
// plan ("plan", and "plan_calendar" among its urls) and each area the plan
// whose version of it is shown ("plan"). No new document kind was needed,
// so index.json and a kept copy of its schema are unchanged.
//
// Outcomes and progress (since 1.3, outcome.go and progress.go): a
// completed activity has "outcome" (the days it was held, the actual
// venue when it changed, participants, institutions, participating
// countries, materials, report: each only when given), a postponed one
// keeps "original_schedule", and the texts carry the outcome sentence
// and the reason (text.outcome, text.reason); the CSV gains their
// columns at the end. Each published plan has a progress document and a
// progress CSV, found through its plan object (urls.progress,
// urls.progress_csv) and index.json's new "progress" list: index.json's
// "documents" and "schemas" keep the kinds of 1.0, since their
// enumerations are closed in copies of the index schema kept from 1.2
// (TestKeptSchemas validates every document of the 1.2 kinds with those
// copies, testdata/schema-1.2).
//
// Views (since 1.4, views.go): a document per activity type and per
// language of delivery (an activity interpreted into a language is in
// that language's document), beside the country documents, for the
// site's pages of the same views. They are listed in index.json's new
// "views" list, apart from "documents" and "schemas" for the reason
// above.
//
// Every JSON document starts with "$schema"
// (the absolute URL of its schema) and "version". Every URL in the
// documents is absolute, built on Options.BaseURL. Texts are plain text
// (Markdown converted by package plaintext), never HTML: embedders must
// escape them like any other string. When a language's text is missing the
// document shows another language's text and says so: text.lang is the
// language shown and text.fallback is true. Optional facts (venue country
// and city, registration, other providers, exact times) are omitted when
// absent, never null.
//
// Versioning: the path carries the major version, and v1 is additive only:
// new documents and new fields may appear, and "version" ("1.<minor>") then
// grows its minor. Anything else is a breaking change that goes to /api/v2/
// (published beside v1 for a transition period): renaming or removing a
// field or a document, changing a type, a meaning or a path, and adding a
// value to an enumeration (type, status, precision, mode, scope), since
// consumers may switch on them exhaustively. Consumers must ignore fields
// they do not know. So the published schemas are open to additions
// (additionalProperties or unevaluatedProperties true on every object): a
// consumer validating with a copy kept from an earlier 1.x keeps accepting
// the documents; required fields, types and enumerations stay strict. The
// tests validate with the schemas closed, so that a field the generator
// writes but no schema describes still fails them. Every property has a
// description; the API page (render/apidocs.go, via Fields) shows them.
//
// Every JSON document carries "as_of", the date its statuses describe
// (assemble.Catalog.AsOf: the latest of site.yaml "updated" and the
// activities' "updated"), and every activity "overdue": its dates have
// passed as of that date while its status still says planned or confirmed
// (assemble.Catalog.Overdue, the rule of the site's pages). Both came
// with 1.1, as did the CSV's columns overdue and as_of; the plans, the
// "plan" of activities and areas and the CSV's plan column with 1.2.
//
// Output is deterministic: no clock, no randomness, struct field order as
// key order and sorted maps, so the same content gives the same bytes.
// There is no package-level mutable state (the embedded schema files are
// read-only): localizers and the Markdown converter are made per call.
package opendata

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/plaintext"
)

// Version is the version of the documents: the major is the path's (v1),
// the minor grows with each additive change.
const Version = "1.6"

// Options are the settings of Files.
type Options struct {
	// BaseURL is the absolute URL of the published site, ending in "/".
	// Every URL in the documents is built on it.
	BaseURL string
	// Text converts descriptions to plain text (nil: its own); a build
	// shares one with the feeds, so that each is converted once.
	Text *plaintext.Converter
}

// Files returns every open data document of the catalog, sorted by path.
func Files(cat *assemble.Catalog, bundle *l10n.Bundle, opts Options) ([]output.File, *diag.List) {
	return output.Run(New(cat, bundle, opts))
}

// generator holds the state of one Files call.
type generator struct {
	cat      *assemble.Catalog
	base     string
	locs     map[string]*l10n.Localizer
	text     *plaintext.Converter
	problems *diag.List
	// json holds each activity's object (act) encoded in each language,
	// shared by the documents that list it (shared.go); areas and plans
	// hold each language's objects, in plan order (plans by period), built
	// once and shared by every document of that language. The activities'
	// objects are made when a document is written and dropped after it
	// (act): held for the whole build, with their descriptions, they were
	// its largest part at 10,000 activities.
	json     map[string][]output.Shared[[]byte]
	areas    map[string][]area
	plans    map[string][]plan
	docs     []document
	index    []docRef
	progress []progressRef
	views    []viewRef
	upcoming []upcomingRef
	past     []upcomingRef
}

// document is one file of the open data, made when its job runs: the
// documents are listed first (the index lists them all), then encoded one
// by one, so that they are never all held in memory.
type document struct {
	path  string
	make  func() ([]byte, error)
	write func(w io.Writer) error // instead of make, for the large ones
}

func newGenerator(cat *assemble.Catalog, bundle *l10n.Bundle, opts Options, problems *diag.List) *generator {
	g := &generator{cat: cat, base: opts.BaseURL, locs: map[string]*l10n.Localizer{}, text: cmp.Or(opts.Text, plaintext.New()),
		problems: problems, json: map[string][]output.Shared[[]byte]{}, areas: map[string][]area{}, plans: map[string][]plan{}}
	for _, lang := range cat.Languages {
		g.json[lang] = make([]output.Shared[[]byte], len(cat.Activities))
		g.locs[lang] = bundle.Localizer(lang)
		g.areas[lang] = make([]area, 0, len(cat.Areas))
		g.checkTexts(lang)
		for _, a := range cat.Areas {
			g.areas[lang] = append(g.areas[lang], g.area(lang, a))
		}
		for _, p := range cat.Plans {
			g.plans[lang] = append(g.plans[lang], g.plan(lang, p))
		}
	}
	return g
}

// documents lists every document; the index comes last as it lists them.
// The documents that hold every activity are written as they are encoded,
// one activity at a time (writeItems), so that their bytes are never all
// in memory.
func (g *generator) documents() {
	g.emitList(docRef{Kind: "catalog"}, "catalog.json", g.writeCatalog)
	for _, lang := range g.cat.Languages {
		g.emitActs(docRef{Kind: "activities", Lang: lang}, lang+"/activities.json", lang, g.allActs(), func() any { return g.activitiesDoc(lang) })
		for i, a := range g.cat.Areas {
			g.emitActs(docRef{Kind: "area", Lang: lang, Area: a.ID}, areaDataPath(lang, a.ID), lang, g.areaActs(i), func() any { return g.areaDoc(lang, i) })
		}
		countries := g.countries(lang)
		g.emitJSON(docRef{Kind: "countries", Lang: lang}, lang+"/countries.json", func() any { return g.countriesDoc(lang, countries) })
		for _, c := range countries {
			g.emitActs(docRef{Kind: "country", Lang: lang, Country: c.Code}, countryDataPath(lang, c.Code), lang, g.countryActs(c), func() any { return g.countryDoc(lang, c) })
		}
	}
	facets := assemble.NewFacets(g.cat)
	for _, lang := range g.cat.Languages {
		g.viewDocs(lang, facets)
	}
	g.upcomingDocs()
	g.pastDocs()
	g.index = append(g.index, docRef{Kind: "csv", MediaType: "text/csv", URL: g.apiURL("catalog.csv")})
	g.docs = append(g.docs, document{path: apiFile("catalog.csv"), write: g.csv})
	g.progressDocs()
	for _, s := range schemaNames() {
		g.docs = append(g.docs, document{path: apiFile(schemaPath(s)), make: func() ([]byte, error) { return g.schema(s) }})
	}
	g.emitJSON(docRef{Kind: "index"}, "index.json", func() any { return g.indexDoc() })
}

// byLanguage orders the documents' jobs language by language (those of
// no language first), keeping their order within each: an activity's
// JSON is held from the first document of its language that lists it to
// the last (output.Shared), so the documents of one language are written
// together and the JSON of one language, not of all, is held at a time.
// The index keeps the order the documents were listed in.
func (g *generator) byLanguage() {
	rank := func(d document) int {
		rel := strings.TrimPrefix(d.path, apiFile(""))
		for i, lang := range g.cat.Languages {
			if strings.HasPrefix(rel, lang+"/") {
				return i
			}
		}
		return -1
	}
	slices.SortStableFunc(g.docs, func(a, b document) int { return cmp.Compare(rank(a), rank(b)) })
}

// writeCatalog writes catalog.json one activity at a time: the object of
// every language of one activity is made, encoded and dropped, so that
// the objects of the whole catalog are never held at once.
func (g *generator) writeCatalog(w io.Writer) error {
	return writeItems(w, g.catalogDoc(), len(g.cat.Activities), func(i int) ([]byte, error) { return json.Marshal(g.catalogActivity(i)) })
}

// emitList lists a JSON document of kind ref.Kind, written by write.
func (g *generator) emitList(ref docRef, rel string, write func(w io.Writer) error) {
	ref.MediaType, ref.Schema, ref.URL = "application/json", g.schemaURL(ref.Kind), g.apiURL(rel)
	g.index = append(g.index, ref)
	g.docs = append(g.docs, document{path: apiFile(rel), write: write})
}

// emitActs lists a JSON document of kind ref.Kind: head, a document whose
// last field is an empty list of activities, with the activities idx of
// lang in that list, each encoded once for all the documents (writeActs).
func (g *generator) emitActs(ref docRef, rel, lang string, idx []int, head func() any) {
	g.listed(lang, idx)
	g.emitList(ref, rel, func(w io.Writer) error { return g.writeActs(w, head(), lang, idx) })
}

// writeItems writes head, a document whose last field is a list left
// empty, with n items in place of that empty list, the encoding of item i
// given by item.
func writeItems(w io.Writer, head any, n int, item func(i int) ([]byte, error)) error {
	b, err := json.Marshal(head)
	if err != nil {
		return err
	}
	if !bytes.HasSuffix(b, []byte("[]}")) {
		return fmt.Errorf("the document does not end with its list")
	}
	if _, err := w.Write(b[:len(b)-2]); err != nil {
		return err
	}
	for i := range n {
		if i > 0 {
			if _, err := io.WriteString(w, ","); err != nil {
				return err
			}
		}
		data, err := item(i)
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	_, err = io.WriteString(w, "]}\n")
	return err
}

// emitJSON lists the document of kind ref.Kind that doc builds, encoded
// at rel (relative to the API root), and lists it in the index.
func (g *generator) emitJSON(ref docRef, rel string, doc func() any) {
	ref.MediaType, ref.Schema = "application/json", g.schemaURL(ref.Kind)
	g.emit(ref, rel, func() ([]byte, error) { return encodeJSON(doc()) })
}

func (g *generator) emit(ref docRef, rel string, make func() ([]byte, error)) {
	if ref.Kind != "index" {
		ref.URL = g.apiURL(rel)
		g.index = append(g.index, ref)
	}
	g.docs = append(g.docs, document{path: apiFile(rel), make: make})
}

// encodeJSON writes doc compactly (it is published minified: indenting
// it first cost a tenth of a large build), with a final newline. HTML
// characters stay escaped (\u003c…), so a document can also be inlined in
// a <script>.
func encodeJSON(doc any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func (g *generator) header(kind string) header {
	return header{Schema: g.schemaURL(kind), Version: Version, AsOf: date(g.cat.AsOf)}
}

func (g *generator) langHeader(kind, lang string) langHeader {
	return langHeader{header: g.header(kind), Lang: lang, Dir: l10n.Dir(lang)}
}

// Paths. rel paths are relative to the API root (APIPrefix).

func apiFile(rel string) string { return strings.TrimPrefix(assemble.APIPrefix, "/") + rel }

func areaDataPath(lang, id string) string { return lang + "/areas/" + id + ".json" }

func countryDataPath(lang, code string) string { return lang + "/countries/" + code + ".json" }

func schemaPath(name string) string { return "schema/" + name + ".schema.json" }

// url returns the absolute URL of a root-relative site path.
func (g *generator) url(sitePath string) string { return g.base + strings.TrimPrefix(sitePath, "/") }

func (g *generator) apiURL(rel string) string { return g.url(assemble.APIPrefix + rel) }

func (g *generator) schemaURL(kind string) string {
	if !slices.Contains(schemaNames(), kind) {
		return ""
	}
	return g.apiURL(schemaPath(kind))
}

// perLang returns f(lang) for every language of the site.
func (g *generator) perLang(f func(lang string) string) langMap {
	m := langMap{}
	for _, lang := range g.cat.Languages {
		m[lang] = f(lang)
	}
	return m
}

// lastModified is the activity's last change, or the site's review date.
func (g *generator) lastModified(a *content.Activity) string {
	if !a.Updated.IsZero() {
		return date(a.Updated)
	}
	return date(g.cat.Site.Config.Updated)
}

// Generator is the open data's generator (output.Generator).
type Generator struct {
	cat    *assemble.Catalog
	bundle *l10n.Bundle
	opts   Options
	g      *generator
}

// New returns the generator of the open data of cat.
func New(cat *assemble.Catalog, bundle *l10n.Bundle, opts Options) *Generator {
	return &Generator{cat: cat, bundle: bundle, opts: opts}
}

// Jobs builds each language's objects once and lists every document; each
// job encodes one.
func (gen *Generator) Jobs() ([]output.Job, *diag.List) {
	problems := &diag.List{}
	if u, err := url.Parse(gen.opts.BaseURL); err != nil || !u.IsAbs() || u.Host == "" || !strings.HasSuffix(gen.opts.BaseURL, "/") {
		problems.Errorf("content/site.yaml", diag.Pos{}, "the base URL %q cannot be used for open data: give an absolute URL ending in \"/\", such as \"https://example.org/\"", gen.opts.BaseURL)
		return nil, problems
	}
	gen.g = newGenerator(gen.cat, gen.bundle, gen.opts, problems)
	gen.g.documents()
	gen.g.byLanguage()
	jobs := make([]output.Job, len(gen.g.docs))
	for i, d := range gen.g.docs {
		jobs[i] = output.Job{Path: d.path, Make: d.make, Write: d.write}
	}
	return jobs, problems
}

// Finish reports the interface messages the documents asked for that i18n/
// does not define (known once every job ran).
func (gen *Generator) Finish() *diag.List {
	problems := &diag.List{}
	if gen.g == nil {
		return problems
	}
	for _, lang := range gen.cat.Languages {
		for _, id := range gen.g.locs[lang].Missing() {
			problems.Errorf(path.Join("i18n", lang+".toml"), diag.Pos{}, "the open data use message %q, which is not defined: add it", id)
		}
	}
	return problems
}
