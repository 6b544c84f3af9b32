package content

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// parseYAML parses data (which starts on file line lineOff+1) into an AST.
// goccy/go-yaml is used because its syntax errors carry the token's position
// as data; we never scrape positions from error text.
func parseYAML(file string, data []byte, lineOff int, problems *diag.List) (ast.Node, bool) {
	if line := deepYAML(data); line > 0 {
		problems.Errorf(file, diag.Pos{Line: lineOff + line, Col: 1}, "the YAML nests lists or fields more than %d levels deep here: check the brackets [ ] and { } and the \"- \" that start the line", maxYAMLDepth)
		return nil, false
	}
	// Duplicate keys are reported by fields.decode, which names both lines.
	f, err := parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		lines := bytes.Split(data, []byte("\n"))
		pos, msg := diag.Pos{Line: 1, Col: 1}, err.Error()
		var serr *yaml.SyntaxError
		if errors.As(err, &serr) {
			msg = serr.Message
			if serr.Token != nil {
				pos = diag.Pos{Line: serr.Token.Position.Line, Col: serr.Token.Position.Column}
			}
		}
		pos, msg = explainSyntax(lines, msg, pos)
		pos.Line += lineOff
		problems.Errorf(file, pos, "%s", msg)
		return nil, false
	}
	if len(f.Docs) > 1 {
		problems.Errorf(file, diag.Pos{Line: lineOff + 1, Col: 1}, "the YAML holds several documents: remove the extra \"---\" lines")
		return nil, false
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil, true
	}
	return f.Docs[0].Body, true
}

// maxYAMLDepth is the deepest nesting of YAML collections accepted. The
// project's files nest three levels (providers: - country: …), and
// goccy/go-yaml takes time and memory that grow faster than the square of
// the depth (20,000 "[" take seconds and most of a gigabyte), so deeper
// input is refused before it is parsed.
const maxYAMLDepth = 32

// deepYAML estimates the nesting of YAML text: flow brackets ("[", "{")
// still open, plus the sequence entries ("- ") that start a line. It counts
// brackets inside quotes and comments too, which can only overestimate.
// It returns the first line deeper than maxYAMLDepth, or 0.
func deepYAML(data []byte) (line int) {
	open := 0
	for i, l := range bytes.Split(data, []byte("\n")) {
		dashes := 0
		for rest := bytes.TrimLeft(l, " "); bytes.HasPrefix(rest, []byte("- ")) || string(rest) == "-"; rest = bytes.TrimLeft(rest[1:], " ") {
			dashes++
		}
		deepest := open
		for _, c := range l {
			switch c {
			case '[', '{':
				open++
				deepest = max(deepest, open)
			case ']', '}':
				open = max(open-1, 0)
			}
		}
		if deepest+dashes > maxYAMLDepth {
			return i + 1
		}
	}
	return 0
}

// fields decodes one YAML mapping with strict keys. Each known key maps to
// a function that decodes its value; unknown keys, duplicates and missing
// required keys are reported at their position.
type fields struct {
	d        *decoder
	handlers map[string]func(ast.Node)
	required []string
}

// decoder reports problems of one file (src, normalized) whose YAML starts
// at line lineOff+1.
type decoder struct {
	file     string
	src      []byte
	lines    [][]byte // src split into lines, when first needed
	lineOff  int
	problems *diag.List
}

func (d *decoder) pos(n ast.Node) diag.Pos {
	if n == nil || n.GetToken() == nil {
		return diag.Pos{Line: d.lineOff + 1, Col: 1}
	}
	if d.lines == nil {
		d.lines = bytes.Split(d.src, []byte("\n"))
	}
	p := n.GetToken().Position
	return within(d.lines, diag.Pos{Line: d.lineOff + p.Line, Col: p.Column})
}

// within keeps a parser's position inside the text of lines: goccy/go-yaml
// places an empty value ("title:" and nothing after) a column or two past
// the end of its line, where no editor can go; the end of the line is meant.
func within(lines [][]byte, p diag.Pos) diag.Pos {
	p.Line = min(max(p.Line, 1), len(lines))
	p.Col = min(max(p.Col, 1), utf8.RuneCount(lines[p.Line-1])+1)
	return p
}

func (d *decoder) errorf(n ast.Node, format string, args ...any) {
	d.problems.Errorf(d.file, d.pos(n), format, args...)
}

