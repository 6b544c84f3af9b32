package render_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/testproject"
)

var (
	docAreaRE = regexp.MustCompile(`<section class="document-area" aria-labelledby="area-([a-z0-9-]+)">`)
	docHeadRE = regexp.MustCompile(`<thead><tr>((?:<th scope="col">[^<]*</th>)+)</tr></thead>`)
	docRowRE  = regexp.MustCompile(`(?s)<tr class="document-row-([a-z]+)">(.*?)</tr>`)
)

// TestDocument checks the plan's full text (the printable document) on
// the fixture with three plans: the plan's texts, then one table per
// thematic area in the plan's order, each with the plan's seven columns
// and its activities in plan order; a postponed activity shows its new
// and first schedule, a completed one the days it was held; a draft's
// document is marked as a draft and kept out of search engines.
func TestDocument(t *testing.T) {
	files := renderFixture(t, testproject.Plans(t))
	cols := map[string][]string{
		"fr": {"N°", "Titre de l'activité", "Calendrier / lieu", "Langue", "Pays prestataires", "Bénéficiaires", "Statut"},
		"ar": {"الرقم", "عنوان النشاط", "الموعد / المكان", "اللغة", "البلدان المقدِّمة", "المستفيدون", "الحالة"},
		"en": {"No.", "Activity title", "Schedule / venue", "Language", "Provider countries", "Beneficiaries", "Status"},
	}
	for _, lang := range []string{"fr", "ar", "en"} {
		page := lang + "/plans/2025-2026/document/index.html"
		doc := string(files[page])
		if doc == "" {
			t.Fatalf("%s is not rendered", page)
		}
		// The plan's texts come before the tables.
		if i, j := strings.Index(doc, `class="prose document-text"`), strings.Index(doc, `class="document-area"`); i < 0 || j < i {
			t.Errorf("%s: the plan's texts are not before the areas' tables", page)
		}
		var areas []string
		for _, m := range docAreaRE.FindAllStringSubmatch(doc, -1) {
			areas = append(areas, m[1])
		}
		if got, want := strings.Join(areas, " "), "lmi youth-neet"; got != want {
			t.Errorf("%s: areas %q, want %q (the plan's order)", page, got, want)
		}
		heads := docHeadRE.FindAllStringSubmatch(doc, -1)
		if len(heads) != 2 {
			t.Fatalf("%s: %d tables, want one per area (2)", page, len(heads))
		}
		var want strings.Builder
		for _, c := range cols[lang] {
			want.WriteString(`<th scope="col">` + htmlEscape(c) + `</th>`)
		}
		if heads[0][1] != want.String() {
			t.Errorf("%s: columns\n%s\nwant\n%s", page, heads[0][1], want.String())
		}
		rows := docRowRE.FindAllStringSubmatch(doc, -1)
		var ids []string
		for _, r := range rows {
			ids = append(ids, regexp.MustCompile(`/activities/([a-z0-9-]+)/`).FindStringSubmatch(r[2])[1])
			if n := strings.Count(r[2], "<td") + strings.Count(r[2], `<th scope="row"`); n != 7 {
				t.Errorf("%s: a row has %d cells, want 7: %s", page, n, r[2])
			}
		}
		if got, want := strings.Join(ids, " "), "lmis-training lmi-webinar neet-guidance neet-readiness neet-mentoring-webinar"; got != want {
			t.Errorf("%s: rows %q, want %q (each area's activities in plan order)", page, got, want)
		}
		row := func(id string) (status, cells string) {
			for _, r := range rows {
				if strings.Contains(r[2], "/activities/"+id+"/") {
					return r[1], r[2]
				}
			}
			return "", ""
		}
		expect := map[string]map[string][]string{
			"fr": {"neet-guidance": {"Initialement prévu", "juin 2025", "(à confirmer)", "Reportée"},
				"neet-readiness": {"Dates de réalisation", "18–20 février 2025", "Réalisée"}},
			"en": {"neet-guidance": {"Initially planned: June 2025", "(to be confirmed)", "Postponed"},
				"neet-readiness": {"Held: ", "Completed"}},
			"ar": {"neet-guidance": {"الموعد المقرر أصلًا: ", "(قيد التأكيد)"},
				"neet-readiness": {"تواريخ التنفيذ: "}},
		}[lang]
		for id, wants := range expect {
			status, cells := row(id)
			if status != map[string]string{"neet-guidance": "postponed", "neet-readiness": "completed"}[id] {
				t.Errorf("%s: %s's row has status %q", page, id, status)
			}
			for _, w := range wants {
				if !strings.Contains(cells, htmlEscape(w)) {
					t.Errorf("%s: %s's row lacks %q:\n%s", page, id, w, cells)
				}
			}
		}
		// The plan page and the list of plans link to the documents.
		if !strings.Contains(string(files[lang+"/plans/2025-2026/index.html"]), `href="/`+lang+`/plans/2025-2026/document/"`) {
			t.Errorf("%s/plans/2025-2026/ does not link to its document", lang)
		}
		for _, id := range []string{"2023-2024", "2025-2026", "2027-2028"} {
			if !strings.Contains(string(files[lang+"/plans/index.html"]), `href="/`+lang+`/plans/`+id+`/document/"`) {
				t.Errorf("%s/plans/ does not link to the document of %s", lang, id)
			}
		}
		// A draft's document is a draft's page.
		draft := string(files[lang+"/plans/2027-2028/document/index.html"])
		for _, w := range []string{`plan-banner-draft`, `<meta name="robots" content="noindex">`, "/activities/green-skills-workshop/"} {
			if !strings.Contains(draft, w) {
				t.Errorf("%s/plans/2027-2028/document/ lacks %q", lang, w)
			}
		}
	}
	if sm := string(files["sitemap.xml"]); !strings.Contains(sm, "/en/plans/2025-2026/document/") || strings.Contains(sm, "/plans/2027-2028/document/") {
		t.Errorf("the sitemap lists a published plan's document and not a draft's")
	}
}

// htmlEscape escapes s as html/template writes text.
func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(s)
}
