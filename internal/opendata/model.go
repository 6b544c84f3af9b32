package opendata

import "github.com/oic-pesnet/workplan/internal/content"

// The structs below are the documents exactly as published: field order is
// key order, so the output is stable without sorting. Maps appear only where
// keys are language codes (langMap and the per-language blocks of the
// catalog); encoding/json writes map keys sorted, so they are stable too.
// Optional facts are omitted when absent (never null); lists are always
// present, possibly empty. Every field here must be described in the schema
// of its document (schema/*.json): TestSchemas fails otherwise.

// header starts every JSON document. AsOf is the date the statuses
// describe (assemble.Catalog.AsOf: the latest of site.yaml "updated" and
// the activities' "updated"): the content's own date, never the clock.
type header struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	AsOf    string `json:"as_of"`
}

// langHeader starts every per-language document.
type langHeader struct {
	header
	Lang string `json:"lang"`
	Dir  string `json:"dir"`
}

// langMap maps a language code to a string in that language.
type langMap map[string]string

// languageInfo describes one of the site's languages, named in itself.
type languageInfo struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Dir     string `json:"dir"`
	Default bool   `json:"default"`
}

// indexDoc is api/v1/index.json.
type indexDoc struct {
	header
	BaseURL   string         `json:"base_url"`
	Languages []languageInfo `json:"languages"`
	Documents []docRef       `json:"documents"`
	Schemas   []schemaRef    `json:"schemas"`
	// Progress lists the progress documents (since 1.3) apart from
	// Documents and Schemas, whose enumerations of kinds and names a
	// schema kept from 1.2 closes: a new value there would fail it.
	Progress []progressRef `json:"progress"`
	// Views lists the documents of each type and language (since 1.4),
	// apart for the same reason.
	Views []viewRef `json:"views"`
	// Upcoming lists each language's upcoming document (since 1.5),
	// apart for the same reason.
	Upcoming []upcomingRef `json:"upcoming"`
	// Past lists each language's recent past documents (since 1.6),
	// apart for the same reason.
	Past []upcomingRef `json:"past"`
}

// progressRef lists the progress documents of one published plan.
type progressRef struct {
	Plan   string `json:"plan"`
	URL    string `json:"url"`
	CSV    string `json:"csv"`
	Schema string `json:"schema"`
}

// docRef lists one published document in the index.
type docRef struct {
	Kind      string `json:"kind"`
	Lang      string `json:"lang,omitempty"`
	Area      string `json:"area,omitempty"`
	Country   string `json:"country,omitempty"`
	URL       string `json:"url"`
	MediaType string `json:"media_type"`
	Schema    string `json:"schema,omitempty"`
}

// schemaRef lists one schema in the index.
type schemaRef struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// catalogDoc is api/v1/catalog.json: everything, in every language.
type catalogDoc struct {
	header
	Languages  []languageInfo    `json:"languages"`
	Plans      []catalogPlan     `json:"plans"` // since 1.2
	Areas      []catalogArea     `json:"areas"`
	Activities []catalogActivity `json:"activities"`
}

// activitiesDoc is api/v1/<lang>/activities.json.
type activitiesDoc struct {
	langHeader
	Plans      []plan     `json:"plans"` // since 1.2
	Areas      []area     `json:"areas"`
	Activities []activity `json:"activities"`
}

// areaDoc is api/v1/<lang>/areas/<area-id>.json.
type areaDoc struct {
	langHeader
	Area       area       `json:"area"`
	Activities []activity `json:"activities"`
}

// countriesDoc is api/v1/<lang>/countries.json.
type countriesDoc struct {
	langHeader
	Countries []country `json:"countries"`
}

// countryDoc is api/v1/<lang>/countries/<CC>.json.
type countryDoc struct {
	langHeader
	Country    country    `json:"country"`
	Activities []activity `json:"activities"`
}

// country is a provider country with the number of activities it provides.
type country struct {
	Code          string     `json:"code"`
	Name          string     `json:"name"`
	ActivityCount int        `json:"activity_count"`
	TBCCount      int        `json:"tbc_count"` // of which its participation is to be confirmed
	URLs          countryURL `json:"urls"`
}

type countryURL struct {
	Data string `json:"data"`
}

// plan is a work plan in one language. Every plan is listed, drafts
// included (their pages are published for consultation), but a draft's
// activities are in no activity list and it has no feed (no Calendar).
type plan struct {
	planFacts
	Text   planText   `json:"text"`
	Labels planLabels `json:"labels"`
	URLs   planURLs   `json:"urls"`
}

