// Package cms generates the configuration of the browser editor, Sveltia
// CMS served at /admin/ (static/admin/), from the content model: the
// activity form's fields are the facts and texts that package content
// reads, its choices are the model's values (plans and areas of the
// content, types, statuses, scopes, every ISO country and language with
// the default language's names), and its labels are messages of i18n/
// (cms_*). The same content and messages always give the same bytes, so
// the committed file can be compared with what the model gives (Drift).
//
// What the form writes is what content.Load reads: one entry per activity,
// content/activities/<id>/index.<lang>.md, the facts (i18n: false) only in
// the default language's file, empty optional fields left out.
package cms

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
)

// File is where the configuration is committed, in the project; Sveltia
// reads it beside its page, /admin/config.yml.
const File = "static/admin/config.yml"

// Config is Sveltia CMS's configuration (the fields used here; see its
// JSON schema, schema/sveltia-cms.json in the npm package).
type Config struct {
	Backend      Backend      `yaml:"backend"`
	PublishMode  string       `yaml:"publish_mode"`
	MediaFolder  string       `yaml:"media_folder"`
	PublicFolder string       `yaml:"public_folder"`
	I18n         I18n         `yaml:"i18n"`
	Output       Output       `yaml:"output"`
	Editor       Editor       `yaml:"editor"`
	Collections  []Collection `yaml:"collections"`
}

// Backend is where entries are saved: GitHub, signed in through
// Netlify's OAuth provider (base_url).
type Backend struct {
	Name    string `yaml:"name"`
	Repo    string `yaml:"repo"`
	Branch  string `yaml:"branch"`
	BaseURL string `yaml:"base_url"`
}

// I18n: one file per language, side by side.
type I18n struct {
	Structure     string   `yaml:"structure"`
	Locales       []string `yaml:"locales"`
	DefaultLocale string   `yaml:"default_locale"`
}

// Output: empty optional fields are left out of the files.
type Output struct {
	OmitEmptyOptionalFields bool `yaml:"omit_empty_optional_fields"`
}

// Editor: no preview pane (it would not look like the site).
type Editor struct {
	Preview bool `yaml:"preview"`
}

// Collection is a folder collection (the activities) or a files
// collection (the plans' and areas' texts).
type Collection struct {
	Name            string   `yaml:"name"`
	Label           string   `yaml:"label"`
	LabelSingular   string   `yaml:"label_singular,omitempty"`
	Description     string   `yaml:"description,omitempty"`
	Folder          string   `yaml:"folder,omitempty"`
	Path            string   `yaml:"path,omitempty"`
	IdentifierField string   `yaml:"identifier_field,omitempty"`
	Slug            *Slug    `yaml:"slug,omitempty"`
	Summary         string   `yaml:"summary,omitempty"`
	SortableFields  []string `yaml:"sortable_fields,omitempty"`
	Format          string   `yaml:"format,omitempty"`
	Extension       string   `yaml:"extension,omitempty"`
	Create          *bool    `yaml:"create,omitempty"`
	Delete          *bool    `yaml:"delete,omitempty"`
	I18n            *bool    `yaml:"i18n,omitempty"`
	Fields          []Field  `yaml:"fields,omitempty"`
	Files           []Entry  `yaml:"files,omitempty"`
}

// Slug makes the folder of a new entry its id field, as typed.
type Slug struct {
	Template string `yaml:"template"`
	Editable bool   `yaml:"editable"`
}

// Entry is one file of a files collection.
type Entry struct {
	Name   string  `yaml:"name"`
	Label  string  `yaml:"label"`
	File   string  `yaml:"file"`
	Format string  `yaml:"format"`
	I18n   bool    `yaml:"i18n"`
	Fields []Field `yaml:"fields"`
}

