package content

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// saveAsUTF8 tells an editor how to change a file's encoding in the
// editors the secretariat uses.
const saveAsUTF8 = "save it as UTF-8 in your editor (Notepad: File › Save as, Encoding: UTF-8; VS Code: click the encoding in the status bar, then Save with Encoding › UTF-8)"

// checkEncoding reports a file that is not UTF-8, saying which encoding it
// looks like: UTF-16 (what Windows calls "Unicode"), Latin-1 (Windows-1252,
// the default of older Windows editors), or neither.
func checkEncoding(file string, raw []byte, problems *diag.List) bool {
	if order := utf16Order(raw); order != "" {
		problems.Errorf(file, diag.Pos{Line: 1, Col: 1}, "the file is saved as UTF-16 (%s), not UTF-8: %s", order, saveAsUTF8)
		return false
	}
	if utf8.Valid(raw) {
		return true
	}
	off := invalidUTF8(raw)
	if latin1Like(raw) {
		problems.Errorf(file, posOf(raw, off), "the file is not UTF-8: it looks like Latin-1 (Windows-1252), where byte 0x%02X is %q: %s", raw[off], string(charmap.Windows1252.DecodeByte(raw[off])), saveAsUTF8)
		return false
	}
	problems.Errorf(file, posOf(raw, off), "the file is not UTF-8 text (byte 0x%02X): if it is text, %s; content holds only text files", raw[off], saveAsUTF8)
	return false
}

// utf16Order returns "little-endian" or "big-endian" for text that looks
// like UTF-16: a byte-order mark, or a zero byte beside most characters
// (the zero half of ASCII characters), and "" otherwise.
func utf16Order(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return "little-endian"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return "big-endian"
	}
	even, odd := 0, 0
	for i, c := range b {
		if c == 0 && i%2 == 0 {
			even++
		} else if c == 0 {
			odd++
		}
	}
	pairs := len(b) / 2
	switch {
	case pairs < 2:
		return ""
	case odd*2 > pairs && even == 0:
		return "little-endian"
	case even*2 > pairs && odd == 0:
		return "big-endian"
	}
	return ""
}

// latin1Like reports whether b reads as Windows-1252 text: every byte
// decodes to a character, and none is a control character other than
// tab and line breaks (which binary files have).
func latin1Like(b []byte) bool {
	for _, c := range b {
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError || (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7F {
			return false
		}
	}
	return true
}
