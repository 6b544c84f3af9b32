package opendata

import (
	"fmt"
	"slices"
	"strings"
)

// The API page (render/apidocs.go) describes every field of every document.
// It reads the descriptions from the schemas themselves, through Fields, so
// that the page and the schemas can never say different things.

// Table lists the fields of one kind of document, or of one kind of object
// that several documents share (an activity, an area…).
type Table struct {
	ID          string // schema name ("activities") or definition name ("activity")
	Title       string // the schema's title; empty for an object
	Description string
	Fields      []Field
}

// Field is one property, named by its path from the table's object:
// "schedule.precision", "providers[].tbc", "texts.<lang>.title".
type Field struct {
	Path        string
	Type        string // "string", "boolean", "date", "url", "planned | confirmed"…
	Ref         string // the ID of the Table that describes the value, or ""
	Required    bool
	Description string
}

// shared are the objects described once in a table of their own: the
// documents' tables link to them instead of repeating their fields.
var shared = []string{"activity", "area", "plan", "catalogActivity", "catalogArea", "catalogPlan", "countryEntry", "languageInfo", "figures"}

// Fields returns a table per kind of document (in the order of
// schemaNames) and then one per shared object, read from the schemas.
func Fields() (docs, objects []Table, err error) {
	defsFile, err := readSchemaFile("defs")
	if err != nil {
		return nil, nil, err
	}
	w := fieldWalker{defs: defsFile["$defs"].(map[string]any)}
	for _, name := range schemaNames() {
		top, err := readSchemaFile(name)
		if err != nil {
			return nil, nil, err
		}
		title, _ := top["title"].(string)
		desc, _ := top["description"].(string)
		docs = append(docs, Table{ID: name, Title: title, Description: desc, Fields: w.fields("", top)})
	}
	for _, name := range shared {
		def := w.defs[name].(map[string]any)
		desc, _ := def["description"].(string)
		objects = append(objects, Table{ID: name, Description: desc, Fields: w.fields("", def)})
	}
	if w.err != nil {
		return nil, nil, w.err
	}
	return docs, objects, nil
}

type fieldWalker struct {
	defs map[string]any
	err  error
}

// resolve returns the definition a "$ref" names, and its name.
func (w *fieldWalker) resolve(node map[string]any) (map[string]any, string) {
	ref, _ := node["$ref"].(string)
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok {
		return nil, ""
	}
	def, _ := w.defs[name].(map[string]any)
	if def == nil && w.err == nil {
		w.err = fmt.Errorf("schema reference %q to no definition", ref)
	}
	return def, name
}

// properties merges the properties and required names of node and of the
// definitions it is composed of ($ref, allOf), the node's own last.
func (w *fieldWalker) properties(node map[string]any) (map[string]map[string]any, []string, []string) {
	props, order, required := map[string]map[string]any{}, []string{}, []string{}
	add := func(n map[string]any) {
		if n == nil {
			return
		}
		p, o, r := w.properties(n)
		for _, k := range o {
			if _, seen := props[k]; !seen {
				order = append(order, k)
			}
			props[k] = p[k]
		}
		required = append(required, r...)
	}
	if def, _ := w.resolve(node); def != nil {
		add(def)
	}
	if all, ok := node["allOf"].([]any); ok {
		for _, a := range all {
			if a, ok := a.(map[string]any); ok {
				if def, _ := w.resolve(a); def != nil {
					add(def)
				}
			}
		}
	}
	own, _ := node["properties"].(map[string]any)
	for _, k := range ownOrder(own, asStrings(node["required"])) {
		p, ok := own[k].(map[string]any)
		if !ok {
			continue
		}
		if _, seen := props[k]; !seen {
			order = append(order, k)
		}
		props[k] = p
	}
	for _, r := range asStrings(node["required"]) {
		if !slices.Contains(required, r) {
			required = append(required, r)
		}
	}
	return props, order, required
}

// fields lists the properties of node under prefix, then those of the
// objects and lists they hold (unless a shared table describes them).
func (w *fieldWalker) fields(prefix string, node map[string]any) []Field {
	props, order, required := w.properties(node)
	var out []Field
	for _, name := range order {
		p := props[name]
		path := prefix + name
		f := Field{Path: path, Required: slices.Contains(required, name), Description: w.description(p)}
		val, suffix := p, ""
		if items, ok := w.items(p); ok {
			val, suffix = items, "[]"
		} else if values, ok := w.langValues(p); ok {
			val, suffix = values, ".<lang>"
		}
		if _, name := w.resolve(val); slices.Contains(shared, name) {
			f.Ref = name
		}
		f.Type = w.typeOf(p)
		out = append(out, f)
		if f.Ref == "" && val != nil {
			if sub, _, _ := w.properties(val); len(sub) > 0 {
				out = append(out, w.fields(path+suffix+".", val)...)
			}
		}
	}
	return out
}

// items returns the schema of a list's items.
func (w *fieldWalker) items(p map[string]any) (map[string]any, bool) {
	if def, _ := w.resolve(p); def != nil && p["items"] == nil {
		return w.items(def)
	}
	items, ok := p["items"].(map[string]any)
	return items, ok
}

// langValues returns the schema of the values of an object keyed by
// language code.
func (w *fieldWalker) langValues(p map[string]any) (map[string]any, bool) {
	if def, _ := w.resolve(p); def != nil && p["additionalProperties"] == nil {
		return w.langValues(def)
	}
	v, ok := p["additionalProperties"].(map[string]any)
	return v, ok && p["propertyNames"] != nil
}

func (w *fieldWalker) description(p map[string]any) string {
	if d, _ := p["description"].(string); d != "" {
		return d
	}
	if def, _ := w.resolve(p); def != nil {
		return w.description(def)
	}
	return ""
}

// typeOf names a property's type in a few words.
func (w *fieldWalker) typeOf(p map[string]any) string {
	if enum, ok := p["enum"].([]any); ok {
		vals := make([]string, 0, len(enum))
		for _, v := range enum {
			vals = append(vals, fmt.Sprint(v))
		}
		return strings.Join(vals, " | ")
	}
	def, name := w.resolve(p)
	switch {
	case name == "date" || name == "url":
		return name
	case p["format"] == "date-time":
		return "date-time"
	}
	if items, ok := w.items(p); ok {
		return "array of " + w.typeOf(items)
	}
	if values, ok := w.langValues(p); ok {
		return "object: <lang> → " + w.typeOf(values)
	}
	if t, ok := p["type"].(string); ok {
		return t
	}
	if def != nil {
		if slices.Contains(shared, name) {
			return "object"
		}
		return w.typeOf(def)
	}
	return "any"
}

// ownOrder orders a schema's properties as the documents do, as far as
// the schema says (encoding/json forgets key order): the required ones in
// the order "required" lists them, then the optional ones by name.
func ownOrder(m map[string]any, required []string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	rank := func(k string) int {
		if i := slices.Index(required, k); i >= 0 {
			return i
		}
		return len(required)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	return keys
}

func asStrings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
