package render

import (
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/feed"
)

// TakePartView is the "how to take part" block of an activity page: the
// registration link when there is one, otherwise the Secretariat's
// contact (site.yaml) and the national focal points; and the activity's
// own calendar file.
type TakePartView struct {
	Heading string
	// Register is the registration link ("" when none), RegisterIntro
	// and RegisterText its sentence and button.
	Register, RegisterIntro, RegisterText string
	// Contact says whom to contact; Email, EmailLabel, ContactURL and
	// ContactText are site.yaml's contact ("" when not given), Note its
	// line in the page's language.
	Contact                string
	Email, EmailLabel      string
	ContactURL             string
	ContactText            string
	Note                   string
	Calendar, CalendarText string // the activity's .ics ("" when it has no date)
}

// takePart is a's "how to take part" block, or nil for an activity that
// is over: completed or cancelled (its page then tells the outcome or the
// reason instead), or whose dates had passed on the date the content
// describes (Catalog.AsOf: its page then says the status is to be
// confirmed; the build stays reproducible). A postponed activity keeps
// it, to follow its new dates. Calendar is the activity's own .ics, when
// it has one.
func (r *Renderer) takePart(lang string, a *content.Activity, calendar bool) *TakePartView {
	if a.Status == content.StatusCompleted || a.Status == content.StatusCancelled || r.cat.Overdue(a) {
		return nil
	}
	loc := r.locs[lang]
	v := &TakePartView{Heading: loc.T("take_part_heading", nil)}
	if u := safeURL(a.Registration); u != "" {
		v.Register, v.RegisterIntro, v.RegisterText = u, loc.T("take_part_register", nil), loc.T("register", nil)
	} else if c := r.cat.Site.Config.Contact; c != nil {
		v.Contact = loc.T("take_part_contact", nil)
		v.Email, v.ContactURL, v.Note = c.Email, c.URL, c.Note[lang]
		if v.Email != "" {
			v.EmailLabel = loc.T("take_part_email", nil)
		}
		if v.ContactURL != "" {
			v.ContactText = loc.T("take_part_contact_page", nil)
		}
	} else {
		v.Contact = loc.T("take_part_focal", nil)
	}
	if calendar && feed.Placeable(a) {
		v.Calendar, v.CalendarText = feed.EventPath(lang, a.ID), loc.T("subscribe_event", nil)
	}
	return v
}
