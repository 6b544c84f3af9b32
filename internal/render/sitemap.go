package render

import (
	"bytes"
	"encoding/xml"

	"github.com/oic-pesnet/workplan/internal/assemble"
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

// pagePaths lists, for every page of the site, its path in each language.
func (r *Renderer) pagePaths() []func(lang string) string {
	out := []func(string) string{assemble.HomePath, assemble.ActivitiesPath, assemble.EmbedDocsPath}
	for _, a := range r.cat.Areas {
		out = append(out, func(l string) string { return assemble.AreaPath(l, a.ID) })
	}
	for _, a := range r.cat.Activities {
		out = append(out, func(l string) string { return assemble.ActivityPath(l, a.ID) })
	}
	return out
}

// sitemap lists every page in every language with its alternates and
// x-default (the framable /embed/ pages and 404 pages are left out).
func (r *Renderer) sitemap() File {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, pathOf := range r.pagePaths() {
		var links []sitemapLink
		for _, l := range r.cat.Languages {
			links = append(links, sitemapLink{Rel: "alternate", Hreflang: l, Href: r.abs(pathOf(l))})
		}
		links = append(links, sitemapLink{Rel: "alternate", Hreflang: "x-default", Href: r.abs(pathOf(r.cat.Languages[0]))})
		for _, l := range r.cat.Languages {
			set.URLs = append(set.URLs, sitemapURL{Loc: r.abs(pathOf(l)), Links: links})
		}
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	_ = enc.Encode(set) // only strings: cannot fail
	buf.WriteByte('\n')
	return File{Path: "sitemap.xml", Data: buf.Bytes()}
}

// robots allows everything and names the sitemap, or, for deploy
// previews (NoIndex), disallows everything.
func (r *Renderer) robots() File {
	if r.opts.NoIndex {
		return File{Path: "robots.txt", Data: []byte("# Deploy preview: not for search engines.\nUser-agent: *\nDisallow: /\n")}
	}
	return File{Path: "robots.txt", Data: []byte("User-agent: *\nAllow: /\n\nSitemap: " + r.abs("/sitemap.xml") + "\n")}
}
