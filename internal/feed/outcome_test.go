package feed

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/emersion/go-ical"
	"github.com/google/go-cmp/cmp"

	"github.com/oic-pesnet/workplan/internal/testproject"
	"github.com/oic-pesnet/workplan/internal/typo"
)

// Outcomes in the feeds, on the shared fixture: neet-readiness is
// completed (held 18–20 February 2025, planned the same days), with
// participants, institutions, countries, an outcome sentence and a
// report; neet-guidance is postponed, with a reason and the schedule
// first planned. The content's date (AsOf) is 30 June 2025.

// eventsByUID decodes a feed and returns its events by UID.
func eventsByUID(t *testing.T, name string, data []byte) map[string]*ical.Component {
	t.Helper()
	checkFeed(t, name, data)
	out := map[string]*ical.Component{}
	for _, c := range decode(t, data).Children {
		uid, _ := c.Props.Text(ical.PropUID)
		out[uid] = c
	}
	return out
}

// TestCompletedOnHeldDays: a completed activity planned for a month (so
// absent from the default feeds until then) is, once held, an event on
// the days it took place, in the default feeds too: confirmed, blocking
// time, marked completed, at the actual venue, with its UID and SEQUENCE.
// Held times over two days give two daily sessions, the first with the
// activity's UID.
func TestCompletedOnHeldDays(t *testing.T) {
	const file = "activities/neet-readiness/activity.yaml"
	all := feeds(t, plansProject(t,
		edit{file, `schedule: "2025-02-18/2025-02-20"`, `schedule: "2025-02"`},
		edit{file, `held: "2025-02-18/2025-02-20"`, "held: \"2025-02-24/2025-02-26\"\nheld_venue:\n  mode: online"}))
	for _, name := range []string{"fr/calendar.ics", "fr/areas/youth-neet/calendar.ics", "fr/plans/2025-2026/calendar.ics", "fr/activities/neet-readiness/event.ics"} {
		ev := eventsByUID(t, name, all[name])["neet-readiness-fr@example.org"]
		if ev == nil {
			t.Errorf("%s: no event of the completed activity", name)
			continue
		}
		checkDates(t, ev, "DATE", "20250224", "20250227")
		checkProp(t, ev, ical.PropStatus, "CONFIRMED")
		checkProp(t, ev, ical.PropTransparency, "OPAQUE")
		checkProp(t, ev, ical.PropSummary, "[Réalisée] Formation à la préparation à l'emploi")
		checkProp(t, ev, ical.PropLocation, "En ligne")
		checkProp(t, ev, ical.PropSequence, "0")
		desc, _ := ev.Props.Text(ical.PropDescription)
		for _, want := range []string{typo.French("Calendrier : février 2025\n"), typo.French("Statut : Réalisée\n\nRésultats\nDates de réalisation : 24–26 février 2025\nLieu effectif : En ligne\n")} {
			if !strings.Contains(desc, want) {
				t.Errorf("%s: DESCRIPTION lacks %q:\n%s", name, want, desc)
			}
		}
	}
	timed := feeds(t, plansProject(t, edit{file, `held: "2025-02-18/2025-02-20"`, `held: "2025-02-18T09:00/2025-02-19T12:30 Africa/Casablanca"`}))
	evs := eventsByUID(t, "en/calendar.ics", timed["en/calendar.ics"])
	first, second := evs["neet-readiness-en@example.org"], evs["neet-readiness-2-en@example.org"]
	if first == nil || second == nil {
		t.Fatalf("the held times over two days are not two sessions: %v", slices.Sorted(mapsKeys(evs)))
	}
	checkDates(t, first, "DATE-TIME", "20250218T080000Z", "20250218T113000Z") // Casablanca is UTC+1
	checkDates(t, second, "DATE-TIME", "20250219T080000Z", "20250219T113000Z")
	checkProp(t, second, ical.PropSummary, "[Completed] Training course on job readiness (day 2/2)")
}

