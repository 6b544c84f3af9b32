// Package glossary reads the network's glossary (i18n/glossary.toml): the
// terms the network uses (its names, OIC, PES, NEET, LMI/LMIS, "to be
// confirmed"…) in each language, and for each the forms to avoid, and finds
// those forms in a text. `pesnet check` uses it to warn, at file:line:col,
// when a content text or an interface string uses a form to avoid.
//
// A form to avoid is written as plain text, not as a pattern, so that
// translators can maintain the file. It matches:
//   - with its capitals, unless ignore_case is set ("OIC member countries"
//     is to avoid, "OIC Member Countries" is preferred);
//   - whatever the spacing: a space of the form matches any run of spaces,
//     no-break spaces or a line break (a Markdown paragraph wraps anywhere);
//     an apostrophe matches ' and ’;
//   - whole words only: a form is not found inside a longer word, nor in a
//     word joined by a hyphen ("OIC" is not found in "OIC-PESNET", "PES" not
//     in "PESNET");
//   - in Arabic, with or without short vowels (harakat) and tatweel, with
//     any of ا أ إ آ for an alef, and after the one-letter prefixes that
//     Arabic writes as part of the word (و ف ب ك ل: «لشبكة», «وبالشبكة»;
//     «للشبكة» for ل + «الشبكة»).
//
// An occurrence that lies inside one of the entry's "except" forms is not
// reported ("le Secrétariat" is to avoid, "le Secrétariat général" is not).
package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// Glossary is the network's terms.
type Glossary struct {
	Terms []*Term `toml:"term"`
}

// Term is one of the network's terms.
type Term struct {
	// ID names the term in warnings ("network-name").
	ID string `toml:"id"`
	// Note says what the term means or where its forms come from, for
	// translators.
	Note string `toml:"note"`
	// Forms are the forms to write, by language code.
	Forms map[string]string `toml:"forms"`
	// Avoid are the forms to avoid, each in one language.
	Avoid []*Avoid `toml:"avoid"`
}

// Avoid is a form to avoid.
type Avoid struct {
	Lang string `toml:"lang"`
	Form string `toml:"form"`
	// Use is what to write instead; empty, the term's form in Lang.
	Use string `toml:"use"`
	// Why is the reason, given in the warning.
	Why        string   `toml:"why"`
	IgnoreCase bool     `toml:"ignore_case"`
	Except     []string `toml:"except"`

	term   *Term
	re     *matcher
	except []*matcher
}

// Term is the term a form to avoid belongs to.
func (a *Avoid) Term() *Term { return a.term }

// Preferred is what to write instead of the form.
func (a *Avoid) Preferred() string {
	if a.Use != "" {
		return a.Use
	}
	return a.term.Forms[a.Lang]
}

// A Match is an occurrence of a form to avoid: text[Start:End].
type Match struct {
	Start, End int
	// Text is the occurrence as written, its spacing collapsed to single
	// spaces (it may span a line break).
	Text  string
	Avoid *Avoid
}

// Parse reads a glossary; file names it in problems. The glossary is nil
// when the file cannot be read as one.
func Parse(file string, data []byte) (*Glossary, *diag.List) {
	problems := &diag.List{}
	var g Glossary
	md, err := toml.Decode(string(data), &g)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			problems.Errorf(file, posAt(data, perr.Position.Start), "malformed TOML: %s: check quotes and brackets on this line", perr.Message)
		} else {
			problems.Errorf(file, diag.Pos{Line: 1, Col: 1}, "cannot read the glossary: %v", err)
		}
		return nil, problems
	}
	for _, k := range md.Undecoded() {
		last := k[len(k)-1]
		problems.Errorf(file, locateKey(data, last), "unknown key %q: a [[term]] has id, note, [term.forms] and [[term.avoid]] entries with lang, form, use, why, ignore_case and except", k.String())
	}
	g.prepare(file, data, problems)
	if problems.HasErrors() {
		return nil, problems
	}
	return &g, problems
}

// prepare checks each term and compiles its forms to avoid.
func (g *Glossary) prepare(file string, data []byte, problems *diag.List) {
	seen := map[string]bool{}
	for _, t := range g.Terms {
		at := locate(data, `"`+t.ID+`"`)
		switch {
		case strings.TrimSpace(t.ID) == "":
			problems.Errorf(file, locateTerm(data, t), "a term has no id: add id = \"…\", a short name for the warnings")
		case seen[t.ID]:
			problems.Errorf(file, at, "the term id %q is used twice: give each term its own id", t.ID)
		}
		seen[t.ID] = true
		for _, a := range t.Avoid {
			a.term = t
			a.prepare(file, data, problems)
		}
	}
}

