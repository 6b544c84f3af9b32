package search

// Text queries read an inverted index (since version 2 of the head file),
// not the texts: at 10,000 activities the texts of a language are 7.6 MB
// (about 570 KB compressed), which a visitor's phone downloaded and parsed
// for the first word typed.
//
//	<lang>/search/words.json        {"chunks": [["word", ...], ...], "postings": [path, ...]}
//	<lang>/search/postings-<k>.json {"rows": ["<rows>", ...]}
//
// words.json holds every word of the language's texts once, in groups,
// each sorted; postings-<k>.json holds, for the j-th word of group k, the
// rows of the head (activities) whose text holds it, ascending, as gaps
// in base 36 joined by "," ("0,1,a" is rows 0, 1 and 11). The groups are
// as many as the shards, and balanced by the size of their rows (the
// words with the most rows first, each to the lightest group so far).
//
// A query word matches an activity when it is a substring of one of the
// words of its text. A text is its words joined by single spaces and a
// query word holds no space, so this is the same as a substring of the
// whole text, the rule before version 2 (Arabic words carry their
// prefixed articles and conjunctions, so a substring, not a prefix, is
// what a visitor expects). The finder scans the words, loads the postings
// of the groups where some match, and intersects the rows of each query
// word.

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/oic-pesnet/workplan/internal/content"
)

// wordsPath returns the path of lang's words file, relative to the output
// root.
func wordsPath(lang string) string { return lang + "/search/words.json" }

// postingsPath returns the path of group k's postings in lang, relative to
// the output root.
func postingsPath(lang string, k int) string {
	return lang + "/search/postings-" + strconv.Itoa(k) + ".json"
}

// inverted is the index of a language's texts: groups[k] are the words of
// group k, sorted, and rows[k][j] the encoded rows of groups[k][j].
type inverted struct {
	groups [][]string
	rows   [][]string
}

type wordsFile struct {
	Chunks   [][]string `json:"chunks"`
	Postings []string   `json:"postings"` // the site path of each group's postings
}

type postingsFile struct {
	Rows []string `json:"rows"`
}

// invert indexes texts (row i's text is texts[i]) into n groups.
func invert(texts []string, n int) *inverted {
	rows := map[string][]int{}
	for i, text := range texts {
		for _, w := range strings.Fields(text) {
			if r := rows[w]; len(r) == 0 || r[len(r)-1] != i {
				rows[w] = append(r, i)
			}
		}
	}
	type entry struct {
		word, rows string
	}
	entries := make([]entry, 0, len(rows))
	for w, r := range rows {
		entries = append(entries, entry{w, encodeRows(r)})
	}
	slices.SortFunc(entries, func(a, b entry) int {
		return cmp.Or(cmp.Compare(len(b.rows), len(a.rows)), strings.Compare(a.word, b.word))
	})
	n = max(n, 1)
	inv := &inverted{groups: make([][]string, n), rows: make([][]string, n)}
	size := make([]int, n)
	grouped := make([][]entry, n)
	for _, e := range entries {
		k := 0
		for j := range size {
			if size[j] < size[k] {
				k = j
			}
		}
		grouped[k] = append(grouped[k], e)
		size[k] += len(e.word) + len(e.rows) + 6
	}
	for k, g := range grouped {
		slices.SortFunc(g, func(a, b entry) int { return strings.Compare(a.word, b.word) })
		inv.groups[k], inv.rows[k] = []string{}, []string{}
		for _, e := range g {
			inv.groups[k] = append(inv.groups[k], e.word)
			inv.rows[k] = append(inv.rows[k], e.rows)
		}
	}
	return inv
}

// encodeRows writes ascending rows as base-36 gaps joined by ",".
func encodeRows(rows []int) string {
	var b strings.Builder
	prev := 0
	for i, r := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(int64(r-prev), 36))
		prev = r
	}
	return b.String()
}

// decodeRows reads what encodeRows writes.
func decodeRows(s string) ([]int, error) {
	var out []int
	row := 0
	for _, gap := range strings.Split(s, ",") {
		n, err := strconv.ParseInt(gap, 36, 64)
		if err != nil {
			return nil, err
		}
		row += int(n)
		out = append(out, row)
	}
	return out, nil
}

// texts returns the normalized text of every activity of acts in lang.
func (x *Index) texts(lang string, acts []*content.Activity) []string {
	loc := x.bundle.Localizer(lang)
	out := make([]string, len(acts))
	for i, a := range acts {
		out[i] = x.textOf(loc, a)
	}
	return out
}
