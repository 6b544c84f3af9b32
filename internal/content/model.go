// Package content loads the project's content folder into typed values: the
// load stage of the build (load → assemble → render → write).
//
// Layout of the content folder (an fs.FS, so tests use in-memory trees):
//
//	site.yaml                                   languages and base URL
//	plans/<plan-id>/plan.yaml                   work plan facts (status, period)
//	plans/<plan-id>/_index.<lang>.md            plan title, summary, texts
//	plans/<plan-id>/areas/<area-id>/area.yaml   thematic area of the plan (number)
//	plans/<plan-id>/areas/<area-id>/_index.<lang>.md  area title, summary, objectives
//	activities/<dir>/index.<lang>.md            activity title, summary, description;
//	                                            the default language's also holds the
//	                                            activity's facts, written once
//	activities/<dir>/activity.yaml              the older layout: the facts alone, and
//	                                            then no facts in any index.<lang>.md
//
// A plan's id is its period ("2024-2026"). Areas belong to a plan: an area
// that continues into the next plan keeps its id there, with that plan's
// title and objectives. Activities name their plan and area; their ids are
// unique across plans (they are URLs and calendar UIDs, which must not
// change when a plan is archived).
//
// Facts (dates, countries, status…) are written once, so they can never
// disagree between translations: in plan.yaml and area.yaml, and in the
// front matter of an activity's default-language text (where the browser
// editor, /admin/, writes them) or its activity.yaml; the other language
// files carry only text, and a fact written there is an error. Load reads everything, checks it, and returns every problem found,
// each with the file, line and column (counted in the file itself) and a
// message that says how to fix it. A missing translation is a warning, not
// an error: later stages show another language's text with a notice.
//
// Load only reads: it never writes or modifies anything in the folder.
package content