// decode walks mapping node n (what names it in messages). A nil node is an
// empty mapping.
func (fs fields) decode(n ast.Node, what string) {
	pairs, ok := fs.d.pairs(n, what)
	if !ok {
		return
	}
	seen := map[string]bool{}      // given, or misspelt close enough
	first := map[string]ast.Node{} // where each key is first given
	for _, p := range pairs {
		key := p.Key.GetToken().Value
		h, known := fs.handlers[key]
		switch {
		case first[key] != nil:
			fs.d.errorf(p.Key, "%q is given twice, on lines %d and %d: keep one", key, fs.d.pos(first[key]).Line, fs.d.pos(p.Key).Line)
		case !known:
			first[key] = p.Key
			hint, near := fs.suggest(key)
			seen[near] = near != "" // a misspelt key is not also reported missing
			fs.d.errorf(p.Key, "unknown field %q in %s%s", key, what, hint)
		case emptyValue(p.Value) && !slices.Contains(fs.required, key):
			// An empty optional value ("", nothing, []) is what a form
			// writes for a field left blank: it counts as absent.
			first[key] = p.Key
		default:
			first[key] = p.Key
			seen[key] = true
			h(p.Value)
		}
	}
	fs.checkRequired(n, pairs, seen, what)
}

// checkRequired reports the required fields not given: one message for an
// empty mapping (an empty file), else one per field.
func (fs fields) checkRequired(n ast.Node, pairs []*ast.MappingValueNode, seen map[string]bool, what string) {
	var missing []string
	for _, k := range fs.required {
		if !seen[k] {
			missing = append(missing, k)
		}
	}
	if len(pairs) == 0 && len(missing) > 1 {
		fs.d.problems.Errorf(fs.d.file, fs.d.startPos(n, pairs), "%s is empty: add the required fields %s, one \"field: value\" per line", what, strings.Join(missing, ", "))
		return
	}
	for _, k := range missing {
		fs.d.problems.Errorf(fs.d.file, fs.d.startPos(n, pairs), "%s lacks the required field %q: add a line \"%s: …\"", what, k, k)
	}
}

// startPos is where a mapping starts: its first key, or the top of the YAML
// when it is empty.
func (d *decoder) startPos(n ast.Node, pairs []*ast.MappingValueNode) diag.Pos {
	if len(pairs) > 0 {
		return d.pos(pairs[0].Key)
	}
	if n != nil {
		return d.pos(n)
	}
	return diag.Pos{Line: d.lineOff + 1, Col: 1}
}

func (fs fields) suggest(key string) (hint, near string) {
	names := make([]string, 0, len(fs.handlers))
	for k := range fs.handlers {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		if closeTo(strings.ToLower(key), k) {
			return fmt.Sprintf(": did you mean %q?", k), k
		}
	}
	return ": the allowed fields are " + strings.Join(names, ", "), ""
}

// closeTo reports whether a and b differ by at most one edit or a swap.
func closeTo(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) == len(rb) {
		var diffs []int
		for i := range ra {
			if ra[i] != rb[i] {
				diffs = append(diffs, i)
			}
		}
		return len(diffs) == 1 || (len(diffs) == 2 && diffs[1] == diffs[0]+1 && ra[diffs[0]] == rb[diffs[1]] && ra[diffs[1]] == rb[diffs[0]])
	}
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) != 1 {
		return false
	}
	for i := range ra {
		if ra[i] != rb[i] {
			return string(ra[i:]) == string(rb[i+1:])
		}
	}
	return true
}

func (d *decoder) pairs(n ast.Node, what string) ([]*ast.MappingValueNode, bool) {
	switch n := unwrap(n).(type) {
	case nil:
		return nil, true
	case *ast.MappingNode:
		return n.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}, true
	case *ast.AnchorNode, *ast.AliasNode:
		d.errorf(n, "YAML anchors and aliases (& and *) are not supported here: write the values out")
		return nil, false
	default:
		d.errorf(n, "%s must be a set of \"field: value\" lines, not %s", what, describe(n))
		return nil, false
	}
}

// unwrap removes comment wrappers. Anchors and aliases are kept so that
// callers refuse them (they allow exponential expansion and surprise editors).
func unwrap(n ast.Node) ast.Node {
	if c, ok := n.(*ast.CommentGroupNode); ok && c == nil {
		return nil
	}
	if n == nil {
		return nil
	}
	return n
}

