// Package l10n gives each build language its words: the UI strings of
// i18n/<lang>.toml (through go-i18n, with CLDR plural rules: Arabic has six
// forms), country and language names from CLDR (golang.org/x/text), with
// overrides where the network's usage differs, and localized schedules.
//
// LoadBundle reads every i18n file of an fs.FS under the rules of every
// source file (package srcfs: regular files only, no links, a size limit),
// reports malformed TOML with its file:line:col, refuses template actions
// other than {{.Name}} in the strings (placeholders.go), and checks that
// each language defines every message of the default language. A Localizer never fails at render time: a message
// that does not exist renders as its id and is recorded, so that the build
// reports it with the other problems of the run.
package l10n

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/srcfs"
)

// Bundle holds the messages of every language.
type Bundle struct {
	bundle *i18n.Bundle
	ids    map[string]map[string]bool // lang → message ids
}

// LoadBundle reads "<dir>/<lang>.toml" for each of langs from fsys. The first
// language is the reference: every other language must define the same
// message ids. Problems are reported with display, the folder name shown to
// people (usually "i18n").
func LoadBundle(fsys fs.FS, dir string, langs []string) (*Bundle, *diag.List) {
	var problems diag.List
	b := &Bundle{bundle: i18n.NewBundle(language.MustParse(langs[0])), ids: map[string]map[string]bool{}}
	b.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, lang := range langs {
		file := path.Join(dir, lang+".toml")
		data, err := readFile(fsys, dir, lang+".toml")
		if errors.Is(err, fs.ErrNotExist) {
			problems.Errorf(file, diag.Pos{}, "the UI strings for language %q are missing: create %s (copy %s.toml and translate it)", lang, file, langs[0])
			continue
		}
		if err != nil {
			problems.Errorf(file, diag.Pos{}, "%s", srcfs.Reason(err))
			continue
		}
		ids, ok := checkTOML(file, data, &problems)
		if !ok || !checkPlaceholders(file, data, &problems) {
			continue
		}
		mf, err := i18n.ParseMessageFileBytes(data, file, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
		if err == nil {
			// The language's typography is set on the messages as written,
			// before any value is put in: a web address or a name given as
			// data is never retouched ("…/rapport?" stays as it is).
			set := Typesetter(lang)
			for _, m := range mf.Messages {
				for _, f := range []*string{&m.Zero, &m.One, &m.Two, &m.Few, &m.Many, &m.Other} {
					*f = set(*f)
				}
			}
			err = b.bundle.AddMessages(mf.Tag, mf.Messages...)
		}
		if err != nil {
			problems.Errorf(file, diag.Pos{}, "cannot read the messages: %v", err)
			continue
		}
		b.ids[lang] = ids
	}
	b.checkComplete(dir, langs, &problems)
	return b, &problems
}

// readFile reads one file of folder dir under the sources' rules: a
// regular file (a named pipe would block the build), not a link (which
// could publish a file from outside the project), of reasonable size.
func readFile(fsys fs.FS, dir, name string) ([]byte, error) {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil, err
	}
	return srcfs.ReadFile(sub, name, srcfs.MaxTextSize)
}

// checkTOML decodes data once to report syntax errors with their position
// (go-i18n only returns the error text) and lists the message ids.
func checkTOML(file string, data []byte, problems *diag.List) (map[string]bool, bool) {
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			problems.Errorf(file, posAt(data, perr.Position.Start), "malformed TOML: %s: check quotes and brackets on this line", perr.Message)
		} else {
			problems.Errorf(file, diag.Pos{}, "malformed TOML: %v", err)
		}
		return nil, false
	}
	ids := map[string]bool{}
	for k := range raw {
		ids[k] = true
	}
	return ids, true
}

func (b *Bundle) checkComplete(dir string, langs []string, problems *diag.List) {
	ref := b.ids[langs[0]]
	for _, lang := range langs[1:] {
		have, ok := b.ids[lang]
		if !ok || ref == nil {
			continue
		}
		file := path.Join(dir, lang+".toml")
		for _, id := range sortedKeys(ref) {
			if !have[id] && !optional(id) {
				problems.Errorf(file, diag.Pos{}, "message %q is missing: add its translation (see %s.toml)", id, langs[0])
			}
		}
	}
}

// optional message ids may exist in one language only (name overrides and
// ordinal day forms such as French "1er").
func optional(id string) bool {
	return strings.HasPrefix(id, "country_") || strings.HasPrefix(id, "language_") || strings.HasPrefix(id, "day_")
}

// Has reports whether lang defines message id.
func (b *Bundle) Has(lang, id string) bool { return b.ids[lang][id] }

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// posAt is the line and column (in characters) of byte offset off in
// data, kept inside the file: the parser's own column can point past the
// end of a line that holds control characters.
func posAt(data []byte, off int) diag.Pos {
	off = max(0, min(off, len(data)))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return diag.Pos{Line: bytes.Count(data[:off], []byte("\n")) + 1, Col: utf8.RuneCount(data[start:off]) + 1}
}
