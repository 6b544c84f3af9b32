package scaffold

import (
	"fmt"

	"github.com/oic-pesnet/workplan/internal/content"
)

// facts is the new activity.yaml: valid defaults, each explained.
func facts(site *content.Site, req Request) string {
	return fmt.Sprintf(`# Facts of the activity, written once for every language.
# See README.md ("For editors") for every field.
id: %s                       # never change it once published (URLs, calendars)
plan: %s                     # the work plan: a folder of content/plans
area: %s
number: %d                   # number within the area
type: %s                     # training | webinar | workshop
schedule: tbd                # e.g. "2025-09", "2025-Q2", "2025-11-04/2025-11-06"; tbd = no date yet
# schedule_tbc: true         # the date is to be confirmed
venue:
  mode: online               # online | on-site
  # country: MA              # on-site only: ISO 3166-1 code
  # city: Rabat              # optional
languages: [%s]              # delivery languages
# interpretation: [ar, fr]   # simultaneous interpretation
providers: []                # e.g. - country: MA, with "tbc: true" if to be confirmed
beneficiaries: all           # all | francophone | arabophone
status: planned              # planned | confirmed | completed | postponed | cancelled
# registration: https://…    # registration link
`, req.ID, currentPlan(site), req.Area, next(site, req.Area), req.Type, site.Config.Default())
}

// placeholders are the words of a new text file, per language.
var placeholders = map[string][3]string{
	"fr": {"TODO : titre de l'activité", "TODO : une phrase qui résume l'activité.", "TODO : description de l'activité (paragraphes séparés par une ligne vide, listes avec « - »)."},
	"en": {"TODO: activity title", "TODO: one sentence summarising the activity.", "TODO: description of the activity (paragraphs separated by a blank line, lists with \"- \")."},
	"ar": {"TODO: عنوان النشاط", "TODO: جملة واحدة تلخّص النشاط.", "TODO: وصف النشاط (فقرات يفصل بينها سطر فارغ، وقوائم تبدأ بـ «- »)."},
}

// text is a new index.<lang>.md. Languages other than the default are
// marked as unreviewed translations.
func text(lang string, translation bool) string {
	p, ok := placeholders[lang]
	if !ok {
		p = placeholders["en"]
	}
	review := ""
	if translation {
		review = "unreviewed: true   # delete this line once the secretariat has reviewed the translation\n"
	}
	return fmt.Sprintf("---\ntitle: %q\nsummary: %q\n%s---\n%s\n", p[0], p[1], review, p[2])
}

// currentPlan is the id of the plan in force.
func currentPlan(site *content.Site) string {
	for _, p := range site.Plans {
		if p.Status == content.PlanCurrent {
			return p.ID
		}
	}
	return ""
}
