package render

import (
	"html/template"

	"github.com/oic-pesnet/workplan/internal/l10n"
)

// The view structs below are all that layouts see: plain strings, ready
// HTML and flags, built in one place (build*.go) for one language. Layouts
// never reach into the content model.

// Page is the data of every HTML page.
type Page struct {
	Lang, Dir   string
	L           *l10n.Localizer
	NoIndex     bool   // <meta name="robots" content="noindex">
	Title       string // <title> and <h1> unless the page says otherwise
	Description string
	Canonical   string // absolute URL
	Alternates  []Alternate
	XDefault    string // absolute URL of the default language's version
	CSS         string // root-relative, fingerprinted
	// OG is the page's Open Graph and Twitter card metadata.
	OG OpenGraph
	// Scripts are the page's own scripts (root-relative, fingerprinted),
	// loaded with defer: each is a progressive enhancement.
	Scripts  []string
	HomeHref string
	Nav      []Link
	Crumbs   []Link
	// Feed is the page's calendar feed (nil when it has none).
	Feed *Subscribe
	// JSONLD is the page's schema.org data, already JSON-encoded.
	JSONLD template.JS

	// AsOf is the footer's "Information as of <date>": the date the
	// content was last reviewed (assemble.Catalog.AsOf), never the build's.
	AsOf string

	// Banner is the notice of a page of a draft or archived plan (nil on
	// the other pages).
	Banner *Banner

	Home       *HomeView
	Plans      *PlansView
	Plan       *PlanView
	Progress   *ProgressView
	Document   *DocumentView
	Area       *AreaView
	Activity   *ActivityView
	Activities *ListView
	Facets     *FacetsView // the hub of the views, or one view's index
	Facet      *FacetView  // one country's, type's or language's list
	Root       []RootChoice
	NotFound   bool
	Embed      *EmbedView
	EmbedDocs  *EmbedDocsView
	APIDocs    *APIDocsView
}

// OpenGraph is what a page tells link previews (Open Graph, read by
// Facebook, LinkedIn, WhatsApp, Telegram, Slack; and Twitter / X, which
// falls back to og:* once twitter:card is set). Title and description
// are the page's own; the URL is its canonical one.
type OpenGraph struct {
	Type       string   // "website", or "article" for an activity
	Locale     string   // the page's language as og:locale wants it (fr_FR)
	Alternates []string // the other languages' og:locale values
}

// RootChoice is one language offered by the root page, in its own words.
type RootChoice struct {
	Lang, Dir, Name string
	Href            string
	Title, Intro    string
	Prompt          string // "Choose your language", in this language
}

// Alternate is the same page in one of the site's languages.
type Alternate struct {
	Lang, Dir, Name string
	Path            string // root-relative
	URL             string // absolute
	Current         bool
}

// Link is a navigation link.
type Link struct {
	Text    string
	Href    string
	Current bool
}

// Block is a page's text in the language actually shown. When the page's
// own translation is missing, Fallback is set and Lang/Dir are those of the
// text shown, which layouts put on the block's element.
type Block struct {
	Lang, Dir  string
	Fallback   bool
	Notice     string // the "not yet translated" notice, in the page language
	Unreviewed bool
	ReviewNote string // "translation not yet reviewed", in the text's language
	Title      template.HTML
	Summary    template.HTML
	Body       template.HTML
}

// Card is an activity in a list.
type Card struct {
	Href      string
	ID        string // the activity's id: the card's anchor is "activity-<id>"
	Level     int    // heading level of its title: 2, 3 or 4
	Compact   bool   // label, title, schedule and status only (neighbours)
	Role      string // "Previous", "Next" (neighbours in the area), or empty
	Label     string // "Activité 1.2"
	Lang, Dir string // of the title and summary (differ on fallback)
	Title     template.HTML
	Summary   template.HTML
	Type      string
	Schedule  string
	Venue     string
	// Status is one honest label: an activity whose dates have passed
	// while its status still says it is ahead shows "date passed, status
	// to be confirmed" (StatusKey "overdue"), not "planned".
	Status    string
	StatusKey string
	AreaName  string // the area's short title
	AreaTitle string // the area's short title when the card shows it
}

// AreaCard is an area on the home page.
type AreaCard struct {
	Href      string
	Label     string
	Lang, Dir string
	Title     template.HTML
	Summary   template.HTML
	Count     string
}

// HomeView is the home page: the current plan.
type HomeView struct {
	Text  Block
	Areas []AreaCard
	// Plans lists every plan when there are several (nil otherwise).
	Plans []PlanCard
	// ProgressHref leads to where the current plan stands.
	ProgressHref string
	// Next is "what's next" (find.go).
	Next *NextView
	// Timeline is the current plan as a picture.
	Timeline *TimelineView
}

// Banner marks every page of a draft plan ("draft for consultation") or of
// an archived one ("kept as a record"), with a link to the plan in force.
type Banner struct {
	Kind     string // "draft" or "archived": the CSS class
	Text     string
	LinkText string
	Href     string
}

// PlanCard is a plan in a list of plans.
type PlanCard struct {
	Href      string
	Lang, Dir string // of the title and summary (differ on fallback)
	Title     template.HTML
	Summary   template.HTML
	Status    string
	StatusKey string // draft, current or archived
	Period    string
	Count     string // "16 activities"
	Current   bool   // the card of the page's own plan, on the home page
	// DocumentHref and DocumentLink lead to the plan's full text, on the
	// list of plans ("" elsewhere).
	DocumentHref, DocumentLink string
}

