package feed

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/emersion/go-ical"
	"github.com/google/go-cmp/cmp"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/testproject"
	"github.com/oic-pesnet/workplan/internal/txtarfs"
	"github.com/oic-pesnet/workplan/internal/typo"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.ics")

func feeds(t *testing.T, contentFS fs.FS) map[string][]byte {
	t.Helper()
	site, problems := content.Load(contentFS, "content")
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	bundle, problems := l10n.LoadBundle(os.DirFS("../.."), "i18n", site.Config.Languages)
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	files, problems := New(assemble.New(site), bundle, site.Config.BaseURL, nil).Files()
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Path] = f.Data
	}
	return m
}

func fixtureFeeds(t *testing.T) map[string][]byte {
	fsys, err := txtarfs.Read("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	sub, _ := fs.Sub(fsys, "content")
	return feeds(t, sub)
}

func TestFixtureFeedsConform(t *testing.T) {
	all := fixtureFeeds(t)
	// 3 languages × (default and planning feeds of the catalog, of its one
	// plan and of 2 areas, 2 beneficiary scopes, 3 languages of delivery,
	// 5 provider countries, 3 activity types, 6 dated activities).
	if len(all) != 81 {
		t.Errorf("%d feeds, want 81: %v", len(all), slices.Sorted(mapsKeys(all)))
	}
	for name, data := range all {
		checkFeed(t, name, data)
	}
}

// TestSharedFixtureFeedsConform runs the conformance checker over the feeds
// of the shared fixture site (internal/testproject): every status, a timed
// event, a multi-day span and an undated activity.
func TestSharedFixtureFeedsConform(t *testing.T) {
	sub, _ := fs.Sub(testproject.FS(t), "content")
	all := feeds(t, sub)
	for name, data := range all {
		checkFeed(t, name, data)
	}
	// The default feed holds the two activities with known days, the
	// planning feed the two fuzzy ones too; the undated one is in neither.
	for name, want := range map[string]int{"fr/calendar.ics": 2, "fr/planning.ics": 4} {
		if n := bytes.Count(all[name], []byte("BEGIN:VEVENT")); n != want {
			t.Errorf("%s: %d events, want %d", name, n, want)
		}
	}
}

func TestGolden(t *testing.T) {
	all := fixtureFeeds(t)
	for _, name := range []string{"fr/calendar.ics", "fr/planning.ics", "ar/areas/lmi/planning.ics", "fr/areas/empty/calendar.ics", "en/activities/timed/event.ics", "fr/calendars/country-MA.ics", "en/plans/2024-2026/calendar.ics"} {
		golden := filepath.Join("testdata", strings.ReplaceAll(name, "/", "_")+".golden")
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

// TestRoundTrip decodes a feed with go-ical's decoder and checks that the
// texts and dates come back as they went in.
func TestRoundTrip(t *testing.T) {
	cal := decode(t, fixtureFeeds(t)["fr/planning.ics"])
	events := map[string]*ical.Component{}
	for _, c := range cal.Children {
		uid, _ := c.Props.Text(ical.PropUID)
		events[uid] = c
	}
	month := events["month-fr@example.org"]
	if month == nil {
		t.Fatalf("no event with UID month-fr@example.org; have %v", slices.Sorted(mapsKeys(events)))
	}
	summary, _ := month.Props.Text(ical.PropSummary)
	if want := typo.French(`[Date passée, statut non mis à jour] [Date à préciser : septembre 2024] Webinaire; avec, des \ barres et « guillemets »`); summary != want {
		t.Errorf("summary = %q", summary)
	}
	desc, _ := month.Props.Text(ical.PropDescription)
	for _, want := range []string{typo.French("Un webinaire.\n\nPremier paragraphe.\n\n- un ;\n- deux.\n\n"), typo.French("Pays prestataires : Maroc (à confirmer)\n"), "\nhttps://example.org/fr/activities/month/"} {
		if !strings.Contains(desc, want) {
			t.Errorf("description lacks %q:\n%s", want, desc)
		}
	}
	checkDates(t, month, "DATE", "20240901", "20240902") // one marker, not the month
	checkProp(t, month, ical.PropSequence, "2")
	checkProp(t, month, ical.PropStatus, "TENTATIVE")
	checkProp(t, month, ical.PropTransparency, "TRANSPARENT")
	checkProp(t, month, ical.PropDateTimeStamp, "20250301T000000Z")
	checkProp(t, month, ical.PropLastModified, "20250301T000000Z")

	days := events["days-fr@example.org"]
	checkDates(t, days, "DATE", "20251104", "20251107")
	checkProp(t, days, ical.PropStatus, "CONFIRMED")
	checkProp(t, days, ical.PropTransparency, "OPAQUE")
	checkProp(t, days, ical.PropLocation, "Ankara, Türkiye")
	checkProp(t, days, ical.PropDateTimeStamp, "20250115T000000Z") // the site's date

	timed := events["timed-fr@example.org"]
	checkDates(t, timed, "DATE-TIME", "20250310T060000Z", "20250310T083000Z") // Baku is UTC+4
	checkProp(t, events["quarter-fr@example.org"], ical.PropStatus, "CANCELLED")
	checkDates(t, events["quarter-fr@example.org"], "DATE", "20250401", "20250402")
	checkProp(t, events["quarter-fr@example.org"], ical.PropTransparency, "TRANSPARENT")
}

func TestArabicRoundTrip(t *testing.T) {
	cal := decode(t, fixtureFeeds(t)["ar/planning.ics"])
	for _, c := range cal.Children {
		if uid, _ := c.Props.Text(ical.PropUID); uid == "month-ar@example.org" {
			s, _ := c.Props.Text(ical.PropSummary)
			if !strings.HasPrefix(s, "[انقضى الموعد ولم تُحدَّث الحالة] [موعد يُحدَّد لاحقًا: سبتمبر 2024] ندوة عبر الإنترنت حول") {
				t.Errorf("summary = %q", s)
			}
			if p := c.Props.Get(ical.PropSummary); p.Params.Get(ical.ParamLanguage) != "ar" {
				t.Errorf("LANGUAGE = %q", p.Params.Get(ical.ParamLanguage))
			}
			return
		}
	}
	t.Error("no Arabic event for month")
}

// TestFallbackLanguage: an event whose text falls back to another language
// says so in its LANGUAGE parameter.
func TestFallbackLanguage(t *testing.T) {
	cal := decode(t, fixtureFeeds(t)["ar/calendar.ics"])
	for _, c := range cal.Children {
		if uid, _ := c.Props.Text(ical.PropUID); uid == "days-ar@example.org" {
			if got := c.Props.Get(ical.PropSummary).Params.Get(ical.ParamLanguage); got != "en" {
				t.Errorf("LANGUAGE of the English fallback = %q", got)
			}
			if got := c.Props.Get(ical.PropLocation).Params.Get(ical.ParamLanguage); got != "ar" {
				t.Errorf("LANGUAGE of the location = %q", got)
			}
			return
		}
	}
	t.Error("no event days-ar")
}

// TestUndatedActivity: an activity without a date is left out of the feeds
// and the build says so in a note.
func TestUndatedActivity(t *testing.T) {
	for name, data := range fixtureFeeds(t) {
		if bytes.Contains(data, []byte("undated-")) {
			t.Errorf("%s holds the undated activity", name)
		}
	}
	fsys, _ := txtarfs.Read("testdata/site.txtar")
	sub, _ := fs.Sub(fsys, "content")
	site, _ := content.Load(sub, "content")
	bundle, _ := l10n.LoadBundle(os.DirFS("../.."), "i18n", site.Config.Languages)
	_, problems := New(assemble.New(site), bundle, site.Config.BaseURL, nil).Files()
	want := "content/activities/undated/activity.yaml:1:1: note: activity \"undated\" has no date yet (schedule \"tbd\"): it is on the site and in the open data, but left out of the calendar feeds until it gets a schedule\n"
	if got := problems.String(); got != want {
		t.Errorf("problems:\n%s\nwant\n%s", got, want)
	}
}

// TestEventsReleased checks that no feed keeps an activity's events once
// every feed is written, including the feeds whose activities have no
// event there (a month in a dated feed): they are held only while used.
func TestEventsReleased(t *testing.T) {
	fsys, _ := txtarfs.Read("testdata/site.txtar")
	sub, _ := fs.Sub(fsys, "content")
	site, _ := content.Load(sub, "content")
	bundle, _ := l10n.LoadBundle(os.DirFS("../.."), "i18n", site.Config.Languages)
	w := New(assemble.New(site), bundle, site.Config.BaseURL, nil)
	if _, problems := w.Files(); problems.HasErrors() {
		t.Fatal(problems)
	}
	eventless := 0
	for k, s := range w.events {
		if s.Held() {
			t.Errorf("the events of %s in %s (%v) are still held", k.a.ID, k.lang, k.mode)
		}
		if !hasEvents(k.a, k.mode) {
			eventless++
		}
	}
	if eventless == 0 {
		t.Error("the fixture has no activity without events in a feed that lists it: the test proves less than it says")
	}
}

func TestEmptySelection(t *testing.T) {
	for _, name := range []string{"fr/areas/empty/calendar.ics", "fr/areas/empty/planning.ics"} {
		testEmpty(t, fixtureFeeds(t)[name])
	}
}

func testEmpty(t *testing.T, data []byte) {
	t.Helper()
	cal := decode(t, data)
	if len(cal.Children) != 1 || cal.Children[0].Name != ical.CompJournal {
		t.Fatalf("an empty feed should hold one VJOURNAL, got %d components", len(cal.Children))
	}
	if bytes.Contains(data, []byte("VEVENT")) {
		t.Error("an empty feed holds an event")
	}
}

// TestUIDStable edits an activity's title and date: its UID must not move,
// and the output must not depend on the clock.
func TestUIDStable(t *testing.T) {
	fsys, _ := txtarfs.Read("testdata/site.txtar")
	sub, _ := fs.Sub(fsys, "content")
	before := feeds(t, sub)["en/calendar.ics"]
	f := fsys["content/activities/days/index.en.md"]
	f.Data = bytes.Replace(f.Data, []byte("title: Workshop"), []byte("title: Renamed workshop"), 1)
	g := fsys["content/activities/days/activity.yaml"]
	g.Data = bytes.Replace(g.Data, []byte("2025-11-04/2025-11-06"), []byte("2025-12-01/2025-12-02"), 1)
	after := feeds(t, sub)["en/calendar.ics"]
	if bytes.Equal(before, after) {
		t.Fatal("the edit changed nothing")
	}
	uids := regexp.MustCompile(`(?m)^UID:.*$`)
	if !slices.Equal(uids.FindAllString(string(before), -1), uids.FindAllString(string(after), -1)) {
		t.Error("UIDs changed after editing a title and a date")
	}
}

func decode(t *testing.T, data []byte) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return cal
}

func checkProp(t *testing.T, c *ical.Component, name, want string) {
	t.Helper()
	p := c.Props.Get(name)
	if p == nil {
		t.Errorf("no %s", name)
		return
	}
	got := p.Value
	if p.ValueType() == ical.ValueText {
		got, _ = p.Text()
	}
	if got != want {
		t.Errorf("%s = %q, want %q", name, got, want)
	}
}

func checkDates(t *testing.T, c *ical.Component, valueType, start, end string) {
	t.Helper()
	for name, want := range map[string]string{ical.PropDateTimeStart: start, ical.PropDateTimeEnd: end} {
		p := c.Props.Get(name)
		if p == nil || p.Value != want || string(p.ValueType()) != valueType {
			t.Errorf("%s = %+v, want %s %s", name, p, valueType, want)
		}
	}
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestTypeFeeds: a type's feed holds the dated activities of that type
// and no other (fuzzy and undated ones stay in planning feeds).
func TestTypeFeeds(t *testing.T) {
	all := fixtureFeeds(t)
	for typ, want := range map[content.Type][]string{
		"workshop": {"days", "past"},
		"webinar":  {"timed"},
		"training": {"sessions"},
	} {
		data := all[strings.TrimPrefix(TypePath("fr", typ), "/")]
		if data == nil {
			t.Errorf("no feed of type %s", typ)
			continue
		}
		var got []string
		for _, c := range decode(t, data).Children {
			if c.Name == ical.CompEvent {
				uid, _ := c.Props.Text(ical.PropUID)
				id := strings.TrimSuffix(uid, "-fr@example.org")
				got = append(got, regexp.MustCompile(`-\d+$`).ReplaceAllString(id, "")) // sessions-2: a session
			}
		}
		slices.Sort(got)
		got = slices.Compact(got)
		if !slices.Equal(got, want) {
			t.Errorf("type %s: events %v, want %v", typ, got, want)
		}
	}
}
