package content

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// syntaxHelp turns one kind of goccy/go-yaml syntax error into words an
// editor uses. goccy only describes its errors in a message string, so this
// table is the one place that reads them; positions still come from the
// error's token (or, where the token is known to sit elsewhere, from the
// source text around it), never from the message.
type syntaxHelp struct {
	// match is a part of goccy's message.
	match string
	// at, when set, finds the mistake from the token's position in the
	// YAML lines, or reports that this entry does not describe it.
	at func(lines [][]byte, tok diag.Pos) (diag.Pos, bool)
	// msg is the editor's message; example, when set, adds the line
	// rewritten as it should be.
	msg     string
	example func(line []byte) string
}

const (
	msgTab = "a tab character: indent with spaces, not tabs (YAML does not allow tabs in indentation)"

	msgColon = "the text contains \": \" (a colon and a space), which YAML reads as the start of another field: put the whole text in double quotes"

	msgIndent = "this line is indented further than the field above it, so YAML reads it as part of that field's value: start it in the same column as the field above"

	msgAfterQuote = "there is more text after the closing quote: put the whole text between one pair of quotes (inside double quotes, write a quote as \\\")"

	msgSurrogate = "the escape \\u… here is half of a character (a lone UTF-16 surrogate, D800–DFFF): type the character itself instead of its code"
)

var syntaxHelps = []syntaxHelp{
	{match: "found character '\t' that cannot start any token", at: leadingTab, msg: msgTab},
	{match: "tab character cannot", at: leadingTab, msg: msgTab},
	{match: "found a tab character", at: leadingTab, msg: msgTab},
	{match: "mapping value is not allowed in this context", at: colonInValue, msg: msgColon, example: quoteValue},
	{match: "mapping value is not allowed in this context", at: indentedBelow, msg: msgIndent},
	{match: "map key-value is pre-defined", at: startsLine, msg: msgIndent},
	{match: "map key-value is pre-defined", msg: msgAfterQuote},
	{match: "value is not allowed in this context", msg: "there is more text after the list or value that ends before it: put the whole text in double quotes"},
	{match: "could not find end character of double-quoted text", msg: "this double quote (\") is never closed: add the closing \" at the end of the text, on the same line"},
	{match: "could not find end character of single-quoted text", msg: "this single quote (') is never closed: add the closing ' at the end of the text, on the same line (write an apostrophe inside it as '')"},
	{match: "sequence end token ']' not found", msg: "this \"[\" opens a list that is never closed: add \"]\" at its end, or put the text in double quotes if it is not a list"},
	{match: "could not find flow mapping end token '}'", msg: "this \"{\" is never closed: add \"}\" at its end, or put the text in double quotes"},
	{match: "surrogate", msg: msgSurrogate},
	{match: "found unknown escape character", msg: "a backslash (\\) inside double quotes starts an escape such as \\\" or \\n: write \\\\ for a backslash itself, or use single quotes around the text"},
	{match: "is a reserved character", msg: "a value cannot start with @ or `: put the text in double quotes"},
	{match: "non-map value is specified", msg: "a list entry (\"- \") among the fields: indent it under the field it belongs to, such as \"providers:\""},
}

// explainSyntax returns the position (in the lines of the YAML, 1-based)
// and the editor's message for a goccy syntax error message at token
// position tok. Messages without an entry keep goccy's words with a hint.
func explainSyntax(lines [][]byte, message string, tok diag.Pos) (diag.Pos, string) {
	tok = within(lines, tok)
	for _, h := range syntaxHelps {
		if !strings.Contains(message, h.match) {
			continue
		}
		pos := tok
		if h.at != nil {
			p, ok := h.at(lines, tok)
			if !ok {
				continue
			}
			pos = within(lines, p)
		}
		if h.example != nil {
			if ex := h.example(lines[pos.Line-1]); ex != "" {
				return pos, h.msg + ", like this: " + ex
			}
		}
		return pos, h.msg
	}
	return tok, "malformed YAML: " + message + ": check the indentation and the quotes on this line (text containing \": \" must be in quotes)"
}

// leadingTab finds the tab in the indentation of the token's line, or
// else of the first line indented with one.
func leadingTab(lines [][]byte, tok diag.Pos) (diag.Pos, bool) {
	if col := tabInIndent(lines[tok.Line-1]); col > 0 {
		return diag.Pos{Line: tok.Line, Col: col}, true
	}
	for i, l := range lines {
		if col := tabInIndent(l); col > 0 {
			return diag.Pos{Line: i + 1, Col: col}, true
		}
	}
	return tok, true
}

// tabInIndent returns the 1-based column of the first tab among the
// leading blanks of line, or 0.
func tabInIndent(line []byte) int {
	for i, c := range line {
		switch c {
		case '\t':
			return i + 1
		case ' ':
		default:
			return 0
		}
	}
	return 0
}

// colonInValue recognises "title: Atelier : emploi": a field whose value
// holds another ": ". It points at the value.
func colonInValue(lines [][]byte, tok diag.Pos) (diag.Pos, bool) {
	line := lines[tok.Line-1]
	at, ok := valueStart(line)
	value := line[at:]
	if !ok || (!bytes.Contains(value, []byte(": ")) && !bytes.HasSuffix(bytes.TrimSpace(value), []byte(":"))) {
		return tok, false
	}
	return diag.Pos{Line: tok.Line, Col: utf8.RuneCount(line[:at]) + 1}, true
}

// indentedBelow finds the line after the token's that starts further
// right than the token's line: "mode: online" then "   country: MA".
func indentedBelow(lines [][]byte, tok diag.Pos) (diag.Pos, bool) {
	indent := func(l []byte) int { return len(l) - len(bytes.TrimLeft(l, " ")) }
	for i := tok.Line; i < len(lines); i++ {
		if len(bytes.TrimSpace(lines[i])) == 0 {
			continue
		}
		if indent(lines[i]) > indent(lines[tok.Line-1]) {
			return diag.Pos{Line: i + 1, Col: indent(lines[i]) + 1}, true
		}
		break
	}
	return tok, false
}

// startsLine reports whether the token is the first thing on its line.
func startsLine(lines [][]byte, tok diag.Pos) (diag.Pos, bool) {
	line := lines[tok.Line-1]
	lead := utf8.RuneCount(line) - utf8.RuneCount(bytes.TrimLeft(line, " "))
	return tok, tok.Col == lead+1
}

// valueStart returns where the value of a "key: value" line starts (after
// any indentation and "- "), if the line is one.
func valueStart(line []byte) (int, bool) {
	rest := bytes.TrimLeft(line, " ")
	if r, ok := bytes.CutPrefix(rest, []byte("- ")); ok {
		rest = bytes.TrimLeft(r, " ")
	}
	key, value, ok := bytes.Cut(rest, []byte(": "))
	if !ok || len(key) == 0 || bytes.ContainsAny(key, "\"'[{#") {
		return 0, false
	}
	at := len(line) - len(bytes.TrimLeft(value, " "))
	return at, at < len(line)
}

// quoteValue rewrites a "key: value" line with its value in double quotes.
func quoteValue(line []byte) string {
	at, ok := valueStart(line)
	if !ok {
		return ""
	}
	head := strings.TrimSpace(string(line[:at]))
	return head + " " + strconv.Quote(strings.TrimSpace(string(line[at:])))
}
