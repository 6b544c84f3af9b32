package opendata

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The CSV export, api/v1/catalog.csv, is for spreadsheets: RFC 4180 (comma,
// CRLF line endings, also inside quoted fields), UTF-8 with a byte order
// mark so that Excel reads Arabic correctly, and a header row.
//
// Layout: one row per activity and language ("long" form), languages in the
// site's order, activities in plan order within each language. So the
// columns do not depend on the site's languages (a new language adds rows,
// never columns), and filtering the "lang" column gives one language's
// catalog. Each row holds the same facts and words as the activity's object
// in api/v1/<lang>/activities.json, flattened: lists are joined with "; "
// (codes in one column, localized names in the next), booleans are "true"
// or "false", absent optional facts are empty cells. Columns are only ever
// added, at the end (overdue and as_of came with 1.1, plan with 1.2, the
// outcome columns with 1.3): read them by name. area_number and area_title are those of the area in the
// activity's own plan (an area's number and title may change from one
// plan to the next).
//
// Spreadsheets run a cell that starts with =, +, -, @, a tab or a carriage
// return as a formula (and some, with East Asian input, their fullwidth
// forms ＝ ＋ － ＠); such a cell (a description starting with a list, say)
// is written with a leading apostrophe, which spreadsheets show as text.
// The JSON documents carry the text unchanged.
func csvHeader() []string {
	return []string{
		"id", "lang", "area", "area_number", "area_title", "number",
		"type", "type_label", "status", "status_label",
		"schedule", "schedule_text", "precision", "earliest", "latest", "schedule_tbc", "start", "end", "time_zone",
		"venue_mode", "venue_country", "venue_country_name", "venue_city",
		"languages", "language_names", "interpretation", "interpretation_names", "interpretation_tbc",
		"providers", "provider_names", "providers_tbc", "other_providers", "other_providers_label",
		"beneficiaries", "beneficiaries_label", "registration", "last_modified", "sequence",
		"text_lang", "fallback", "unreviewed", "title", "summary", "description",
		"url", "calendar_url", "area_calendar_url",
		// Added in 1.1; new columns only ever go last.
		"overdue", "as_of",
		// Added in 1.2: the activity's work plan (its id, the period).
		"plan",
		// Added in 1.3: the outcome of a completed activity (empty for the
		// others, and each fact when not reported), the outcome sentence,
		// the reason of a postponed or cancelled activity, the schedule
		// first planned.
		"held", "held_text", "held_earliest", "held_latest", "held_start", "held_end", "held_time_zone",
		"held_venue_mode", "held_venue_country", "held_venue_country_name", "held_venue_city", "held_venue_label",
		"participants", "institutions", "participating_countries", "participating_country_names",
		"materials", "report", "outcome", "reason",
		"original_schedule", "original_schedule_text", "original_earliest", "original_latest",
	}
}

const listSep = "; "

// csv returns the CSV export.
func (g *generator) csv(out io.Writer) error {
	if _, err := io.WriteString(out, "\uFEFF"); err != nil {
		return err
	}
	w := csv.NewWriter(out)
	w.UseCRLF = true
	_ = w.Write(csvHeader()) // w.Error reports any failure of the rows
	for _, lang := range g.cat.Languages {
		for i := range g.cat.Activities {
			a := g.act(lang, i)
			// The area as the activity's own plan has it: its number and
			// title, which the activity's number follows.
			number, title := 0, ""
			if ar := g.cat.AreaOf(g.cat.Activities[i]); ar != nil { // the loader checks it is there
				number = ar.Number
				if t, _ := g.cat.Text(ar.Texts, lang); t != nil {
					title = t.ShortTitle
				}
			}
			row := append(csvRow(lang, a, number, title), bool2(a.Overdue), date(g.cat.AsOf), a.Plan)
			row = append(row, outcomeCells(a)...)
			_ = w.Write(guard(row))
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return fmt.Errorf("cannot write the CSV export: %w", err)
	}
	return nil
}

func csvRow(lang string, a activity, areaNumber int, areaTitle string) []string {
	s := a.Schedule
	return []string{
		a.ID, lang, a.Area, strconv.Itoa(areaNumber), areaTitle, strconv.Itoa(a.Number),
		string(a.Type), a.Labels.Type, string(a.Status), a.Labels.Status,
		s.Notation, s.Text, s.Precision, s.Earliest, s.Latest, bool2(s.TBC), s.Start, s.End, s.TimeZone,
		string(a.Venue.Mode), a.Venue.Country, a.Venue.CountryName, a.Venue.City,
		codes(a.Languages), names(a.Languages), codes(a.Interpretation.Languages), names(a.Interpretation.Languages), bool2(a.Interpretation.TBC),
		providerCodes(a.Providers, false), providerNames(a.Providers), providerCodes(a.Providers, true), string(a.OtherProviders), a.Labels.OtherProviders,
		string(a.Beneficiaries), a.Labels.Beneficiaries, a.Registration, a.LastModified, strconv.Itoa(a.Sequence),
		a.Text.Lang, bool2(a.Text.Fallback), bool2(a.Text.Unreviewed), a.Text.Title, a.Text.Summary, a.Text.Description,
		a.URLs.Page, a.URLs.Calendar, a.URLs.AreaCalendar,
	}
}

// outcomeCells are the columns added in 1.3.
func outcomeCells(a activity) []string {
	var held dated
	var v venue
	var countries []countryName
	var participants, institutions, materials, report, heldVenue string
	if o := a.Outcome; o != nil {
		held, countries, materials, report, heldVenue = o.Held, o.Countries, strings.Join(o.Materials, listSep), o.Report, a.Labels.HeldVenue
		if o.Venue != nil {
			v = *o.Venue
		}
		if o.Participants > 0 {
			participants = strconv.Itoa(o.Participants)
		}
		if o.Institutions > 0 {
			institutions = strconv.Itoa(o.Institutions)
		}
	}
	var orig dated
	if a.OriginalSchedule != nil {
		orig = *a.OriginalSchedule
	}
	codes, names := make([]string, 0, len(countries)), make([]string, 0, len(countries))
	for _, c := range countries {
		codes, names = append(codes, c.Code), append(names, c.Name)
	}
	return []string{
		held.Notation, held.Text, held.Earliest, held.Latest, held.Start, held.End, held.TimeZone,
		string(v.Mode), v.Country, v.CountryName, v.City, heldVenue,
		participants, institutions, strings.Join(codes, listSep), strings.Join(names, listSep),
		materials, report, a.Text.Outcome, a.Text.Reason,
		orig.Notation, orig.Text, orig.Earliest, orig.Latest,
	}
}

func bool2(b bool) string { return strconv.FormatBool(b) }

func codes(ls []langName) string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		out = append(out, l.Code)
	}
	return strings.Join(out, listSep)
}

func names(ls []langName) string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		out = append(out, l.Name)
	}
	return strings.Join(out, listSep)
}

// providerCodes lists every provider country, or with tbcOnly those whose
// participation is to be confirmed.
func providerCodes(ps []provider, tbcOnly bool) string {
	var out []string
	for _, p := range ps {
		if !tbcOnly || p.TBC {
			out = append(out, p.Country)
		}
	}
	return strings.Join(out, listSep)
}

func providerNames(ps []provider) string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return strings.Join(out, listSep)
}

// guard keeps spreadsheets from running a cell as a formula (see above).
func guard(row []string) []string {
	for i, cell := range row {
		if r, _ := utf8.DecodeRuneInString(cell); cell != "" && strings.ContainsRune("=+-@\t\r＝＋－＠", r) {
			row[i] = "'" + cell
		}
	}
	return row
}