// Field is one form field.
type Field struct {
	Name          string   `yaml:"name"`
	Label         string   `yaml:"label"`
	LabelSingular string   `yaml:"label_singular,omitempty"`
	Hint          string   `yaml:"hint,omitempty"`
	Widget        string   `yaml:"widget"`
	Required      *bool    `yaml:"required,omitempty"`
	I18n          bool     `yaml:"i18n"`
	Pattern       []string `yaml:"pattern,omitempty"`
	Type          string   `yaml:"type,omitempty"`
	ValueType     string   `yaml:"value_type,omitempty"`
	Min           *int     `yaml:"min,omitempty"`
	Multiple      bool     `yaml:"multiple,omitempty"`
	Options       []Option `yaml:"options,omitempty"`
	Summary       string   `yaml:"summary,omitempty"`
	// EditorComponents, for a markdown field: none (no image or other
	// block to insert: the texts are text, and nothing is uploaded).
	EditorComponents *[]string `yaml:"editor_components,omitempty"`
	Field            *Field    `yaml:"field,omitempty"`
	Fields           []Field   `yaml:"fields,omitempty"`
}

// Option is a choice of a select field.
type Option struct {
	Label string `yaml:"label"`
	Value string `yaml:"value"`
}

// Generate returns the configuration for site, its labels in the default
// language from bundle, saving to the GitHub repository repo ("owner/name").
func Generate(site *content.Site, bundle *l10n.Bundle, repo string) ([]byte, error) {
	def := site.Config.Default()
	m := &model{cat: assemble.New(site), loc: bundle.Localizer(def), lang: def}
	cfg := Config{
		Backend:      Backend{Name: "github", Repo: repo, Branch: "main", BaseURL: "https://api.netlify.com"},
		PublishMode:  "editorial_workflow",
		MediaFolder:  "static/uploads",
		PublicFolder: "/uploads",
		I18n:         I18n{Structure: "multiple_files", Locales: site.Config.Languages, DefaultLocale: def},
		Output:       Output{OmitEmptyOptionalFields: true},
		Editor:       Editor{Preview: false},
		Collections:  []Collection{m.activities(), m.texts()},
	}
	if missing := m.loc.Missing(); len(missing) > 0 {
		return nil, fmt.Errorf("the CMS configuration needs messages missing from i18n/%s.toml: %s", def, strings.Join(missing, ", "))
	}
	body, err := yaml.MarshalWithOptions(cfg, yaml.IndentSequence(true), yaml.UseLiteralStyleIfMultiline(true))
	if err != nil {
		return nil, fmt.Errorf("cannot write the CMS configuration: %w", err)
	}
	var b bytes.Buffer
	b.WriteString(header)
	b.Write(body)
	return b.Bytes(), nil
}

const header = `# The browser editor's configuration (Sveltia CMS, /admin/), generated by
# "go run ./cmd/pesnet cms" from the content model (internal/cms) and the
# cms_* messages of i18n/: do not edit it by hand. Run the command again after
# adding a plan or an area, or changing those messages; pesnet check says when
# this file no longer matches the content.
`

// model holds what the fields are generated from.
type model struct {
	cat  *assemble.Catalog
	loc  *l10n.Localizer
	lang string
}

func (m *model) t(id string) string { return m.loc.T(id, nil) }

// Repo returns "owner/name" of a github.com module path in go.mod, or "".
func Repo(project fs.FS) string {
	data, err := fs.ReadFile(project, "go.mod")
	if err != nil {
		return ""
	}
	for line := range strings.Lines(string(data)) {
		if mod, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			if rest, ok := strings.CutPrefix(strings.TrimSpace(mod), "github.com/"); ok && strings.Count(rest, "/") == 1 {
				return rest
			}
		}
	}
	return ""
}

// sorted sorts options by label in lang's collation (CLDR).
func sorted(lang string, opts []Option) []Option {
	col := collate.New(language.Make(lang))
	slices.SortStableFunc(opts, func(a, b Option) int { return col.CompareString(a.Label, b.Label) })
	return opts
}
