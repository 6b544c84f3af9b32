package render_test

import (
	"strings"
	"testing"
)

// TestTakePart: an activity with a registration link offers it; one
// without shows site.yaml's contact (or, with none, the focal points
// alone) and its own calendar file; a completed one, or one whose dates
// had passed on the content's date, has no such block;
// the status is one label, and the footer says as of when.
func TestTakePart(t *testing.T) {
	files := renderFixture(t)
	bare := renderFixture(t, "testdata/overlay/no-contact.txtar")
	for _, tc := range []struct {
		name     string
		page     string
		files    map[string][]byte
		want     []string
		dontWant []string
	}{
		{"registration", "en/activities/lmi-webinar/index.html", files,
			[]string{`<h2 id="take-part-heading">How to take part</h2>`, `href="https://events.example.net/register/lmi-webinar"`, `/en/activities/lmi-webinar/event.ics`},
			[]string{"mailto:"}},
		{"contact", "fr/activities/neet-guidance/index.html", files,
			[]string{`href="mailto:pesnet@example.org"`, `href="https://secretariat.example.net/contact"`, "Réponse sous deux jours ouvrés."},
			[]string{"events.example.net"}},
		{"contact in Arabic", "ar/activities/neet-guidance/index.html", files,
			[]string{`href="mailto:pesnet@example.org" dir="ltr"`, "يصلكم الرد خلال يومَي عمل."}, nil},
		{"no contact set", "en/activities/neet-guidance/index.html", bare,
			[]string{"national focal point of the network in your country, or the Secretariat.</p>"},
			[]string{"mailto:", "We answer"}},
		{"completed", "fr/activities/neet-readiness/index.html", files,
			[]string{`<dt>Dates</dt><dd>18–20 février 2025</dd>`},
			[]string{"take-part", "event.ics"}},
		{"one label when the date passed, and no way to take part", "en/activities/lmis-training/index.html", files,
			[]string{`<span class="status status-overdue">Date passed, status to be confirmed</span>`, "Information as of 30 June 2025."},
			[]string{">Planned<", "take-part", "event.ics"}},
	} {
		page := string(tc.files[tc.page])
		if page == "" {
			t.Errorf("%s: %s is not rendered", tc.name, tc.page)
			continue
		}
		main := page[strings.Index(page, "<main"):strings.Index(page, "<aside")]
		for _, w := range tc.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: %s lacks %s", tc.name, tc.page, w)
			}
		}
		for _, w := range tc.dontWant {
			if strings.Contains(main, w) {
				t.Errorf("%s: %s has %s", tc.name, tc.page, w)
			}
		}
	}
}
