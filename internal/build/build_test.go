package build

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/txtarfs"
)

// fixture returns a txtar site overlaid with the project's real layouts,
// static files and UI strings, so that the real templates are exercised.
func fixture(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	fsys, err := txtarfs.Read(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"layouts", "static", "i18n"} {
		if err := txtarfs.Overlay(fsys, os.DirFS(filepath.Join("..", "..", dir)), dir); err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

func files(res *Result) map[string][]byte {
	m := map[string][]byte{}
	for _, f := range res.Files {
		m[f.Path] = f.Data
	}
	return m
}

func parse(t *testing.T, data []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	if n.Type == html.ElementNode && match(n) {
		out = append(out, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, find(c, match)...)
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func TestBuildSite(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := files(res)
	for _, lang := range []string{"fr", "ar", "en"} {
		for _, p := range []string{"index.html", "activities/index.html", "areas/lmi/index.html", "activities/observatories/index.html", "activities/lmis/index.html"} {
			if out[lang+"/"+p] == nil {
				t.Errorf("missing page %s/%s", lang, p)
			}
		}
	}
	if out["index.html"] == nil {
		t.Error("missing root page")
	}
	// The missing Arabic text is a warning, not an error.
	if got := res.Problems.Count(diag.Warning); got != 1 {
		t.Errorf("got %d warnings, want 1:\n%s", got, res.Problems)
	}
	if !strings.Contains(res.Problems.String(), `content/activities/lmis/activity.yaml:1:1: warning: activity "lmis" has no "ar" text`) {
		t.Errorf("warning not reported:\n%s", res.Problems)
	}
}

func TestLangDirAndAlternates(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := files(res)
	for lang, dir := range map[string]string{"fr": "ltr", "ar": "rtl", "en": "ltr"} {
		doc := parse(t, out[lang+"/activities/observatories/index.html"])
		h := find(doc, tag("html"))[0]
		if attr(h, "lang") != lang || attr(h, "dir") != dir {
			t.Errorf("%s: <html lang=%q dir=%q>", lang, attr(h, "lang"), attr(h, "dir"))
		}
		alts := map[string]string{}
		for _, l := range find(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "alternate" }) {
			alts[attr(l, "hreflang")] = attr(l, "href")
		}
		want := map[string]string{
			"fr": "https://example.org/catalog/fr/activities/observatories/",
			"ar": "https://example.org/catalog/ar/activities/observatories/",
			"en": "https://example.org/catalog/en/activities/observatories/",
		}
		want["x-default"] = want["fr"]
		for k, v := range want {
			if alts[k] != v {
				t.Errorf("%s: hreflang %s = %q, want %q", lang, k, alts[k], v)
			}
		}
		// The switcher leads to the same page in the other languages.
		sw := find(doc, func(n *html.Node) bool { return n.Data == "a" && attr(n, "hreflang") != "" })
		if len(sw) != 3 {
			t.Errorf("%s: %d switcher links", lang, len(sw))
		}
		for _, a := range sw {
			if want := "/" + attr(a, "hreflang") + "/activities/observatories/"; attr(a, "href") != want {
				t.Errorf("%s: switcher href %q, want %q", lang, attr(a, "href"), want)
			}
		}
	}
}

func TestFallbackTranslation(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(files(res)["ar/activities/lmis/index.html"])
	if !strings.Contains(page, `<h1>Atelier SIMT</h1>`) {
		t.Error("the Arabic page does not show the French title")
	}
	if !strings.Contains(page, `class="page-head" lang="fr" dir="ltr"`) || !strings.Contains(page, `class="prose" lang="fr" dir="ltr"`) {
		t.Error("the fallback blocks do not carry lang=fr dir=ltr")
	}
	if !strings.Contains(page, `لم تُترجم هذه الصفحة إلى العربية بعد. النص أدناه باللغة الفرنسية.`) {
		t.Error("no visible notice of the missing translation")
	}
}

func TestUntrustedMarkdown(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(files(res)["fr/activities/lmis/index.html"])
	for _, bad := range []string{"<script>", "javascript:", "alert(1)</script>"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if !strings.Contains(page, "<li>Thème un\u202f;</li>") { // French typography set by the build
		t.Error("Markdown list not rendered as a list")
	}
	if !strings.Contains(page, `href="https://example.org/register?id=1&amp;lang=fr"`) {
		t.Error("registration link missing or not escaped")
	}
}

func TestArabicIsolatesLatinNames(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(files(res)["ar/index.html"])
	if !strings.Contains(page, "<p>نص الخطة مع اسم <bdi><span class=\"nobr\">OIC-PESNET</span></bdi>.</p>") {
		t.Errorf("Latin name in Arabic body not isolated")
	}
	if !strings.Contains(page, "خطة شبكة <bdi><span class=\"nobr\">OIC-PESNET</span></bdi>.") {
		t.Errorf("Latin name in Arabic summary not isolated")
	}
	if !strings.Contains(page, "ترجمة لم تراجعها الأمانة بعد.") {
		t.Errorf("unreviewed translation not marked")
	}
}

func TestFactsShown(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	fr := string(files(res)["fr/activities/observatories/index.html"])
	for _, want := range []string{"Cours de formation", "octobre 2025", "En ligne", "arabe", "<li><a href=\"/fr/countries/qa/\">Qatar</a> <span class=\"tbc\">(à confirmer)</span></li>", "<li><a href=\"/fr/countries/om/\">Oman</a></li>", "pays arabophones membres de l'OCI"} {
		if !strings.Contains(fr, want) {
			t.Errorf("French activity page lacks %q", want)
		}
	}
	en := string(files(res)["en/activities/lmis/index.html"])
	for _, want := range []string{"Q2 2025", "On site (Ankara, Türkiye)", "Arabic", "French", "(to be confirmed)", "and other relevant OIC Member Countries", "Confirmed"} {
		if !strings.Contains(en, want) {
			t.Errorf("English activity page lacks %q", want)
		}
	}
}

// TestLinksResolve checks that every root-relative link and asset of every
// page points at a file of the output.
func TestLinksResolve(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkLinks(t, res.Files)
}

func checkLinks(t *testing.T, all []output.File) {
	t.Helper()
	out, data := map[string]bool{}, map[string][]byte{}
	for _, f := range all {
		out[f.Path] = true
		data[f.Path] = f.Data
	}
	n := 0
	for _, f := range all {
		if path.Ext(f.Path) != ".html" {
			continue
		}
		doc := parse(t, f.Data)
		for _, el := range find(doc, func(n *html.Node) bool { return attr(n, "href") != "" || attr(n, "src") != "" }) {
			u := attr(el, "href") + attr(el, "src")
			if !strings.HasPrefix(u, "/") {
				continue
			}
			target, fragment, _ := strings.Cut(strings.TrimPrefix(u, "/"), "#")
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			n++
			if !out[target] {
				t.Errorf("%s links to %s, which does not exist", f.Path, u)
			} else if fragment != "" && !ids(t, data[target])[fragment] {
				t.Errorf("%s links to %s, whose page has no element with id %q", f.Path, u, fragment)
			}
		}
	}
	if n == 0 {
		t.Error("no internal links checked")
	}
}

func TestOutputIsMinified(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if ext := path.Ext(f.Path); (ext == ".html" || ext == ".css") && bytes.Contains(f.Data, []byte("\n\n")) {
			t.Errorf("%s is not minified", f.Path)
		}
	}
}

// TestHostileContent: markup, template syntax and dangerous links in
// content come out as text or not at all, in the HTML and in its JSON-LD.
func TestHostileContent(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := files(res)["fr/activities/hostile/index.html"]
	doc := parse(t, page)
	// One inline script element, the JSON-LD (data, not code); any other
	// is the site's own fingerprinted file (static/js), never content.
	var scripts []*html.Node
	for _, s := range find(doc, tag("script")) {
		if src := attr(s, "src"); src != "" {
			if !regexp.MustCompile(`^/js/[a-z]+\.[0-9a-f]{12}\.js$`).MatchString(src) {
				t.Errorf("script from %q", src)
			}
			continue
		}
		scripts = append(scripts, s)
	}
	if len(scripts) != 1 || attr(scripts[0], "type") != "application/ld+json" {
		t.Fatalf("want exactly one inline script element, the JSON-LD; got %d", len(scripts))
	}
	for _, el := range find(doc, func(n *html.Node) bool {
		return n.Data == "img" || n.Data == "a" && strings.Contains(attr(n, "href"), "script:")
	}) {
		t.Errorf("live element from content: <%s %v>", el.Data, el.Attr)
	}
	for _, n := range find(doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("event handler attribute %s on <%s>", a.Key, n.Data)
			}
			if strings.HasPrefix(strings.ToLower(a.Val), "data:text") {
				t.Errorf("data: link on <%s>", n.Data)
			}
		}
	}
	h1 := find(doc, tag("h1"))[0]
	if got := h1.FirstChild.Data; !strings.HasPrefix(got, `Titre </script><script>alert(1)</script> "guillemets" {{.Secret}}`) {
		t.Errorf("title shown as %q", got)
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(scripts[0].FirstChild.Data), &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v", err)
	}
	if ld["name"] != h1.FirstChild.Data || ld["@type"] != "EducationEvent" || ld["startDate"] != "2025" {
		t.Errorf("JSON-LD = %v", ld)
	}
}

func TestJSONLDDates(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string][2]string{
		"en/activities/observatories/index.html": {"2025-10", ""},
		"en/activities/lmis/index.html":          {"2025", ""},
	} {
		doc := parse(t, files(res)[page])
		var ld map[string]any
		_ = json.Unmarshal([]byte(find(doc, func(n *html.Node) bool {
			return n.Data == "script" && attr(n, "type") == "application/ld+json"
		})[0].FirstChild.Data), &ld)
		if ld["startDate"] != want[0] || (want[1] == "" && ld["endDate"] != nil) {
			t.Errorf("%s: startDate %v endDate %v", page, ld["startDate"], ld["endDate"])
		}
	}
}

