// Package corpus generates synthetic work plan catalogs for benchmarks: N
// activities in French, Arabic and English with realistic Markdown bodies
// (about 2 KB per text), written either as a pesnet project's content
// folder (WritePesnet) or as the equivalent Hugo multilingual site
// (WriteHugo), so that the two generators can be measured on the same
// catalog (see cmd/pesnet-bench).
//
// A corpus is a pure function of N and the seed: the random numbers come
// from math/rand/v2's PCG seeded with them, nothing reads the clock, and
// no output depends on map iteration order. Two generations with the same
// arguments are byte-identical.
//
// The catalog exercises what the generators treat differently: every
// schedule form of the grammar (month, quarter, span of months, day, span of
// days, local times with a time zone, tbd) spread over 2020–2030, every
// type and status, online and on-site venues, several provider countries
// with "to be confirmed" flags, interpretation, registration links.
package corpus

import (
	"time"

	"fmt"
	"github.com/oic-pesnet/workplan/internal/schedule"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing/fstest"
)

// Langs are the corpus languages, in the order of the language switcher.
var Langs = []string{"fr", "ar", "en"}

// Corpus is a generated catalog, independent of any output format.
type Corpus struct {
	Areas      []Area
	Activities []Activity
}

// Area is a thematic area with its texts per language.
type Area struct {
	ID     string
	Number int
	Texts  map[string]Text // by language
}

// Activity is one generated activity: its facts and its texts.
type Activity struct {
	ID, Area          string
	Number            int
	Type, Status      string
	Schedule          string // notation of the schedule grammar
	ScheduleTBC       bool
	Online            bool
	Country, City     string // on-site only
	Languages         []string
	Interpretation    []string
	InterpretationTBC bool
	Providers         []Provider
	OtherProviders    string
	Beneficiaries     string
	Registration      string
	Sequence          int
	// Held, Participants and Countries are the outcome of a completed
	// activity.
	Held         string
	Participants int
	Countries    []string
	Texts        map[string]Text // by language
}

// Provider is a provider country with its "to be confirmed" flag.
type Provider struct {
	Country string
	TBC     bool
}

// Text is one language's text of a page.
type Text struct {
	Title, ShortTitle, Summary string
	Reason                     string // why a postponed or cancelled activity is
	Body                       string // Markdown
}

// Target receives the generated files. name is slash-separated and
// relative to the target's root; folders are created as needed.
type Target interface {
	WriteFile(name string, data []byte) error
}

// Dir is a Target writing under a folder of the file system.
type Dir string

