package render

import (
	"cmp"
	"html/template"
	"slices"
	"strings"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// EmbedView is a framable list of activities for member websites.
type EmbedView struct {
	Heading string
	Cards   []Card
	More    Link
}

// EmbedDocsView is the page that explains how to embed the catalog.
type EmbedDocsView struct {
	Script       string // the <script> snippet, a fallback link inside the container
	CSP          string // the Content-Security-Policy directives a host needs
	Iframe       string // the <iframe> snippet
	ScriptURL    string
	PreviewLang  string
	PreviewArea  string
	PreviewFrame string // root-relative URL of an iframe preview
	// The values integrators paste into the options, with their names:
	// each area's identifier (data-area), each provider country's code
	// (data-country), with their iframe addresses, and each language's
	// code (data-lang).
	Areas, Countries, Languages []EmbedValue
}

// EmbedValue is one value of an option of the widget, its name in the
// page's language and, for areas and countries, its framable list.
type EmbedValue struct {
	Value     string
	Name      template.HTML // an area's title; escaped text otherwise
	Lang, Dir string        // of Name (an area's title may be a fallback)
	Href      string        // absolute URL of its iframe page, or ""
}

// embedLimit bounds the framable lists: a member website's frame shows at
// most this many activities, and links to the full list on the site.
const embedLimit = 20

// embedFiles lists the iframe pages: per language, every activity, each
// area and each provider country.
func (r *Renderer) embedFiles(emit func(layout, out string, build func() *Page)) {
	for _, lang := range r.cat.Languages {
		emit("embed.html", indexFile(assemble.EmbedPath(lang, "", "")), func() *Page {
			return r.embedPage(lang, r.locs[lang].T("all_activities_title", nil), r.cat.Chronological(), assemble.ActivitiesPath(lang))
		})
		for _, a := range r.cat.Areas {
			emit("embed.html", indexFile(assemble.EmbedPath(lang, "areas", a.ID)), func() *Page {
				t, _ := r.cat.Text(a.Texts, lang)
				return r.embedPage(lang, t.Title, r.cat.ChronologicalInArea(a.ID), assemble.AreaPath(lang, a.ID))
			})
		}
		for _, c := range r.cat.Providers() {
			emit("embed.html", indexFile(assemble.EmbedPath(lang, "countries", strings.ToLower(c))), func() *Page {
				return r.embedPage(lang, r.locs[lang].Country(c), r.cat.ByProvider(c), assemble.ActivitiesPath(lang))
			})
		}
	}
}

// upcoming returns at most embedLimit activities of acts: from the first
// whose dates are not all before the content's review date (site.yaml
// "updated", never the clock, so builds stay reproducible), in date order;
// the latest ones when fewer remain.
func (r *Renderer) upcoming(acts []*content.Activity) []*content.Activity {
	acts = slices.Clone(acts)
	slices.SortStableFunc(acts, func(a, b *content.Activity) int {
		pa, _ := r.cat.Position(a)
		pb, _ := r.cat.Position(b)
		return cmp.Compare(pa, pb)
	})
	updated := r.cat.Site.Config.Updated
	start := slices.IndexFunc(acts, func(a *content.Activity) bool {
		return a.Schedule.Precision == schedule.Undetermined || !a.Schedule.Last.Before(updated)
	})
	if start < 0 {
		start = len(acts)
	}
	start = max(0, min(start, len(acts)-embedLimit))
	return acts[start:min(start+embedLimit, len(acts))]
}

func (r *Renderer) embedPage(lang, heading string, acts []*content.Activity, more string) *Page {
	loc := r.locs[lang]
	p := r.page(lang, heading, loc.T("embed_intro", nil), func(l string) string { return assemble.EmbedPath(l, "", "") })
	v := &EmbedView{Heading: heading, More: Link{Text: loc.T("embed_more", nil), Href: r.abs(more)}}
	for _, a := range r.upcoming(acts) {
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
		Script:       embedSnippet(lang, area, r.abs(assemble.ActivitiesPath(lang)), loc.T("embed_more", nil), script),
		CSP:          embedCSP(r.abs("/")),
		Iframe:       `<iframe src="` + r.abs(assemble.EmbedPath(lang, "areas", area)) + `" title="OIC-PESNET" width="100%" height="600" loading="lazy"></iframe>`,
		PreviewLang:  lang,
		PreviewArea:  area,
		PreviewFrame: assemble.EmbedPath(lang, "areas", area),
	}
	for _, a := range r.cat.Areas {
		b := r.block(a.Texts, lang)
		v.Areas = append(v.Areas, EmbedValue{Value: a.ID, Name: b.Title, Lang: b.Lang, Dir: b.Dir,
			Href: r.abs(assemble.EmbedPath(lang, "areas", a.ID))})
	}
	for _, c := range r.cat.Providers() {
		v.Countries = append(v.Countries, EmbedValue{Value: c, Name: template.HTML(template.HTMLEscapeString(loc.Country(c))),
			Lang: lang, Dir: p.Dir, Href: r.abs(assemble.EmbedPath(lang, "countries", strings.ToLower(c)))})
	}
	for _, l := range r.cat.Languages {
		// Each language in its own words, as the language switch names it.
		self := r.locs[l].T("lang_self", nil)
		v.Languages = append(v.Languages, EmbedValue{Value: l, Name: template.HTML(template.HTMLEscapeString(self)), Lang: l, Dir: l10n.Dir(l)})
	}
	p.EmbedDocs = v
	return p
}

// embedSnippet is the code member sites paste: a container holding a plain
// link to the list on the site, which stays when the script cannot run and
// which the widget replaces when it renders.
func embedSnippet(lang, area, list, text, script string) string {
	return `<div data-pesnet-catalog data-lang="` + lang + `" data-area="` + area + `" data-limit="5" data-show="upcoming">` + "\n" +
		`  <a href="` + list + `">` + text + `</a>` + "\n" +
		`</div>` + "\n" + `<script src="` + script + `" async></script>`
}

// embedCSP is what a host's Content-Security-Policy must allow for the
// widget served from origin: the script, and the fetches of its data and
// stylesheet. style-src is needed only by browsers without constructed
// stylesheets, which get a <link> instead.
func embedCSP(origin string) string {
	origin = strings.TrimSuffix(origin, "/")
	return "script-src " + origin + "; connect-src " + origin + ";\n" +
		"style-src " + origin + "; /* only for browsers without constructed stylesheets */"
}
