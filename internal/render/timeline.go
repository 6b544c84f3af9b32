package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"
)

// The timeline is the plan as a picture, drawn at build time as inline
// SVG (no script, crisp in print): the plan's quarters across, its
// thematic areas down, each activity a bar over its schedule and a link to
// its page. Exact dates are solid bars; fuzzy ones (a month, a quarter, a
// span of months, or dates still to be confirmed) are hatched with a
// dashed outline; a cancelled bar is struck through and a completed one
// carries a check mark, so that no status is told by colour alone. In a
// right-to-left page time flows from right to left: every x is mirrored
// (x' = W − x) while the text keeps its own direction.
//
// A row cannot hold thousands of bars: each area's bars are packed into at
// most tlMaxLanes lanes of at most tlMaxBars bars in all, and the rest are
// counted in a "more" line linking to the area's list, so the picture's
// size is bounded whatever the size of the catalog.

// tlItem is an activity to draw.
type tlItem struct {
	First, Last time.Time // inclusive calendar days
	Fuzzy       bool
	Status      string
	Href, Name  string // the activity's page and the bar's accessible name
}

// tlRow is an area: its label and its activities in date order.
type tlRow struct {
	Label    string
	Items    []tlItem
	MoreHref string             // the area's list
	More     func(n int) string // "n more activities: see the list"
}

// tlBar is one drawn bar, in viewBox units.
type tlBar struct {
	Row, Item  int // indexes of its row and of its item in the row
	X, Y, W, H float64
	Fuzzy      bool
	Status     string
	Href, Name string
}

// tlLine is a vertical grid line at a quarter boundary (Year: a year's).
type tlLine struct {
	X    float64
	Year bool
}

// tlMore is the summary of an area's activities not drawn.
type tlMore struct {
	X, Y       float64
	Text, Href string
}

// tlGeom is the timeline's geometry, computed apart from its markup so
// that tests can check it.
type tlGeom struct {
	Width, Height float64
	RTL           bool
	Start, End    time.Time // the axis: first day of the first quarter, first day after the last
	Lines         []tlLine
	Labels        []label
	Bars          []tlBar
	More          []tlMore
	Drawn         []int // per row, the number of its items drawn
}

const (
	tlWidth    = 800.0
	tlHeadH    = 40.0 // year and quarter labels
	tlLabelH   = 22.0 // an area's label line
	tlLaneH    = 16.0
	tlBarH     = 12.0
	tlMoreH    = 18.0
	tlRowGap   = 10.0
	tlMinW     = 10.0 // a one-day activity is still visible, clickable, and has room for a check mark
	tlLaneGap  = 2.0  // space kept between two bars of a lane
	tlMaxLanes = 4
	tlMaxBars  = 24
	tlPad      = 4.0 // between the edge and a row's label
)

