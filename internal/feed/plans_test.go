package feed

import (
	"bytes"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/emersion/go-ical"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// The plan life cycle on the shared fixture with its plans overlay
// (testproject.Plans): 2023-2024 archived, 2025-2026 current, 2027-2028 a
// draft whose one activity, green-skills-workshop, is in the draft's new
// area green-jobs.

const draftActivity = "green-skills-workshop"

// plansProject returns the content of the fixture with the plans overlay;
// each edit replaces, in a file of content/, its first old text with the
// new one.
func plansProject(t *testing.T, edits ...edit) fs.FS {
	t.Helper()
	fsys := testproject.FS(t, testproject.Plans(t))
	for _, e := range edits {
		f := fsys["content/"+e.file]
		if f == nil || !bytes.Contains(f.Data, []byte(e.old)) {
			t.Fatalf("the fixture has no content/%s holding %q", e.file, e.old)
		}
		fsys["content/"+e.file] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(e.old), []byte(e.new), 1), Mode: f.Mode}
	}
	sub, err := fs.Sub(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

type edit struct{ file, old, new string }

// plansCatalog assembles the same content as feeds builds, for the
// expected values.
func plansCatalog(t *testing.T, contentFS fs.FS) *assemble.Catalog {
	t.Helper()
	site, problems := content.Load(contentFS, "content")
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	return assemble.New(site)
}

// eventIDs returns the ids of the activities a feed holds events of, read
// from each event's URL (daily sessions share their activity's URL), and
// checks the feed on the way: the independent RFC 5545 checker and
// go-ical's decoder.
func eventIDs(t *testing.T, name string, data []byte) []string {
	t.Helper()
	checkFeed(t, name, data)
	var ids []string
	for _, ev := range decode(t, data).Events() {
		u := ev.Props.Get(ical.PropURL)
		if u == nil {
			t.Errorf("%s: an event without URL", name)
			continue
		}
		_, rest, _ := strings.Cut(u.Value, "/activities/")
		ids = append(ids, strings.TrimSuffix(rest, "/"))
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// TestDraftPlanOutOfFeeds: a draft plan's activity is in no feed and has
// no event file, and neither the draft nor its new area has a feed, even
// when the activity's days are known and it would match every filtered
// feed (all beneficiaries, delivered in English and French, provided by
// Morocco like a published activity).
func TestDraftPlanOutOfFeeds(t *testing.T) {
	for _, sched := range []string{`"2027-Q2"`, `"2027-05-04/2027-05-06"`, `"2027-05-04T09:00/2027-05-06T12:00 Africa/Casablanca"`} {
		all := feeds(t, plansProject(t, edit{"activities/" + draftActivity + "/activity.yaml", `"2027-Q2"`, sched}))
		if len(all) < 50 {
			t.Fatalf("only %d feeds", len(all))
		}
		for name, data := range all {
			for _, bad := range []string{"/" + draftActivity + "/", "/plans/2027-2028/", "/areas/green-jobs/"} {
				if strings.Contains("/"+name, bad) {
					t.Errorf("schedule %s: the draft has a feed: %s", sched, name)
				}
			}
			if bytes.Contains(data, []byte(draftActivity)) {
				t.Errorf("schedule %s: %s holds the draft plan's activity", sched, name)
			}
			if ids := eventIDs(t, name, data); slices.Contains(ids, draftActivity) {
				t.Errorf("schedule %s: %s has an event of the draft plan's activity", sched, name)
			}
		}
	}
}

// TestPlanFeeds: each published plan, current or archived, has a default
// and a planning feed beside its page, named after its period in each
// language, holding exactly its own activities (those with known days, or
// every placeable one); the draft has none.
func TestPlanFeeds(t *testing.T) {
	project := plansProject(t)
	all := feeds(t, project)
	cat := plansCatalog(t, project)
	names := map[string]string{
		"fr": "OIC-PESNET · Plan de travail %s",
		"ar": "OIC-PESNET · خطة العمل %s",
		"en": "OIC-PESNET · Work Plan %s",
	}
	var planFeeds []string
	for name := range all {
		if strings.Contains(name, "/plans/") {
			planFeeds = append(planFeeds, name)
		}
	}
	if want := 2 * 2 * len(cat.Languages); len(planFeeds) != want { // 2 published plans
		t.Errorf("%d plan feeds, want %d: %v", len(planFeeds), want, planFeeds)
	}
	mixed := false
	for _, plan := range []string{"2023-2024", "2025-2026"} {
		var dated, placeable []string
		for _, a := range cat.InPlan(plan) {
			if Placeable(a) {
				placeable = append(placeable, a.ID)
				if !fuzzy(When(a)) { // a completed activity is on the days it was held
					dated = append(dated, a.ID)
				}
			}
		}
		slices.Sort(dated)
		slices.Sort(placeable)
		if len(dated) == 0 {
			t.Fatalf("plan %s: no dated activity", plan)
		}
		mixed = mixed || len(dated) < len(placeable)
		for _, lang := range cat.Languages {
			for path, want := range map[string][]string{
				assemble.PlanCalendarPath(lang, plan): dated,
				PlanPlanningPath(lang, plan):          placeable,
			} {
				name := strings.TrimPrefix(path, "/")
				data := all[name]
				if data == nil {
					t.Errorf("no feed %s", name)
					continue
				}
				if got := eventIDs(t, name, data); !slices.Equal(got, want) {
					t.Errorf("%s holds %v, want %v", name, got, want)
				}
				cal := decode(t, data)
				calName, _ := cal.Props.Text("X-WR-CALNAME")
				years := plan
				if lang == "en" { // English writes a span of years with an en dash
					years = strings.Replace(plan, "-", "–", 1)
				}
				if !strings.HasPrefix(calName, strings.Replace(names[lang], "%s", years, 1)) {
					t.Errorf("%s: X-WR-CALNAME %q", name, calName)
				}
				if u := cal.Props.Get(ical.PropURL); u == nil || u.Value != "https://example.org"+assemble.PlanPath(lang, plan) {
					t.Errorf("%s: URL %v, want the plan's page", name, u)
				}
				if desc, _ := cal.Props.Text(ical.PropDescription); !strings.Contains(desc, years) {
					t.Errorf("%s: DESCRIPTION %q does not name the plan", name, desc)
				}
			}
		}
	}
	if !mixed {
		t.Error("no plan has both dated and fuzzy activities: the fixture should have both kinds")
	}
	// The catalog's feeds hold both published plans.
	got := eventIDs(t, "fr/planning.ics", all["fr/planning.ics"])
	for _, id := range []string{"lfs-workshop", "online-counters", "neet-guidance"} {
		if !slices.Contains(got, id) {
			t.Errorf("fr/planning.ics lacks %s: %v", id, got)
		}
	}
}

// TestUIDsSurviveArchiving: when the draft becomes current and the current
// plan is archived, every event keeps its UID (and every feed of an
// activity its address), so subscribed calendars update their events
// rather than duplicate them. The new current plan's activity joins the
// feeds.
func TestUIDsSurviveArchiving(t *testing.T) {
	before := feeds(t, plansProject(t))
	after := feeds(t, plansProject(t,
		edit{"plans/2025-2026/plan.yaml", "status: current", "status: archived"},
		edit{"plans/2027-2028/plan.yaml", "status: draft", "status: current"}))
	uids := func(all map[string][]byte) map[string]map[string]bool { // feed → UIDs
		out := map[string]map[string]bool{}
		for name, data := range all {
			checkFeed(t, name, data)
			out[name] = map[string]bool{}
			for _, ev := range decode(t, data).Events() {
				uid, _ := ev.Props.Text(ical.PropUID)
				out[name][uid] = true
			}
		}
		return out
	}
	ub, ua := uids(before), uids(after)
	n := 0
	for name, set := range ub {
		if ua[name] == nil {
			t.Errorf("%s is gone once its plan is archived", name)
			continue
		}
		for uid := range set {
			n++
			if !ua[name][uid] {
				t.Errorf("%s: event %s is gone or has another UID once its plan is archived", name, uid)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d events compared", n)
	}
	for _, lang := range []string{"fr", "ar", "en"} {
		uid := UID(draftActivity, lang, "example.org")
		if ub[PlanningPath(lang)[1:]][uid] || !ua[PlanningPath(lang)[1:]][uid] {
			t.Errorf("%s: %s should join the planning feed when its plan becomes current", lang, uid)
		}
		for _, f := range []string{PlanPlanningPath(lang, "2027-2028")[1:], EventPath(lang, draftActivity)[1:]} {
			if !ua[f][uid] {
				t.Errorf("%s lacks %s once its plan is current: %v", f, uid, slices.Sorted(maps.Keys(ua[f])))
			}
		}
	}
}
