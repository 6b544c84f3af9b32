// Package feed writes the iCalendar (RFC 5545, RFC 7986) feeds of the
// catalog, per language: the default feed (/<lang>/calendar.ics: only the
// activities whose days are known) and the planning feed
// (/<lang>/planning.ics: also every fuzzy item, as one marker) of the whole
// catalog, of each work plan and of each area, default feeds per
// beneficiary scope, per language of delivery, per provider country and
// per activity type, and one file per activity (paths.go). A feed of a
// country, a language or a type links the site's page of that view
// (assemble.FacetPath).
//
// Only published activities are in feeds (assemble.Catalog.Activities): a
// draft plan is on the site for consultation, but neither it nor its
// activities have a feed or an event file until it becomes current. Each
// published plan, current or archived, has its own pair of feeds
// (assemble.PlanCalendarPath, PlanPlanningPath), named after its period.
//
// Each activity is a VEVENT whose UID is derived from the activity id and
// the language only ("<id>-<lang>@<host of site.yaml's base_url>"), so it
// survives edits of the title or the date. An event's DTSTAMP and
// LAST-MODIFIED are the activity's last change (the activity's "updated",
// else site.yaml "updated"), never the build clock, and SEQUENCE is
// the activity's "sequence": the same commit always yields the same
// bytes. Each calendar's description ends with the date its statuses
// describe (assemble.Catalog.AsOf, the latest date the content gives),
// which is also the calendar's LAST-MODIFIED.
//
// A completed activity's events are on the days it was held, with a
// "completed" mark and its outcome in the DESCRIPTION; a postponed or
// cancelled one's DESCRIPTION gives its reason (outcome.go).
//
// Days are all-day events over exactly their days; a month, a span of
// months or a quarter is, in planning feeds only, one all-day marker on its
// first day (TRANSPARENT, TENTATIVE); times are written in UTC, one event
// per day for times over several days (daily sessions, UIDs "<id>-<n>-…"
// after the first). The SUMMARY starts with localized marks (Marks):
// cancelled, postponed, overdue, the fuzzy period. STATUS is CANCELLED for
// cancelled activities (they stay in the feed, so subscribed calendars learn
// of the cancellation), CONFIRMED for confirmed or completed activities on
// exact dates, TENTATIVE otherwise.
//
// An activity without a date yet (schedule "tbd") cannot be placed on a
// calendar: it is left out of the feeds, and the build prints a note naming
// it (it stays on the site and in the open data).
//
// A feed with no activity stays a valid, subscribable calendar: RFC 5545
// requires at least one component, so it holds one VJOURNAL note saying
// that no activity is scheduled (calendar applications do not show
// journals as events).
//
// Encoding is github.com/emersion/go-ical (TEXT escaping, parameter
// quoting, structural checks) behind a writer that folds lines at 75 octets
// on UTF-8 character boundaries; every line ends with CRLF. Each activity's
// events are encoded once per language and copied into every feed that
// holds them (about ten), then dropped after the last.
package feed

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/emersion/go-ical"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/plaintext"
	"github.com/oic-pesnet/workplan/internal/policy"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// Refresh is how often subscribers are asked to reload a feed.
const Refresh = "PT12H"

// Writer builds the feeds of one catalog.
type Writer struct {
	cat     *assemble.Catalog
	locs    map[string]*l10n.Localizer
	text    *plaintext.Converter
	baseURL string
	// events holds each activity's encoded events per language and mode,
	// with a use per feed listed that holds them (event.go).
	events map[eventKey]*output.Shared[[]byte]
}

// New returns a feed writer. text converts descriptions to plain text
// (nil: its own); a build shares one with the open data, so that each
// description is converted once.
func New(cat *assemble.Catalog, bundle *l10n.Bundle, baseURL string, text *plaintext.Converter) *Writer {
	if text == nil {
		text = plaintext.New()
	}
	w := &Writer{cat: cat, locs: map[string]*l10n.Localizer{}, text: text, baseURL: strings.TrimSuffix(baseURL, "/")}
	for _, lang := range cat.Languages {
		w.locs[lang] = bundle.Localizer(lang)
	}
	return w
}

// Files returns every feed, sorted by path.
func (w *Writer) Files() ([]output.File, *diag.List) { return output.Run(w) }

