package cms

import (
	"fmt"
	"path"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
)

// idPattern is content's rule for ids, as a form pattern.
const idPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

func ptr[T any](v T) *T { return &v }

// fact is a language-neutral field (i18n: false: written once, in the
// default language's file).
func (m *model) fact(name, widget string, required bool) Field {
	f := Field{Name: name, Label: m.t("cms_" + name), Widget: widget}
	if !required {
		f.Required = ptr(false)
	}
	return f
}

// text is a field written in every language's file.
func (m *model) text(name, widget string, required bool) Field {
	f := m.fact(name, widget, required)
	f.I18n = true
	if widget == "markdown" {
		f.EditorComponents = &[]string{}
	}
	return f
}

// activities is the activity form: the facts in content's order, then
// the texts. Field order is the order Sveltia writes the front matter in.
func (m *model) activities() Collection {
	fields := []Field{
		m.hinted(withPattern(m.fact("id", "string", true), idPattern, m.t("cms_id_pattern"))),
		m.choice(m.fact("plan", "select", true), m.plans()),
		m.choice(m.fact("area", "select", true), m.areas()),
		m.hinted(integer(m.fact("number", "number", true), 1)),
		m.choice(m.fact("type", "select", true), options(m, content.Type.Message, content.Types()...)),
		m.hinted(m.fact("schedule", "string", true)),
		m.fact("schedule_tbc", "boolean", false),
		m.venue("venue", true),
		m.languages("languages", true),
		m.languages("interpretation", false),
		m.fact("interpretation_tbc", "boolean", false),
		m.providers(),
		m.choice(m.fact("other_providers", "select", false), m.scopes()),
		m.choice(m.fact("beneficiaries", "select", true), m.scopes()),
		m.hinted(m.choice(m.fact("status", "select", false), options(m, content.Status.Message, content.Statuses()...))),
		m.link("registration"),
		date(m.hinted(m.fact("updated", "datetime", false))),
		m.hinted(integer(m.fact("sequence", "number", false), 0)),
		m.hinted(m.fact("original_schedule", "string", false)),
		// What happened: a completed activity's outcome.
		m.hinted(m.fact("held", "string", false)),
		m.venue("held_venue", false),
		integer(m.fact("participants", "number", false), 1),
		integer(m.fact("institutions", "number", false), 1),
		m.countries("participating_countries"),
		m.links("materials"),
		m.link("report"),
		// The texts of each language.
		m.text("title", "string", true),
		m.text("summary", "string", true),
		m.hinted(m.text("unreviewed", "boolean", false)),
		m.hinted(m.text("outcome", "string", false)),
		m.hinted(m.text("reason", "string", false)),
		m.text("body", "markdown", false),
	}
	return Collection{
		Name: "activities", Label: m.t("cms_activities"), LabelSingular: m.t("cms_activity"),
		Description: m.t("cms_activities_description"),
		Folder:      "content/activities", Path: "{{slug}}/index",
		IdentifierField: "id", Slug: &Slug{Template: "{{fields.id}}", Editable: false},
		Summary:        "{{fields.title}}",
		SortableFields: []string{"title", "plan", "area", "number"},
		Format:         "yaml-frontmatter", Extension: "md",
		Create: ptr(true), Delete: ptr(false), I18n: ptr(true),
		Fields: fields,
	}
}

// hinted adds the field's hint message (cms_<name>_hint).
func (m *model) hinted(f Field) Field {
	f.Hint = m.t("cms_" + f.Name + "_hint")
	return f
}

func withPattern(f Field, re, msg string) Field {
	f.Pattern = []string{re, msg}
	return f
}

func integer(f Field, least int) Field {
	f.ValueType, f.Min = "int", ptr(least)
	return f
}

func date(f Field) Field {
	f.Type = "date"
	return f
}

func (m *model) choice(f Field, opts []Option) Field {
	f.Options = opts
	return f
}

// options are values labelled by their message prefix+value.
// options are the choices of values, labelled with the message each
// value names.
func options[T ~string](m *model, message func(T) string, values ...T) []Option {
	var out []Option
	for _, v := range values {
		out = append(out, Option{Label: m.t(message(v)), Value: string(v)})
	}
	return out
}

func (m *model) scopes() []Option {
	return options(m, func(s content.Scope) string { return "cms_scope_" + string(s) }, content.Scopes()...)
}

// plans are the content's plans, by period.
func (m *model) plans() []Option {
	var out []Option
	for _, p := range m.cat.Plans {
		out = append(out, Option{Label: fmt.Sprintf("%s (%s)", p.ID, m.t(p.Status.Message())), Value: p.ID})
	}
	return out
}

// areas are the areas of every plan, drafts included (the next plan is
// prepared in the form too), one per id with the latest plan's title: an
// area that continues keeps its id.
func (m *model) areas() []Option {
	latest := map[string]*content.Area{}
	var ids []string
	for _, a := range m.cat.Site.Areas { // by plan, then number
		if latest[a.ID] == nil {
			ids = append(ids, a.ID)
		}
		latest[a.ID] = a
	}
	var out []Option
	for _, id := range ids {
		out = append(out, Option{Label: fmt.Sprintf("%s (%s)", m.title(latest[id].Texts), id), Value: id})
	}
	return sorted(m.lang, out)
}

