package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestHostileSite builds a site whose texts hold every disguise of a
// dangerous link and every bidirectional control written as a character
// reference (testdata/hostile.txtar), and walks every output file: no
// HTML attribute, JSON string, calendar URL or CSV cell holds a live
// javascript:, vbscript: or data: address, and no file holds a bidi
// embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), neither
// as a character nor escaped. The checks are written here independently of
// package policy, so that they judge it rather than repeat it.
func TestHostileSite(t *testing.T) {
	res, err := Build(fixture(t, "hostile.txtar"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Problems.HasErrors() {
		t.Fatalf("the hostile site must build:\n%s", res.Problems)
	}
	kinds := map[string]int{}
	for _, f := range res.Files {
		if strings.HasPrefix(f.Path, "admin/") {
			continue // the browser editor, copied from static/admin/ as it is: no content reaches it
		}
		if bidi.Match(f.Data) {
			t.Errorf("%s holds a bidirectional control character", f.Path)
		}
		switch ext := path.Ext(f.Path); ext {
		case ".html":
			checkHTML(t, f.Path, f.Data)
		case ".json":
			checkJSON(t, f.Path, f.Data)
		case ".ics":
			checkICS(t, f.Path, f.Data)
		case ".csv":
			checkCSV(t, f.Path, f.Data)
		default:
			continue
		}
		kinds[path.Ext(f.Path)]++
	}
	for _, ext := range []string{".html", ".json", ".ics", ".csv"} {
		if kinds[ext] == 0 {
			t.Errorf("no %s file checked", ext)
		}
	}

	// The texts are there, without their links; the allowed links remain.
	out := files(res)
	for page, want := range map[string][]string{
		"fr/activities/hostile/index.html": {"https://example.org/ok", "https://example.org/register?id=1&lang=fr", "/x"},
		"en/activities/hostile/index.html": {"https://example.org/fine", "mailto:info@example.org"},
	} {
		doc := parse(t, out[page])
		hrefs := map[string]bool{}
		for _, a := range find(doc, tag("a")) {
			hrefs[attr(a, "href")] = true
		}
		for _, h := range want {
			if !hrefs[h] {
				t.Errorf("%s: no link to %q", page, h)
			}
		}
	}
	fr := string(out["fr/activities/hostile/index.html"])
	for _, want := range []string{"Autoliens\u00a0: javascript:alert(8) JAVASCRIPT:alert(9)", "Liens déguisés\u00a0: c o t u e p s v j d f", "marque\u200f permise"} {
		if !strings.Contains(fr, want) {
			t.Errorf("fr/activities/hostile/index.html lacks the text %q", want)
		}
	}
}

// bidi matches the bidi controls. Files are searched as bytes, and HTML
// and JSON once more after decoding (checkHTML, checkJSON), where a
// reference (&#x202E;) or an escape (\u202e) would turn into one. The
// text "&#x202E;" in a CSV cell or a calendar is just text.
var bidi = regexp.MustCompile("[\u202A-\u202E\u2066-\u2069]")

// live reports whether a browser (or a reader that percent-decodes) would
// follow s as a javascript:, vbscript: or data: address: WHATWG drops tabs
// and line breaks anywhere and C0 controls and spaces around, and schemes
// are case-insensitive.
func live(s string) bool {
	for _, v := range []string{s, percentDecoded(s)} {
		v = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)
		v = strings.ToLower(strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
		for _, scheme := range []string{"javascript:", "vbscript:", "data:"} {
			if strings.HasPrefix(v, scheme) {
				return true
			}
		}
	}
	return false
}

func percentDecoded(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if c, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(c))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// checkHTML parses a page as a browser does (character references
// decoded) and checks every attribute that can hold an address, every text
// node and the JSON-LD.
func checkHTML(t *testing.T, name string, data []byte) {
	t.Helper()
	doc := parse(t, data)
	urlAttrs := map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "srcset": true,
		"poster": true, "cite": true, "data": true, "background": true, "xlink:href": true, "ping": true}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			for _, a := range n.Attr {
				if urlAttrs[a.Key] && live(a.Val) {
					t.Errorf("%s: <%s %s=%q> is a live dangerous link", name, n.Data, a.Key, a.Val)
				}
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: <%s %s=%q>: an event handler", name, n.Data, a.Key, a.Val)
				}
				if bidi.MatchString(a.Val) {
					t.Errorf("%s: <%s %s=%q> holds a bidi control", name, n.Data, a.Key, a.Val)
				}
			}
			if n.Data == "script" && attr(n, "type") == "application/ld+json" && n.FirstChild != nil {
				checkJSON(t, name+" (JSON-LD)", []byte(n.FirstChild.Data))
			}
		case html.TextNode:
			if bidi.MatchString(n.Data) {
				t.Errorf("%s: text %q holds a bidi control", name, n.Data)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// checkJSON checks every string of a JSON document: none is a live
// dangerous address or holds a bidi control.
func checkJSON(t *testing.T, name string, data []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch v := v.(type) {
		case string:
			if live(v) || bidi.MatchString(v) {
				t.Errorf("%s: %s = %q", name, key, v)
			}
		case []any:
			for _, e := range v {
				walk(key, e)
			}
		case map[string]any:
			for k, e := range v {
				walk(key+"."+k, e)
			}
		}
	}
	walk("", v)
}

// checkICS unfolds the calendar and checks the value of every property
// whose value is an address (URL, or any with VALUE=URI).
func checkICS(t *testing.T, name string, data []byte) {
	t.Helper()
	unfolded := strings.ReplaceAll(string(data), "\r\n ", "")
	for _, line := range strings.Split(unfolded, "\r\n") {
		head, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		prop, _, _ := strings.Cut(head, ";")
		if (prop == "URL" || prop == "ATTACH" || strings.Contains(head, "VALUE=URI")) && live(value) {
			t.Errorf("%s: %s is a live dangerous link", name, line)
		}
	}
}

// checkCSV checks every cell.
func checkCSV(t *testing.T, name string, data []byte) {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	for i, row := range rows {
		for j, cell := range row {
			if live(cell) || bidi.MatchString(cell) {
				t.Errorf("%s: row %d column %s = %q", name, i+1, rows[0][j], cell)
			}
		}
	}
}
