package search

import (
	"bytes"
	"encoding/json"
	"iter"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/plaintext"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// The index of a language is one small head file with every activity's
// facts (what the filters and the upcoming / under way / past split need),
// card shards of ShardSize activities each (what a result shows), loaded
// only for the results shown, and the inverted index of the activities'
// normalized texts, which a text query reads (words.go). Activities are
// in the chronological order of the list (assemble.Catalog.Chronological),
// and row i of the head is entry i mod ShardSize of shard i / ShardSize.
//
//	<lang>/search/index.json    {"v", "shard", "shards", "words", "dicts", "acts"}
//	<lang>/search/text-<k>.json {"cards": [[id, label, lang, title, summary, schedule, venue, area]]}
//	<lang>/search/words.json, <lang>/search/postings-<k>.json (words.go)
//
// The normalized text of an activity is its id, label, title, summary,
// area, type, venue, schedule and provider countries in words, then the
// other words of its description (bodyWords), in the page's language.
//
// A row of "acts" is [area, type, mode, scope, status, first, last,
// overdue, languages, interpretation, countries]: the first five index
// "dicts" of the same names, first and last are the first and last days
// as numbers YYYYMMDD (0: no date yet), overdue is 1 when the dates have
// passed as of the content's date with the status not updated, and the
// last three are space-separated codes (ISO 639-1, ISO 3166-1).
const ShardSize = 500

// bodyLimit is the number of words of a description an activity's search
// text takes (bodyWords).
const bodyLimit = 60

// IndexPath returns the root-relative path of lang's head file.
func IndexPath(lang string) string { return "/" + lang + "/search/index.json" }

// shardPath returns the path of shard k of lang's index, relative to the
// output root.
func shardPath(lang string, k int) string { return lang + "/search/text-" + strconv.Itoa(k) + ".json" }

// Dicts are the codes the head's rows index.
var dictNames = []string{"area", "type", "mode", "scope", "status"}

// Index is the search index's generator (output.Generator).
type Index struct {
	cat    *assemble.Catalog
	bundle *l10n.Bundle
	text   *plaintext.Converter
}

// New returns the generator of the index of cat, texts in bundle's words;
// text converts descriptions to plain text (nil: its own; a build shares
// one with the feeds and the open data, so that each is converted once).
func New(cat *assemble.Catalog, bundle *l10n.Bundle, text *plaintext.Converter) *Index {
	if text == nil {
		text = plaintext.New()
	}
	return &Index{cat: cat, bundle: bundle, text: text}
}

// Jobs lists each language's head file, card shards, words file and
// postings. The inverted index of each language is made here.
func (x *Index) Jobs() ([]output.Job, *diag.List) {
	acts := x.cat.Chronological()
	shards := (len(acts) + ShardSize - 1) / ShardSize
	groups := max(shards, 1)
	var jobs []output.Job
	for _, lang := range x.cat.Languages {
		jobs = append(jobs, output.Job{Path: IndexPath(lang)[1:], Make: func() ([]byte, error) { return x.head(lang, acts, shards) }})
		for k := range shards {
			part := acts[k*ShardSize : min((k+1)*ShardSize, len(acts))]
			jobs = append(jobs, output.Job{Path: shardPath(lang, k), Make: func() ([]byte, error) { return x.shard(lang, part) }})
		}
		// Made while the jobs are listed: the listing runs beside the
		// workers, and a job that made it would hold a worker while the
		// others wait for it.
		inv := invert(x.texts(lang, acts), groups)
		jobs = append(jobs, output.Job{Path: wordsPath(lang), Make: func() ([]byte, error) {
			paths := make([]string, groups)
			for k := range paths {
				paths[k] = "/" + postingsPath(lang, k)
			}
			return encode(wordsFile{Chunks: inv.groups, Postings: paths})
		}})
		for k := range groups {
			jobs = append(jobs, output.Job{Path: postingsPath(lang, k), Make: func() ([]byte, error) {
				return encode(postingsFile{Rows: inv.rows[k]})
			}})
		}
	}
	return jobs, &diag.List{}
}

type head struct {
	V      int                 `json:"v"`
	Shard  int                 `json:"shard"`
	Shards []string            `json:"shards"`
	Words  string              `json:"words"`
	Dicts  map[string][]string `json:"dicts"`
	Acts   [][]any             `json:"acts"`
}

// head is lang's head file. Its facts do not depend on lang; each
// language has its own so that a page loads files of its own folder.
func (x *Index) head(lang string, acts []*content.Activity, shards int) ([]byte, error) {
	h := head{V: 2, Shard: ShardSize, Shards: make([]string, shards), Words: "/" + wordsPath(lang), Dicts: map[string][]string{}, Acts: make([][]any, len(acts))}
	for k := range shards {
		h.Shards[k] = "/" + shardPath(lang, k)
	}
	index := map[string]map[string]int{}
	for _, name := range dictNames {
		index[name] = map[string]int{}
		h.Dicts[name] = []string{}
	}
	code := func(dict, v string) int {
		i, ok := index[dict][v]
		if !ok {
			i = len(h.Dicts[dict])
			index[dict][v] = i
			h.Dicts[dict] = append(h.Dicts[dict], v)
		}
		return i
	}
	for i, a := range acts {
		over := 0
		if x.cat.Overdue(a) {
			over = 1
		}
		first, last := Dates(a.Schedule)
		h.Acts[i] = []any{code("area", a.Area), code("type", string(a.Type)), code("mode", string(a.Venue.Mode)),
			code("scope", string(a.Beneficiaries)), code("status", string(a.Status)), first, last, over,
			strings.Join(a.Languages, " "), strings.Join(a.Interpretation, " "), strings.Join(Countries(a), " ")}
	}
	return encode(h)
}

// Dates returns s's first and last days as numbers YYYYMMDD, 0 when s has
// no date yet.
func Dates(s schedule.Schedule) (first, last int) {
	if s.Precision == schedule.Undetermined {
		return 0, 0
	}
	f, l := s.First, s.Last
	return f.Year()*10000 + int(f.Month())*100 + f.Day(), l.Year()*10000 + int(l.Month())*100 + l.Day()
}

// Countries returns the codes of a's provider countries, in its order.
func Countries(a *content.Activity) []string {
	out := make([]string, len(a.Providers))
	for i, p := range a.Providers {
		out[i] = p.Country
	}
	return out
}

type shard struct {
	Cards [][]string `json:"cards"`
}

// shard is the cards of acts in lang.
func (x *Index) shard(lang string, acts []*content.Activity) ([]byte, error) {
	loc := x.bundle.Localizer(lang)
	s := shard{Cards: make([][]string, len(acts))}
	for i, a := range acts {
		f := x.facts(loc, a)
		s.Cards[i] = []string{a.ID, f.label, f.t.Lang, f.t.Title, f.t.Summary, f.when, f.venue, f.area.ShortTitle}
	}
	return encode(s)
}

// cardFacts are what a card and a search text both say of an activity, in
// one language.
type cardFacts struct {
	t, area            *content.Text
	label, when, venue string
}

func (x *Index) facts(loc *l10n.Localizer, a *content.Activity) cardFacts {
	t, _ := x.cat.Text(a.Texts, loc.Lang)
	area, _ := x.cat.Text(x.cat.AreaOf(a).Texts, loc.Lang)
	return cardFacts{t: t, area: area, label: x.label(loc, a), when: loc.Schedule(a.Schedule, a.ScheduleTBC),
		venue: loc.Venue(a.Venue.Mode == content.VenueOnline, a.Venue.Country, a.Venue.City)}
}

// textOf is the normalized text of a in loc's language, which a query is
// matched against: its id, label, title, summary, area, type, venue,
// schedule and provider countries in words, then words of its
// description (bodyWords).
func (x *Index) textOf(loc *l10n.Localizer, a *content.Activity) string {
	f := x.facts(loc, a)
	t := f.t
	words := []string{a.ID, f.label, t.Title, t.Summary, f.area.ShortTitle, loc.T(a.Type.Message(), nil), f.venue, f.when}
	for _, c := range Countries(a) {
		words = append(words, loc.Country(c))
	}
	norm := Normalize(strings.Join(words, " "))
	return norm + bodyWords(norm, x.text.Cached(t, t.Lang, t.Body))
}

// bodyWords returns the first bodyLimit words of a description that the
// rest of the text (norm) lacks, each once, in order of first use, with a
// space before each: visitors find an activity by a word of its
// description (its first paragraphs say what it is about) while a shard
// stays small at 10,000 activities. Words of fewer than three letters are
// left out (articles, prepositions).
func bodyWords(norm, body string) string {
	seen := map[string]bool{}
	for _, w := range strings.Fields(norm) {
		seen[w] = true
	}
	var b strings.Builder
	n := 0
	for w := range words(body, chunkSize) {
		if n == bodyLimit {
			break
		}
		if seen[w] || utf8.RuneCountInString(w) < 3 {
			continue
		}
		seen[w] = true
		n++
		b.WriteString(" " + w)
	}
	return b.String()
}

// words yields the words of Normalize(s) in order, normalizing s a chunk
// of about size bytes at a time (cutChunk), so that a caller who stops
// early does not pay for the rest.
func words(s string, size int) iter.Seq[string] {
	return func(yield func(string) bool) {
		for rest := s; rest != ""; {
			var chunk string
			chunk, rest = cutChunk(rest, size)
			for _, w := range strings.Fields(Normalize(chunk)) {
				if !yield(w) {
					return
				}
			}
		}
	}
}

// chunkSize is about how much of a description bodyWords normalizes at a
// time: it stops once it has its words, and most descriptions hold them
// in their first few hundred bytes.
const chunkSize = 512

// cutChunk cuts s after the first white space at or after byte size
// (all of s when it has none there). Normalize treats white space as a
// word boundary that nothing crosses (canonical reordering stops at it, a
// starter; it becomes a space), so the words of Normalize(s) are those of
// its chunks' in turn (TestBodyWordsChunks).
func cutChunk(s string, size int) (chunk, rest string) {
	if len(s) <= size {
		return s, ""
	}
	i := strings.IndexFunc(s[size:], unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	_, w := utf8.DecodeRuneInString(s[size+i:])
	return s[:size+i+w], s[size+i+w:]
}

// label is the activity's label ("Activité 1.2"), as on its card.
func (x *Index) label(loc *l10n.Localizer, a *content.Activity) string {
	data := map[string]any{"Area": loc.Number(x.cat.AreaOf(a).Number), "Number": loc.Number(a.Number), "Plan": loc.Period(a.Plan)}
	if len(x.cat.Plans) > 1 {
		return loc.T("activity_label_plan", data)
	}
	return loc.T("activity_label", data)
}

// encode writes v as compact JSON, with no HTML escaping (the files are
// fetched as data, never inlined in a page).
func encode(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
