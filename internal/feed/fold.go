package feed

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// maxOctets is the longest a content line may be, CRLF excluded (RFC 5545
// section 3.1).
const maxOctets = 75

// folder is an io.Writer that folds the CRLF-terminated content lines
// written through it: a line longer than 75 octets is split before a
// character (never inside a multi-byte UTF-8 sequence: Arabic letters take
// two octets each), and each continuation line starts with one space.
// github.com/emersion/go-ical escapes and validates but does not fold, so
// this is the part we write ourselves.
type folder struct {
	w   io.Writer
	buf []byte
}

func (f *folder) Write(p []byte) (int, error) {
	f.buf = append(f.buf, p...)
	for {
		i := bytes.Index(f.buf, []byte("\r\n"))
		if i < 0 {
			return len(p), nil
		}
		if _, err := f.w.Write(fold(f.buf[:i])); err != nil {
			return 0, err
		}
		f.buf = f.buf[i+2:]
	}
}

// fold returns line folded and terminated by CRLF.
func fold(line []byte) []byte {
	var out bytes.Buffer
	limit := maxOctets
	for len(line) > limit {
		// Step back to the start of the character, at most UTFMax-1
		// octets: further back there is no valid character to keep whole,
		// and cutting at 0 would never end.
		cut := limit
		for cut > limit-(utf8.UTFMax-1) && !utf8.RuneStart(line[cut]) {
			cut--
		}
		out.Write(line[:cut])
		out.WriteString("\r\n ")
		line = line[cut:]
		limit = maxOctets - 1 // the leading space counts
	}
	out.Write(line)
	out.WriteString("\r\n")
	return out.Bytes()
}