// WriteFile writes data to name under d, creating folders.
func (d Dir) WriteFile(name string, data []byte) error {
	p := filepath.Join(string(d), filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// Map is a Target holding the files in memory.
type Map fstest.MapFS

// WriteFile stores data as name.
func (m Map) WriteFile(name string, data []byte) error {
	m[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	return nil
}

// New generates a catalog of n activities from seed.
func New(n int, seed uint64) *Corpus {
	g := &generator{rnd: rand.New(rand.NewPCG(seed, uint64(n)))}
	c := &Corpus{}
	for i, a := range areaDefs {
		c.Areas = append(c.Areas, Area{ID: a.id, Number: i + 1, Texts: a.texts()})
	}
	numbers := make([]int, len(areaDefs))
	for i := range n {
		ai := g.rnd.IntN(len(areaDefs))
		numbers[ai]++
		c.Activities = append(c.Activities, g.activity(i, ai, numbers[ai]))
	}
	return c
}

// generator draws the facts of activities from one random source.
type generator struct {
	rnd *rand.Rand
}

// pick returns a random element of list.
func pick[T any](g *generator, list []T) T { return list[g.rnd.IntN(len(list))] }

// chance is true with probability p.
func (g *generator) chance(p float64) bool { return g.rnd.Float64() < p }

// activity generates the i-th activity, number number of area ai.
func (g *generator) activity(i, ai, number int) Activity {
	area := areaDefs[ai]
	topic := pick(g, area.topics)
	types := []string{"training", "webinar", "workshop"}
	a := Activity{
		Area:     area.id,
		Number:   number,
		Type:     types[i%len(types)],
		Schedule: g.schedule(i),
		Sequence: g.rnd.IntN(3),
	}
	a.ID = fmt.Sprintf("%s-%s-%05d", topic.slug, a.Type, i+1)
	a.ScheduleTBC = a.Schedule != "tbd" && g.chance(0.2)
	a.Status = g.status(i, a.Schedule)
	g.venue(&a)
	g.audience(&a)
	if g.chance(0.3) {
		a.Registration = "https://example.org/register/" + a.ID
	}
	a.Texts = map[string]Text{}
	for _, lang := range Langs {
		a.Texts[lang] = g.activityText(lang, a.Type, topic)
	}
	outcome(i, &a)
	return a
}

// outcome gives a completed activity the days it was held (its first
// scheduled day, or a day of 2022 when it had none), participants and
// countries, and a postponed or cancelled one its reason; derived from i,
// so the random sequence, and every other generated value, stays the same.
func outcome(i int, a *Activity) {
	switch a.Status {
	case "completed":
		a.Held = fmt.Sprintf("2022-%02d-%02d", 1+i%12, 1+i%28)
		if s, err := schedule.Parse(a.Schedule); err == nil && s.Precision != schedule.Undetermined {
			a.Held = s.First.Format(time.DateOnly)
		}
		a.Participants = 10 + (i*37)%70
		codes := []string{"MA", "TR", "SN", "AZ", "MY", "EG", "JO", "CI", "TN", "ID"}
		for k := range 2 + i%4 {
			a.Countries = append(a.Countries, codes[(i+k*3)%len(codes)])
		}
	case "postponed", "cancelled":
		for lang, t := range a.Texts {
			t.Reason = reasons[lang]
			a.Texts[lang] = t
		}
	}
}

var reasons = map[string]string{
	"fr": "À la demande du pays hôte.",
	"ar": "بطلب من البلد المضيف.",
	"en": "At the host country's request.",
}

// zones are time zones without daylight saving time changes, so that any
// generated local time exists.
var zones = []string{"Europe/Istanbul", "Asia/Baku", "Asia/Riyadh", "Asia/Kuala_Lumpur", "Africa/Dakar"}

// schedule returns a notation of each form of the grammar in turn, in a
// year between 2020 and 2030.
func (g *generator) schedule(i int) string {
	y, m, d := 2020+g.rnd.IntN(11), 1+g.rnd.IntN(12), 1+g.rnd.IntN(25)
	switch i % 7 {
	case 0:
		return fmt.Sprintf("%d-%02d", y, m)
	case 1:
		return fmt.Sprintf("%d-Q%d", y, 1+(m-1)/3)
	case 2:
		m = min(m, 10)
		return fmt.Sprintf("%d-%02d/%d-%02d", y, m, y, m+1+g.rnd.IntN(2))
	case 3:
		return fmt.Sprintf("%d-%02d-%02d", y, m, d)
	case 4:
		return fmt.Sprintf("%d-%02d-%02d/%d-%02d-%02d", y, m, d, y, m, d+1+g.rnd.IntN(3))
	case 5:
		h := 8 + g.rnd.IntN(5)
		return fmt.Sprintf("%d-%02d-%02dT%02d:00/%d-%02d-%02dT%02d:30 %s", y, m, d, h, y, m, d, h+2+g.rnd.IntN(4), pick(g, zones))
	default:
		return "tbd"
	}
}

// status cycles through every status, with dates before the site's
// "updated" day mostly completed, as in a maintained catalog.
func (g *generator) status(i int, sch string) string {
	all := []string{"planned", "confirmed", "completed", "postponed", "cancelled"}
	if sch != "tbd" && sch[:4] < "2026" && i%5 < 2 && !g.chance(0.1) {
		return "completed"
	}
	return all[i%len(all)]
}

// venue makes a third of the activities online, the rest on site.
func (g *generator) venue(a *Activity) {
	if a.Type == "webinar" || g.chance(0.2) {
		a.Online = true
		return
	}
	c := pick(g, countries)
	a.Country = c.code
	if g.chance(0.8) {
		a.City = c.city
	}
}

// audience sets languages, interpretation, providers and beneficiaries.
func (g *generator) audience(a *Activity) {
	perm := g.rnd.Perm(len(Langs))
	nl := 1 + g.rnd.IntN(2)
	for _, k := range perm[:nl] {
		a.Languages = append(a.Languages, Langs[k])
	}
	if g.chance(0.4) {
		for _, k := range perm[nl:] {
			a.Interpretation = append(a.Interpretation, Langs[k])
		}
		a.InterpretationTBC = g.chance(0.5)
	}
	np := 1 + g.rnd.IntN(3)
	for _, k := range g.rnd.Perm(len(countries))[:np] {
		a.Providers = append(a.Providers, Provider{Country: countries[k].code, TBC: g.chance(0.3)})
	}
	scopes := []string{"all", "francophone", "arabophone"}
	if g.chance(0.4) {
		a.OtherProviders = pick(g, scopes)
	}
	a.Beneficiaries = pick(g, scopes)
}
