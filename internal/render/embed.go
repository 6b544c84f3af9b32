package render

import (
	"strings"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
)

// EmbedView is a framable list of activities for member websites.
type EmbedView struct {
	Heading string
	Cards   []Card
	More    Link
}

// EmbedDocsView is the page that explains how to embed the catalog.
type EmbedDocsView struct {
	Script       string // the <script> snippet
	Iframe       string // the <iframe> snippet
	ScriptURL    string
	PreviewLang  string
	PreviewArea  string
	PreviewFrame string // root-relative URL of an iframe preview
	Areas        []Link // each area's id (Text) and iframe URL (Href)
	Countries    []Link // each provider country's code and iframe URL
}

// embedFiles renders the iframe pages: per language, every activity, each
// area and each provider country.
func (r *Renderer) embedFiles(emit func(layout, out string, p *Page)) {
	for _, lang := range r.cat.Languages {
		loc := r.locs[lang]
		emit("embed.html", indexFile(assemble.EmbedPath(lang, "", "")),
			r.embedPage(lang, loc.T("all_activities_title", nil), r.cat.Activities, assemble.ActivitiesPath(lang)))
		for _, a := range r.cat.Areas {
			t, _ := r.cat.Text(a.Texts, lang)
			emit("embed.html", indexFile(assemble.EmbedPath(lang, "areas", a.ID)),
				r.embedPage(lang, t.Title, r.cat.InArea(a.ID), assemble.AreaPath(lang, a.ID)))
		}
		for _, c := range r.cat.Providers() {
			emit("embed.html", indexFile(assemble.EmbedPath(lang, "countries", strings.ToLower(c))),
				r.embedPage(lang, loc.Country(c), r.cat.ByProvider(c), assemble.ActivitiesPath(lang)))
		}
	}
}

func (r *Renderer) embedPage(lang, heading string, acts []*content.Activity, more string) *Page {
	loc := r.locs[lang]
	p := r.page(lang, heading, loc.T("embed_intro", nil), func(l string) string { return assemble.EmbedPath(l, "", "") })
	v := &EmbedView{Heading: heading, More: Link{Text: loc.T("embed_more", nil), Href: r.abs(more)}}
	for _, a := range acts {
		c := r.card(lang, a)
		c.Href = r.abs(c.Href)
		v.Cards = append(v.Cards, c)
	}
	p.Embed = v
	return p
}

func (r *Renderer) embedDocsPage(lang string) *Page {
	loc := r.locs[lang]
	p := r.page(lang, loc.T("embed_title", nil), loc.T("embed_intro", nil), assemble.EmbedDocsPath)
	p.Crumbs = []Link{{Text: loc.T("nav_home", nil), Href: assemble.HomePath(lang)}, {Text: p.Title, Current: true}}
	script := r.abs(assemble.EmbedScriptPath)
	area := ""
	if len(r.cat.Areas) > 0 {
		area = r.cat.Areas[len(r.cat.Areas)-1].ID
	}
	v := &EmbedDocsView{
		ScriptURL:    script,
		Script:       `<div data-pesnet-catalog data-lang="` + lang + `" data-area="` + area + `" data-limit="5"></div>` + "\n" + `<script src="` + script + `" async></script>`,
		Iframe:       `<iframe src="` + r.abs(assemble.EmbedPath(lang, "areas", area)) + `" title="OIC-PESNET" width="100%" height="600" loading="lazy"></iframe>`,
		PreviewLang:  lang,
		PreviewArea:  area,
		PreviewFrame: assemble.EmbedPath(lang, "areas", area),
	}
	for _, a := range r.cat.Areas {
		v.Areas = append(v.Areas, Link{Text: a.ID, Href: r.abs(assemble.EmbedPath(lang, "areas", a.ID))})
	}
	for _, c := range r.cat.Providers() {
		v.Countries = append(v.Countries, Link{Text: c + " — " + loc.Country(c), Href: r.abs(assemble.EmbedPath(lang, "countries", strings.ToLower(c)))})
	}
	p.EmbedDocs = v
	return p
}