// TestOutcomeInDescription: the completed activity's DESCRIPTION carries
// its outcome, the postponed one's its reason and first schedule, in each
// language; the calendars say as of which day.
func TestOutcomeInDescription(t *testing.T) {
	sub, _ := fs.Sub(testproject.FS(t), "content")
	all := feeds(t, sub)
	want := map[string][]string{
		"fr/activities/neet-readiness/event.ics": {
			typo.French("Statut : Réalisée\n\nRésultats\nDates de réalisation : 18–20 février 2025\nParticipants : 38\nInstitutions participantes : 14\n" +
				"Pays participants : Maroc, Sénégal, Côte d’Ivoire, Tunisie\n38 conseillers de 14 institutions de quatre pays ont suivi la formation ; un guide commun est en préparation.\n" +
				"Rapport de l'activité : https://docs.example.net/neet-readiness/report.pdf\n\nhttps://example.org/fr/activities/neet-readiness/"),
		},
		"ar/planning.ics": {
			"المشاركون: 38\n", "شارك في التدريب 38 مستشارًا",
			"سبب التأجيل: أُرجئت بطلب من البلد المضيف لتتزامن مع المنتدى الإقليمي للتشغيل.\nالموعد المقرر أصلًا: يونيو 2025\n",
		},
		"en/planning.ics": {
			"Status: Postponed\nReason for postponement: Postponed at the host country's request, to coincide with the regional employment forum.\nInitially planned: June 2025\n\nhttps://",
		},
	}
	for name, parts := range want {
		var descs []string
		for _, ev := range eventsByUID(t, name, all[name]) {
			d, _ := ev.Props.Text(ical.PropDescription)
			descs = append(descs, d)
		}
		joined := strings.Join(descs, "\n---\n")
		for _, w := range parts {
			if !strings.Contains(joined, w) {
				t.Errorf("%s: no DESCRIPTION holds %q:\n%s", name, w, joined)
			}
		}
	}
	// Only the completed activity has an outcome, only it the mark.
	for uid, ev := range eventsByUID(t, "en/planning.ics", all["en/planning.ics"]) {
		d, _ := ev.Props.Text(ical.PropDescription)
		s, _ := ev.Props.Text(ical.PropSummary)
		done := strings.HasPrefix(uid, "neet-readiness-")
		if strings.Contains(d, "\nOutcome\n") != done || strings.HasPrefix(s, "[Completed]") != done {
			t.Errorf("%s: summary %q, description:\n%s", uid, s, d)
		}
	}
	for name, data := range all {
		cal := decode(t, data)
		desc, _ := cal.Props.Text(ical.PropDescription)
		asOf := map[string]string{"fr": "Statuts au 30 juin 2025.", "ar": "الحالات كما هي في 30 يونيو 2025.", "en": "Statuses as of 30 June 2025."}[name[:2]]
		if !strings.HasSuffix(desc, " "+asOf) {
			t.Errorf("%s: DESCRIPTION %q does not end with %q", name, desc, asOf)
		}
		checkProp(t, cal.Component, ical.PropLastModified, "20250630T000000Z")
	}
}

// TestOutcomeGolden pins the event files of the completed and of the
// postponed activity.
func TestOutcomeGolden(t *testing.T) {
	sub, _ := fs.Sub(testproject.FS(t), "content")
	all := feeds(t, sub)
	for _, name := range []string{"fr/activities/neet-readiness/event.ics", "ar/activities/neet-readiness/event.ics", "en/activities/neet-guidance/event.ics"} {
		golden := filepath.Join("testdata", "shared_"+strings.ReplaceAll(name, "/", "_")+".golden")
		if *update {
			if err := os.WriteFile(golden, all[name], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(all[name])); diff != "" {
			t.Errorf("%s differs from %s (-want +got):\n%s", name, golden, diff)
		}
	}
}
