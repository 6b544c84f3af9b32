package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/testproject"
)

// TestPlanPages checks the pages of the fixture with three plans: 2023-2024
// archived, 2025-2026 current, 2027-2028 a draft for consultation.
func TestPlanPages(t *testing.T) {
	files := renderFixture(t, testproject.Plans(t))
	has := func(page, s string) bool { return bytes.Contains(files[page], []byte(s)) }
	must := func(page string, want ...string) {
		t.Helper()
		if files[page] == nil {
			t.Errorf("%s is not rendered", page)
			return
		}
		for _, s := range want {
			if !has(page, s) {
				t.Errorf("%s lacks %q", page, s)
			}
		}
	}
	mustNot := func(page string, unwanted ...string) {
		t.Helper()
		for _, s := range unwanted {
			if has(page, s) {
				t.Errorf("%s has %q", page, s)
			}
		}
	}
	const noindex = `<meta name="robots" content="noindex">`
	for _, lang := range []string{"fr", "ar", "en"} {
		draft := []string{lang + "/plans/2027-2028/index.html", lang + "/plans/2027-2028/activities/index.html",
			lang + "/plans/2027-2028/areas/lmi/index.html", lang + "/plans/2027-2028/areas/green-jobs/index.html",
			lang + "/activities/green-skills-workshop/index.html"}
		for _, page := range draft {
			// Every page of a draft says so, and search engines keep out.
			must(page, `class="notice plan-banner plan-banner-draft"`, noindex, `href="/`+lang+`/plans/2025-2026/"`)
		}
		// A draft's activity is in its plan's lists only, and in no feed.
		must(lang+"/plans/2027-2028/activities/index.html", "/activities/green-skills-workshop/")
		must(lang+"/plans/2027-2028/areas/green-jobs/index.html", "/activities/green-skills-workshop/")
		for _, page := range []string{lang + "/activities/index.html", lang + "/index.html", lang + "/areas/lmi/index.html", "sitemap.xml"} {
			mustNot(page, "green-skills-workshop")
		}
		mustNot(lang+"/activities/green-skills-workshop/index.html", "calendar.ics", "event.ics")
		// An archived plan: kept as a record, with a link to the plan in force.
		for _, page := range []string{lang + "/plans/2023-2024/index.html", lang + "/activities/lfs-workshop/index.html",
			lang + "/plans/2023-2024/areas/digital/index.html"} {
			must(page, `plan-banner-archived`, `href="/`+lang+`/plans/2025-2026/"`)
			mustNot(page, noindex)
		}
		// The current plan's pages carry no banner.
		for _, page := range []string{lang + "/index.html", lang + "/plans/2025-2026/index.html", lang + "/activities/lmis-training/index.html"} {
			mustNot(page, "plan-banner")
		}
		// An area continues across plans: its page lists every published
		// plan's activities, numbered within their plan.
		years := map[string]string{"fr": "2023-2024", "ar": "2023-2024", "en": "2023–2024"}[lang] // English: an en dash
		must(lang+"/areas/lmi/index.html", "/activities/lfs-workshop/", "/activities/lmis-training/", years)
		// The navigation shows the current plan's areas only; the area that
		// ended keeps its page.
		mustNot(lang+"/index.html", `href="/`+lang+`/areas/digital/"`)
		must(lang+"/areas/digital/index.html", "/activities/online-counters/", years)
		// The home page lists the plans; each plan page is linked.
		for _, id := range []string{"2023-2024", "2025-2026", "2027-2028"} {
			must(lang+"/index.html", `href="/`+lang+`/plans/`+id+`/"`)
			must(lang+"/plans/index.html", `href="/`+lang+`/plans/`+id+`/"`)
		}
		// The home page presents the current plan: its areas and their
		// activities in that plan (lfs-workshop, of lmi in 2023-2024, is not
		// counted there).
		must(lang+"/index.html", `href="/`+lang+`/plans/2025-2026/areas/lmi/"`, `href="/`+lang+`/plans/2025-2026/areas/youth-neet/"`)
		// An activity names its plan.
		must(lang+"/activities/lfs-workshop/index.html", `href="/`+lang+`/plans/2023-2024/"`)
		// The plan pages of published plans have their feed.
		must(lang+"/plans/2023-2024/index.html", "/"+lang+"/plans/2023-2024/calendar.ics")
		mustNot(lang+"/plans/2027-2028/index.html", "calendar.ics")
		// Adoption, when the plan gives it.
		must(lang+"/plans/2023-2024/index.html", "2023")
	}
	if !has("ar/plans/2027-2028/index.html", `dir="rtl"`) {
		t.Error("the Arabic plan page is not right to left")
	}
	for _, s := range []string{"/fr/plans/2023-2024/", "/fr/plans/2025-2026/activities/", "/fr/areas/digital/"} {
		if !has("sitemap.xml", "https://example.org"+s+"<") {
			t.Errorf("sitemap.xml lacks %s", s)
		}
	}
	if strings.Count(string(files["fr/plans/2023-2024/index.html"]), "2ᵉ réunion biennale")+strings.Count(string(files["fr/plans/2023-2024/index.html"]), "2e réunion biennale") == 0 {
		t.Error("the archived plan's page does not name the meeting that adopted it")
	}
}