// title is the text's title in the default language, else in the first
// language that has one.
func (m *model) title(texts content.Texts) string {
	for _, lang := range m.cat.Languages {
		if t := texts[lang]; t != nil {
			return t.Title
		}
	}
	return ""
}

func (m *model) venue(name string, required bool) Field {
	f := m.fact(name, "object", required)
	f.Fields = []Field{
		m.choice(m.fact("mode", "select", true), []Option{{m.t("cms_mode_online"), string(content.VenueOnline)}, {m.t("cms_mode_on_site"), string(content.VenueOnSite)}}),
		m.choice(m.hinted(m.fact("country", "select", false)), m.countryOptions()),
		m.fact("city", "string", false),
	}
	return f
}

func (m *model) providers() Field {
	f := m.fact("providers", "list", true)
	f.LabelSingular = m.t("cms_provider")
	f.Min = ptr(1)
	f.Summary = "{{fields.country}}"
	f.Fields = []Field{
		m.choice(m.fact("country", "select", true), m.countryOptions()),
		m.fact("tbc", "boolean", false),
	}
	return f
}

func (m *model) languages(name string, required bool) Field {
	f := m.choice(m.fact(name, "select", required), m.languageOptions())
	f.Multiple = true
	if required {
		f.Min = ptr(1)
	}
	return f
}

func (m *model) countries(name string) Field {
	f := m.choice(m.fact(name, "select", false), m.countryOptions())
	f.Multiple = true
	return f
}

func (m *model) link(name string) Field {
	return withPattern(m.fact(name, "string", false), `^https://\S+$`, m.t("cms_link_pattern"))
}

func (m *model) links(name string) Field {
	f := m.fact(name, "list", false)
	f.LabelSingular = m.t("cms_" + name + "_item")
	item := withPattern(Field{Name: "url", Label: f.LabelSingular, Widget: "string"}, `^https://\S+$`, m.t("cms_link_pattern"))
	f.Field = &item
	return f
}

// countryOptions are every ISO 3166-1 country content accepts, named in
// the default language (with the network's overrides of i18n/), sorted.
func (m *model) countryOptions() []Option {
	var out []Option
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			// CLDR names every current country; the codes it does not
			// name are withdrawn ones (AN, CS…), not offered.
			if code := string([]rune{a, b}); l10n.ValidCountry(code) && m.loc.Country(code) != "" {
				out = append(out, Option{Label: fmt.Sprintf("%s (%s)", m.loc.Country(code), code), Value: code})
			}
		}
	}
	return sorted(m.lang, out)
}

// languageOptions are every ISO 639-1 language, named in the default
// language, sorted.
func (m *model) languageOptions() []Option {
	var out []Option
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			if code := string([]rune{a, b}); l10n.ValidLanguage(code) && m.loc.Language(code) != "" {
				out = append(out, Option{Label: fmt.Sprintf("%s (%s)", m.loc.Language(code), code), Value: code})
			}
		}
	}
	return sorted(m.lang, out)
}

// texts is a files collection: the texts of each plan (the home page shows
// the current plan's) and of each area. Their facts (plan.yaml, area.yaml)
// stay files: plans are started with pesnet new plan.
func (m *model) texts() Collection {
	var files []Entry
	common := func(extra ...Field) []Field {
		return append(append([]Field{m.text("title", "string", true)}, extra...),
			m.text("summary", "string", true), m.hinted(m.text("unreviewed", "boolean", false)), m.text("body", "markdown", false))
	}
	for _, p := range m.cat.Plans {
		files = append(files, Entry{
			Name: "plan-" + p.ID, Label: fmt.Sprintf("%s %s", m.t("cms_plan"), p.ID),
			File:   path.Join("content/plans", p.ID, "_index.{{locale}}.md"),
			Format: "yaml-frontmatter", I18n: true,
			Fields: common(m.hinted(m.text("adopted_at", "string", false))),
		})
		for _, a := range m.cat.Site.Areas {
			if a.Plan != p.ID {
				continue
			}
			files = append(files, Entry{
				Name: "area-" + p.ID + "-" + a.ID, Label: fmt.Sprintf("%s %s · %s", m.t("cms_plan"), p.ID, m.title(a.Texts)),
				File:   path.Join("content/plans", p.ID, "areas", a.ID, "_index.{{locale}}.md"),
				Format: "yaml-frontmatter", I18n: true,
				Fields: common(m.hinted(m.text("short_title", "string", false))),
			})
		}
	}
	// i18n on the collection and on each file: Sveltia refuses a
	// {{locale}} in a file's path otherwise.
	return Collection{Name: "texts", Label: m.t("cms_texts"), Description: m.t("cms_texts_description"),
		Format: "yaml-frontmatter", I18n: ptr(true), Files: files}
}
