package search

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/schedule"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// index builds the index of the fixture site (internal/testproject).
func index(t *testing.T) (*assemble.Catalog, map[string][]byte) {
	t.Helper()
	sub, err := fs.Sub(testproject.FS(t), "content")
	if err != nil {
		t.Fatal(err)
	}
	site, problems := content.Load(sub, "content")
	if problems.HasErrors() {
		t.Fatalf("content has errors:\n%s", problems)
	}
	bundle, problems := l10n.LoadBundle(os.DirFS("../.."), "i18n", site.Config.Languages)
	if problems.HasErrors() {
		t.Fatalf("i18n has errors:\n%s", problems)
	}
	cat := assemble.New(site)
	files, problems := output.Run(New(cat, bundle, nil))
	if s := problems.String(); s != "" {
		t.Fatal(s)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	return cat, out
}

// TestIndexGolden keeps the English head file and shard as golden files.
// After an intended change: go test ./internal/search -update
func TestIndexGolden(t *testing.T) {
	_, files := index(t)
	for _, p := range []string{"en/search/index.json", "en/search/text-0.json", "ar/search/text-0.json", "ar/search/words.json", "ar/search/postings-0.json"} {
		golden := filepath.Join("testdata", filepath.Base(filepath.Dir(filepath.Dir(p)))+"-"+filepath.Base(p)+".golden")
		if *update {
			if err := os.WriteFile(golden, files[p], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want, files[p]) {
			t.Errorf("%s differs from %s:\n%s", p, golden, files[p])
		}
	}
}

// TestIndexRows checks that row i of the head and entry i of the shards
// describe the i-th activity of the chronological list, in every language.
func TestIndexRows(t *testing.T) {
	cat, files := index(t)
	acts := cat.Chronological()
	for _, lang := range cat.Languages {
		var h head
		if err := json.Unmarshal(files[IndexPath(lang)[1:]], &h); err != nil {
			t.Fatal(err)
		}
		var s shard
		if err := json.Unmarshal(files[lang+"/search/text-0.json"], &s); err != nil {
			t.Fatal(err)
		}
		if len(h.Acts) != len(acts) || len(s.Cards) != len(acts) || len(h.Shards) != 1 || h.Words != "/"+wordsPath(lang) {
			t.Fatalf("%s: %d rows, %d cards, %d shards for %d activities, words %s", lang, len(h.Acts), len(s.Cards), len(h.Shards), len(acts), h.Words)
		}
		for i, a := range acts {
			row := h.Acts[i]
			first, last := Dates(a.Schedule)
			if h.Dicts["area"][int(row[0].(float64))] != a.Area || h.Dicts["type"][int(row[1].(float64))] != string(a.Type) ||
				int(row[5].(float64)) != first || int(row[6].(float64)) != last || s.Cards[i][0] != a.ID {
				t.Errorf("%s row %d = %v, card %v: not %s", lang, i, row, s.Cards[i][0], a.ID)
			}
			if want := cat.Overdue(a); (row[7].(float64) == 1) != want {
				t.Errorf("%s: %s overdue = %v, want %v", lang, a.ID, row[7], want)
			}
		}
	}
}

// TestIndexDeterministic: two builds give the same bytes.
func TestIndexDeterministic(t *testing.T) {
	_, a := index(t)
	_, b := index(t)
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
}

func TestDates(t *testing.T) {
	for _, c := range []struct {
		notation    string
		first, last int
	}{
		{"tbd", 0, 0},
		{"2025-03", 20250301, 20250331},
		{"2025-Q3", 20250701, 20250930},
		{"2025-02-18/2025-02-20", 20250218, 20250220},
	} {
		s, err := parseSchedule(c.notation)
		if err != nil {
			t.Fatalf("%s: %v", c.notation, err)
		}
		if f, l := Dates(s); f != c.first || l != c.last {
			t.Errorf("Dates(%s) = %d, %d, want %d, %d", c.notation, f, l, c.first, c.last)
		}
	}
}

func parseSchedule(n string) (schedule.Schedule, error) {
	s, err := schedule.Parse(n)
	if err != nil {
		return s, err
	}
	return s, nil
}

func TestBodyWords(t *testing.T) {
	got := bodyWords("atelier emploi", Normalize("L'atelier de l'emploi : Économie, économie et gestion de projets."))
	if want := " economie gestion projets"; got != want {
		t.Errorf("bodyWords = %q, want %q", got, want)
	}
	long := strings.Repeat("mot", 1) + " "
	for i := range 2 * bodyLimit {
		long += "w" + strconv.Itoa(1000+i) + " "
	}
	if n := len(strings.Fields(bodyWords("", long))); n != bodyLimit {
		t.Errorf("bodyWords kept %d words, want %d", n, bodyLimit)
	}
}

// TestBodyWordsChunks: the words of a description normalized chunk by
// chunk (words, cutChunk) are those of the whole description normalized at once,
// for texts with accents, Arabic marks, combining marks right after white
// space, ligatures and non-breaking spaces, cut at every size.
func TestBodyWordsChunks(t *testing.T) {
	texts := []string{
		"L'atelier de l'emploi : Économie, économie et gestion de projets.\n\nDes œuvres  et\u00a0des\tcas.",
		"مُؤَسَّسَة الإحصاء ـ تدريب ٢٠٢٥ على المنصّات، والأسواق.\n- أولاً\n- ثانياً",
		"x \u0301y \u0301\u0327z e\u0301\u0301 \u0308\u0301a\u2003b\u3000c",
		strings.Repeat("Les participants comparent les approches nationales. ", 40),
	}
	for _, text := range texts {
		want := strings.Fields(Normalize(text))
		for size := 1; size <= len(text)+1; size++ {
			if got := slices.Collect(words(text, size)); !slices.Equal(got, want) {
				t.Fatalf("size %d: chunked %q, whole %q", size, got, want)
			}
		}
	}
}

// FuzzBodyWordsChunks checks the same on any valid UTF-8 text.
func FuzzBodyWordsChunks(f *testing.F) {
	f.Add("x \u0301y e\u0301 ـ œ ٢ \u00a0z", 3)
	f.Fuzz(func(t *testing.T, text string, size int) {
		if !utf8.ValidString(text) || size < 1 || size > 1<<12 {
			return
		}
		want := strings.Fields(Normalize(text))
		if got := slices.Collect(words(text, size)); !slices.Equal(got, want) {
			t.Fatalf("size %d: chunked %q, whole %q", size, got, want)
		}
	})
}

// TestInverted: the words and postings files give each activity exactly
// the words of its text, and a query word finds, through them, the
// activities whose text holds it as a substring, in every language.
func TestInverted(t *testing.T) {
	cat, files := index(t)
	acts := cat.Chronological()
	bundle, problems := l10n.LoadBundle(os.DirFS("../.."), "i18n", cat.Languages)
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	x := New(cat, bundle, nil)
	for _, lang := range cat.Languages {
		texts := x.texts(lang, acts)
		var w wordsFile
		if err := json.Unmarshal(files[wordsPath(lang)], &w); err != nil {
			t.Fatal(err)
		}
		got := make([]map[string]bool, len(acts))
		for i := range got {
			got[i] = map[string]bool{}
		}
		rowsOf := map[string][]int{}
		for k, group := range w.Chunks {
			var p postingsFile
			if err := json.Unmarshal(files[postingsPath(lang, k)], &p); err != nil || len(p.Rows) != len(group) {
				t.Fatalf("%s group %d: %v, %d rows for %d words", lang, k, err, len(p.Rows), len(group))
			}
			if !slices.IsSorted(group) {
				t.Errorf("%s group %d is not sorted", lang, k)
			}
			for j, word := range group {
				rows, err := decodeRows(p.Rows[j])
				if err != nil || !slices.IsSorted(rows) {
					t.Fatalf("%s %q: rows %q: %v", lang, word, p.Rows[j], err)
				}
				rowsOf[word] = rows
				for _, r := range rows {
					got[r][word] = true
				}
			}
		}
		for i, text := range texts {
			want := map[string]bool{}
			for _, word := range strings.Fields(text) {
				want[word] = true
			}
			if !maps.Equal(got[i], want) {
				t.Errorf("%s: %s has words %v, want %v", lang, acts[i].ID, slices.Sorted(maps.Keys(got[i])), slices.Sorted(maps.Keys(want)))
			}
		}
		// Every substring of up to four letters of some word, as a query.
		queries := map[string]bool{}
		for word := range rowsOf {
			r := []rune(word)
			for i := range r {
				for n := 1; n <= 4 && i+n <= len(r); n++ {
					queries[string(r[i:i+n])] = true
				}
			}
		}
		for q := range queries {
			found := map[int]bool{}
			for word, rows := range rowsOf {
				if strings.Contains(word, q) {
					for _, r := range rows {
						found[r] = true
					}
				}
			}
			for i, text := range texts {
				if strings.Contains(text, q) != found[i] {
					t.Fatalf("%s: query %q finds %s: %v, its text says %v", lang, q, acts[i].ID, found[i], strings.Contains(text, q))
				}
			}
		}
	}
}

func TestRowsRoundTrip(t *testing.T) {
	for _, rows := range [][]int{{0}, {5}, {0, 1, 2}, {3, 40, 41, 1000, 99999}} {
		got, err := decodeRows(encodeRows(rows))
		if err != nil || !slices.Equal(got, rows) {
			t.Errorf("%v → %q → %v, %v", rows, encodeRows(rows), got, err)
		}
	}
}
