package render

import (
	"bytes"
	"encoding/xml"
	"fmt"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/output"
)

// notFoundPage is the "page not found" page of lang.
func (r *Renderer) notFoundPage(lang string) *Page {
	loc := r.locs[lang]
	p := r.page(lang, loc.T("notfound_title", nil), loc.T("notfound_text", nil), assemble.HomePath)
	p.NotFound = true
	return p
}

// sitemapURL is one <url> of sitemap.xml, with its translations
// (xhtml:link rel="alternate" hreflang, as search engines document it).
type sitemapURL struct {
	Loc   string        `xml:"loc"`
	Links []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

// pagePaths lists, for every page of the site, its path in each language
// (every page of the paginated lists included).
func (r *Renderer) pagePaths() []func(lang string) string {
	out := []func(string) string{assemble.HomePath}
	for n := 1; n <= pageCount(len(r.cat.Chronological())); n++ {
		out = append(out, func(l string) string { return assemble.ListPage(assemble.ActivitiesPath(l), n) })
	}
	out = append(out, assemble.EmbedDocsPath, assemble.APIDocsPath)
	for _, a := range r.cat.Areas {
		for n := 1; n <= pageCount(len(r.cat.ChronologicalInArea(a.ID))); n++ {
			out = append(out, func(l string) string { return assemble.ListPage(assemble.AreaPath(l, a.ID), n) })
		}
	}
	out = append(out, r.facetPaths()...)
	out = append(out, r.planPaths()...)
	for _, a := range r.cat.Activities { // published only: a draft's pages say noindex
		out = append(out, func(l string) string { return assemble.ActivityPath(l, a.ID) })
	}
	return out
}

// sitemapLimit is the sitemap protocol's limit of URLs per file.
const sitemapLimit = 50000

type sitemapIndex struct {
	XMLName  xml.Name       `xml:"sitemapindex"`
	NS       string         `xml:"xmlns,attr"`
	Sitemaps []sitemapEntry `xml:"sitemap"`
}

type sitemapEntry struct {
	Loc string `xml:"loc"`
}

// sitemaps lists every page in every language with its alternates and
// x-default, as the pages list them (the chooser "/" with the home pages;
// the framable /embed/ pages and 404 pages are left out): one
// sitemap.xml, or, past the protocol's 50,000 URLs per file (or
// Options.SitemapLimit), sitemap.xml as a sitemap index of
// sitemaps/sitemap-N.xml files of at most that many URLs each.
func (r *Renderer) sitemaps() []output.Job {
	limit := r.opts.SitemapLimit
	if limit <= 0 {
		limit = sitemapLimit
	}
	var urls []sitemapURL
	for _, pathOf := range r.pagePaths() {
		var links []sitemapLink
		for _, l := range r.cat.Languages {
			links = append(links, sitemapLink{Rel: "alternate", Hreflang: l, Href: r.abs(pathOf(l))})
		}
		xDefault := r.xDefault(pathOf)
		links = append(links, sitemapLink{Rel: "alternate", Hreflang: "x-default", Href: xDefault})
		for _, l := range r.cat.Languages {
			urls = append(urls, sitemapURL{Loc: r.abs(pathOf(l)), Links: links})
		}
		if xDefault == r.abs("/") { // the language chooser, one of the home pages' set
			urls = append(urls, sitemapURL{Loc: xDefault, Links: links})
		}
	}
	// Each file is encoded when its job runs: the encodings of a large
	// site's sitemaps are several times the list of its addresses.
	encoded := func(p string, v func() any) output.Job {
		return output.Job{Path: p, Make: func() ([]byte, error) { return encodeXML(v()), nil }}
	}
	if len(urls) <= limit {
		return []output.Job{encoded("sitemap.xml", func() any { return r.urlset(urls) })}
	}
	index := sitemapIndex{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	var files []output.Job
	for i := 0; i < len(urls); i += limit {
		name := fmt.Sprintf("sitemaps/sitemap-%d.xml", i/limit+1)
		part := urls[i:min(i+limit, len(urls))]
		files = append(files, encoded(name, func() any { return r.urlset(part) }))
		index.Sitemaps = append(index.Sitemaps, sitemapEntry{Loc: r.abs("/" + name)})
	}
	return append([]output.Job{encoded("sitemap.xml", func() any { return index })}, files...)
}

func (r *Renderer) urlset(urls []sitemapURL) urlset {
	return urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml", URLs: urls}
}

// encodeXML encodes v (only strings: it cannot fail) after the XML header.
func encodeXML(v any) []byte {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	_ = enc.Encode(v)
	buf.WriteByte('\n')
	return buf.Bytes()
}

// robots allows everything and names the sitemap, or, for deploy
// previews (NoIndex), disallows everything.
func (r *Renderer) robots() output.File {
	if r.opts.NoIndex {
		return output.File{Path: "robots.txt", Data: []byte("# Deploy preview: not for search engines.\nUser-agent: *\nDisallow: /\n")}
	}
	return output.File{Path: "robots.txt", Data: []byte("User-agent: *\nAllow: /\n\nSitemap: " + r.abs("/sitemap.xml") + "\n")}
}
