package corpus

import (
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/oic-pesnet/workplan/internal/schedule"
)

// hugoSite holds the Hugo site's configuration, layouts and interface
// strings; WriteHugo adds the content.
//
//go:embed all:hugosite
var hugoSite embed.FS

// WriteHugo writes the corpus as a Hugo multilingual site into t: hugo.toml,
// layouts/ and i18n/ (from hugosite/), and per language content/<lang>/
// with the home text, the areas (terms of the "areas" taxonomy) and one
// file per activity (translations share the file name).
func (c *Corpus) WriteHugo(t Target) error {
	w := &writer{t: t}
	w.err = fs.WalkDir(hugoSite, "hugosite", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := hugoSite.ReadFile(p)
		if err != nil {
			return err
		}
		return t.WriteFile(strings.TrimPrefix(p, "hugosite/"), data)
	})
	for _, lang := range Langs {
		dir := "content/" + lang + "/"
		w.file(dir+"_index.md", markdown(home[lang]))
		w.file(dir+"activities/_index.md", "---\ntitle: "+strconv.Quote(allActivities.in(lang))+"\n---\n")
		for _, a := range c.Areas {
			w.file(dir+"areas/"+a.ID+"/_index.md", markdown(a.Texts[lang]))
		}
		for _, a := range c.Activities {
			w.file(dir+"activities/"+a.ID+".md", a.hugoPage(lang))
		}
	}
	return w.err
}

var allActivities = tri{"Toutes les activités", "جميع الأنشطة", "All activities"}

// hugoPage is the activity's page in lang: its facts and text as front
// matter, its description as the body.
func (a Activity) hugoPage(lang string) string {
	t := a.Texts[lang]
	var b strings.Builder
	line := func(key string, value any) { fmt.Fprintf(&b, "%s: %v\n", key, value) }
	quoted := func(list []string) string {
		q := make([]string, len(list))
		for i, s := range list {
			q[i] = strconv.Quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	b.WriteString("---\n")
	line("title", strconv.Quote(t.Title))
	line("summary", strconv.Quote(t.Summary))
	line("areas", quoted([]string{a.Area}))
	line("type", a.Type)
	line("status", a.Status)
	line("schedule", strconv.Quote(a.Schedule))
	line("schedule_tbc", a.ScheduleTBC)
	a.hugoDates(line)
	if !a.Online {
		line("country", a.Country)
		line("city", strconv.Quote(a.City))
	}
	line("languages", quoted(a.Languages))
	line("interpretation", quoted(a.Interpretation))
	line("interpretation_tbc", a.InterpretationTBC)
	b.WriteString("providers:\n")
	for _, p := range a.Providers {
		fmt.Fprintf(&b, "  - country: %s\n    tbc: %v\n", p.Country, p.TBC)
	}
	line("beneficiaries", a.Beneficiaries)
	if a.Registration != "" {
		line("registration", a.Registration)
	}
	line("sequence", a.Sequence)
	b.WriteString("---\n")
	b.WriteString(t.Body)
	return b.String()
}

// hugoDates writes the page date (for sorting and display) and the
// iCalendar start and end, computed with pesnet's own schedule parser: an
// all-day span for dates, UTC instants for times, nothing for tbd.
func (a Activity) hugoDates(line func(string, any)) {
	sch, err := schedule.Parse(a.Schedule)
	if err != nil || sch.Precision == schedule.Undetermined {
		line("dated", false)
		return
	}
	line("dated", true)
	line("date", sch.First.Format("2006-01-02"))
	if !sch.Start.IsZero() {
		line("allday", false)
		line("dtstart", strconv.Quote(sch.Start.UTC().Format("20060102T150405Z")))
		line("dtend", strconv.Quote(sch.End.UTC().Format("20060102T150405Z")))
		return
	}
	line("allday", true)
	line("dtstart", strconv.Quote(sch.First.Format("20060102")))
	line("dtend", strconv.Quote(sch.Last.AddDate(0, 0, 1).Format("20060102")))
}
