package render

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// OutcomeView is what a completed activity achieved, on its page.
type OutcomeView struct {
	Facts []Fact
	// Text is the outcome sentence in the language shown (Lang, Dir).
	Text      template.HTML
	Lang, Dir string
	Materials []Link
	Report    string
}

// StatusNote is the reason of a postponed or cancelled activity and the
// schedule first planned.
type StatusNote struct {
	Reason      template.HTML
	Lang, Dir   string // of the reason
	Original    string // "Initially planned: …", or empty
	ReasonLabel string
}

// outcome returns a's outcome view in lang, or nil when it has none.
func (r *Renderer) outcome(lang string, a *content.Activity) *OutcomeView {
	o := a.Outcome
	if a.Status != content.StatusCompleted || !o.Reported() {
		return nil
	}
	loc := r.locs[lang]
	rtl := l10n.Dir(lang) == "rtl"
	plain := func(s string) []Item { return []Item{{Text: isolate(s, rtl)}} }
	v := &OutcomeView{Report: safeURL(o.Report)}
	if o.Held.Precision != schedule.Undetermined {
		v.Facts = append(v.Facts, Fact{Name: loc.T("outcome_held", nil), Items: plain(loc.Schedule(o.Held, false))})
	}
	if o.Venue.Mode != "" {
		v.Facts = append(v.Facts, Fact{Name: loc.T("outcome_venue", nil), Items: plain(r.venue(lang, o.Venue))})
	}
	if o.Participants > 0 {
		v.Facts = append(v.Facts, Fact{Name: loc.T("outcome_participants", nil), Items: plain(loc.Number(o.Participants))})
	}
	if o.Institutions > 0 {
		v.Facts = append(v.Facts, Fact{Name: loc.T("outcome_institutions", nil), Items: plain(loc.Number(o.Institutions))})
	}
	if len(o.Countries) > 0 {
		f := Fact{Name: loc.N("outcome_countries", len(o.Countries), nil)}
		for _, c := range o.Countries {
			f.Items = append(f.Items, Item{Text: isolate(loc.Country(c), rtl)})
		}
		v.Facts = append(v.Facts, f)
	}
	for i, m := range o.Materials {
		if u := safeURL(m); u != "" {
			v.Materials = append(v.Materials, Link{Text: loc.T("outcome_material", map[string]any{"Number": loc.Number(i + 1), "Host": host(u)}), Href: u})
		}
	}
	if t, _ := r.cat.Text(a.Texts, lang); t != nil && t.Outcome != "" {
		v.Text, v.Lang, v.Dir = isolate(t.Outcome, l10n.Dir(t.Lang) == "rtl"), t.Lang, l10n.Dir(t.Lang)
	}
	return v
}

// statusNote returns the reason and original schedule of a postponed or
// cancelled activity, or nil.
func (r *Renderer) statusNote(lang string, a *content.Activity) *StatusNote {
	if a.Status != content.StatusPostponed && a.Status != content.StatusCancelled {
		return nil
	}
	loc := r.locs[lang]
	n := &StatusNote{ReasonLabel: loc.T(a.Status.ReasonMessage(), nil)}
	if t, _ := r.cat.Text(a.Texts, lang); t != nil && t.Reason != "" {
		n.Reason, n.Lang, n.Dir = isolate(t.Reason, l10n.Dir(t.Lang) == "rtl"), t.Lang, l10n.Dir(t.Lang)
	}
	if a.OriginalSchedule.Precision != schedule.Undetermined {
		n.Original = loc.T("original_schedule", map[string]any{"When": loc.Schedule(a.OriginalSchedule, false)})
	}
	if n.Reason == "" && n.Original == "" {
		return nil
	}
	return n
}

// host is the host name of an https URL, shown beside a link so readers
// know where it leads.
func host(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}
