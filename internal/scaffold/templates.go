package scaffold

import (
	"fmt"
	"time"

	"github.com/oic-pesnet/workplan/internal/content"
)

// facts are the facts of a new activity of plan, which open the front
// matter of its default language's text: valid defaults, each explained.
func facts(plan *content.Plan, req Request, number int, lang string) string {
	return fmt.Sprintf(`# Facts of the activity, written once for every language, here only.
# See README.md ("For editors") for every field.
id: %s                       # never change it once published (URLs, calendars)
plan: %s                     # the work plan: a folder of content/plans
area: %s
number: %d                   # number within the area
type: %s                     # training | webinar | workshop
schedule: tbd                # e.g. "2025-09", "2025-Q2", "2025-11-04/2025-11-06"; tbd = no date yet
# The dates fall within the plan's period: %s to %s.
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
`, req.ID, req.Plan, req.Area, number, req.Type, plan.Starts.Format(time.DateOnly), plan.Ends.Format(time.DateOnly), lang)
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
