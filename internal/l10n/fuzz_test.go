package l10n

import (
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// FuzzMessage puts any string into an i18n file, as the value of one
// message between two plain ones, written as a TOML basic string (escaped
// as TOML requires), as a multi-line literal string, or pasted raw between
// double quotes (often malformed), and loads it. Either:
//
//   - the file is refused, and every problem names it and is positioned
//     inside it: line from 1 to the number of lines, column from 1 to one
//     past the last character of that line (where an unterminated string
//     ends); or
//   - it is accepted, and rendering the message with T and N (with a value
//     for each name it uses) neither fails nor runs a loop: the result is
//     at most the message plus, for each {{…}} action, 16 times the longest
//     value passed, and it comes within a time and allocation budget.
func FuzzMessage(f *testing.F) {
	for _, s := range []string{
		"Activities", "{{.Count}} activities", "Activity {{.Area}}.{{.Number}}, {{ .Count }} and {{- .Trimmed -}}",
		"{{range 1000}}{{range 1000}}{{end}}{{end}}x", "AAAA {{range 20000000}}AAAAAAAAAA{{end}}",
		"é\t{{printf \"%d\" 3}}", "x {{.When.String}}", "{{call .F}}", "{{.Name", "no placeholder at all }}",
		"{{/* a comment */}}x", "{{define \"x\"}}y{{end}}", "{{template \"x\"}}", "{{.}}", "{{$x := 1}}{{$x}}",
		"a\"b\\c\nd'''e", "''", "line\r\nbreak", "\x00\x7f\u202e", "{{", "}}{{.A}}{{.A}}{{.A}}",
		"{{- /* c */ -}}", "{{.Count}}{{.Count}}{{.Count}}{{.Count}}{{.Count}}{{.Count}}",
	} {
		for mode := range byte(3) {
			f.Add(s, mode, "valeur")
		}
	}
	f.Add("\"\n[x]\ny = \"", byte(2), "")
	f.Add("\\u00", byte(2), "")
	f.Fuzz(func(t *testing.T, value string, mode byte, arg string) {
		if len(value) > 4<<10 || len(arg) > 256 {
			return
		}
		lines := []string{
			"# The words of the interface.",
			`before = "Avant"`,
			"key = " + tomlString(value, mode),
			`after = "Après"`,
		}
		file := strings.Join(lines, "\n") + "\n"
		fsys := fstest.MapFS{"i18n/en.toml": {Data: []byte(file)}}
		b, problems := LoadBundle(fsys, "i18n", []string{"en"})
		if items := problems.Items(); len(items) > 0 {
			for _, d := range items {
				if msg := outside(file, d.File, d.Pos.Line, d.Pos.Col); msg != "" {
					t.Errorf("%s\n%s", msg, d)
				}
			}
			if b.Has("en", "key") {
				t.Errorf("the message is loaded despite problems:\n%s", problems)
			}
			return
		}
		var decoded map[string]any
		if _, err := toml.Decode(file, &decoded); err != nil {
			t.Fatalf("loaded, but not TOML: %v\n%s", err, file)
		}
		msg, _ := decoded["key"].(string)
		if !b.Has("en", "key") {
			t.Fatalf("accepted but message %q is missing:\n%s", "key", file)
		}
		renderWithinBudget(t, b, msg, arg)
	})
}

// action matches what may be a template action, to name the values passed.
var action = regexp.MustCompile(`\{\{-?\s*\.([A-Za-z_][A-Za-z0-9_]*)`)

func renderWithinBudget(t *testing.T, b *Bundle, msg, arg string) {
	l := b.Localizer("en")
	data := map[string]any{"Count": 3, "Name": arg}
	for _, m := range action.FindAllStringSubmatch(msg, -1) {
		if m[1] != "Count" {
			data[m[1]] = arg
		}
	}
	longest := max(len(arg), len("<no value>"), len("3"))
	limit := len(msg) + 16*strings.Count(msg, "{{")*longest
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	outs := []string{l.T("key", data), l.N("key", 3, data), l.T("key", nil)}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	// A loop is slow every time; a worker starved of the processor by
	// other work on the machine (a long fuzzing session shares it) is slow
	// once: time twice more, and keep the quickest.
	for i := 0; i < 2 && elapsed > time.Second; i++ {
		start = time.Now()
		_, _, _ = l.T("key", data), l.N("key", 3, data), l.T("key", nil)
		elapsed = min(elapsed, time.Since(start))
	}
	for _, out := range outs {
		if len(out) > limit {
			t.Errorf("message %q with %q rendered %d bytes, over %d: a template loop?", msg, arg, len(out), limit)
		}
	}
	if m := l.Missing(); len(m) > 0 {
		t.Errorf("message %q was accepted but fails when rendered: %v", msg, m)
	}
	// A second, a megabyte and 1 KiB per byte of output allowed: far above
	// what three substitutions cost, far below what a loop does.
	if elapsed > time.Second {
		t.Errorf("message %q took %v to render", msg, elapsed)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20+1024*uint64(3*limit) {
		t.Errorf("message %q allocated %d bytes to render", msg, alloc)
	}
}

// tomlString writes s as a TOML value: mode 0 a basic string with every
// character TOML does not allow escaped, 1 a multi-line literal string, 2
// s pasted between double quotes as it is.
func tomlString(s string, mode byte) string {
	switch mode % 3 {
	case 0:
		var b strings.Builder
		b.WriteByte('"')
		for _, r := range s {
			switch {
			case r == '"' || r == '\\':
				b.WriteString(`\` + string(r))
			case r == utf8.RuneError:
				b.WriteString(`\uFFFD`)
			case r < 0x20 && r != '\t' || r == 0x7F:
				fmt.Fprintf(&b, `\u%04X`, r)
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('"')
		return b.String()
	case 1:
		return "'''" + s + "'''"
	}
	return `"` + s + `"`
}

// outside describes why a problem's position is not inside file, or
// returns "".
func outside(file, name string, line, col int) string {
	if name != "i18n/en.toml" {
		return fmt.Sprintf("problem in %q, not in the file", name)
	}
	lines := strings.Split(strings.TrimSuffix(file, "\n"), "\n")
	if line < 1 || line > len(lines) {
		return fmt.Sprintf("line %d of a file of %d lines", line, len(lines))
	}
	if n := utf8.RuneCountInString(lines[line-1]); col < 1 || col > n+1 {
		return fmt.Sprintf("column %d of line %d, which has %d characters", col, line, n)
	}
	return ""
}