import (
	"crypto/sha256"
	"time"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// Site is everything the content folder holds.
type Site struct {
	Config     Config
	Plans      []*Plan     // sorted by id (period)
	Areas      []*Area     // every plan's areas: by plan, then Number
	Activities []*Activity // by plan, area number, then Number
}

// Plan statuses. Exactly one plan is current; a draft is published for
// consultation (marked as a draft, kept out of feeds, data and search
// engines); an archived plan is kept as the record of what was done.
const (
	PlanDraft    PlanStatus = "draft"
	PlanCurrent  PlanStatus = "current"
	PlanArchived PlanStatus = "archived"
)

// PlanStatus is a plan's status: PlanDraft, PlanCurrent or PlanArchived.
type PlanStatus string

// Message is the id of the interface message naming the status.
func (s PlanStatus) Message() string { return "plan_status_" + string(s) }

// Plan is a work plan: the network's programme for a period.
type Plan struct {
	ID     string // its period, "2024-2026"
	File   string // display path of plan.yaml
	Status PlanStatus
	// Starts and Ends are the first and last days the plan covers.
	Starts, Ends time.Time
	// Adopted is the date the plan was adopted (zero: not yet); each
	// language's text may name the meeting (Text.Meeting).
	Adopted time.Time
	Texts   Texts
}

// Published reports whether the plan's activities appear in the catalog's
// lists, feeds and data (every plan but a draft).
func (p *Plan) Published() bool { return p.Status != PlanDraft }

// Config is site.yaml.
type Config struct {
	// BaseURL is the absolute URL the site is published at, ending in "/".
	BaseURL string
	// Languages in the order of the language switcher; the first is the
	// default language (the root page's fallback, x-default).
	Languages []string
	// UIDDomain is the host of site.yaml's base_url. Calendar UIDs end with
	// it; it does not follow a --base-url override, so UIDs stay the same in
	// deploy previews and production.
	UIDDomain string
	// Updated is the date content was last reviewed as a whole: the
	// default "last change" of activities that give none.
	Updated time.Time
	// Contact is how visitors reach the Secretariat (nil: not given).
	Contact *Contact
}

// Default returns the default language.
func (c Config) Default() string { return c.Languages[0] }

// Text is one language's text of a page.
type Text struct {
	Lang       string
	File       string // display path of the file
	Title      string
	ShortTitle string
	Summary    string
	// Meeting names the meeting that adopted a plan (plan texts only).
	Meeting string
	// Outcome (completed activities) and Reason (postponed or cancelled
	// ones) are one-line texts of activity texts.
	Outcome string
	Reason  string
	// at holds where some front matter fields are written, for problems
	// found once the facts are known.
	at map[string]diag.Pos
	// facts are the activity's facts when this text's front matter holds
	// them (the default language's text of an activity without
	// activity.yaml).
	facts *factsRead
	// Unreviewed marks a translation the secretariat has not reviewed yet.
	Unreviewed bool
	// Body is the Markdown after the front matter; BodyLine is the file
	// line of its first line.
	Body     []byte
	BodyLine int
	// head is a digest of the file before its body (the front matter and
	// its fences), to tell an edit of the body alone (ReplaceBody).
	head [sha256.Size]byte
}

// Texts holds a page's text per language code.
type Texts map[string]*Text

// Area is a thematic area of a plan.
type Area struct {
	Plan   string // the plan's id
	ID     string
	Number int
	File   string // display path of area.yaml
	Texts  Texts
}

// Activity types.
const (
	TypeTraining Type = "training"
	TypeWebinar  Type = "webinar"
	TypeWorkshop Type = "workshop"
)

// Type is an activity's type, one of the Type constants. The values are
// the words editors write, URLs and open data use.
type Type string

// Message is the id of the interface message naming the type.
func (t Type) Message() string { return "type_" + string(t) }

// Types are the activity types, in the order forms and filters offer them.
func Types() []Type { return []Type{TypeTraining, TypeWebinar, TypeWorkshop} }

// Activity statuses.
const (
	StatusPlanned   Status = "planned"
	StatusConfirmed Status = "confirmed"
	StatusCompleted Status = "completed"
	StatusPostponed Status = "postponed"
	StatusCancelled Status = "cancelled"
)

// Status is an activity's status, one of the Status constants.
type Status string

// Message is the id of the interface message naming the status.
func (s Status) Message() string { return "status_" + string(s) }

// Statuses are the activity statuses, in the order of an activity's life
// (forms, filters, figures and charts use it).
func Statuses() []Status {
	return []Status{StatusPlanned, StatusConfirmed, StatusCompleted, StatusPostponed, StatusCancelled}
}

// ReasonMessage is the id of the message that introduces the reason of a
// postponed or cancelled activity.
func (s Status) ReasonMessage() string { return "reason_" + string(s) }

// Venue modes.
const (
	VenueOnline VenueMode = "online"
	VenueOnSite VenueMode = "on-site"
)

// VenueMode says whether an activity is online or on site.
type VenueMode string

// Scopes of beneficiaries and of "other provider countries".
const (
	ScopeAll         Scope = "all"
	ScopeFrancophone Scope = "francophone"
	ScopeArabophone  Scope = "arabophone"
)

// Scope is a set of member states: all of them, or those of a language.
type Scope string

// Scopes are the scopes, all first.
func Scopes() []Scope { return []Scope{ScopeAll, ScopeFrancophone, ScopeArabophone} }

// BeneficiariesMessage is the id of the message naming the scope as an
// activity's beneficiaries.
func (s Scope) BeneficiariesMessage() string { return "beneficiaries_" + string(s) }

// OtherProvidersMessage is the id of the message naming the scope as the
// "other provider countries".
func (s Scope) OtherProvidersMessage() string { return "other_providers_" + string(s) }

// Activity is one training course, webinar or workshop.
type Activity struct {
	File string // display path of the file holding its facts
	// StatusAt is where the status is written in File (zero when the
	// file has no status line), for messages that ask to change it.
	StatusAt diag.Pos
	Facts
	Texts Texts
}

// Facts are an activity's language-neutral data.
type Facts struct {
	ID     string
	Plan   string // the plan's id
	Area   string // an area of that plan
	Number int
	Type   Type
	// Schedule with its "to be confirmed" flag.
	Schedule    schedule.Schedule
	ScheduleTBC bool
	Venue       Venue
	// Languages of delivery and of simultaneous interpretation (ISO 639-1).
	Languages         []string
	Interpretation    []string
	InterpretationTBC bool
	Providers         []Provider
	// OtherProviders is "", ScopeAll or ScopeFrancophone/ScopeArabophone:
	// "and other relevant (francophone) OIC member states".
	OtherProviders Scope
	Beneficiaries  Scope
	Status         Status
	Registration   string
	// Updated is the date of the activity's last change (zero: the site's
	// Updated). Sequence counts the changes of its schedule or status;
	// editors increase it by one with each such change, and calendar feeds
	// publish it so that subscribed calendars replace the old event.
	Updated  time.Time
	Sequence int
	// OriginalSchedule is the schedule first planned, kept when the
	// activity was postponed (Schedule is then the new one).
	OriginalSchedule schedule.Schedule
	// Outcome records what happened; only a completed activity has one.
	Outcome Outcome
}

// Outcome is what a completed activity achieved, written once for every
// language (each language's text may add a short outcome sentence).
type Outcome struct {
	// Held are the days it actually took place (day or minute precision).
	Held schedule.Schedule
	// Venue is where it actually took place when that changed (Mode ""
	// otherwise).
	Venue Venue
	// Participants and Institutions are counts (0: not reported);
	// Countries the participating countries (ISO 3166-1 codes, sorted as
	// written).
	Participants int
	Institutions int
	Countries    []string
	// Materials and Report are https links.
	Materials []string
	Report    string
}

// Reported reports whether o holds anything.
func (o Outcome) Reported() bool {
	return o.Held.Precision != schedule.Undetermined || o.Venue.Mode != "" || o.Participants > 0 || o.Institutions > 0 ||
		len(o.Countries) > 0 || len(o.Materials) > 0 || o.Report != ""
}

// Venue says where an activity takes place.
type Venue struct {
	Mode    VenueMode
	Country string // ISO 3166-1 alpha-2, on-site only
	City    string // optional, on-site only
}

// Provider is a provider country with its own "to be confirmed" flag.
type Provider struct {
	Country string
	TBC     bool
}
