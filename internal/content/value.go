package content

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// A scalar value may be written over several lines: a plain or quoted text
// continued on the next lines, or a block ("|" or ">") on the lines below
// its field. YAML joins the lines (with a space, or a line break for a
// block), so the decoded value is not what the file shows. This file maps
// the decoded value back to the file, from the parser's token positions
// and texts: to point at the part of a value that is wrong (on its own
// line if need be), and to show the value as the editor wrote it.

// piece is one line of a scalar as written, without its indentation.
type piece struct {
	line int // file line
	text string
}

// written returns the lines of scalar n as written in the file: one piece
// for a value on one line. Quotes are left out.
func (d *decoder) written(n ast.Node) []piece {
	t, first := d.scalarText(n)
	if t == nil {
		return nil
	}
	origin := strings.TrimRight(t.Origin, " \t\n")
	var out []piece
	for i, l := range strings.Split(origin, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, piece{line: first + i, text: l})
		}
	}
	trimQuotes(t, out)
	return out
}

// scalarText returns the token holding the characters of scalar n, and the
// file line its Origin starts on.
func (d *decoder) scalarText(n ast.Node) (*token.Token, int) {
	switch v := n.(type) {
	case *ast.StringNode, *ast.IntegerNode, *ast.FloatNode:
		t := v.GetToken()
		lead := strings.Count(t.Origin[:len(t.Origin)-len(strings.TrimLeft(t.Origin, " \t\n"))], "\n")
		return t, d.lineOff + t.Position.Line - lead
	case *ast.LiteralNode:
		if v.Value == nil {
			return nil, 0
		}
		return v.Value.GetToken(), d.lineOff + v.GetToken().Position.Line + 1
	}
	return nil, 0
}

// trimQuotes drops the opening and closing quotes of a quoted scalar.
func trimQuotes(t *token.Token, pieces []piece) {
	var q string
	switch t.Type {
	case token.DoubleQuoteType:
		q = `"`
	case token.SingleQuoteType:
		q = `'`
	default:
		return
	}
	if len(pieces) > 0 {
		pieces[0].text = strings.TrimPrefix(pieces[0].text, q)
		last := &pieces[len(pieces)-1]
		last.text = strings.TrimSuffix(last.text, q)
	}
}

// quote shows value s of node n for a message: quoted, and for a value
// written over several lines, each line as written with its number.
func (d *decoder) quote(n ast.Node, s string) string {
	pieces := d.written(n)
	_, block := n.(*ast.LiteralNode)
	switch {
	case len(pieces) == 1 && block:
		return strconv.Quote(pieces[0].text)
	case len(pieces) < 2:
		return strconv.Quote(s)
	}
	var b strings.Builder
	for i, p := range pieces {
		switch {
		case i == 4:
			fmt.Fprintf(&b, " and %d more lines", len(pieces)-i)
			return b.String()
		case i == 1:
			b.WriteString(" continued by ")
		case i > 1:
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q (line %d)", p.text, p.line)
	}
	return b.String()
}

// posAt is the file position of byte off of the decoded value of scalar n,
// found by walking the value and the file together: what YAML folded
// (line breaks and indentation) and escapes are stepped over. When the two
// cannot be matched, it is the start of the value.
func (d *decoder) posAt(n ast.Node, value string, off int) diag.Pos {
	start := d.valueStart(n)
	c := newCursor(d.fileLines(), start)
	for i := 0; i < off && i < len(value); {
		r, size := utf8.DecodeRuneInString(value[i:])
		sr := c.peek()
		switch {
		case isBlank(r) && isBlank(sr):
			c.skipBlanks()
			for i < off && i < len(value) && isBlank(rune(value[i])) {
				i++
			}
			continue
		case r == '\'' && sr == '\'' && quotedBy(n, token.SingleQuoteType):
			c.next() // '' is one '
			c.next()
		case r == sr:
			c.next()
		case sr == '\\' && quotedBy(n, token.DoubleQuoteType):
			if !c.escape() {
				continue // an escaped line break: nothing in the value
			}
		default:
			return within(d.fileLines(), start)
		}
		i += size
	}
	if quotedBy(n, token.DoubleQuoteType) && string(c.rest()) == "\\" {
		c.escape() // the value goes on after an escaped line break
	}
	return within(d.fileLines(), diag.Pos{Line: c.line, Col: c.col})
}

func (d *decoder) fileLines() [][]byte {
	if d.lines == nil {
		d.lines = bytes.Split(d.src, []byte("\n"))
	}
	return d.lines
}

// valueStart is where the characters of scalar n start: after an opening
// quote, or at the first written line of a block.
func (d *decoder) valueStart(n ast.Node) diag.Pos {
	if _, ok := n.(*ast.LiteralNode); ok {
		if pieces := d.written(n); len(pieces) > 0 {
			line := d.fileLines()[pieces[0].line-1]
			return diag.Pos{Line: pieces[0].line, Col: 1 + utf8.RuneCount(line) - utf8.RuneCount(bytes.TrimLeft(line, " \t"))}
		}
	}
	p := d.pos(n)
	p.Col += scalarOffset(n)
	return p
}

func quotedBy(n ast.Node, quote token.Type) bool {
	t := n.GetToken()
	return t != nil && t.Type == quote
}

func isBlank(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }

// cursor walks the file's text by characters; past the end of a line it
// reads '\n'. It keeps the byte offset in the line beside the column, so
// that a long value is walked in linear time.
type cursor struct {
	lines     [][]byte
	line, col int // 1-based, col in characters
	off       int // byte offset of col in the line
}

func newCursor(lines [][]byte, p diag.Pos) cursor {
	c := cursor{lines: lines, line: p.Line, col: 1}
	for rest := c.rest(); c.col < p.Col && len(rest) > 0; rest = c.rest() {
		c.next()
	}
	return c
}

func (c *cursor) rest() []byte {
	if c.line < 1 || c.line > len(c.lines) {
		return nil
	}
	return c.lines[c.line-1][c.off:]
}

func (c *cursor) peek() rune {
	rest := c.rest()
	if len(rest) == 0 {
		if c.line >= len(c.lines) {
			return utf8.RuneError
		}
		return '\n'
	}
	r, _ := utf8.DecodeRune(rest)
	return r
}

func (c *cursor) next() {
	rest := c.rest()
	if len(rest) == 0 {
		c.line, c.col, c.off = c.line+1, 1, 0
		return
	}
	_, size := utf8.DecodeRune(rest)
	c.col, c.off = c.col+1, c.off+size
}

func (c *cursor) skipBlanks() {
	for isBlank(c.peek()) {
		c.next()
	}
}

// escape steps over one escape of a double-quoted text: \x41, \u00e9,
// \U0001F600, a one-letter escape such as \n, or an escaped line break
// (and the next line's indentation), for which it returns false: that one
// puts nothing in the value.
func (c *cursor) escape() bool {
	c.next()
	if c.peek() == '\n' {
		c.skipBlanks()
		return false
	}
	n := map[rune]int{'x': 2, 'u': 4, 'U': 8}[c.peek()]
	for range n + 1 {
		c.next()
	}
	return true
}