// prepare checks one form to avoid and compiles it.
func (a *Avoid) prepare(file string, data []byte, problems *diag.List) {
	at := locate(data, `"`+a.Form+`"`)
	if at.Line == 0 {
		at = locateTerm(data, a.term)
	}
	if strings.TrimSpace(a.Form) == "" {
		problems.Errorf(file, at, "a form to avoid of term %q is empty: write it in form = \"…\"", a.term.ID)
		return
	}
	if a.Lang == "" {
		problems.Errorf(file, at, "the form to avoid %q of term %q has no language: add lang = \"fr\", \"ar\" or \"en\"", a.Form, a.term.ID)
		return
	}
	if a.Preferred() == "" {
		problems.Errorf(file, at, "the form to avoid %q of term %q says nothing to write instead: add use = \"…\", or the term's %q form under [term.forms]", a.Form, a.term.ID, a.Lang)
		return
	}
	a.re = compile(a.Form, a.IgnoreCase)
	for _, e := range a.Except {
		a.except = append(a.except, compile(e, a.IgnoreCase))
	}
	if len(a.find(a.Preferred())) > 0 {
		problems.Errorf(file, at, "the form to avoid %q of term %q is found in the form to write instead, %q: the warning could never be fixed; make the form to avoid longer, or set ignore_case = false", a.Form, a.term.ID, a.Preferred())
	}
}

// Find returns the occurrences of the forms of lang to avoid in text, in
// the order of the text.
func (g *Glossary) Find(lang, text string) []Match {
	var out []Match
	for _, t := range g.Terms {
		for _, a := range t.Avoid {
			if a.Lang == lang && a.re != nil {
				out = append(out, a.find(text)...)
			}
		}
	}
	slices.SortStableFunc(out, func(x, y Match) int {
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return x.End - y.End
	})
	return out
}

// find returns the occurrences of a in text, except those inside one of
// its exceptions.
func (a *Avoid) find(text string) []Match {
	var excepted [][2]int
	for _, e := range a.except {
		excepted = append(excepted, e.all(text)...)
	}
	var out []Match
	for _, loc := range a.re.all(text) {
		if slices.ContainsFunc(excepted, func(e [2]int) bool { return e[0] <= loc[0] && loc[1] <= e[1] }) {
			continue
		}
		out = append(out, Match{Start: loc[0], End: loc[1], Text: strings.Join(strings.Fields(text[loc[0]:loc[1]]), " "), Avoid: a})
	}
	return out
}

// Message is the warning for m: what was found, why, and what to write.
func (m Match) Message(file string) string {
	why := ""
	if m.Avoid.Why != "" {
		why = " (" + m.Avoid.Why + ")"
	}
	return fmt.Sprintf("%q is a form the glossary lists as to avoid%s: write %q instead (term %q of %s)", m.Text, why, m.Avoid.Preferred(), m.Avoid.term.ID, file)
}

// Pos returns the line and column (in characters) of byte offset off in
// data, both from 1.
func Pos(data []byte, off int) diag.Pos { return posAt(data, off) }

func posAt(data []byte, off int) diag.Pos {
	off = max(0, min(off, len(data)))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return diag.Pos{Line: bytes.Count(data[:off], []byte("\n")) + 1, Col: utf8.RuneCount(data[start:off]) + 1}
}

// locate is the position of the first occurrence of s in data, or the zero
// position.
func locate(data []byte, s string) diag.Pos {
	if i := bytes.Index(data, []byte(s)); i >= 0 && s != "" {
		return posAt(data, i)
	}
	return diag.Pos{}
}

// locateTerm is where term t is written, or the top of the file.
func locateTerm(data []byte, t *Term) diag.Pos {
	if t.ID != "" {
		if p := locate(data, `"`+t.ID+`"`); p.Line > 0 {
			return p
		}
	}
	return diag.Pos{Line: 1, Col: 1}
}

// locateKey is where key is first set, or the top of the file.
func locateKey(data []byte, key string) diag.Pos {
	re := regexp.MustCompile(`(?m)^[ \t]*` + regexp.QuoteMeta(key) + `[ \t]*=`)
	if loc := re.FindIndex(data); loc != nil {
		start := loc[0]
		for data[start] == ' ' || data[start] == '\t' {
			start++
		}
		return posAt(data, start)
	}
	return diag.Pos{Line: 1, Col: 1}
}
