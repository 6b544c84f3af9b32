package content

import (
	"maps"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/mdlimit"
)

// textKind says which front matter fields a text file may have.
type textKind int

const (
	planText textKind = iota
	areaText
	activityText
)

// textSpec says what a text file holds: its language and kind, and for an
// activity's text, where the activity's facts are written (factsHome, a
// file name of its folder) and whether that is this file's front matter.
type textSpec struct {
	lang      string
	kind      textKind
	factsHome string
	facts     bool
}

// factsRead are facts read from a text's front matter, with where some
// fields are written (see loader.pos).
type factsRead struct {
	Facts
	pos      map[string]diag.Pos
	statusAt diag.Pos
}

// decodeText decodes the front matter of a page's text file.
func decodeText(d *decoder, doc *document, spec textSpec) *Text {
	lang, kind := spec.lang, spec.kind
	t := &Text{Lang: lang, File: d.file, Body: doc.body, BodyLine: doc.bodyLine}
	mdlimit.Report(d.file, doc.body, doc.bodyLine, d.problems) // Markdown shapes that parse slowly are refused here, before any parser sees the body
	line := func(key string, dst *string) func(ast.Node) {
		return func(n ast.Node) {
			s, ok := d.oneLine(n, key)
			if ok && strings.TrimSpace(s) == "" {
				d.errorf(n, "%q is empty: write the %s", key, key)
			}
			*dst = strings.TrimSpace(s)
		}
	}
	h := map[string]func(ast.Node){
		"title":      line("title", &t.Title),
		"summary":    line("summary", &t.Summary),
		"unreviewed": func(n ast.Node) { t.Unreviewed, _ = d.boolean(n, "unreviewed") },
	}
	switch kind {
	case areaText:
		h["short_title"] = line("short_title", &t.ShortTitle)
	case planText:
		h["adopted_at"] = line("adopted_at", &t.Meeting)
	case activityText:
		t.at = map[string]diag.Pos{}
		for key, dst := range map[string]*string{"outcome": &t.Outcome, "reason": &t.Reason} {
			h[key] = func(n ast.Node) { t.at[key] = d.pos(n); line(key, dst)(n) }
		}
	}
	required := []string{"title", "summary"}
	var facts *Facts
	if kind == activityText {
		facts, required = activityFacts(d, doc, spec, h, required)
	}
	fields{d: d, handlers: h, required: required}.decode(doc.fm, "the front matter")
	if facts != nil {
		checkFacts(d, doc.fm, facts)
		t.facts = &factsRead{Facts: *facts}
		t.facts.pos, t.facts.statusAt = factPositions(d, doc.fm)
	}
	if t.ShortTitle == "" {
		t.ShortTitle = t.Title
	}
	return t
}

// activityFacts adds to h, the handlers of an activity text's front
// matter, those of the facts: decoding them into the returned Facts when
// the text holds them (spec.facts), refusing each otherwise. It returns
// the fields then required.
func activityFacts(d *decoder, doc *document, spec textSpec, h map[string]func(ast.Node), required []string) (*Facts, []string) {
	if spec.facts && !hasAnyKey(doc.fm, factHandlers(d, &Facts{})) {
		d.problems.Errorf(d.file, diag.Pos{Line: doc.fmLine, Col: 1}, "the front matter holds none of the activity's facts (id, plan, area, number, type, schedule…): this text of the default language is where they are written; add them (pesnet new writes a complete example), or restore the folder's activity.yaml")
		spec.facts = false
	}
	if !spec.facts {
		for key := range factHandlers(d, &Facts{}) {
			h[key] = func(n ast.Node) { misplacedFact(d, n, key, spec) }
		}
		return nil, required
	}
	facts := &Facts{Status: StatusPlanned}
	maps.Copy(h, factHandlers(d, facts))
	return facts, append(slices.Clone(factKeys), required...)
}

// misplacedFact reports a fact written in a text that does not hold the
// activity's facts.
func misplacedFact(d *decoder, n ast.Node, key string, spec textSpec) {
	d.errorf(n, "%q is a fact of the activity: facts are written once for every language, in %s; remove it from this file", key, spec.factsHome)
}

// factPositions returns where the fields that later checks point at are
// written in root (see loader.pos), and where the status is (zero when
// not written).
func factPositions(d *decoder, root ast.Node) (map[string]diag.Pos, diag.Pos) {
	pos := map[string]diag.Pos{}
	for _, key := range []string{"id", "number", "plan", "area", "schedule", "status", "held", "original_schedule"} {
		pos[key] = d.pos(valueOf(root, key))
	}
	var status diag.Pos
	if n := valueOf(root, "status"); n != root {
		status = d.pos(n)
	}
	return pos, status
}

// hasAnyKey reports whether mapping n has a key of keys (a node that is
// not a mapping has none; decoding it reports why).
func hasAnyKey(n ast.Node, keys map[string]func(ast.Node)) bool {
	var pairs []*ast.MappingValueNode
	switch m := unwrap(n).(type) {
	case *ast.MappingNode:
		pairs = m.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{m}
	}
	for _, p := range pairs {
		if _, ok := keys[p.Key.GetToken().Value]; ok {
			return true
		}
	}
	return false
}
