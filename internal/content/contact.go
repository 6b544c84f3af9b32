package content

import (
	"net/mail"
	"sort"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/policy"
)

// Contact is how visitors reach the Secretariat to take part in an
// activity that has no registration link: site.yaml's optional "contact",
//
//	contact:
//	  email: pesnet@example.org          # an e-mail address
//	  url: https://example.org/contact   # a contact page (https)
//	  note:                              # a line per language, optional
//	    fr: Réponse sous deux jours ouvrés.
//	    ar: يصلكم الرد خلال يومَي عمل.
//	    en: We answer within two working days.
//
// At least one of email and url is given. Every activity page without a
// registration link shows them, with the national focal points.
type Contact struct {
	Email string // a bare address: name@example.org
	URL   string // https
	// Note is a one-line text per language code (the site's languages).
	Note map[string]string
}

// decodeContact decodes site.yaml's contact mapping. Note languages are
// checked against the site's languages by checkContactLanguages, once
// those are known.
func decodeContact(d *decoder, n ast.Node, notes map[string]ast.Node) *Contact {
	c := &Contact{}
	given := false // email or url, even if wrong (then reported already)
	fields{d: d, handlers: map[string]func(ast.Node){
		"email": func(n ast.Node) { given, c.Email = true, decodeEmail(d, n) },
		"url": func(n ast.Node) {
			given = true
			if u := decodeLink(d, n, "url", false); u != "" {
				if safe, ok := policy.URL(u); ok {
					c.URL = safe
				}
			}
		},
		"note": func(n ast.Node) { c.Note = decodeNotes(d, n, notes) },
	}}.decode(n, "contact")
	if c.Email == "" && c.URL == "" {
		if !given {
			d.errorf(n, "contact needs an e-mail address (email: name@example.org), a contact page (url: https://…), or both")
		}
		return nil
	}
	return c
}

// decodeEmail decodes a bare e-mail address (no name, no "mailto:").
func decodeEmail(d *decoder, n ast.Node) string {
	s, ok := d.text(n, "email")
	if !ok {
		return ""
	}
	s = strings.TrimSpace(s)
	a, err := mail.ParseAddress(s)
	local, domain, _ := strings.Cut(s, "@")
	if err != nil || a.Address != s || local == "" || !strings.Contains(domain, ".") || strings.ContainsAny(s, " <>\"") {
		d.errorf(n, "%s is not an e-mail address: write it alone, such as pesnet@example.org (no name, no \"mailto:\")", d.quote(n, s))
		return ""
	}
	if _, ok := policy.URL("mailto:" + s); !ok {
		d.errorf(n, "%s cannot be published as a link: write a plain e-mail address, such as pesnet@example.org", d.quote(n, s))
		return ""
	}
	return s
}

// decodeNotes decodes the per-language notes, remembering where each
// language is written in notes.
func decodeNotes(d *decoder, n ast.Node, notes map[string]ast.Node) map[string]string {
	pairs, ok := d.pairs(n, "note")
	if !ok {
		return nil
	}
	out := map[string]string{}
	for _, p := range pairs {
		lang := p.Key.GetToken().Value
		switch {
		case !l10n.ValidLanguage(lang):
			d.errorf(p.Key, "unknown language code %q in note: %s", lang, languageHint(lang))
		case notes[lang] != nil:
			d.errorf(p.Key, "note %q is given twice, on lines %d and %d: keep one", lang, d.pos(notes[lang]).Line, d.pos(p.Key).Line)
		default:
			notes[lang] = p.Key
			if s, ok := d.oneLine(p.Value, "note"); ok && strings.TrimSpace(s) != "" {
				out[lang] = policy.Text(strings.TrimSpace(s))
			}
		}
	}
	return out
}

// checkContactLanguages reports a note in a language the site does not
// publish.
func checkContactLanguages(d *decoder, notes map[string]ast.Node, langs []string) {
	keys := make([]string, 0, len(notes))
	for k := range notes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		known := false
		for _, l := range langs {
			known = known || l == k
		}
		if !known && len(langs) > 0 {
			d.errorf(notes[k], "contact note in %q, which is not one of the site's languages (%s): remove it or add the language", k, strings.Join(langs, ", "))
		}
	}
}
