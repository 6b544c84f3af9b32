package render

import (
	"math"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/content"
)

// TestChartGeometry checks the bars: each row's segments fill the width in
// proportion to its counts, in status order from the start edge; mirrored
// in a right-to-left page; an empty row is an outline.
func TestChartGeometry(t *testing.T) {
	statuses := content.Statuses()
	rows := []chartRow{{"A", []int{1, 1, 0, 0, 0}}, {"B", []int{0, 0, 3, 0, 1}}, {"C", []int{0, 0, 0, 0, 0}}}
	type seg struct {
		x, w   float64
		status string
	}
	// x and w as fractions of the chart's width.
	want := [][]seg{
		{{0, .5, "planned"}, {.5, .5, "confirmed"}},
		{{0, .75, "completed"}, {.75, .25, "cancelled"}},
		{{0, 1, "none"}},
	}
	for _, row := range want {
		for i := range row {
			row[i].x *= chartWidth
			row[i].w *= chartWidth
		}
	}
	for _, rtl := range []bool{false, true} {
		g := layoutChart(rows, statuses, rtl)
		byRow := map[float64][]rect{}
		var ys []float64
		for _, r := range g.Rects {
			if byRow[r.Y] == nil {
				ys = append(ys, r.Y)
			}
			byRow[r.Y] = append(byRow[r.Y], r)
		}
		if len(ys) != len(want) {
			t.Fatalf("rtl %v: %d bars, want %d", rtl, len(ys), len(want))
		}
		for i, y := range ys {
			got := byRow[y]
			if len(got) != len(want[i]) {
				t.Fatalf("rtl %v, row %d: %d segments, want %d", rtl, i, len(got), len(want[i]))
			}
			for j, w := range want[i] {
				x := w.x
				if rtl && w.status != "none" {
					x = chartWidth - w.x - w.w // mirrored: the first status is at the right
				}
				if g := got[j]; math.Abs(g.X-x) > 1e-9 || math.Abs(g.W-w.w) > 1e-9 || g.Status != w.status {
					t.Errorf("rtl %v, row %d, segment %d: x=%v w=%v %s, want x=%v w=%v %s", rtl, i, j, g.X, g.W, g.Status, x, w.w, w.status)
				}
			}
		}
		for _, l := range g.Labels {
			if l.Class == "chart-label" && l.X != map[bool]float64{false: 0, true: chartWidth}[rtl] {
				t.Errorf("rtl %v: label %q at x=%v, not at the start edge", rtl, l.Text, l.X)
			}
		}
		svg := string(g.svg("t", `A "title" <b>`))
		if !strings.Contains(svg, `<title id="t">A &#34;title&#34; &lt;b&gt;</title>`) || !strings.Contains(svg, `role="img"`) {
			t.Errorf("rtl %v: title not escaped or role missing: %s", rtl, svg[:200])
		}
		if rtl != strings.Contains(svg, `direction="rtl"`) {
			t.Errorf("rtl %v: direction attribute wrong", rtl)
		}
	}
}
