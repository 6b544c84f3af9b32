package render

import (
	"sync"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
)

// cards holds each activity's card (its localized view in lists: title,
// summary with isolated names, type, schedule and venue in words, status,
// URL), built once per activity and language the first time a page needs
// it, then shared by every page that shows it, from any goroutine. Building
// the same card for every page that listed it cost a third of the build.
type cards struct {
	index map[*content.Activity]int
	once  map[string][]sync.Once
	card  map[string][]Card
}

func newCards(cat *assemble.Catalog) *cards {
	c := &cards{index: make(map[*content.Activity]int, len(cat.All)),
		once: map[string][]sync.Once{}, card: map[string][]Card{}}
	for i, a := range cat.All {
		c.index[a] = i
	}
	for _, lang := range cat.Languages {
		c.once[lang] = make([]sync.Once, len(cat.All))
		c.card[lang] = make([]Card, len(cat.All))
	}
	return c
}

// card returns a's card in lang (a copy: callers may change its fields).
func (r *Renderer) card(lang string, a *content.Activity) Card {
	i := r.cards.index[a]
	r.cards.once[lang][i].Do(func() { r.cards.card[lang][i] = r.makeCard(lang, a) })
	return r.cards.card[lang][i]
}

func (r *Renderer) makeCard(lang string, a *content.Activity) Card {
	loc := r.locs[lang]
	t, _ := r.cat.Text(a.Texts, lang)
	rtl := l10n.Dir(t.Lang) == "rtl"
	areaText, _ := r.cat.Text(r.cat.AreaOf(a).Texts, lang)
	c := Card{
		Href:  assemble.ActivityPath(lang, a.ID),
		ID:    a.ID,
		Label: r.label(lang, a),
		Lang:  t.Lang, Dir: l10n.Dir(t.Lang),
		Title:     isolate(t.Title, rtl),
		Summary:   isolate(t.Summary, rtl),
		Type:      loc.T(a.Type.Message(), nil),
		Schedule:  loc.Schedule(a.Schedule, a.ScheduleTBC),
		Venue:     r.venue(lang, a.Venue),
		Status:    loc.T(a.Status.Message(), nil),
		StatusKey: string(a.Status),
		AreaName:  areaText.ShortTitle,
		Level:     3,
	}
	if r.cat.Overdue(a) {
		c.Status, c.StatusKey = loc.T("card_status_overdue", nil), "overdue"
	}
	return c
}

// cardsOf returns the cards of acts in lang, at heading level level, with
// the area's name when withArea.
func (r *Renderer) cardsOf(lang string, acts []*content.Activity, level int, withArea bool) []Card {
	out := make([]Card, len(acts))
	for i, a := range acts {
		out[i] = r.card(lang, a)
		out[i].Level = level
		if withArea {
			out[i].AreaTitle = out[i].AreaName
		}
	}
	return out
}