// planFacts are the language-neutral facts of a plan.
type planFacts struct {
	ID      string             `json:"id"`
	Status  content.PlanStatus `json:"status"`
	Starts  string             `json:"starts"`
	Ends    string             `json:"ends"`
	Adopted string             `json:"adopted,omitempty"`
	// ActivityCount counts every activity of the plan, those of a draft
	// too (which the activity lists leave out).
	ActivityCount int `json:"activity_count"`
}

// planText is a plan's text in the language shown, plain text.
type planText struct {
	textMeta
	Title     string `json:"title"`
	Summary   string `json:"summary"`
	AdoptedAt string `json:"adopted_at,omitempty"` // the meeting that adopted it
}

// planLabels are the site's words for a plan's status.
type planLabels struct {
	Status string `json:"status"`
}

type planURLs struct {
	Page       string  `json:"page"`
	Pages      langMap `json:"pages"`
	Activities string  `json:"activities"`
	Calendar   string  `json:"calendar,omitempty"` // published plans only
	planData
}

// planData are the addresses of a published plan's progress documents
// (since 1.3), the same in every language.
type planData struct {
	Progress    string `json:"progress,omitempty"`
	ProgressCSV string `json:"progress_csv,omitempty"`
}

// catalogPlan is a work plan in every language.
type catalogPlan struct {
	planFacts
	Texts  map[string]planText   `json:"texts"`
	Labels map[string]planLabels `json:"labels"`
	URLs   catalogPlanURLs       `json:"urls"`
}

type catalogPlanURLs struct {
	Pages      langMap `json:"pages"`
	Activities langMap `json:"activities"`
	Calendars  langMap `json:"calendars,omitempty"` // published plans only
	planData
}

// area is a thematic area in one language: the catalog's version of the
// area (assemble.Catalog.Areas), that of Plan.
type area struct {
	ID         string   `json:"id"`
	Plan       string   `json:"plan"` // since 1.2
	Number     int      `json:"number"`
	Text       areaText `json:"text"`
	Activities []string `json:"activities"` // ids, plan order
	URLs       areaURLs `json:"urls"`
}

// areaText is an area's text in the language shown.
type areaText struct {
	textMeta
	Title      string   `json:"title"`
	ShortTitle string   `json:"short_title"`
	Summary    string   `json:"summary"`
	Objectives []string `json:"objectives"`
}

// textMeta says which language a text is in and whether it is a fallback
// (the requested language's text is missing) or an unreviewed translation.
type textMeta struct {
	Lang       string `json:"lang"`
	Fallback   bool   `json:"fallback"`
	Unreviewed bool   `json:"unreviewed"`
}

type areaURLs struct {
	Page     string  `json:"page"`
	Pages    langMap `json:"pages"`
	Calendar string  `json:"calendar"`
	Data     string  `json:"data"`
}

// catalogArea is a thematic area in every language.
type catalogArea struct {
	ID         string              `json:"id"`
	Plan       string              `json:"plan"`
	Number     int                 `json:"number"`
	Texts      map[string]areaText `json:"texts"`
	Activities []string            `json:"activities"`
	URLs       catalogAreaURLs     `json:"urls"`
}

type catalogAreaURLs struct {
	Pages     langMap `json:"pages"`
	Calendars langMap `json:"calendars"`
	Data      langMap `json:"data"`
}

// activity is an activity in one language.
type activity struct {
	activityFacts
	Schedule       activitySchedule `json:"schedule"`
	Venue          venue            `json:"venue"`
	Languages      []langName       `json:"languages"`
	Interpretation interpretation   `json:"interpretation"`
	Providers      []provider       `json:"providers"`
	activityMore
	// Since 1.3 (outcome.go): the schedule first planned, kept when the
	// activity was postponed, and what a completed activity achieved.
	OriginalSchedule *dated       `json:"original_schedule,omitempty"`
	Outcome          *outcome     `json:"outcome,omitempty"`
	Text             activityText `json:"text"`
	Labels           labels       `json:"labels"`
	URLs             activityURLs `json:"urls"`
}

// activityFacts and activityMore are the language-neutral scalars shared
// by both forms of an activity (embedded, so their fields are inlined).
type activityFacts struct {
	ID     string         `json:"id"`
	Plan   string         `json:"plan"` // since 1.2
	Area   string         `json:"area"`
	Number int            `json:"number"`
	Type   content.Type   `json:"type"`
	Status content.Status `json:"status"`
	// Overdue: the dates have passed (as of the document's as_of) while
	// the status is still planned or confirmed (assemble.Catalog.Overdue,
	// the site's rule).
	Overdue bool `json:"overdue"`
}

