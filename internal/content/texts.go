package content

import (
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

// decodeText decodes the front matter of a page's text file.
func decodeText(d *decoder, doc *document, lang string, kind textKind) *Text {
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
	fields{d: d, handlers: h, required: []string{"title", "summary"}}.decode(doc.fm, "the front matter")
	if t.ShortTitle == "" {
		t.ShortTitle = t.Title
	}
	return t
}
