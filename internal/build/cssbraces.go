package build

import (
	"bytes"
	"unicode/utf8"

	tparse "github.com/tdewolff/parse/v2"
	pcss "github.com/tdewolff/parse/v2/css"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// braceProblems reports the braces of a stylesheet that do not pair: a
// "}" with no block to close, and every "{" still open at the end of the
// file. The minifier accepts both silently, and a missing "}" after an
// @media block quietly moves every later rule inside it (a merge once
// left the screen styles of half the site inside "@media print"). Tokens
// come from the minifier's own CSS lexer, so braces in comments and
// strings do not count.
func braceProblems(file string, data []byte, problems *diag.List) {
	var open []int // offsets of the unclosed "{"
	lx := pcss.NewLexer(tparse.NewInputBytes(data))
	offset := 0
	for {
		tt, text := lx.Next()
		if tt == pcss.ErrorToken {
			break
		}
		switch tt {
		case pcss.LeftBraceToken:
			open = append(open, offset)
		case pcss.RightBraceToken:
			if len(open) == 0 {
				problems.Errorf(file, posAt(data, offset), "this \"}\" closes no block: remove it, or add the \"{\" it was meant to close")
			} else {
				open = open[:len(open)-1]
			}
		}
		offset += len(text)
	}
	for _, o := range open {
		problems.Errorf(file, posAt(data, o), "this \"{\" is never closed: add the \"}\" that ends its block (every rule after it is inside it)")
	}
}

// posAt is the line and column (in characters) of a byte offset.
func posAt(data []byte, offset int) diag.Pos {
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return diag.Pos{Line: line, Col: utf8.RuneCount(before[start:]) + 1}
}