// PlansView is the list of plans.
type PlansView struct {
	Intro  string
	Groups []PlanGroup
}

// PlanGroup is the plans of one status.
type PlanGroup struct {
	Heading string
	Plans   []PlanCard
}

// PlanView is a plan's overview page.
type PlanView struct {
	Text      Block
	Status    string
	StatusKey string
	Period    string
	Adopted   string // "Adopted on …", or empty
	Areas     []AreaCard
	// ActivitiesHref and ActivitiesLink lead to the plan's activity list.
	ActivitiesHref string
	ActivitiesLink string
	Count          string
	// DocumentHref and DocumentLink lead to the plan's full text, the
	// printable document (document.go).
	DocumentHref string
	DocumentLink string
	// ProgressHref and ProgressLink lead to where the plan stands (a
	// published plan only).
	ProgressHref string
	ProgressLink string
	// Timeline is the plan as a picture.
	Timeline *TimelineView
}

// AreaView is a thematic area page (one page of its activities).
type AreaView struct {
	Label string
	Text  Block
	First bool   // the first page, which shows the area's objectives
	Title string // the h1: the area's title, with "page N" after the first
	Count string
	List  List
	// Timeline is the area's activities in its plan as a picture (the
	// first page only).
	Timeline *TimelineView
}

// ActivityView is an activity page.
type ActivityView struct {
	Label    string
	TypeName string
	// When and Venue are the schedule and the venue in words, shown first.
	When, Venue string
	// Status is one label: "date passed, outcome not yet recorded"
	// (StatusKey "overdue") rather than "Planned" once the dates are past.
	Status    string
	StatusKey string
	Overdue   string // the notice of an activity whose date has passed
	Text      Block
	Facts     []Fact
	// TakePart says how to take part (nil once the activity is over).
	TakePart *TakePartView
	// Outcome (completed) and Note (postponed or cancelled): nil when none.
	Outcome   *OutcomeView
	Note      *StatusNote
	AreaHref  string // the page of the area's list that shows this activity
	AreaTitle string
	AreaLink  string // "See all the activities of …"
	// A bounded neighbourhood, whatever the size of the catalog: the
	// previous and next activities of the area by date, and the nearest
	// ones in time of any area.
	Prev, Next *Card
	Around     []Card
}

// Fact is one line of an activity's facts list.
type Fact struct {
	Name  string
	Items []Item
	Note  string
	TBC   bool // the whole fact is to be confirmed
}

// Item is one value of a fact, with its own "to be confirmed" mark.
type Item struct {
	Text template.HTML
	TBC  bool
}

// ListView is one page of the list of every activity.
type ListView struct {
	Intro string
	Count string
	List  List
	// Find is the finder, on the first page only (nil on the others).
	Find *FindView
}

// List is one page of a paginated list of activities, grouped by year.
type List struct {
	Groups []Group
	Years  []Link // each year's first page and anchor ("jump to year")
	Pager  *Pager // nil when the list fits on one page
}

// Group is the activities of one year on a page of a list.
type Group struct {
	ID      string // anchor: "year-2025", or "year-tbd"
	Heading string // the year, "(continued)" when it began on the page before
	Level   int    // heading level
	Cards   []Card
}

// Pager links the pages of a list: previous, next, the first and last
// pages and those around the current one (a bounded number of links).
type Pager struct {
	Status     string // "Page 2 of 7"
	Prev, Next *Link
	Pages      []Link // a Link with no Href is a gap ("…")
}

// Subscribe is the "subscribe to the calendar" box of a page.
type Subscribe struct {
	Title string // the feed's name
	URL   string // https URL of the .ics file
	// Webcal is the same address with the webcal: scheme, which opens
	// calendar applications. html/template only trusts http(s) and mailto
	// links, so it is marked safe here: it is built from the base URL, never
	// from content.
	Webcal template.URL
	Google string // Google Calendar's add-by-URL link
	// Outlook and Office are Outlook's "add from web" links for personal
	// (outlook.live.com) and work or school (outlook.office.com) accounts.
	Outlook, Office string
	// PlanningURL and PlanningWebcal are the feed that adds activities
	// whose date is still to be fixed (one marker each).
	PlanningURL    string
	PlanningWebcal template.URL
}

// FacetsView is the hub of the views by country, type and language (Hub:
// the three indexes) or the index page of one of them.
type FacetsView struct {
	Intro   string
	Hub     bool
	Indexes []FacetIndex
}

// FacetIndex lists the countries, types or languages with their counts,
// in the reader's alphabetical order.
type FacetIndex struct {
	ID      string // "countries", "types" or "languages": the heading's anchor
	Heading string
	Intro   string
	Href    string // the index's own page
	Items   []FacetItem
}

// FacetItem is one country, type or language in an index.
type FacetItem struct {
	Key   string // ISO code or type id
	Text  string // its name in the page's language
	Href  string
	Count string // "3 activities"
}

// FacetView is one page of the list of a country's, a type's or a
// language's activities. A card's Role says when its place in the list is
// partial (a provider to be confirmed, interpretation only).
type FacetView struct {
	Intro string
	Count string
	List  List
	// Data is the absolute URL of the list's open data document.
	Data string
}
