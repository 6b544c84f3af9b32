package render_test

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/testproject"
)

var (
	metaRe      = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`)
	canonicalRe = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
	hreflangRe  = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)
	navRe       = regexp.MustCompile(`(?s)<nav class="main-nav".*?</nav>`)
	hrefRe      = regexp.MustCompile(`<a href="([^"]+)"`)

	sitemapURLRe  = regexp.MustCompile(`(?s)<url>\s*<loc>([^<]+)</loc>(.*?)</url>`)
	sitemapLinkRe = regexp.MustCompile(`<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"`)
)

// sitePages are the HTML pages of a rendered site with a <head> of their
// own (the framable lists under embed/ are fragments for other sites).
func sitePages(files map[string][]byte) []string {
	var pages []string
	for p := range files {
		if strings.HasSuffix(p, ".html") && !strings.HasPrefix(p, "embed/") {
			pages = append(pages, p)
		}
	}
	slices.Sort(pages)
	return pages
}

// TestHeadMetadata: every page kind of both fixtures has its Open Graph
// and Twitter card metadata (og:url its canonical address, og:type
// "article" on activity pages only), and its hreflang alternates form
// symmetric sets: each alternate page lists exactly the same set, x-default
// included, so that search engines accept the annotations. The home pages
// and the chooser at "/" are one set, whose x-default is the chooser.
func TestHeadMetadata(t *testing.T) {
	for name, files := range map[string]map[string][]byte{
		"fixture": renderFixture(t),
		"plans":   renderFixture(t, testproject.Plans(t)),
	} {
		base := "https://example.org"
		sets := map[string]string{}
		for _, p := range sitePages(files) {
			page := string(files[p])
			meta := map[string][]string{}
			for _, m := range metaRe.FindAllStringSubmatch(page, -1) {
				meta[m[1]] = append(meta[m[1]], html.UnescapeString(m[2]))
			}
			for _, k := range []string{"og:type", "og:site_name", "og:title", "og:locale", "twitter:card"} {
				if len(meta[k]) != 1 || meta[k][0] == "" {
					t.Errorf("%s %s: %s = %q", name, p, k, meta[k])
				}
			}
			if len(meta["og:locale:alternate"]) != 2 || slices.Contains(meta["og:locale:alternate"], meta["og:locale"][0]) {
				t.Errorf("%s %s: og:locale %q, alternates %q", name, p, meta["og:locale"], meta["og:locale:alternate"])
			}
			if want := "website"; strings.Contains(p, "/activities/") && !strings.HasSuffix(p, "activities/index.html") && !strings.Contains(p, "/page/") {
				want = "article"
				if meta["og:type"][0] != want {
					t.Errorf("%s %s: og:type %q, want %q", name, p, meta["og:type"][0], want)
				}
			} else if meta["og:type"][0] != want {
				t.Errorf("%s %s: og:type %q, want %q", name, p, meta["og:type"][0], want)
			}
			if strings.HasSuffix(p, "404.html") {
				continue // no canonical address, no alternates
			}
			canon := canonicalRe.FindStringSubmatch(page)
			if canon == nil || len(meta["og:url"]) != 1 || meta["og:url"][0] != canon[1] {
				t.Errorf("%s %s: og:url %q, canonical %q", name, p, meta["og:url"], canon)
				continue
			}
			var set []string
			for _, m := range hreflangRe.FindAllStringSubmatch(page, -1) {
				set = append(set, m[1]+" "+m[2])
			}
			slices.Sort(set)
			if len(set) != 4 || !strings.HasPrefix(set[len(set)-1], "x-default ") {
				t.Errorf("%s %s: alternates %q, want fr, ar, en and x-default", name, p, set)
			}
			sets[strings.TrimPrefix(canon[1], base)] = strings.Join(set, "\n")
		}
		// Symmetry: every page named in a set lists the same set.
		for path, set := range sets {
			for _, line := range strings.Split(set, "\n") {
				_, u, _ := strings.Cut(line, " ")
				other, ok := sets[strings.TrimPrefix(u, base)]
				if !ok {
					t.Errorf("%s %s names %s, which is not a page", name, path, u)
				} else if other != set {
					t.Errorf("%s: %s and %s disagree:\n%s\n---\n%s", name, path, u, set, other)
				}
			}
		}
		// The sitemap lists the same sets as the pages it names.
		sitemap := string(files["sitemap.xml"])
		for _, u := range sitemapURLRe.FindAllStringSubmatch(sitemap, -1) {
			var set []string
			for _, l := range sitemapLinkRe.FindAllStringSubmatch(u[2], -1) {
				set = append(set, l[1]+" "+l[2])
			}
			slices.Sort(set)
			if want, ok := sets[strings.TrimPrefix(u[1], base)]; !ok || strings.Join(set, "\n") != want {
				t.Errorf("%s: the sitemap's alternates of %s differ from the page's:\n%s\n---\n%s", name, u[1], strings.Join(set, "\n"), want)
			}
		}
		if !strings.Contains(sets["/fr/"], "x-default "+base+"/\n") && !strings.HasSuffix(sets["/fr/"], "x-default "+base+"/") {
			t.Errorf("%s: the home pages' x-default is not the chooser:\n%s", name, sets["/fr/"])
		}
	}
}

// TestNav: the main navigation of every page starts with Home and All
// activities (so that both show first on a phone), then the current plan's
// areas in order, and ends with the list of plans; other entries may come
// between the areas and the plans.
func TestNav(t *testing.T) {
	files := renderFixture(t)
	for _, lang := range []string{"fr", "ar", "en"} {
		want := []string{"/" + lang + "/", "/" + lang + "/activities/", "/" + lang + "/areas/lmi/", "/" + lang + "/areas/youth-neet/"}
		for _, p := range []string{lang + "/index.html", lang + "/activities/lmis-training/index.html", lang + "/embed/index.html"} {
			nav := navRe.FindString(string(files[p]))
			var got []string
			for _, m := range hrefRe.FindAllStringSubmatch(nav, -1) {
				got = append(got, m[1])
			}
			if len(got) < len(want)+1 || !slices.Equal(got[:len(want)], want) || got[len(got)-1] != "/"+lang+"/plans/" {
				t.Errorf("%s: navigation %q, want %q first and /%s/plans/ last", p, got, want, lang)
			}
		}
	}
}
