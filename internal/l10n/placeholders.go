package l10n

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"text/template/parse"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// go-i18n runs every interface string that holds "{{" as a complete
// text/template: {{range 20000000}} exhausts memory, three nested ranges
// of 1000 run for minutes (and hang pesnet serve). An interface string
// needs only to insert named values (plural forms are chosen by go-i18n
// from the count, outside the template), so checkPlaceholders refuses
// every other action, and the custom delimiters that would hide one.

// checkPlaceholders reports, with its position, every string of the TOML
// file data that holds a template action other than {{.Name}}, and every
// leftDelim or rightDelim key. It reports whether there was none. Syntax
// errors are checkTOML's to report.
func checkPlaceholders(file string, data []byte, problems *diag.List) bool {
	var top map[string]toml.Primitive
	md, err := toml.Decode(string(data), &top)
	if err != nil {
		return false
	}
	c := &placeholderCheck{file: file, src: data, md: &md, problems: problems, ok: true}
	c.table(top)
	return c.ok
}

type placeholderCheck struct {
	file     string
	src      []byte
	md       *toml.MetaData
	problems *diag.List
	ok       bool
}

func (c *placeholderCheck) table(t map[string]toml.Primitive) {
	for _, k := range slices.Sorted(maps.Keys(t)) {
		if strings.EqualFold(k, "leftDelim") || strings.EqualFold(k, "rightDelim") {
			c.report(t[k], func(any) (int, string) {
				return -1, fmt.Sprintf("%s changes the template delimiters, which interface strings do not need: remove it, and write named values as {{.Name}}", k)
			})
			continue
		}
		if _, isTable := c.report(t[k], firstBadString).(map[string]any); !isTable {
			continue
		}
		var sub map[string]toml.Primitive // its keys, each with its position
		if c.md.PrimitiveDecode(t[k], &sub) == nil {
			c.table(sub)
		}
	}
}

// report judges one value with judge and returns the value. When judge
// finds a problem, the value's position comes from the TOML library: a
// probe that fails is reported by toml as a ParseError at the position of
// the value being decoded (the library has no other public way to give it).
func (c *placeholderCheck) report(v toml.Primitive, judge func(any) (int, string)) any {
	p := &probe{judge: judge}
	var perr toml.ParseError
	if err := c.md.PrimitiveDecode(v, p); err != nil && p.problem != "" && errors.As(err, &perr) {
		c.ok = false
		c.problems.Errorf(c.file, c.position(perr.Position, p.value, p.off), "%s", p.problem)
	}
	return p.raw
}

// position converts the value's span in the file into a line and column,
// at the action itself when the text before it has no escape sequences
// (else at the start of the string).
func (c *placeholderCheck) position(at toml.Position, value string, off int) diag.Pos {
	start := min(max(at.Start, 0), len(c.src))
	raw := string(c.src[start:min(start+max(at.Len, 0), len(c.src))])
	if off >= 0 && off <= len(value) {
		prefix := value[:off]
		switch {
		case strings.HasPrefix(raw, prefix):
			start += off
		case strings.HasPrefix(raw, "\n"+prefix): // a multi-line string drops its first line break
			start += 1 + off
		}
	}
	line := 1 + bytes.Count(c.src[:start], []byte("\n"))
	col := 1 + utf8.RuneCount(c.src[bytes.LastIndexByte(c.src[:start], '\n')+1:start])
	return diag.Pos{Line: line, Col: col}
}

// probe is decoded from one TOML value; it fails when judge finds a
// problem, and keeps the problem.
type probe struct {
	judge   func(any) (int, string)
	raw     any    // the value decoded
	value   string // the string judged, when the value is one
	off     int    // the problem's byte offset in value, or -1
	problem string
}

var errProbe = errors.New("placeholder problem")

func (p *probe) UnmarshalTOML(v any) error {
	p.raw = v
	p.off, p.problem = p.judge(v)
	p.value, _ = v.(string)
	if p.problem != "" {
		return errProbe
	}
	return nil
}

// firstBadString finds the first problem of v: a string with a problem,
// or a value that is not a string or a table; offsets are only given for
// v itself. The strings of a table
// are judged one by one (table), each with its position.
func firstBadString(v any) (int, string) {
	return badString(v, true)
}

func badString(v any, top bool) (int, string) {
	switch v := v.(type) {
	case string:
		return placeholderProblem(v)
	case []any:
		for _, e := range v {
			if _, msg := badString(e, false); msg != "" {
				return -1, msg
			}
		}
		return -1, notText
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if _, msg := badString(v[k], false); msg != "" && !top {
				return -1, msg
			}
		}
	default:
		// go-i18n reads only strings and tables of them, and refuses the
		// whole file otherwise, with no position (FuzzMessage: "0=0").
		return -1, notText
	}
	return 0, ""
}

const notText = "a message is text: write it in double quotes, such as key = \"…\" (a number, true or false, a date or a list is not a message)"

// placeholderProblem returns the byte offset and a description of the
// first template action of s that is not {{.Name}}.
func placeholderProblem(s string) (int, string) {
	if !strings.Contains(s, "{{") { // go-i18n runs it as a template only then
		return 0, ""
	}
	t := parse.New("message")
	t.Mode = parse.SkipFuncCheck
	defined := map[string]*parse.Tree{} // the string's own tree, and any it defines
	if _, err := t.Parse(s, "{{", "}}", defined); err != nil {
		return strings.Index(s, "{{"), "malformed placeholder: an interface string inserts a named value as {{.Name}} (for example {{.Count}}); check the braces and the name"
	}
	for _, n := range t.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			continue
		case *parse.ActionNode:
			if isNamedValue(n) {
				continue
			}
		}
		return notAllowed(s, int(n.Position()))
	}
	for name := range defined { // {{define}}, refused even if never used
		if name != t.Name {
			return notAllowed(s, definePos(s))
		}
	}
	return 0, ""
}

// definePos returns the offset of the first {{define …}} of s.
func definePos(s string) int {
	for i := 0; ; {
		j := strings.Index(s[i:], "{{")
		if j < 0 {
			return 0
		}
		i += j + 2
		if strings.HasPrefix(strings.TrimLeft(strings.TrimPrefix(s[i:], "-"), " \t\r\n"), "define") {
			return i - 2
		}
	}
}

func notAllowed(s string, pos int) (int, string) {
	off := actionStart(s, pos)
	return off, fmt.Sprintf("%s is not allowed in an interface string: only named values are, written {{.Name}} (for example {{.Count}}); replace it by a named value or by text", quoteAction(s[off:]))
}

// isNamedValue reports whether action is {{.Name}}: one field of the
// data, without a pipeline, a function, a variable or a chain.
func isNamedValue(a *parse.ActionNode) bool {
	p := a.Pipe
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return false
	}
	f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	return ok && len(f.Ident) == 1
}

// actionStart returns the offset of the "{{" that opens the action at or
// around pos (a node's position may point inside the action).
func actionStart(s string, pos int) int {
	pos = min(max(pos, 0), len(s))
	if strings.HasPrefix(s[pos:], "{{") {
		return pos
	}
	if i := strings.LastIndex(s[:pos], "{{"); i >= 0 {
		return i
	}
	return pos
}

// quoteAction returns the action that s starts with, shortened.
func quoteAction(s string) string {
	if end := strings.Index(s, "}}"); end >= 0 {
		s = s[:end+2]
	}
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:37]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