// Jobs is the feeds' generator (output.Generator): one job per feed, which
// builds and encodes its calendar when it runs. Per language: the default
// feed and the planning feed of the whole catalog, of each published plan
// and of each area, the default feeds per beneficiary scope, per language
// of delivery, per provider country and per activity type, and one "add
// to my calendar" file per dated activity. Every list is of published activities only.
func (w *Writer) Jobs() ([]output.Job, *diag.List) {
	problems := &diag.List{}
	var jobs []output.Job
	w.events = map[eventKey]*output.Shared[[]byte]{}
	add := func(f feedSpec) {
		for _, a := range f.acts {
			k := keyOf(f.lang, a, f.mode)
			if w.events[k] == nil {
				w.events[k] = &output.Shared[[]byte]{}
			}
			w.events[k].Use()
		}
		job := output.Job{Path: strings.TrimPrefix(f.path, "/"), Write: func(out io.Writer) error { return w.feed(out, f) }}
		if len(f.acts) == 1 { // an activity's own file, a few kilobytes: made in one piece, not through a file's buffer
			job.Write, job.Make = nil, job.Bytes
		}
		jobs = append(jobs, job)
	}
	for _, lang := range w.cat.Languages {
		loc := w.locs[lang]
		all := w.cat.Activities // published only: no draft plan's activity in any feed
		add(feedSpec{lang: lang, name: loc.T("feed_name", nil), path: assemble.CalendarPath(lang), page: assemble.ActivitiesPath(lang), acts: all, mode: Dated})
		add(feedSpec{lang: lang, name: loc.T("feed_planning_name", nil), path: PlanningPath(lang), page: assemble.ActivitiesPath(lang), acts: all, mode: Planning})
		for _, p := range w.cat.Plans {
			if !p.Published() { // a draft stays out of the feeds until it is current
				continue
			}
			data := map[string]any{"Plan": loc.Period(p.ID)}
			page, acts, desc := assemble.PlanPath(lang, p.ID), w.cat.InPlan(p.ID), loc.T("feed_plan_description", data)
			add(feedSpec{lang: lang, name: loc.T("feed_plan_name", data), path: assemble.PlanCalendarPath(lang, p.ID), page: page, acts: acts, mode: Dated, desc: desc})
			add(feedSpec{lang: lang, name: loc.T("feed_plan_planning_name", data), path: PlanPlanningPath(lang, p.ID), page: page, acts: acts, mode: Planning, desc: desc})
		}
		for _, a := range w.cat.Areas {
			t, _ := w.cat.Text(a.Texts, lang)
			name := loc.T("feed_area_name", map[string]any{"Area": t.ShortTitle})
			add(feedSpec{lang: lang, name: name, path: assemble.AreaCalendarPath(lang, a.ID), page: assemble.AreaPath(lang, a.ID), acts: w.cat.InArea(a.ID), mode: Dated})
			planning := loc.T("feed_area_planning_name", map[string]any{"Area": t.ShortTitle})
			add(feedSpec{lang: lang, name: planning, path: AreaPlanningPath(lang, a.ID), page: assemble.AreaPath(lang, a.ID), acts: w.cat.InArea(a.ID), mode: Planning})
		}
		for _, s := range scopes {
			add(feedSpec{lang: lang, name: loc.T("feed_scope_name_"+string(s), nil), path: BeneficiariesPath(lang, s), page: assemble.ActivitiesPath(lang), acts: forScope(all, s), mode: Dated})
		}
		for _, c := range deliveryLanguages(all) {
			name := loc.T("feed_language_name", map[string]any{"Language": loc.Language(c)})
			add(feedSpec{lang: lang, name: name, path: LanguagePath(lang, c), page: assemble.FacetPath(lang, assemble.FacetLanguages, c), acts: inLanguage(all, c), mode: Dated})
		}
		for _, c := range w.cat.Providers() {
			name := loc.T("feed_country_name", map[string]any{"Country": loc.Country(c)})
			add(feedSpec{lang: lang, name: name, path: CountryPath(lang, c), page: assemble.FacetPath(lang, assemble.FacetCountries, c), acts: byCountry(all, c), mode: Dated})
		}
		for _, t := range activityTypes(all) {
			name := loc.T("feed_type_name", map[string]any{"Type": loc.T(t.Message(), nil)})
			add(feedSpec{lang: lang, name: name, path: TypePath(lang, t), page: assemble.FacetPath(lang, assemble.FacetTypes, string(t)), acts: ofType(all, t), mode: Dated})
		}
		for _, a := range all {
			if Placeable(a) {
				t, _ := w.cat.Text(a.Texts, lang)
				add(feedSpec{lang: lang, name: t.Title, path: EventPath(lang, a.ID), page: assemble.ActivityPath(lang, a.ID), acts: []*content.Activity{a}, mode: Planning})
			}
		}
	}
	for _, a := range w.cat.Activities {
		if !Placeable(a) {
			problems.Add(diag.Diagnostic{File: a.File, Pos: diag.Pos{Line: 1, Col: 1}, Severity: diag.Note,
				Message: fmt.Sprintf("activity %q has no date yet (schedule \"tbd\"): it is on the site and in the open data, but left out of the calendar feeds until it gets a schedule", a.ID)})
		}
	}
	return jobs, problems
}

