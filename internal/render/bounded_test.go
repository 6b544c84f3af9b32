package render_test

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/corpus"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/render"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// renderCorpus renders a generated catalog of n activities with the real
// layouts and strings.
func renderCorpus(t *testing.T, n int) map[string][]byte {
	t.Helper()
	project := testproject.FS(t)
	if err := corpus.New(n, 1).ReplaceContent(corpus.Map(project)); err != nil {
		t.Fatal(err)
	}
	sub, _ := fs.Sub(project, "content")
	site, problems := content.Load(sub, "content")
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	bundle, _ := l10n.LoadBundle(project, "i18n", site.Config.Languages)
	layouts, _ := fs.Sub(project, "layouts")
	r, problems := render.New(layouts, bundle, assemble.New(site), render.Options{BaseURL: site.Config.BaseURL, LayoutsDir: "layouts"})
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	files, problems := r.Render()
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	return out
}

var cardRE = regexp.MustCompile(`<li class="card"`)

// TestPagesAreBounded: with six times more activities, no HTML page shows
// more cards or grows much; lists are split into pages of render.PageSize.
// A plan's progress report and its full text (the printable document) are
// the exceptions, like the CSV and the feeds: their point is to list every
// activity of their plan; they grow linearly (checked for the document).
func TestPagesAreBounded(t *testing.T) {
	small, large := renderCorpus(t, 100), renderCorpus(t, 600)
	maxOf := func(files map[string][]byte) (size, cards int, page string) {
		for p, data := range files {
			if path.Ext(p) != ".html" || strings.HasSuffix(p, "/report/index.html") || strings.HasSuffix(p, "/document/index.html") {
				continue
			}
			if len(data) > size {
				size, page = len(data), p
			}
			cards = max(cards, len(cardRE.FindAll(data, -1)))
		}
		return size, cards, page
	}
	sSize, sCards, _ := maxOf(small)
	lSize, lCards, lPage := maxOf(large)
	if lCards > render.PageSize {
		t.Errorf("a page shows %d cards at 600 activities, more than a page of %d", lCards, render.PageSize)
	}
	if lCards > sCards || float64(lSize) > 1.25*float64(sSize) {
		t.Errorf("pages grow with the catalog: largest page %d bytes, %d cards at 100 activities; %d bytes (%s), %d cards at 600",
			sSize, sCards, lSize, lPage, lCards)
	}
	docs := func(files map[string][]byte) (size int) {
		for p, data := range files {
			if strings.HasSuffix(p, "/document/index.html") {
				size += len(data)
			}
		}
		return size
	}
	if s, l := docs(small), docs(large); s == 0 || float64(l) > 6.5*float64(s) {
		t.Errorf("the plans' documents grow faster than the catalog: %d bytes at 100 activities, %d at 600", s, l)
	}
	for _, lang := range []string{"fr", "ar", "en"} {
		pages := (600 + render.PageSize - 1) / render.PageSize
		last := fmt.Sprintf("%s/activities/page/%d/index.html", lang, pages)
		if large[last] == nil || large[fmt.Sprintf("%s/activities/page/%d/index.html", lang, pages+1)] != nil {
			t.Errorf("%s: the list of every activity does not end at page %d", lang, pages)
		}
	}
	for p, data := range large {
		if strings.HasSuffix(p, "/index.html") && strings.Contains(p, "/activities/") && !strings.Contains(p, "/page/") &&
			strings.Count(p, "/") == 3 && len(cardRE.FindAll(data, -1)) > 6 {
			t.Errorf("%s shows more than its 6 neighbours", p)
		}
	}
}

// TestEveryActivityListedOnce: the pages of the list of every activity
// together show each activity exactly once.
func TestEveryActivityListedOnce(t *testing.T) {
	files := renderCorpus(t, 230)
	seen := map[string]int{}
	idRE := regexp.MustCompile(`<li class="card" id="activity-([a-z0-9-]+)"`)
	for p, data := range files {
		if strings.HasPrefix(p, "en/activities/") && (p == "en/activities/index.html" || strings.HasPrefix(p, "en/activities/page/")) {
			for _, m := range idRE.FindAllSubmatch(data, -1) {
				seen[string(m[1])]++
			}
		}
	}
	if len(seen) != 230 {
		t.Errorf("the list shows %d activities, want 230", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("%s is listed %d times", id, n)
		}
	}
}

// TestSecondPage: page 2 of a list says which page it is (title, h1 of an
// area, breadcrumbs linking back to page 1, the pager's current page), and
// a year that began on page 1 is marked as continued.
func TestSecondPage(t *testing.T) {
	files := renderCorpus(t, 230)
	list := string(files["en/activities/page/2/index.html"])
	for _, want := range []string{
		"<title>All activities — page 2 · ",
		`<a href="/en/activities/">All activities</a>`,
		`<a href="/en/activities/page/2/" aria-current="page">2</a>`,
		`<a href="/en/activities/" rel="prev">Previous page</a>`,
		`<a href="/en/activities/page/3/" rel="next">Next page</a>`,
		"(continued)</h2>",
	} {
		if !strings.Contains(list, want) {
			t.Errorf("en/activities/page/2/ lacks %q", want)
		}
	}
	var area string
	for p, data := range files {
		if strings.HasPrefix(p, "ar/areas/") && strings.HasSuffix(p, "/page/2/index.html") {
			area = string(data)
			break
		}
	}
	if !strings.Contains(area, "— الصفحة 2</h1>") {
		t.Errorf("an Arabic area's page 2 does not say so in its h1:\n%.2000s", area)
	}
}
