package render_test

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/render"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// TestSitemapIndex: past the limit of URLs per file, sitemap.xml is an
// index of files that together list every URL exactly once.
func TestSitemapIndex(t *testing.T) {
	project := testproject.FS(t)
	sub, _ := fs.Sub(project, "content")
	site, _ := content.Load(sub, "content")
	bundle, _ := l10n.LoadBundle(project, "i18n", site.Config.Languages)
	layouts, _ := fs.Sub(project, "layouts")
	single := sitemapFiles(t, layouts, bundle, site, 0)
	if len(single) != 1 {
		t.Fatalf("under the limit: %d sitemap files, want 1", len(single))
	}
	all := locs(t, single["sitemap.xml"], "urlset")
	split := sitemapFiles(t, layouts, bundle, site, 10)
	index := locs(t, split["sitemap.xml"], "sitemapindex")
	if want := (len(all) + 9) / 10; len(index) != want {
		t.Fatalf("index lists %d sitemaps, want %d", len(index), want)
	}
	var got []string
	for i, loc := range index {
		name := fmt.Sprintf("sitemaps/sitemap-%d.xml", i+1)
		if loc != site.Config.BaseURL+name {
			t.Errorf("index entry %d = %s", i, loc)
		}
		part := locs(t, split[name], "urlset")
		if len(part) > 10 {
			t.Errorf("%s lists %d URLs, more than the limit", name, len(part))
		}
		got = append(got, part...)
	}
	if strings.Join(got, "\n") != strings.Join(all, "\n") {
		t.Errorf("the split sitemaps list other URLs than the single one")
	}
}

func sitemapFiles(t *testing.T, layouts fs.FS, bundle *l10n.Bundle, site *content.Site, limit int) map[string][]byte {
	t.Helper()
	r, problems := render.New(layouts, bundle, assemble.New(site), render.Options{BaseURL: site.Config.BaseURL, SitemapLimit: limit})
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	files, _ := r.Render()
	out := map[string][]byte{}
	for _, f := range files {
		if strings.HasPrefix(f.Path, "sitemap") {
			out[f.Path] = f.Data
		}
	}
	return out
}

// locs returns the <loc> values of a sitemap or sitemap index whose root
// element is root.
func locs(t *testing.T, data []byte, root string) []string {
	t.Helper()
	var doc struct {
		XMLName xml.Name
		URLs    []struct {
			Loc string `xml:"loc"`
		} `xml:",any"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.XMLName.Local != root {
		t.Fatalf("root element %q, want %q", doc.XMLName.Local, root)
	}
	var out []string
	for _, u := range doc.URLs {
		out = append(out, u.Loc)
	}
	return out
}
