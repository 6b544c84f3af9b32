package content_test

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/txtarfs"
)

// The seed is the French source text of the plan, a copy of
// shared/seeds/000_46932a72a1b07314.txt: a table per thematic area, one row
// per activity, with cells separated by tabs and rows broken over page
// breaks (continuation lines start with tabs that say which cell they
// continue).
const seedFile = "testdata/seed-workplan-2024-2026.fr.txt"

type seedRow struct {
	area, number int
	cells        [7]string // no, title, schedule/place, language, providers, beneficiaries, description
}

func readSeed(t *testing.T) (rows []seedRow, objectives map[int][]string, head string) {
	t.Helper()
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	objectives = map[int][]string{}
	area := 0
	areaRE := regexp.MustCompile(`^Domaine thématique (\d):`)
	rowRE := regexp.MustCompile(`^(\d)\t`)
	lines := strings.Split(string(data), "\n")
	for _, line := range lines {
		switch {
		case areaRE.MatchString(line):
			area, _ = strconv.Atoi(areaRE.FindStringSubmatch(line)[1])
		case area == 0:
			head += line + "\n"
		case strings.HasPrefix(line, "- "):
			objectives[area] = append(objectives[area], line[2:])
		case rowRE.MatchString(line):
			r := seedRow{area: area}
			for i, c := range strings.Split(line, "\t") {
				r.cells[min(i, 6)] += " " + c
			}
			r.number, _ = strconv.Atoi(strings.TrimSpace(r.cells[0]))
			rows = append(rows, r)
		case strings.HasPrefix(line, "\t") && len(rows) > 0:
			cells := strings.Split(line, "\t")
			r := &rows[len(rows)-1]
			for i, c := range cells {
				r.cells[min(i, 6)] += " " + c
			}
		}
	}
	for i := range rows {
		for j := range rows[i].cells {
			rows[i].cells[j] = clean(rows[i].cells[j])
		}
	}
	return rows, objectives, head
}

var tags = regexp.MustCompile(`<[^>]*>`)

func clean(s string) string { return strings.Join(strings.Fields(tags.ReplaceAllString(s, " ")), " ") }

// words normalizes text for comparison: no accents, no case, no punctuation.
func words(s string) []string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	s, _, _ = transform.String(t, strings.ToLower(s))
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// coverage is the share of the words of want (as a multiset) found in got.
func coverage(want, got string) float64 {
	have := map[string]int{}
	for _, w := range words(got) {
		have[w]++
	}
	ws := words(want)
	found := 0
	for _, w := range ws {
		if have[w] > 0 {
			have[w]--
			found++
		}
	}
	return float64(found) / float64(max(len(ws), 1))
}

var frenchMonths = []string{"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"}

// seedSchedule turns "Septembre 2024", "Q2 2025" or "Jan/Fev 2026" into the
// content notation.
func seedSchedule(s string) string {
	w := words(s)
	year := w[len(w)-1]
	if strings.HasPrefix(w[0], "q") {
		return year + "-Q" + w[0][1:]
	}
	month := func(m string) string {
		for i, name := range frenchMonths {
			if strings.HasPrefix(name, m) {
				return year + "-" + strconv.Itoa(i + 101)[1:]
			}
		}
		return "?" + m
	}
	if len(w) == 3 {
		return month(w[0]) + "/" + month(w[1])
	}
	return month(w[0])
}

// countryCodes maps normalized French country names (CLDR, plus the
// network's "Türkiye") to ISO codes.
func countryCodes() map[string]string {
	m := map[string]string{"turkiye": "TR"}
	names := display.Regions(language.French)
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			r, err := language.ParseRegion(string([]rune{a, b}))
			if code := string([]rune{a, b}); err == nil && r.IsCountry() && r.String() == code && l10n.ValidCountry(code) {
				m[strings.Join(words(names.Name(r)), " ")] = r.String()
			}
		}
	}
	return m
}

func seedProviders(t *testing.T, cell string, codes map[string]string) ([]content.Provider, content.Scope) {
	other := content.Scope("")
	if i := strings.Index(cell, "et autres pays"); i >= 0 {
		other = content.ScopeAll
		if strings.Contains(cell[i:], "francophones") {
			other = content.ScopeFrancophone
		}
		cell = cell[:i]
	}
	cell = regexp.MustCompile(`(?i)\(à confirmer\)`).ReplaceAllString(cell, ";TBC;")
	var out []content.Provider
	for _, part := range strings.FieldsFunc(cell, func(r rune) bool { return r == ',' || r == '/' || r == ';' }) {
		part = strings.TrimSpace(part)
		switch {
		case part == "":
		case part == "TBC":
			out[len(out)-1].TBC = true
		default:
			code := codes[strings.Join(words(part), " ")]
			if code == "" {
				t.Fatalf("seed country %q not found in CLDR", part)
			}
			out = append(out, content.Provider{Country: code})
		}
	}
	return out, other
}

// migrationSnapshot is the content as migrated from the seed, kept as a
// record: the live content/ changes every week and is never pinned.
const migrationSnapshot = "testdata/migration-2024-2026.txtar"

func loadMigrated(t *testing.T) *content.Site {
	t.Helper()
	fsys, err := txtarfs.Read(migrationSnapshot)
	if err != nil {
		t.Fatal(err)
	}
	site, problems := content.Load(fsys, "content")
	if problems.HasErrors() {
		t.Fatalf("the migration snapshot has errors:\n%s", problems)
	}
	return site
}

