package corpus

import (
	"fmt"
	"strconv"
	"strings"
)

// Updated is the corpus site's "updated" date: activities dated before it
// and still planned or confirmed are shown as overdue, as in a real
// catalog.
const Updated = "2026-11-28"

// Plan is the corpus's one work plan: it covers every date the generator
// writes (2020 to spans that end in 2031).
const Plan = "2020-2031"

// WritePesnet writes the corpus as a pesnet project's content folder
// (content/site.yaml, home texts, areas, activities) into t. The project's
// code (layouts/, static/, i18n/, netlify.toml) is not written.
func (c *Corpus) WritePesnet(t Target) error {
	w := &writer{t: t}
	w.file("content/site.yaml", "base_url: https://bench.example.org/\nlanguages: ["+strings.Join(Langs, ", ")+"]\nupdated: "+Updated+"\n")
	plan := "content/plans/" + Plan + "/"
	w.file(plan+"plan.yaml", "status: current\n")
	for _, lang := range Langs {
		w.file(plan+"_index."+lang+".md", markdown(home[lang]))
	}
	for _, a := range c.Areas {
		w.file(plan+"areas/"+a.ID+"/area.yaml", fmt.Sprintf("number: %d\n", a.Number))
		for _, lang := range Langs {
			w.file(plan+"areas/"+a.ID+"/_index."+lang+".md", markdown(a.Texts[lang]))
		}
	}
	for _, a := range c.Activities {
		// As editors and the browser editor write them: the facts at the
		// top of the default language's front matter.
		dir := "content/activities/" + a.ID + "/"
		for i, lang := range Langs {
			facts := ""
			if i == 0 {
				facts = a.yaml()
			}
			w.file(dir+"index."+lang+".md", withFacts(facts, a.Texts[lang]))
		}
	}
	return w.err
}

// writer writes files into a Target until the first error, which it keeps.
type writer struct {
	t   Target
	err error
}

func (w *writer) file(name, data string) {
	if w.err == nil {
		w.err = w.t.WriteFile(name, []byte(data))
	}
}

// markdown is a text file: front matter, then the body.
func markdown(t Text) string { return withFacts("", t) }

// withFacts is a text file whose front matter starts with facts (YAML
// lines, or nothing).
func withFacts(facts string, t Text) string {
	var b strings.Builder
	b.WriteString("---\n" + facts + "title: " + strconv.Quote(t.Title) + "\n")
	if t.ShortTitle != "" {
		b.WriteString("short_title: " + strconv.Quote(t.ShortTitle) + "\n")
	}
	b.WriteString("summary: " + strconv.Quote(t.Summary) + "\n")
	if t.Reason != "" {
		b.WriteString("reason: " + strconv.Quote(t.Reason) + "\n")
	}
	b.WriteString("---\n")
	b.WriteString(t.Body)
	return b.String()
}

// yaml is the activity's facts, as YAML lines.
func (a Activity) yaml() string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("id: %s\nplan: %s\narea: %s\nnumber: %d\ntype: %s", a.ID, Plan, a.Area, a.Number, a.Type)
	line("schedule: %q", a.Schedule)
	if a.ScheduleTBC {
		line("schedule_tbc: true")
	}
	if a.Online {
		line("venue:\n  mode: online")
	} else {
		line("venue:\n  mode: on-site\n  country: %s", a.Country)
		if a.City != "" {
			line("  city: %s", a.City)
		}
	}
	line("languages: [%s]", strings.Join(a.Languages, ", "))
	if len(a.Interpretation) > 0 {
		line("interpretation: [%s]", strings.Join(a.Interpretation, ", "))
		if a.InterpretationTBC {
			line("interpretation_tbc: true")
		}
	}
	line("providers:")
	for _, p := range a.Providers {
		line("  - country: %s", p.Country)
		if p.TBC {
			line("    tbc: true")
		}
	}
	if a.OtherProviders != "" {
		line("other_providers: %s", a.OtherProviders)
	}
	line("beneficiaries: %s\nstatus: %s", a.Beneficiaries, a.Status)
	if a.Registration != "" {
		line("registration: %s", a.Registration)
	}
	line("sequence: %d", a.Sequence)
	if a.Held != "" {
		line("held: %q\nparticipants: %d\nparticipating_countries: [%s]", a.Held, a.Participants, strings.Join(a.Countries, ", "))
	}
	return b.String()
}

// ReplaceContent replaces the content/ files of project (a whole project
// in memory, such as internal/testproject's) with the catalog's: for tests
// at scale with the repository's real layouts and strings.
func (c *Corpus) ReplaceContent(project Map) error {
	for name := range project {
		if strings.HasPrefix(name, "content/") {
			delete(project, name)
		}
	}
	return c.WritePesnet(project)
}
