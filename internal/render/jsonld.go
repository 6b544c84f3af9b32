package render

import (
	"encoding/json"
	"html/template"
	"strconv"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/feed"
	"github.com/oic-pesnet/workplan/internal/schedule"
)

// jsonLD returns the schema.org EducationEvent of an activity page.
// encoding/json escapes <, > and & inside strings, so no content can close
// the <script type="application/ld+json"> element.
func (r *Renderer) jsonLD(lang string, a *content.Activity, t *content.Text) template.JS {
	loc := r.locs[lang]
	page := r.abs(assemble.ActivityPath(lang, a.ID))
	ev := map[string]any{
		"@context":            "https://schema.org",
		"@type":               "EducationEvent",
		"name":                t.Title,
		"description":         t.Summary,
		"url":                 page,
		"inLanguage":          a.Languages,
		"eventStatus":         "https://schema.org/" + eventStatus(a.Status),
		"eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
		"organizer": map[string]any{
			"@type": "Organization",
			"name":  loc.T("network_name", nil) + " (OIC-PESNET)",
			"url":   r.abs(assemble.HomePath(lang)),
		},
	}
	// A completed activity: where and when it actually took place, as its
	// calendar events say (feed.Where, feed.When).
	venue, when := feed.Where(a), feed.When(a)
	if venue.Mode == content.VenueOnline {
		ev["location"] = map[string]any{"@type": "VirtualLocation", "url": page}
	} else {
		ev["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
		addr := map[string]any{"@type": "PostalAddress", "addressCountry": venue.Country}
		if venue.City != "" {
			addr["addressLocality"] = venue.City
		}
		ev["location"] = map[string]any{"@type": "Place", "name": loc.Place(venue.Country, venue.City), "address": addr}
	}
	if when.Precision != schedule.Undetermined {
		start, end := dates(when)
		ev["startDate"] = start
		if end != start {
			ev["endDate"] = end
		}
	}
	data, err := json.Marshal(ev)
	if err != nil {
		return ""
	}
	return template.JS(data)
}

// dates writes a schedule at the precision actually known (ISO 8601
// reduced precision): "2024-09" for a month, "2025" for a quarter (ISO 8601
// has no quarters, and a day or month would be invented), days as dates and
// timed schedules with their offset.
func dates(s schedule.Schedule) (start, end string) {
	switch s.Precision {
	case schedule.Month:
		return s.First.Format("2006-01"), s.Last.Format("2006-01")
	case schedule.Quarter:
		y := strconv.Itoa(s.First.Year())
		return y, y
	case schedule.Minute:
		return s.Start.Format("2006-01-02T15:04:05-07:00"), s.End.Format("2006-01-02T15:04:05-07:00")
	}
	return s.First.Format("2006-01-02"), s.Last.Format("2006-01-02")
}

func eventStatus(status content.Status) string {
	switch status {
	case content.StatusCancelled:
		return "EventCancelled"
	case content.StatusPostponed:
		return "EventPostponed"
	}
	return "EventScheduled"
}