// quarterStart returns the first day of t's quarter.
func quarterStart(t time.Time) time.Time {
	return time.Date(t.Year(), time.Month((int(t.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
}

// newAxis returns the geometry of an empty timeline from the quarter of
// first to the quarter of last, inclusive.
func newAxis(first, last time.Time, rtl bool) tlGeom {
	return tlGeom{Width: tlWidth, RTL: rtl, Start: quarterStart(first), End: quarterStart(last).AddDate(0, 3, 0)}
}

// x returns the x of the start of day t (clamped to the axis), mirrored in
// a right-to-left timeline.
func (g tlGeom) x(t time.Time) float64 {
	total := g.End.Sub(g.Start).Hours()
	f := t.Sub(g.Start).Hours() / total
	f = min(max(f, 0), 1)
	if g.RTL {
		return g.Width - f*g.Width
	}
	return f * g.Width
}

// span returns the left x and the width of the days first to last
// inclusive, at least tlMinW wide and inside the axis.
func (g tlGeom) span(first, last time.Time) (x, w float64) {
	a, b := g.x(first), g.x(last.AddDate(0, 0, 1))
	x, w = min(a, b), max(a, b)-min(a, b)
	if w < tlMinW {
		w = tlMinW
		x = min(max(x, 0), g.Width-w)
	}
	return x, w
}

// quarters returns the first day of each quarter of the axis.
func (g tlGeom) quarters() []time.Time {
	var qs []time.Time
	for q := g.Start; q.Before(g.End); q = q.AddDate(0, 3, 0) {
		qs = append(qs, q)
	}
	return qs
}

// packLanes places spans (left x, width in drawing order) in lanes: each
// goes to the first lane whose last bar ends tlLaneGap before it starts,
// or to a new lane while there are fewer than maxLanes, and at most
// maxBars are placed. It returns each span's lane, or -1 when it is not
// drawn. Spans are in date order, so in a right-to-left timeline, where
// time flows leftwards, a lane's "end" is its leftmost x.
func packLanes(spans [][2]float64, rtl bool, maxLanes, maxBars int) []int {
	lanes := make([]int, len(spans))
	var ends []float64 // per lane, how far it is filled in the direction of time
	placed := 0
	for i, s := range spans {
		lanes[i] = -1
		if placed == maxBars {
			continue
		}
		start, end := s[0], s[0]+s[1]
		if rtl {
			start, end = -(s[0] + s[1]), -s[0]
		}
		for l, e := range ends {
			if e+tlLaneGap <= start {
				lanes[i], ends[l] = l, end
				break
			}
		}
		if lanes[i] < 0 && len(ends) < maxLanes {
			lanes[i] = len(ends)
			ends = append(ends, end)
		}
		if lanes[i] >= 0 {
			placed++
		}
	}
	return lanes
}

// layoutTimeline places the axis labels, the grid and each row's bars.
// yearLabel and quarterLabel write a year and a quarter (1–4).
func layoutTimeline(g tlGeom, rows []tlRow, yearLabel func(int) string, quarterLabel func(int) string) tlGeom {
	qs := g.quarters()
	for i, q := range qs {
		x0, x1 := g.x(q), g.x(q.AddDate(0, 3, 0))
		g.Lines = append(g.Lines, tlLine{X: x0, Year: q.Month() == time.January || i == 0})
		g.Labels = append(g.Labels, label{X: (x0 + x1) / 2, Y: 34, Text: quarterLabel(int(q.Month()-1)/3 + 1), Class: "tl-q"})
		if q.Month() == time.January || i == 0 {
			end := time.Date(q.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
			g.Labels = append(g.Labels, label{X: (x0 + g.x(end)) / 2, Y: 15, Text: yearLabel(q.Year()), Class: "tl-year"})
		}
	}
	g.Lines = append(g.Lines, tlLine{X: g.x(g.End), Year: true})
	y := tlHeadH
	for r, row := range rows {
		g.Labels = append(g.Labels, label{X: g.edge(tlPad), Y: y + tlLabelH - 6, Text: row.Label, Class: "tl-area"})
		y += tlLabelH
		spans := make([][2]float64, len(row.Items))
		for i, it := range row.Items {
			spans[i][0], spans[i][1] = g.span(it.First, it.Last)
		}
		lanes := packLanes(spans, g.RTL, tlMaxLanes, tlMaxBars)
		used, drawn := 0, 0
		for i, l := range lanes {
			if l < 0 {
				continue
			}
			it := row.Items[i]
			g.Bars = append(g.Bars, tlBar{Row: r, Item: i, X: spans[i][0], Y: y + float64(l)*tlLaneH + (tlLaneH-tlBarH)/2, W: spans[i][1], H: tlBarH,
				Fuzzy: it.Fuzzy, Status: it.Status, Href: it.Href, Name: it.Name})
			used, drawn = max(used, l+1), drawn+1
		}
		y += float64(max(used, 1)) * tlLaneH
		g.Drawn = append(g.Drawn, drawn)
		if n := len(row.Items) - drawn; n > 0 && row.More != nil {
			g.More = append(g.More, tlMore{X: g.edge(tlPad), Y: y + tlMoreH - 5, Text: row.More(n), Href: row.MoreHref})
			y += tlMoreH
		}
		y += tlRowGap
	}
	g.Height = y
	return g
}

// edge is the x of a row's start: 0, or the right edge when mirrored.
func (g tlGeom) edge(x float64) float64 {
	if g.RTL {
		return g.Width - x
	}
	return x
}

// svg writes the timeline. id prefixes the ids it defines (one timeline
// per page needs no more); name is its accessible name. The axis and the
// grid are hidden from assistive technology, which reads the area labels
// and each bar's link.
func (g tlGeom) svg(id, name string) template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<svg class="timeline" viewBox="0 0 %s %s" role="group" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`, num(g.Width), num(g.Height), esc(name))
	fmt.Fprintf(&b, `<defs><pattern id="%s-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="tl-hatch" x="0" y="0" width="3" height="6"></rect></pattern></defs>`, esc(id))
	b.WriteString(`<g aria-hidden="true">`)
	for _, l := range g.Lines {
		class := "tl-grid"
		if l.Year {
			class = "tl-grid tl-grid-year"
		}
		fmt.Fprintf(&b, `<line class="%s" x1="%s" y1="%s" x2="%s" y2="%s"></line>`, class, num(l.X), num(tlHeadH-18), num(l.X), num(g.Height))
	}
	for _, l := range g.Labels {
		if l.Class != "tl-area" {
			fmt.Fprintf(&b, `<text class="%s" x="%s" y="%s" text-anchor="middle">%s</text>`, l.Class, num(l.X), num(l.Y), esc(l.Text))
		}
	}
	b.WriteString(`</g>`)
	for _, l := range g.Labels {
		if l.Class == "tl-area" {
			fmt.Fprintf(&b, `<text class="tl-area" x="%s" y="%s" text-anchor="start"%s>%s</text>`, num(l.X), num(l.Y), g.dirAttr(), esc(l.Text))
		}
	}
	for _, bar := range g.Bars {
		g.writeBar(&b, id, bar)
	}
	for _, m := range g.More {
		fmt.Fprintf(&b, `<a href="%s"><text class="tl-more" x="%s" y="%s" text-anchor="start"%s>%s</text></a>`, esc(m.Href), num(m.X), num(m.Y), g.dirAttr(), esc(m.Text))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func (g tlGeom) dirAttr() string {
	if g.RTL {
		return ` direction="rtl"`
	}
	return ""
}

// writeBar writes one bar: a link holding the coloured rectangle, the
// hatching of a fuzzy span, and the mark of a completed (check) or
// cancelled (strike) activity.
func (g tlGeom) writeBar(b *strings.Builder, id string, bar tlBar) {
	esc := template.HTMLEscapeString
	class := "tl-bar seg-" + bar.Status
	if bar.Fuzzy {
		class += " tl-fuzzy"
	}
	fmt.Fprintf(b, `<a href="%s" aria-label="%s"><title>%s</title>`, esc(bar.Href), esc(bar.Name), esc(bar.Name))
	rect := fmt.Sprintf(`x="%s" y="%s" width="%s" height="%s"`, num(bar.X), num(bar.Y), num(bar.W), num(bar.H))
	fmt.Fprintf(b, `<rect class="%s" %s></rect>`, class, rect)
	if bar.Fuzzy {
		fmt.Fprintf(b, `<rect class="tl-hatched" fill="url(#%s-hatch)" %s></rect>`, esc(id), rect)
	}
	midY := bar.Y + bar.H/2
	switch bar.Status {
	case "cancelled":
		fmt.Fprintf(b, `<line class="tl-strike" x1="%s" y1="%s" x2="%s" y2="%s"></line>`, num(bar.X-2), num(midY), num(bar.X+bar.W+2), num(midY))
	case "completed":
		// A check mark at the bar's start (its right end when mirrored);
		// every bar is at least tlMinW wide, room enough.
		cx := bar.X + 2
		if g.RTL {
			cx = bar.X + bar.W - 10
		}
		fmt.Fprintf(b, `<path class="tl-check" d="M%s %sl2.5 3l5 -6"></path>`, num(cx+0.5), num(midY))
	}
	b.WriteString(`</a>`)
}
