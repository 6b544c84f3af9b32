package render

import (
	"strconv"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// PageSize is the number of activities on one page of a list (the list of
// every activity, an area's list): no page grows with the catalog.
const PageSize = 50

// pageCount is the number of pages of a list of n activities (at least 1).
func pageCount(n int) int { return max(1, (n+PageSize-1)/PageSize) }

// listJobs lists the pages of the list of every activity and of each
// area's list, in lang.
func (r *Renderer) listJobs(lang string, emit func(layout, out string, build func() *Page)) {
	for n := 1; n <= pageCount(len(r.cat.Chronological())); n++ {
		emit("activities.html", indexFile(assemble.ListPage(assemble.ActivitiesPath(lang), n)),
			func() *Page { return r.activitiesPage(lang, n) })
	}
	for _, a := range r.cat.Areas {
		for n := 1; n <= pageCount(len(r.cat.ChronologicalInArea(a.ID))); n++ {
			emit("area.html", indexFile(assemble.ListPage(assemble.AreaPath(lang, a.ID), n)),
				func() *Page { return r.areaPage(lang, a, n) })
		}
	}
}

// yearKey is the group of an activity in lists: the year it starts, or
// "tbd" when it has no date yet.
func yearKey(a *content.Activity) string {
	if a.Schedule.Precision == schedule.Undetermined {
		return "tbd"
	}
	return strconv.Itoa(a.Schedule.First.Year())
}

func (r *Renderer) yearHeading(lang, key string) string {
	if key == "tbd" {
		return r.locs[lang].T("list_year_tbd", nil)
	}
	return key
}

// list builds page n of acts (a chronological list whose first page is at
// base) in lang, group headings at level and cards one level below.
func (r *Renderer) list(lang string, acts []*content.Activity, base string, n, level int, withArea bool) List {
	from, to := min((n-1)*PageSize, len(acts)), min(n*PageSize, len(acts))
	var l List
	for _, c := range r.cardsOf(lang, acts[from:to], level+1, withArea) {
		key := yearKey(acts[from])
		from++
		if len(l.Groups) == 0 || l.Groups[len(l.Groups)-1].ID != "year-"+key {
			heading := r.yearHeading(lang, key)
			if from > 1 && from-1 == (n-1)*PageSize && yearKey(acts[from-2]) == key {
				heading = r.locs[lang].T("list_year_continued", map[string]any{"Year": heading})
			}
			l.Groups = append(l.Groups, Group{ID: "year-" + key, Heading: heading, Level: level})
		}
		g := &l.Groups[len(l.Groups)-1]
		g.Cards = append(g.Cards, c)
	}
	pages := pageCount(len(acts))
	if pages > 1 {
		l.Pager = r.pager(lang, base, n, pages)
		l.Years = r.years(lang, acts, base)
	}
	return l
}

// years links each year of acts to the page and anchor where it starts:
// the same links on every page of the list whose first page is base, so
// they are made once per list (scanning the list for each of its pages
// grew with the square of the catalog).
func (r *Renderer) years(lang string, acts []*content.Activity, base string) []Link {
	if v, ok := r.yearLinks.Load(base); ok {
		return v.([]Link)
	}
	out := r.makeYears(lang, acts, base)
	r.yearLinks.Store(base, out)
	return out
}

func (r *Renderer) makeYears(lang string, acts []*content.Activity, base string) []Link {
	var out []Link
	last := ""
	for i, a := range acts {
		if key := yearKey(a); key != last {
			last = key
			out = append(out, Link{Text: r.yearHeading(lang, key), Href: assemble.ListPage(base, i/PageSize+1) + "#year-" + key})
		}
	}
	return out
}

// pager links page n of a list of pages pages: the first and last pages,
// two on each side of the current one, and gaps between.
func (r *Renderer) pager(lang, base string, n, pages int) *Pager {
	loc := r.locs[lang]
	p := &Pager{Status: loc.T("pager_status", map[string]any{"Page": loc.Number(n), "Pages": loc.Number(pages)})}
	if n > 1 {
		p.Prev = &Link{Text: loc.T("pager_previous", nil), Href: assemble.ListPage(base, n-1)}
	}
	if n < pages {
		p.Next = &Link{Text: loc.T("pager_next", nil), Href: assemble.ListPage(base, n+1)}
	}
	for k := 1; k <= pages; k++ {
		switch {
		case k == 1 || k == pages || (k >= n-2 && k <= n+2):
			p.Pages = append(p.Pages, Link{Text: loc.Number(k), Href: assemble.ListPage(base, k), Current: k == n})
		case len(p.Pages) > 0 && p.Pages[len(p.Pages)-1].Href != "":
			p.Pages = append(p.Pages, Link{Text: "…"})
		}
	}
	return p
}

// pageOf returns the page of a chronological list that shows position i.
func pageOf(i int) int { return i/PageSize + 1 }