// TestContentMatchesSeed checks every activity of the seed against the
// migrated content (the snapshot, not the live content/): its facts, and its French title and description word for word
// (up to typo fixes); English and Arabic texts must exist in full.
func TestContentMatchesSeed(t *testing.T) {
	rows, _, _ := readSeed(t)
	if len(rows) != 16 {
		t.Fatalf("parsed %d seed rows, want 16", len(rows))
	}
	site := loadMigrated(t)
	if len(site.Activities) != 16 || len(site.Areas) != 4 {
		t.Fatalf("content has %d activities and %d areas, want 16 and 4", len(site.Activities), len(site.Areas))
	}
	codes := countryCodes()
	for _, row := range rows {
		a := findActivity(site, row.area, row.number)
		if a == nil {
			t.Errorf("activity %d.%d of the seed is missing", row.area, row.number)
			continue
		}
		checkFacts(t, row, a, codes)
		checkTexts(t, row, a)
	}
}

func findActivity(site *content.Site, area, number int) *content.Activity {
	for _, a := range site.Activities {
		for _, ar := range site.Areas {
			if ar.ID == a.Area && ar.Number == area && a.Number == number {
				return a
			}
		}
	}
	return nil
}

func checkFacts(t *testing.T, row seedRow, a *content.Activity, codes map[string]string) {
	t.Helper()
	id := a.ID
	when, where, _ := strings.Cut(row.cells[2], " / ")
	if got, want := a.Schedule.Notation, seedSchedule(when); got != want {
		t.Errorf("%s: schedule %q, seed says %q (%s)", id, got, want, when)
	}
	venue := content.Venue{Mode: content.VenueOnline}
	if strings.HasPrefix(where, "Sur place") {
		venue = content.Venue{Mode: content.VenueOnSite, Country: codes[strings.Join(words(strings.Trim(where[len("Sur place"):], " ()")), " ")]}
	}
	if a.Venue != venue {
		t.Errorf("%s: venue %+v, seed says %+v (%s)", id, a.Venue, venue, where)
	}
	langs, interp := map[string][]string{"Français": {"fr"}, "Anglais": {"en"}, "Arabe": {"ar"}}[row.cells[3]], []string(nil)
	if strings.HasPrefix(row.cells[3], "AN avec traduction simultanée en AR et FR") {
		langs, interp = []string{"en"}, []string{"ar", "fr"}
	}
	if !slices.Equal(a.Languages, langs) || !slices.Equal(a.Interpretation, interp) {
		t.Errorf("%s: languages %v + %v, seed says %q", id, a.Languages, a.Interpretation, row.cells[3])
	}
	if tbc := strings.Contains(row.cells[3], "à confirmer"); a.InterpretationTBC != tbc {
		t.Errorf("%s: interpretation_tbc %v, seed says %q", id, a.InterpretationTBC, row.cells[3])
	}
	providers, other := seedProviders(t, row.cells[4], codes)
	if !slices.Equal(a.Providers, providers) || a.OtherProviders != other {
		t.Errorf("%s: providers %v + %q, seed says %v + %q (%s)", id, a.Providers, a.OtherProviders, providers, other, row.cells[4])
	}
	scope := content.ScopeAll
	switch {
	case strings.Contains(row.cells[5], "francophones"):
		scope = content.ScopeFrancophone
	case strings.Contains(row.cells[5], "arabophones"):
		scope = content.ScopeArabophone
	}
	if a.Beneficiaries != scope {
		t.Errorf("%s: beneficiaries %q, seed says %q (%s)", id, a.Beneficiaries, scope, row.cells[5])
	}
	types := map[string]content.Type{"cours": content.TypeTraining, "webinaire": content.TypeWebinar, "atelier": content.TypeWorkshop}
	if want := types[words(row.cells[1])[0]]; a.Type != want {
		t.Errorf("%s: type %q, seed title says %q", id, a.Type, want)
	}
}

func checkTexts(t *testing.T, row seedRow, a *content.Activity) {
	t.Helper()
	fr := a.Texts["fr"]
	if c := coverage(row.cells[1], fr.Title); c < 0.9 {
		t.Errorf("%s: French title %q covers %.0f%% of the seed's %q", a.ID, fr.Title, c*100, row.cells[1])
	}
	if c := coverage(row.cells[6], string(fr.Body)); c < 0.97 {
		t.Errorf("%s: French description covers %.0f%% of the seed's words", a.ID, c*100)
	}
	for _, lang := range []string{"en", "ar"} {
		tr := a.Texts[lang]
		if tr == nil {
			t.Errorf("%s: no %s text", a.ID, lang)
			continue
		}
		if ratio := float64(len([]rune(string(tr.Body)))) / float64(len([]rune(string(fr.Body)))); ratio < 0.6 {
			t.Errorf("%s: the %s description is %.0f%% of the French length: is it complete?", a.ID, lang, ratio*100)
		}
	}
}

// TestHomeAndAreasMatchSeed checks the plan's general text and each area's
// objectives.
func TestHomeAndAreasMatchSeed(t *testing.T) {
	_, objectives, head := readSeed(t)
	site := loadMigrated(t)
	home := site.Plans[0].Texts
	if c := coverage(clean(strings.ReplaceAll(head, "•", " ")), string(home["fr"].Body)+" "+home["fr"].Title); c < 0.9 {
		t.Errorf("the French home page covers %.0f%% of the seed's general text", c*100)
	}
	for _, area := range site.Areas {
		want := strings.Join(objectives[area.Number], " ")
		if c := coverage(want, string(area.Texts["fr"].Body)); c < 0.95 {
			t.Errorf("area %s: French objectives cover %.0f%% of the seed's", area.ID, c*100)
		}
		for _, lang := range []string{"fr", "ar", "en"} {
			if area.Texts[lang] == nil || home[lang] == nil {
				t.Errorf("area %s or home page: no %s text", area.ID, lang)
			}
		}
	}
}
