package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// TestPastDocuments checks api/v1/<lang>/past.json and its area and
// country documents (since 1.6): the activities past on from (those the
// upcoming documents leave out, and only those), the last to end first,
// a completed one on its held days; the limit; every area and country
// named; each activity the same object as in activities.json.
func TestPastDocuments(t *testing.T) {
	site := loadSite(t)
	site.Config.Updated = time.Date(2030, 1, 10, 0, 0, 0, 0, time.UTC) // as_of; from is 2030-01-08
	for _, a := range site.Activities {
		a.Updated = time.Time{}
	}
	parse := func(notation string) schedule.Schedule {
		t.Helper()
		s, err := schedule.Parse(notation)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	set := func(i int, notation string, status content.Status) *content.Activity {
		a := site.Activities[i]
		a.Schedule, a.Status = parse(notation), status
		return a
	}
	ended := set(0, "2030-01-07", content.StatusPlanned)     // ended the day before from
	set(1, "2030-01-02/2030-01-08", content.StatusConfirmed) // its last day is from: not past
	done := set(2, "2030-03", content.StatusCompleted)       // completed ahead of its dates, held below
	done.Outcome.Held = parse("2030-01-05")
	set(3, "tbd", content.StatusPlanned)
	files := generate(t, site)

	for _, lang := range site.Config.Languages {
		path := "api/v1/" + lang + "/past.json"
		doc := decode[pastDoc](t, files[path])
		up := decode[upcomingDoc](t, files["api/v1/"+lang+"/upcoming.json"])
		every := decode[activitiesDoc](t, files["api/v1/"+lang+"/activities.json"])
		got := idsOf(doc.Activities)
		if len(got) < 2 || got[0] != ended.ID || got[1] != done.ID {
			t.Errorf("%s starts %v, want %s (ended 2030-01-07) then %s (held 2030-01-05)", path, got, ended.ID, done.ID)
		}
		// Past and upcoming share nothing and hold every activity.
		both := append(idsOf(up.Activities), got...)
		slices.Sort(both)
		all := idsOf(every.Activities)
		slices.Sort(all)
		if len(all) > RecentLimit || !slices.Equal(both, all) {
			t.Errorf("%s and upcoming.json hold %v, want each of activities.json once: %v", path, both, all)
		}
		// The last to end first.
		for i := 1; i < len(doc.Activities); i++ {
			if a, b := endOf(doc.Activities[i-1]), endOf(doc.Activities[i]); a < b {
				t.Errorf("%s: %s (ended %s) before %s (ended %s)", path, got[i-1], a, got[i], b)
			}
		}
		if doc.Limit != RecentLimit || doc.From != "2030-01-08" || doc.AsOf != "2030-01-10" || doc.Lang != lang ||
			len(doc.Areas) != len(site.Areas) || len(doc.Countries) != len(up.Countries) {
			t.Errorf("%s: limit %d, from %s, as_of %s, lang %s, %d areas, %d countries", path, doc.Limit, doc.From, doc.AsOf, doc.Lang, len(doc.Areas), len(doc.Countries))
		}
		for _, ar := range doc.Areas {
			one := decode[pastDoc](t, files["api/v1/"+lang+"/past/areas/"+ar.ID+".json"])
			var want []string
			for _, a := range doc.Activities {
				if a.Area == ar.ID {
					want = append(want, a.ID)
				}
			}
			if got := idsOf(one.Activities); one.Area != ar.ID || !slices.Equal(got, want) {
				t.Errorf("%s/past/areas/%s.json: area %q, %v, want %v", lang, ar.ID, one.Area, got, want)
			}
		}
		for _, c := range doc.Countries {
			one := decode[pastDoc](t, files["api/v1/"+lang+"/past/countries/"+c.Code+".json"])
			var want []string
			for _, a := range doc.Activities {
				if slices.ContainsFunc(a.Providers, func(p provider) bool { return p.Country == c.Code }) {
					want = append(want, a.ID)
				}
			}
			if got := idsOf(one.Activities); one.Country != c.Code || !slices.Equal(got, want) {
				t.Errorf("%s/past/countries/%s.json: country %q, %v, want %v", lang, c.Code, one.Country, got, want)
			}
		}
		raw := decode[struct{ Activities []json.RawMessage }](t, files[path])
		for i, a := range raw.Activities {
			if !bytes.Contains(files["api/v1/"+lang+"/activities.json"], a) {
				t.Errorf("%s: %s differs from its object in activities.json", path, got[i])
			}
		}
	}
}

// endOf is the day an activity object ended, as the widget orders them.
func endOf(a activity) string {
	if a.Outcome != nil && a.Outcome.Held.Latest != "" {
		return a.Outcome.Held.Latest
	}
	return a.Schedule.Latest
}

// TestRecentBounded: of many past activities, a document keeps the
// RecentLimit that ended last, most recent first, ties in plan order; and
// with the upcoming ones it holds the RecentLimit most recent past ones
// as of every later day, which is what the widget's past list shows.
func TestRecentBounded(t *testing.T) {
	from := time.Date(2030, 1, 8, 0, 0, 0, 0, time.UTC)
	var acts []*content.Activity
	for i := range 400 {
		a := &content.Activity{Facts: content.Facts{ID: fmt.Sprintf("a%03d", i), Status: content.StatusPlanned}}
		day := from.AddDate(0, 0, (i*37)%500-300) // from 300 days before from to 200 after, with ties
		a.Schedule = schedule.Schedule{Precision: schedule.Day, First: day.AddDate(0, 0, -(i % 3)), Last: day}
		switch i % 11 {
		case 0: // completed on other days than planned
			a.Status = content.StatusCompleted
			held := day.AddDate(0, 0, -(i % 40))
			a.Outcome.Held = schedule.Schedule{Precision: schedule.Day, First: held, Last: held}
		case 5: // completed, without dates
			a.Status, a.Schedule = content.StatusCompleted, schedule.Schedule{}
		case 7: // never past
			a.Schedule = schedule.Schedule{}
		}
		acts = append(acts, a)
	}
	ends := endsOf(acts)
	top := func(day string) []int { // the widget's past list on day, in full
		var idx []int
		for i, a := range acts {
			if past(a, day) {
				idx = append(idx, i)
			}
		}
		slices.SortStableFunc(idx, func(i, j int) int { return strings.Compare(endedOn(acts[j]), endedOn(acts[i])) })
		return idx
	}
	on := date(from)
	doc := recent(top(on), ends)
	if want := top(on)[:RecentLimit]; !slices.Equal(doc, want) {
		t.Fatalf("recent = %v, want %v", doc, want)
	}
	kept := map[int]bool{}
	for _, i := range doc {
		kept[i] = true
	}
	for i, a := range acts {
		if !past(a, on) {
			kept[i] = true // in the upcoming document
		}
	}
	for d := range 400 {
		day := date(from.AddDate(0, 0, d))
		list := top(day)
		for _, i := range list[:min(len(list), RecentLimit)] {
			if !kept[i] {
				t.Fatalf("on %s the past list shows %s (ended %s), in neither document", day, acts[i].ID, endedOn(acts[i]))
			}
		}
	}
}