func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.SequenceNode:
		return "a list"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a set of fields"
	case *ast.NullNode:
		return "an empty value"
	case *ast.BoolNode:
		return fmt.Sprintf("true/false (%s)", n.GetToken().Value)
	case *ast.IntegerNode, *ast.FloatNode:
		return fmt.Sprintf("a number (%s)", n.GetToken().Value)
	}
	if t := n.GetToken(); t != nil {
		return strconv.Quote(t.Value)
	}
	return "this value"
}

// text decodes a scalar as text. Numbers are accepted as their literal
// spelling; lists, mappings and empty values are not.
func (d *decoder) text(n ast.Node, key string) (string, bool) {
	var s string
	switch v := n.(type) {
	case *ast.StringNode:
		s = v.Value
	case *ast.LiteralNode:
		s = v.Value.Value
	case *ast.IntegerNode, *ast.FloatNode:
		s = v.GetToken().Value
	case *ast.SequenceNode:
		d.errorf(n, "%q must be one text, not a list: write it on one line after \"%s:\", without brackets or \"- \" (in double quotes if the text itself starts with \"[\" or \"- \")", key, key)
		return "", false
	default:
		d.errorf(n, "%q must be text, not %s: write it on one line after the colon, in quotes if it contains \": \"", key, describeOrEmpty(n))
		return "", false
	}
	// YAML escapes ("\u202E") can produce what the file itself may not hold.
	if t := n.GetToken(); strings.ContainsRune(s, utf8.RuneError) && !strings.ContainsRune(t.Origin, utf8.RuneError) {
		d.errorf(n, "%s", msgSurrogate)
		return "", false
	}
	if _, r, bad := forbiddenRune([]byte(s)); bad {
		d.errorf(n, "%q holds the invisible control character %U (%s): remove it; it can hide or reorder what readers see", key, r, controlName(r))
		return "", false
	}
	return s, true
}

// lineBreaks are the characters that break a line: in a one-line text
// they would split a calendar entry, a CSV cell or a heading.
const lineBreaks = "\n\r\v\f\u0085\u2028\u2029"

// oneLine decodes a text that must stay on one line.
func (d *decoder) oneLine(n ast.Node, key string) (string, bool) {
	s, ok := d.text(n, key)
	if i := strings.IndexAny(s, lineBreaks); ok && i >= 0 {
		d.problems.Errorf(d.file, d.posAt(n, s, i), "%q must be on one line: remove the line break here (\\n or \\r in double quotes, an empty line or a \"|\" block make one)", key)
		return "", false
	}
	return s, ok
}

func describeOrEmpty(n ast.Node) string {
	if n == nil {
		return "an empty value"
	}
	return describe(n)
}

// scalarOffset is where the characters of a scalar's value start relative
// to its token position (1 for a quoted scalar).
func scalarOffset(n ast.Node) int {
	if t := n.GetToken(); t != nil && (t.Type == token.DoubleQuoteType || t.Type == token.SingleQuoteType) {
		return 1
	}
	return 0
}

func (d *decoder) integer(n ast.Node, key string) (int, bool) {
	if v, ok := n.(*ast.IntegerNode); ok {
		if i, err := strconv.Atoi(v.GetToken().Value); err == nil {
			return i, true
		}
	}
	d.errorf(n, "%q must be a whole number such as 2, not %s", key, describeOrEmpty(n))
	return 0, false
}

func (d *decoder) boolean(n ast.Node, key string) (bool, bool) {
	if v, ok := n.(*ast.BoolNode); ok {
		return v.Value, true
	}
	d.errorf(n, "%q must be true or false, not %s", key, describeOrEmpty(n))
	return false, false
}

// list decodes a sequence, calling item for each element; form says what
// the list looks like, for the message when n is not one.
func (d *decoder) list(n ast.Node, key, form string, item func(ast.Node)) bool {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		d.errorf(n, "%q must be %s, not %s", key, form, describeOrEmpty(n))
		return false
	}
	for _, v := range seq.Values {
		item(v)
	}
	return true
}

// emptyValue reports whether n is an empty value: null or nothing after
// the colon, an empty string ("" or ”), or an empty list ([]).
func emptyValue(n ast.Node) bool {
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return true
	case *ast.StringNode:
		return v.Value == ""
	case *ast.SequenceNode:
		return len(v.Values) == 0
	}
	return false
}