type activityMore struct {
	OtherProviders content.Scope `json:"other_providers,omitempty"`
	Beneficiaries  content.Scope `json:"beneficiaries"`
	Registration   string        `json:"registration,omitempty"`
	LastModified   string        `json:"last_modified"`
	Sequence       int           `json:"sequence"`
}

// scheduleFacts is the language-neutral part of a schedule.
type scheduleFacts struct {
	Notation  string `json:"notation"`
	Precision string `json:"precision"`
	Earliest  string `json:"earliest,omitempty"` // absent when undetermined
	Latest    string `json:"latest,omitempty"`
	TBC       bool   `json:"tbc"`
	Start     string `json:"start,omitempty"`
	End       string `json:"end,omitempty"`
	TimeZone  string `json:"time_zone,omitempty"`
}

type activitySchedule struct {
	scheduleFacts
	Text string `json:"text"`
}

type venue struct {
	Mode        content.VenueMode `json:"mode"`
	Country     string            `json:"country,omitempty"`
	CountryName string            `json:"country_name,omitempty"`
	City        string            `json:"city,omitempty"`
}

type langName struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type interpretation struct {
	Languages []langName `json:"languages"`
	TBC       bool       `json:"tbc"`
}

type provider struct {
	Country string `json:"country"`
	Name    string `json:"name"`
	TBC     bool   `json:"tbc"`
}

// activityText is an activity's text in the language shown, plain text.
type activityText struct {
	textMeta
	Title       string `json:"title"`
	Summary     string `json:"summary"`
	Description string `json:"description"`
	// Since 1.3: the outcome sentence of a completed activity, the reason
	// of a postponed or cancelled one, when the text gives them.
	Outcome string `json:"outcome,omitempty"`
	Reason  string `json:"reason,omitempty"`
}

// labels are the words the site uses for the enumerated facts.
type labels struct {
	Type           string `json:"type"`
	Status         string `json:"status"`
	Venue          string `json:"venue"`
	Beneficiaries  string `json:"beneficiaries"`
	OtherProviders string `json:"other_providers,omitempty"`
	HeldVenue      string `json:"held_venue,omitempty"` // since 1.3: the actual venue, when it changed
}

type activityURLs struct {
	Page         string  `json:"page"`
	Pages        langMap `json:"pages"`
	Calendar     string  `json:"calendar"`
	AreaCalendar string  `json:"area_calendar"`
	PlanCalendar string  `json:"plan_calendar"` // since 1.2
}

// catalogActivity is an activity in every language: the facts once, each
// name as a langMap, the texts and labels per language.
type catalogActivity struct {
	activityFacts
	Schedule       catalogSchedule       `json:"schedule"`
	Venue          catalogVenue          `json:"venue"`
	Languages      []catalogLangName     `json:"languages"`
	Interpretation catalogInterpretation `json:"interpretation"`
	Providers      []catalogProvider     `json:"providers"`
	activityMore
	OriginalSchedule *catalogDated           `json:"original_schedule,omitempty"` // since 1.3
	Outcome          *catalogOutcome         `json:"outcome,omitempty"`           // since 1.3
	Texts            map[string]activityText `json:"texts"`
	Labels           map[string]labels       `json:"labels"`
	URLs             catalogActivityURLs     `json:"urls"`
}

type catalogSchedule struct {
	scheduleFacts
	Text langMap `json:"text"`
}

type catalogVenue struct {
	Mode        content.VenueMode `json:"mode"`
	Country     string            `json:"country,omitempty"`
	CountryName langMap           `json:"country_name,omitempty"`
	City        string            `json:"city,omitempty"`
}

type catalogLangName struct {
	Code string  `json:"code"`
	Name langMap `json:"name"`
}

type catalogInterpretation struct {
	Languages []catalogLangName `json:"languages"`
	TBC       bool              `json:"tbc"`
}

type catalogProvider struct {
	Country string  `json:"country"`
	Name    langMap `json:"name"`
	TBC     bool    `json:"tbc"`
}

type catalogActivityURLs struct {
	Pages         langMap `json:"pages"`
	Calendars     langMap `json:"calendars"`
	AreaCalendars langMap `json:"area_calendars"`
	PlanCalendars langMap `json:"plan_calendars"`
}