// TestProgressPages checks where the fixture's plan stands, in each
// language: the "as of" date from the content, the share realized, the
// overdue activity, and a report that lists every activity of the plan.
func TestProgressPages(t *testing.T) {
	files := renderFixture(t, testproject.Plans(t))
	want := map[string][]string{
		"fr": {"Situation au 30 juin 2025", "activité réalisée (20\u202f%)", "33\u202f%", ">38<", "Ensemble du plan"},
		"ar": {"الوضع في 30 يونيو 2025", "نشاط منجز (20%)", "33%", ">38<", "الخطة ككل"},
		"en": {"Situation as of 30 June 2025", "activity completed (20%)", "33%", ">38<", "Whole plan"},
	}
	titles := map[string][]string{
		"fr": {"Formation sur les systèmes", "Formation à la préparation à l&#39;emploi", "Atelier sur l&#39;orientation"},
		"en": {"Training course on labour market information systems", "Training course on job readiness", "Workshop on guidance for young NEETs", "Webinar on mentoring", "Webinar on labour market observatories"},
		"ar": {"دورة تدريبية حول الاستعداد للعمل", "ندوة عبر الإنترنت حول التوجيه الفردي"},
	}
	for lang, ws := range want {
		page := string(files[lang+"/plans/2025-2026/progress/index.html"])
		report := string(files[lang+"/plans/2025-2026/report/index.html"])
		for _, w := range ws {
			if !strings.Contains(page, w) {
				t.Errorf("%s progress page lacks %q", lang, w)
			}
			if !strings.Contains(report, w) {
				t.Errorf("%s report lacks %q", lang, w)
			}
		}
		if !strings.Contains(page, "/"+lang+"/activities/lmis-training/") {
			t.Errorf("%s progress page does not list the overdue activity", lang)
		}
		if n := strings.Count(report, `<th scope="row" lang=`) - 3; n != 5 { // 3 rows of the summary table
			t.Errorf("%s report lists %d activities, want 5", lang, n)
		}
		for _, title := range titles[lang] {
			if !strings.Contains(report, title) {
				t.Errorf("%s report lacks %q", lang, title)
			}
		}
		if _, ok := files[lang+"/plans/2027-2028/progress/index.html"]; ok {
			t.Errorf("%s: a draft plan has a progress page", lang)
		}
		if !strings.Contains(string(files[lang+"/plans/2023-2024/progress/index.html"]), "100") {
			t.Errorf("%s: the archived plan's progress does not show its activities all completed", lang)
		}
	}
	if !strings.Contains(string(files["ar/plans/2025-2026/progress/index.html"]), `direction="rtl"`) {
		t.Error("the Arabic chart is not mirrored")
	}
}

// TestAroundTheSameTime: the activities an activity page shows "around the
// same time" start within about six months of it, whatever their plan;
// none is shown rather than a distant one.
func TestAroundTheSameTime(t *testing.T) {
	files := renderFixture(t, testproject.Plans(t))
	around := func(page string) string {
		s := string(files[page])
		i := strings.Index(s, "Around the same time")
		if i < 0 {
			return ""
		}
		return s[i : strings.Index(s[i:], "</aside>")+i]
	}
	// neet-readiness, 18–20 February 2025: lmis-training (March 2025) is
	// near; lfs-workshop (May 2024) and lmi-webinar (September 2025) are not.
	got := around("en/activities/neet-readiness/index.html")
	if !strings.Contains(got, "/en/activities/lmis-training/") {
		t.Errorf("neet-readiness: lmis-training not shown around the same time:\n%s", got)
	}
	for _, far := range []string{"lfs-workshop", "lmi-webinar", "online-counters"} {
		if strings.Contains(got, "/en/activities/"+far+"/") {
			t.Errorf("neet-readiness: %s, months away, shown around the same time", far)
		}
	}
	// online-counters, October 2023: nothing is within six months.
	if got := around("en/activities/online-counters/index.html"); got != "" {
		t.Errorf("online-counters: activities shown around the same time:\n%s", got)
	}
}
