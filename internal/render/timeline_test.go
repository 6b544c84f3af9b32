package render

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// The axis of a plan of 2024–2026: twelve quarters of 800 units, the
// first day of each quarter where the days before it end, mirrored in a
// right-to-left timeline.
func TestTimelineX(t *testing.T) {
	ltr := newAxis(day("2024-01-01"), day("2026-12-31"), false)
	rtl := newAxis(day("2024-01-01"), day("2026-12-31"), true)
	total := day("2027-01-01").Sub(day("2024-01-01")).Hours()
	at := func(d string) float64 { return tlWidth * day(d).Sub(day("2024-01-01")).Hours() / total }
	for _, tc := range []struct {
		date string
		want float64
	}{
		{"2024-01-01", 0},
		{"2025-01-01", at("2025-01-01")},
		{"2025-04-01", at("2025-04-01")},
		{"2027-01-01", tlWidth},
		{"2023-06-01", 0},       // before the plan: clamped
		{"2028-01-01", tlWidth}, // after it
	} {
		if got := ltr.x(day(tc.date)); !close(got, tc.want) {
			t.Errorf("x(%s) = %v, want %v", tc.date, got, tc.want)
		}
		if got := rtl.x(day(tc.date)); !close(got, tlWidth-tc.want) {
			t.Errorf("mirrored x(%s) = %v, want W − x = %v", tc.date, got, tlWidth-tc.want)
		}
	}
	if got := len(ltr.quarters()); got != 12 {
		t.Errorf("2024–2026 has %d quarters, want 12", got)
	}
	// A plan that starts and ends mid-quarter covers whole quarters.
	g := newAxis(day("2025-02-15"), day("2026-05-02"), false)
	if !g.Start.Equal(day("2025-01-01")) || !g.End.Equal(day("2026-07-01")) || len(g.quarters()) != 6 {
		t.Errorf("axis of 2025-02-15..2026-05-02 = %s..%s (%d quarters), want 2025-01-01..2026-07-01 (6)", g.Start, g.End, len(g.quarters()))
	}
}

func close(a, b float64) bool { return a-b < 1e-6 && b-a < 1e-6 }

// Quarter boundaries: the grid has a line at each quarter's start plus the
// end, year lines at each January, and the labels of 2024–2026.
func TestTimelineQuarters(t *testing.T) {
	g := layoutTimeline(newAxis(day("2024-01-01"), day("2026-12-31"), false), nil,
		func(y int) string { return fmt.Sprint(y) }, func(q int) string { return fmt.Sprintf("Q%d", q) })
	if len(g.Lines) != 13 {
		t.Fatalf("%d grid lines, want 13", len(g.Lines))
	}
	years := 0
	for _, l := range g.Lines {
		if l.Year {
			years++
		}
	}
	if years != 4 {
		t.Errorf("%d year lines, want 4 (three Januaries and the end)", years)
	}
	var texts []string
	for _, l := range g.Labels {
		texts = append(texts, l.Text)
	}
	if got := strings.Join(texts, " "); got != "Q1 2024 Q2 Q3 Q4 Q1 2025 Q2 Q3 Q4 Q1 2026 Q2 Q3 Q4" {
		t.Errorf("labels %q", got)
	}
}

// Lane packing: a bar goes to the first lane free before it starts (with
// a gap), a new lane opens while there are fewer than the maximum, and the
// rest are not drawn; mirrored, time runs leftwards and the same spans
// pack the same way.
func TestPackLanes(t *testing.T) {
	for _, tc := range []struct {
		name     string
		spans    [][2]float64
		maxLanes int
		maxBars  int
		want     []int
	}{
		{"apart", [][2]float64{{0, 10}, {20, 10}, {40, 10}}, 4, 10, []int{0, 0, 0}},
		{"overlapping", [][2]float64{{0, 30}, {10, 30}, {20, 30}}, 4, 10, []int{0, 1, 2}},
		{"back to lane 0", [][2]float64{{0, 10}, {5, 20}, {13, 10}}, 4, 10, []int{0, 1, 0}},
		{"touching needs the gap", [][2]float64{{0, 10}, {11, 10}}, 4, 10, []int{0, 1}},
		{"lane cap", [][2]float64{{0, 50}, {1, 50}, {2, 50}}, 2, 10, []int{0, 1, -1}},
		{"bar cap", [][2]float64{{0, 5}, {10, 5}, {20, 5}, {30, 5}}, 4, 2, []int{0, 0, -1, -1}},
	} {
		if got := packLanes(tc.spans, false, tc.maxLanes, tc.maxBars); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: lanes %v, want %v", tc.name, got, tc.want)
		}
		mirrored := make([][2]float64, len(tc.spans))
		for i, s := range tc.spans {
			mirrored[i] = [2]float64{tlWidth - s[0] - s[1], s[1]}
		}
		if got := packLanes(mirrored, true, tc.maxLanes, tc.maxBars); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s mirrored: lanes %v, want %v", tc.name, got, tc.want)
		}
	}
}

