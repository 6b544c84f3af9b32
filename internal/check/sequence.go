package check

import (
	"fmt"
	"path"

	"github.com/goccy/go-yaml"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
)

// facts are the fields of an activity's facts that calendars follow.
type facts struct {
	Schedule    string         `yaml:"schedule"`
	ScheduleTBC bool           `yaml:"schedule_tbc"`
	Status      content.Status `yaml:"status"`
	Sequence    int            `yaml:"sequence"`
}

// Sequences reports each activity whose schedule or status differs from
// the main branch while its sequence did not grow: subscribed calendars
// keep an event whose SEQUENCE has not increased, so the change would
// never reach them. A warning, so that check --strict (the pull request's
// check) fails until the editor raises sequence. It needs Changes (git);
// without them it reports nothing.
func (r *Result) Sequences() {
	if r.Changes == nil || r.site == nil {
		return
	}
	for _, a := range r.site.Activities {
		was, ok := r.Changes.earlier(a.File)
		if !ok {
			continue
		}
		now := facts{Schedule: a.Schedule.Notation, ScheduleTBC: a.ScheduleTBC, Status: a.Status, Sequence: a.Sequence}
		if (now.Schedule == was.Schedule && now.ScheduleTBC == was.ScheduleTBC && now.Status == was.Status) || now.Sequence > was.Sequence {
			continue
		}
		r.Problems.Warnf(a.File, diag.Pos{Line: 1, Col: 1}, "%s changed since %s but sequence is still %d: write sequence: %d, so that subscribed calendars replace the event",
			what(was, now), r.Changes.Base, now.Sequence, was.Sequence+1)
	}
}

// what says which of schedule and status changed, from what to what.
func what(was, now facts) string {
	switch {
	case was.Status != now.Status && (was.Schedule != now.Schedule || was.ScheduleTBC != now.ScheduleTBC):
		return fmt.Sprintf("the schedule (%q → %q) and the status (%s → %s)", was.Schedule, now.Schedule, was.Status, now.Status)
	case was.Status != now.Status:
		return fmt.Sprintf("the status (%s → %s)", was.Status, now.Status)
	case was.Schedule != now.Schedule:
		return fmt.Sprintf("the schedule (%q → %q)", was.Schedule, now.Schedule)
	}
	return "whether the date is to be confirmed"
}

// earlier returns the facts that file held at the branch point. A text
// that held none there had them in its folder's activity.yaml (the older
// layout, moved into the text on the branch). False: nothing to compare
// (a new activity, or an earlier version that did not parse).
func (c *Changes) earlier(file string) (facts, bool) {
	for _, f := range []string{file, path.Join(path.Dir(file), "activity.yaml")} {
		old, ok := c.Before[f]
		if !ok {
			continue
		}
		was := facts{Status: content.StatusPlanned} // the loader's default
		if err := yaml.Unmarshal(old, &was); err != nil {
			return facts{}, false
		}
		if was.Schedule != "" {
			return was, true
		}
	}
	return facts{}, false
}
