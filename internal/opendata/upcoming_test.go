package opendata

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// TestUpcomingDocuments checks api/v1/<lang>/upcoming.json (since 1.5):
// the activities not past two days before as_of, by the widget's rule
// (completed, or every date before the day), undated ones included; every
// area and provider country named; each activity the same object as in
// activities.json; and the documents of each area and provider country.
func TestUpcomingDocuments(t *testing.T) {
	site := loadSite(t)
	site.Config.Updated = time.Date(2030, 1, 10, 0, 0, 0, 0, time.UTC) // as_of; from is 2030-01-08
	for _, a := range site.Activities {
		a.Updated = time.Time{}
	}
	set := func(i int, notation string, status content.Status) string {
		t.Helper()
		s, err := schedule.Parse(notation)
		if err != nil {
			t.Fatal(err)
		}
		a := site.Activities[i]
		a.Schedule, a.Status = s, status
		return a.ID
	}
	// Every other activity of the test project is dated before 2030: past.
	ended := set(0, "2030-01-07", content.StatusPlanned)                 // ended before from: past, though overdue
	boundary := set(1, "2030-01-02/2030-01-08", content.StatusConfirmed) // its last day is from
	done := set(2, "2030-03", content.StatusCompleted)                   // completed ahead of its dates: past
	undated := set(3, "tbd", content.StatusPlanned)
	cancelled := set(4, "2031-Q1", content.StatusCancelled) // the widget lists it, as cancelled
	files := generate(t, site)

	for _, lang := range site.Config.Languages {
		path := "api/v1/" + lang + "/upcoming.json"
		doc := decode[upcomingDoc](t, files[path])
		var ids []string
		for _, a := range doc.Activities {
			ids = append(ids, a.ID)
		}
		every := decode[activitiesDoc](t, files["api/v1/"+lang+"/activities.json"])
		var want []string // in plan order, that of activities.json
		for _, a := range every.Activities {
			if slices.Contains([]string{boundary, undated, cancelled}, a.ID) {
				want = append(want, a.ID)
			}
		}
		if len(want) != 3 || !slices.Equal(ids, want) {
			t.Errorf("%s lists %v, want %v (not %s, %s)", path, ids, want, ended, done)
		}
		if doc.From != "2030-01-08" || doc.AsOf != "2030-01-10" || doc.Lang != lang {
			t.Errorf("%s: from %s, as_of %s, lang %s", path, doc.From, doc.AsOf, doc.Lang)
		}
		if len(doc.Areas) != len(site.Areas) || doc.Areas[0].Text.Title == "" || !strings.HasPrefix(doc.Areas[0].Page, testBase) {
			t.Errorf("%s: areas %+v", path, doc.Areas)
		}
		all := decode[countriesDoc](t, files["api/v1/"+lang+"/countries.json"])
		if len(doc.Countries) != len(all.Countries) || doc.Countries[0].Name != all.Countries[0].Name {
			t.Errorf("%s: countries %v, want those of countries.json", path, doc.Countries)
		}
		// An area's and a country's documents: those of all that are of
		// the area, or that the country provides; one for every area and
		// provider country, even with nothing upcoming.
		for _, ar := range doc.Areas {
			one := decode[upcomingDoc](t, files["api/v1/"+lang+"/upcoming/areas/"+ar.ID+".json"])
			var want []string
			for _, a := range doc.Activities {
				if a.Area == ar.ID {
					want = append(want, a.ID)
				}
			}
			if got := idsOf(one.Activities); one.Area != ar.ID || !slices.Equal(got, want) || len(one.Areas) != len(doc.Areas) {
				t.Errorf("%s/upcoming/areas/%s.json: area %q, %v, want %v", lang, ar.ID, one.Area, got, want)
			}
		}
		listedByCountry := 0
		for _, c := range doc.Countries {
			one := decode[upcomingDoc](t, files["api/v1/"+lang+"/upcoming/countries/"+c.Code+".json"])
			var want []string
			for _, a := range doc.Activities {
				if slices.ContainsFunc(a.Providers, func(p provider) bool { return p.Country == c.Code }) {
					want = append(want, a.ID)
				}
			}
			listedByCountry += len(want)
			if got := idsOf(one.Activities); one.Country != c.Code || !slices.Equal(got, want) {
				t.Errorf("%s/upcoming/countries/%s.json: country %q, %v, want %v", lang, c.Code, one.Country, got, want)
			}
		}
		if listedByCountry == 0 {
			t.Errorf("%s: no upcoming activity in any country's document", lang)
		}
		// The same object as in activities.json, byte for byte.
		raw := decode[struct{ Activities []json.RawMessage }](t, files[path])
		for i, a := range raw.Activities {
			if !bytes.Contains(files["api/v1/"+lang+"/activities.json"], a) {
				t.Errorf("%s: %s differs from its object in activities.json", path, ids[i])
			}
		}
	}
}

func idsOf(acts []activity) []string {
	var out []string
	for _, a := range acts {
		out = append(out, a.ID)
	}
	return out
}