// Bars: an exact one-day activity is at least tlMinW wide, a quarter
// spans its quarter and is fuzzy, and a mirrored bar is at W − x − w.
func TestTimelineBars(t *testing.T) {
	items := []tlItem{
		{First: day("2024-01-01"), Last: day("2024-01-01"), Status: "completed", Href: "/a/"},
		{First: day("2025-04-01"), Last: day("2025-06-30"), Fuzzy: true, Status: "planned", Href: "/b/"},
		{First: day("2026-12-31"), Last: day("2026-12-31"), Status: "cancelled", Href: "/c/"},
	}
	yl, ql := func(y int) string { return fmt.Sprint(y) }, func(q int) string { return fmt.Sprint(q) }
	ltr := layoutTimeline(newAxis(day("2024-01-01"), day("2026-12-31"), false), []tlRow{{Label: "A", Items: items}}, yl, ql)
	rtl := layoutTimeline(newAxis(day("2024-01-01"), day("2026-12-31"), true), []tlRow{{Label: "A", Items: items}}, yl, ql)
	if len(ltr.Bars) != 3 || len(rtl.Bars) != 3 {
		t.Fatalf("%d and %d bars, want 3", len(ltr.Bars), len(rtl.Bars))
	}
	q := ltr.Bars[1]
	if !close(q.X, ltr.x(day("2025-04-01"))) || !close(q.X+q.W, ltr.x(day("2025-07-01"))) || !q.Fuzzy {
		t.Errorf("2025-Q2 bar at %v+%v fuzzy=%v, want %v..%v fuzzy", q.X, q.W, q.Fuzzy, ltr.x(day("2025-04-01")), ltr.x(day("2025-07-01")))
	}
	if b := ltr.Bars[0]; b.W != tlMinW || b.X != 0 {
		t.Errorf("one-day bar at %v+%v, want 0+%v", b.X, b.W, tlMinW)
	}
	if b := ltr.Bars[2]; b.W != tlMinW || !close(b.X+b.W, tlWidth) {
		t.Errorf("last-day bar at %v+%v: it must stay inside the axis", b.X, b.W)
	}
	for i := range ltr.Bars {
		l, r := ltr.Bars[i], rtl.Bars[i]
		if !close(r.X, tlWidth-l.X-l.W) || r.W != l.W || r.Y != l.Y {
			t.Errorf("bar %d mirrored at %v+%v, want %v+%v", i, r.X, r.W, tlWidth-l.X-l.W, l.W)
		}
	}
	svg := string(rtl.svg("tl", "Timeline"))
	for _, want := range []string{`direction="rtl"`, `class="tl-bar seg-planned tl-fuzzy"`, `fill="url(#tl-hatch)"`, `class="tl-strike"`,
		`class="tl-check"`, `<a href="/b/" aria-label=`} {
		if !strings.Contains(svg, want) {
			t.Errorf("the mirrored SVG lacks %s", want)
		}
	}
	if strings.Contains(string(ltr.svg("tl", "T")), `direction="rtl"`) {
		t.Error("a left-to-right timeline says direction=rtl")
	}
}

// The bound: ten thousand activities in one area draw at most tlMaxBars
// bars in at most tlMaxLanes lanes, count the rest in one "more" line, and
// the SVG stays small.
func TestTimelineBounded(t *testing.T) {
	var items []tlItem
	for i := range 10000 {
		d := day("2024-01-01").AddDate(0, 0, i%1090)
		items = append(items, tlItem{First: d, Last: d.AddDate(0, 0, i%40), Status: "planned", Href: fmt.Sprintf("/a/%d/", i), Name: "An activity"})
	}
	rows := []tlRow{{Label: "A", Items: items, MoreHref: "/list/", More: func(n int) string { return fmt.Sprintf("%d more", n) }}}
	g := layoutTimeline(newAxis(day("2024-01-01"), day("2026-12-31"), false), rows,
		func(y int) string { return fmt.Sprint(y) }, func(q int) string { return fmt.Sprint(q) })
	if len(g.Bars) != tlMaxBars || g.Drawn[0] != tlMaxBars {
		t.Errorf("%d bars drawn, want %d", len(g.Bars), tlMaxBars)
	}
	if len(g.More) != 1 || g.More[0].Text != fmt.Sprintf("%d more", 10000-tlMaxBars) {
		t.Errorf("more lines %+v", g.More)
	}
	maxH := tlHeadH + tlLabelH + tlMaxLanes*tlLaneH + tlMoreH + tlRowGap
	if g.Height > maxH {
		t.Errorf("height %v, more than %v", g.Height, maxH)
	}
	if n := len(g.svg("tl", "T")); n > 20000 {
		t.Errorf("the SVG of one area is %d bytes", n)
	}
}