// TestSubscribeLinks: the webcal: link survives html/template (which
// replaces untrusted schemes with "#ZgotmplZ").
func TestSubscribeLinks(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(files(res)["ar/areas/lmi/index.html"])
	for _, want := range []string{
		`href="webcal://example.org/catalog/ar/areas/lmi/calendar.ics"`,
		`href="https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fexample.org%2Fcatalog%2Far%2Fareas%2Flmi%2Fcalendar.ics"`,
		`value="https://example.org/catalog/ar/areas/lmi/calendar.ics"`,
		`<link rel="alternate" type="text/calendar"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("area page lacks %s", want)
		}
	}
	if strings.Contains(page, "ZgotmplZ") {
		t.Error("a link was rejected by html/template")
	}
}

// TestNotOverdue: activities after the content's review date carry no
// "date passed" notice.
func TestNotOverdue(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// What a visitor sees of an overdue activity: the status label of a
	// card, the notice of a page, the old parenthesis. (The word itself is
	// in the open data page, which documents the "overdue" field, and in
	// the finder's strings and status filter.)
	marks := [][]byte{[]byte("status-overdue"), []byte("notice-overdue"), []byte(`class="overdue"`)}
	for name, data := range files(res) {
		for _, m := range marks {
			if bytes.Contains(data, m) && strings.HasSuffix(name, ".html") {
				t.Errorf("%s says an activity is overdue (%s)", name, m)
			}
		}
	}
}

func TestSitemapAndRobots(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files(res)["sitemap.xml"], &set); err != nil {
		t.Fatal(err)
	}
	// 3 languages × (home, all activities, embed docs, open data docs, 1 area,
	// 3 activities, the work plans: their list, the current plan's
	// overview, full text, activities and 1 area; and the views: the hub,
	// 3 indexes, 4 provider countries, 3 types, 3 languages), and the
	// language chooser.
	if len(set.URLs) != 82 {
		t.Errorf("%d URLs in the sitemap, want 82", len(set.URLs))
	}
	const root = "https://example.org/catalog/"
	for _, u := range set.URLs {
		langs := map[string]string{}
		for _, l := range u.Links {
			langs[l.Hreflang] = l.Href
		}
		// x-default: the chooser for the home pages (and the chooser
		// itself), the French version for the others.
		xDefault := langs["fr"]
		if langs["fr"] == root+"fr/" {
			xDefault = root
		}
		if len(langs) != 4 || langs["x-default"] != xDefault || !strings.HasPrefix(u.Loc, root) {
			t.Errorf("%s: alternates %v", u.Loc, langs)
		}
	}
	if robots := string(files(res)["robots.txt"]); !strings.Contains(robots, "Sitemap: https://example.org/catalog/sitemap.xml") {
		t.Errorf("robots.txt: %q", robots)
	}
	for _, p := range []string{"fr/index.html", "ar/activities/lmis/index.html"} {
		if strings.Contains(string(files(res)[p]), "noindex") {
			t.Errorf("%s is noindex in production", p)
		}
	}
}

func TestNoIndexPreview(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{NoIndex: true, BaseURL: "https://deploy-preview-7--example.netlify.app/"})
	if err != nil {
		t.Fatal(err)
	}
	out := files(res)
	if robots := string(out["robots.txt"]); !strings.Contains(robots, "Disallow: /") {
		t.Errorf("robots.txt: %q", robots)
	}
	for name, data := range out {
		if strings.HasSuffix(name, ".html") && !strings.HasPrefix(name, "embed/") && !bytes.Contains(data, []byte(`<meta name="robots" content="noindex">`)) {
			t.Errorf("%s is not noindex in a preview", name)
		}
	}
	if !bytes.Contains(out["fr/index.html"], []byte(`href="https://deploy-preview-7--example.netlify.app/ar/"`)) {
		t.Error("the preview's base URL is not used")
	}
}

func TestNotFoundPages(t *testing.T) {
	res, err := Build(fixture(t, "site.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string]string{"ar/404.html": "الصفحة غير موجودة", "en/404.html": "Page not found", "404.html": "Page introuvable"} {
		data := string(files(res)[page])
		if !strings.Contains(data, want) || strings.Contains(data, `rel="canonical"`) {
			t.Errorf("%s: want %q and no canonical link", page, want)
		}
	}
}

// TestBaseURLOverride: Netlify's URL and DEPLOY_PRIME_URL have no final
// slash; a bad address is refused with a clear message.
func TestBaseURLOverride(t *testing.T) {
	for in, want := range map[string]string{
		"https://oic-pesnet.netlify.app":                     "https://oic-pesnet.netlify.app/",
		"https://deploy-preview-12--oic-pesnet.netlify.app/": "https://deploy-preview-12--oic-pesnet.netlify.app/",
		"http://127.0.0.1:1313/sub":                          "http://127.0.0.1:1313/sub/",
	} {
		res, err := Build(fixture(t, "site.txtar"), Options{BaseURL: in})
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if page := string(files(res)["fr/index.html"]); !strings.Contains(page, `<link rel="canonical" href="`+want+`fr/">`) {
			t.Errorf("%s: canonical link not under %s", in, want)
		}
		if doc := string(files(res)["api/v1/index.json"]); !strings.Contains(doc, want+"api/v1/") {
			t.Errorf("%s: open data not under %s", in, want)
		}
	}
	_, err := Build(fixture(t, "site.txtar"), Options{BaseURL: "oic-pesnet.netlify.app"})
	if err == nil || !strings.Contains(err.Error(), `--base-url: error: "oic-pesnet.netlify.app" is not a site address`) {
		t.Errorf("err = %v", err)
	}
}

// ids returns the id attributes of an HTML page.
func ids(t *testing.T, page []byte) map[string]bool {
	m := map[string]bool{}
	for _, el := range find(parse(t, page), func(n *html.Node) bool { return attr(n, "id") != "" }) {
		m[attr(el, "id")] = true
	}
	return m
}