// feedSpec is one feed: its language, name, address, the page it mirrors,
// its activities and which of their schedules it carries; desc replaces
// the catalog's description (feed_description) when set.
type feedSpec struct {
	lang, name, path, page string
	acts                   []*content.Activity
	mode                   Mode
	desc                   string
}

// Finish reports the interface messages the feeds asked for that i18n/
// does not define (known once every job ran).
func (w *Writer) Finish() *diag.List {
	problems := &diag.List{}
	for _, lang := range w.cat.Languages {
		for _, id := range w.locs[lang].Missing() {
			problems.Errorf("i18n/"+lang+".toml", diag.Pos{}, "the feeds use message %q, which is not defined: add it", id)
		}
	}
	return problems
}

func encode(cal *ical.Calendar) ([]byte, error) {
	var buf bytes.Buffer
	f := &folder{w: &buf}
	if err := ical.NewEncoder(f).Encode(cal); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (w *Writer) abs(p string) string { return w.baseURL + p }

// feed writes the calendar of f to out. Its properties are encoded with
// the calendar around one marker component, which is then replaced by the
// events, each encoded once for every feed that holds it (encodeEvents):
// the feed is streamed, never held whole (the catalog's are tens of
// megabytes at 10,000 activities).
func (w *Writer) feed(out io.Writer, f feedSpec) error {
	cal := w.calendar(f)
	if !w.anyEvents(f) {
		for _, a := range f.acts { // their events are empty: give up the uses
			w.events[keyOf(f.lang, a, f.mode)].Release()
		}
		cal.Children = append(cal.Children, w.emptyNote(f.lang, f.path))
		b, err := encode(cal)
		if err != nil {
			return err
		}
		_, err = out.Write(b)
		return err
	}
	cal.Children = append(cal.Children, ical.NewComponent(spliceMarker))
	frame, err := encode(cal)
	if err != nil {
		return err
	}
	before, after, err := cutMarker(frame)
	if err != nil {
		return err
	}
	if _, err := out.Write(before); err != nil {
		return err
	}
	for _, a := range f.acts {
		k := keyOf(f.lang, a, f.mode)
		b, err := w.events[k].Get(func() ([]byte, error) { return w.encodeEvents(k) })
		w.events[k].Release()
		if err != nil {
			return err
		}
		if _, err := out.Write(b); err != nil {
			return err
		}
	}
	_, err = out.Write(after)
	return err
}

// anyEvents reports whether f holds at least one event.
func (w *Writer) anyEvents(f feedSpec) bool {
	for _, a := range f.acts {
		if hasEvents(a, f.mode) {
			return true
		}
	}
	return false
}

// spliceMarker names the component that stands for a feed's events while
// its calendar is encoded.
const spliceMarker = "X-PESNET-EVENTS"

// cutMarker returns what comes before and after the marker component in
// frame. The marker is the calendar's last component, and no property can
// hold its two lines (a value holds no line break, a folded line starts
// with a space).
func cutMarker(frame []byte) (before, after []byte, err error) {
	marker := []byte("BEGIN:" + spliceMarker + "\r\nEND:" + spliceMarker + "\r\n")
	i := bytes.LastIndex(frame, marker)
	if i < 0 {
		return nil, nil, fmt.Errorf("the feed's frame lost its marker")
	}
	return frame[:i], frame[i+len(marker):], nil
}

// calendar is the VCALENDAR of f, with its properties and without
// components.
func (w *Writer) calendar(f feedSpec) *ical.Calendar {
	lang, loc := f.lang, w.locs[f.lang]
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//OIC-PESNET//Work plan catalog//"+strings.ToUpper(lang))
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	// No METHOD: a feed is not an iTIP message (METHOD:PUBLISH without an
	// ORGANIZER fails libical's iTIP check).
	text(cal.Props, ical.PropName, f.name, lang)
	// The X-WR- names carry no LANGUAGE parameter: node-ical and others
	// then read them as objects and lose the calendar's name.
	plain(cal.Props, "X-WR-CALNAME", f.name)
	desc := f.desc
	if desc == "" {
		desc = loc.T("feed_description", nil)
	}
	desc += " " + loc.T("feed_as_of", map[string]any{"Date": loc.Schedule(schedule.Schedule{Precision: schedule.Day, First: w.cat.AsOf, Last: w.cat.AsOf}, false)})
	text(cal.Props, ical.PropDescription, desc, lang)
	plain(cal.Props, "X-WR-CALDESC", desc)
	setURI(cal.Props, ical.PropURL, w.abs(f.page))
	setURI(cal.Props, ical.PropSource, w.abs(f.path))
	// RFC 7986 requires the VALUE parameter on REFRESH-INTERVAL.
	cal.Props.Set(&ical.Prop{Name: ical.PropRefreshInterval, Params: ical.Params{"VALUE": {"DURATION"}}, Value: Refresh})
	cal.Props.Set(&ical.Prop{Name: "X-PUBLISHED-TTL", Params: ical.Params{}, Value: Refresh})
	// The calendar says as of which day its statuses hold (its
	// description, and overdue marks): it is last modified on that day,
	// the latest the content gives (never the clock).
	cal.Props.SetDateTime(ical.PropLastModified, w.cat.AsOf.UTC())
	return cal
}

func setURI(props ical.Props, name, u string) {
	u, ok := policy.URL(u)
	parsed, err := url.Parse(u)
	if !ok || err != nil {
		return
	}
	props.SetURI(name, parsed)
}

// updated is the activity's last change, in UTC.
func (w *Writer) updated(a *content.Activity) time.Time {
	if a.Updated.IsZero() {
		return w.cat.Site.Config.Updated.UTC()
	}
	return a.Updated.UTC()
}

// emptyNote is the single component of a feed without activities.
func (w *Writer) emptyNote(lang, feedPath string) *ical.Component {
	j := ical.NewComponent(ical.CompJournal)
	j.Props.SetText(ical.PropUID, fmt.Sprintf("empty%s@%s", strings.ReplaceAll(strings.TrimSuffix(feedPath, ".ics"), "/", "-"), w.cat.Site.Config.UIDDomain))
	j.Props.SetDateTime(ical.PropDateTimeStamp, w.cat.AsOf.UTC()) // "no activity", as of that day
	text(j.Props, ical.PropSummary, w.locs[lang].T("feed_empty", nil), lang)
	return j
}

// text sets a TEXT property with its LANGUAGE parameter.
func text(props ical.Props, name, value, lang string) {
	p := ical.NewProp(name)
	p.SetText(policy.Text(value)) // RFC 5545 TEXT carries no control but HTAB and LF (escaped by go-ical)
	p.Params.Del("VALUE")         // TEXT is the default type; go-ical adds it on X- properties
	p.Params.Set(ical.ParamLanguage, lang)
	props.Set(p)
}

// Placeable reports whether an activity can be put on a calendar: every
// schedule can, except "tbd" (no date yet), and a completed activity can
// on the days it was held (When).
func Placeable(a *content.Activity) bool { return When(a).Precision != schedule.Undetermined }

// plain sets a TEXT property without LANGUAGE.
func plain(props ical.Props, name, value string) {
	p := ical.NewProp(name)
	p.SetText(policy.Text(value))
	p.Params.Del("VALUE")
	props.Set(p)
}

// fuzzy reports whether a schedule is vaguer than a day.
func fuzzy(s schedule.Schedule) bool {
	return s.Precision == schedule.Month || s.Precision == schedule.Quarter
}
