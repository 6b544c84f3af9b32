package opendata

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// The schemas are written as JSON files (schema/<name>.json, one per kind of
// document, plus schema/defs.json for what they share) so that they can be
// read and reviewed as what they are. Each published schema is
// self-contained, so that any validator can use it without fetching another
// file: its $id is its absolute URL and its $defs are the shared
// definitions it uses, directly or through another definition.
//
//go:embed schema/*.json
var schemaFiles embed.FS

// schemaNames returns the kinds of JSON documents, each with its schema.
func schemaNames() []string {
	return append(indexedSchemas(), "progress", "type", "language", "upcoming", "past")
}

// indexedSchemas are the kinds index.json lists in "documents" and
// "schemas" (those of 1.0), whose enumerations a kept 1.x copy of the
// index schema closes. Later kinds are listed apart (index.json
// "progress", since 1.3).
func indexedSchemas() []string {
	return []string{"activities", "area", "catalog", "countries", "country", "index"}
}

const draft = "https://json-schema.org/draft/2020-12/schema"

// schema returns the published schema of kind name.
func (g *generator) schema(name string) ([]byte, error) {
	top, err := readSchemaFile(name)
	if err != nil {
		return nil, err
	}
	shared, err := readSchemaFile("defs")
	if err != nil {
		return nil, err
	}
	all, _ := shared["$defs"].(map[string]any)
	defs := map[string]any{}
	for _, ref := range usedDefs(top, all) {
		defs[ref] = all[ref]
	}
	top["$schema"], top["$id"], top["$defs"] = draft, g.schemaURL(name), defs
	return encodeSchema(top)
}

// encodeSchema writes a schema with "$schema", "$id", "title" and
// "description" first and "$defs" last, as people expect to read them;
// other keys, and every nested object's keys, are sorted (encoding/json
// sorts map keys), so the output is stable.
func encodeSchema(top map[string]any) ([]byte, error) {
	first := []string{"$schema", "$id", "title", "description"}
	var keys []string
	for k := range top {
		if !slices.Contains(first, k) && k != "$defs" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var b bytes.Buffer
	b.WriteByte('{')
	for _, k := range slices.Concat(first, keys, []string{"$defs"}) {
		v, ok := top[k]
		if !ok {
			continue
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false) // "<lang>" in descriptions stays readable
		if err := enc.Encode(k); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

func readSchemaFile(name string) (map[string]any, error) {
	data, err := schemaFiles.ReadFile("schema/" + name + ".json")
	if err != nil {
		return nil, err
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("schema/%s.json: %w", name, err)
	}
	return v, nil
}

// usedDefs returns the names of the definitions reachable from top, sorted.
// A reference to a definition that does not exist is left unresolved, and
// any validator (and TestSchemas) rejects the schema.
func usedDefs(top map[string]any, defs map[string]any) []string {
	seen := map[string]bool{}
	queue := refs(top, nil)
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		if seen[name] || defs[name] == nil {
			continue
		}
		seen[name] = true
		queue = refs(defs[name], queue)
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// refs appends to out the names of the "#/$defs/<name>" references in v.
func refs(v any, out []string) []string {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "$ref" {
				if name, ok := strings.CutPrefix(s, "#/$defs/"); ok {
					out = append(out, name)
				}
				continue
			}
			out = refs(x, out)
		}
	case []any:
		for _, x := range v {
			out = refs(x, out)
		}
	}
	return out
}
