package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/oic-pesnet/workplan/internal/content"
)

// The progress chart is an SVG drawn at build time: one horizontal bar per
// row (each area, then the whole plan), split by status in proportion to
// the row's activities (100 % stacked), so areas of different sizes
// compare at a glance; the numbers themselves are in the table that
// follows it. In a right-to-left page the chart is mirrored: bars start at
// the right and labels are anchored there.

// chartRow is one bar: a label and the count of each status, in the order
// of progress.Statuses().
type chartRow struct {
	Label  string
	Counts []int
}

// rect is one drawn segment, in viewBox units.
type rect struct {
	X, Y, W, H float64
	Status     string
	Count      int
}

// label is one drawn text.
type label struct {
	X, Y  float64
	Text  string
	Class string
}

// chartGeom is the chart's geometry, computed apart from its markup so
// that tests can check it.
type chartGeom struct {
	Width, Height float64
	RTL           bool
	Rects         []rect
	Labels        []label
}

const (
	chartWidth  = 480.0
	chartLabelH = 22.0 // the label line above each bar
	chartBarH   = 20.0
	chartGap    = 12.0
	chartMinNum = 22.0 // narrowest segment that shows its count
)

// layoutChart places the rows' bars and labels.
func layoutChart(rows []chartRow, statuses []content.Status, rtl bool) chartGeom {
	g := chartGeom{Width: chartWidth, RTL: rtl}
	y := 0.0
	for _, row := range rows {
		g.Labels = append(g.Labels, label{X: g.edge(0), Y: y + chartLabelH - 6, Text: row.Label, Class: "chart-label"})
		total := 0
		for _, c := range row.Counts {
			total += c
		}
		barY := y + chartLabelH
		if total == 0 {
			g.Rects = append(g.Rects, rect{X: 0, Y: barY, W: chartWidth, H: chartBarH, Status: "none"})
		}
		x := 0.0
		for i, c := range row.Counts {
			if c == 0 || total == 0 {
				continue
			}
			w := chartWidth * float64(c) / float64(total)
			r := rect{X: x, Y: barY, W: w, H: chartBarH, Status: string(statuses[i]), Count: c}
			if rtl {
				r.X = chartWidth - x - w
			}
			g.Rects = append(g.Rects, r)
			if w >= chartMinNum {
				g.Labels = append(g.Labels, label{X: r.X + w/2, Y: barY + chartBarH - 6, Text: fmt.Sprint(c), Class: "chart-num"})
			}
			x += w
		}
		y = barY + chartBarH + chartGap
	}
	g.Height = max(y-chartGap, chartBarH)
	return g
}

// edge is the x of a row's start: 0 on the left, or the right edge when
// the chart is mirrored.
func (g chartGeom) edge(x float64) float64 {
	if g.RTL {
		return g.Width - x
	}
	return x
}

// svg writes the chart. title names it for assistive technology, which
// reads the table that follows for the figures.
func (g chartGeom) svg(id, title string) template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %s %s" role="img" aria-labelledby="%s" xmlns="http://www.w3.org/2000/svg">`, num(g.Width), num(g.Height), esc(id))
	fmt.Fprintf(&b, `<title id="%s">%s</title>`, esc(id), esc(title))
	for _, r := range g.Rects {
		fmt.Fprintf(&b, `<rect class="seg seg-%s" x="%s" y="%s" width="%s" height="%s"></rect>`, esc(r.Status), num(r.X), num(r.Y), num(r.W), num(r.H))
	}
	for _, l := range g.Labels {
		anchor := `text-anchor="middle"`
		if l.Class == "chart-label" {
			anchor = `text-anchor="start"`
			if g.RTL {
				anchor += ` direction="rtl"`
			}
		}
		fmt.Fprintf(&b, `<text class="%s" x="%s" y="%s" %s>%s</text>`, esc(l.Class), num(l.X), num(l.Y), anchor, esc(l.Text))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// num writes a coordinate with at most two decimals, the same on every
// machine.
func num(f float64) string {
	s := strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}
