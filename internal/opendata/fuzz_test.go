package opendata

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/plaintext"
	"github.com/oic-pesnet/workplan/internal/txtarfs"
)

// FuzzJSON gives the English text of the one activity of a small catalog
// (internal/content/testdata/base.txtar) an arbitrary title, summary and
// description, as the loader would accept them: UTF-8, the title and
// summary on one line and trimmed. Every JSON document (but the schemas,
// which do not depend on the content) must be valid JSON with HTML
// characters escaped (so that a document can be inlined in a <script>), and
// decoding gives the text back exactly: the title and summary as given, the
// description as the plain text of its Markdown.
// Inputs that once failed are kept in testdata/fuzz/FuzzJSON.
//
// Run it longer with: go test ./internal/opendata -run '^$' -fuzz '^FuzzJSON$' -fuzztime 10m
func FuzzJSON(f *testing.F) {
	fsys, err := txtarfs.Read("../content/testdata/base.txtar")
	if err != nil {
		f.Fatal(err)
	}
	site, problems := content.Load(fsys, "content")
	if problems.HasErrors() {
		f.Fatalf("base fixture has errors:\n%s", problems)
	}
	bundle, problems := l10n.LoadBundle(os.DirFS("../.."), "i18n", site.Config.Languages)
	if problems.HasErrors() {
		f.Fatalf("i18n has errors:\n%s", problems)
	}
	cat := assemble.New(site)
	act := site.Activities[0]
	text := plaintext.New()

	f.Add("Webinar", "A webinar.", "Description.")
	f.Add(`</script><script>alert(1)</script> "quotes" \ {{.X}}`, "a & b < c > d \u2028 \u2029", "<b>bold</b> & *em* [link](javascript:alert(1))\n\n- one\n- two")
	f.Add("ورشة عمل حول المنصات الرقمية", "\u202Eملخص\u202C", "نص **عربي** مع OIC-PESNET.\n\n1. أ\n2. ب")
	f.Add("\x00\x01\x1f\x7f\u0085", "\ufeff\ufffd", "```\ncode\t<tag>\n```\n\n    indented\n\n> quote")
	f.Add("=SUM(A1)", "-1", "@cmd\r\n\r\n+x")
	f.Add("😀 emoji 🏳️‍🌈", "é e\u0301", "&amp; &lt; &#0; &#x1F600; &bogus;")
	f.Fuzz(func(t *testing.T, title, summary, description string) {
		for _, s := range []string{title, summary} {
			if strings.ContainsAny(s, "\r\n") || strings.TrimSpace(s) == "" {
				return // the loader refuses these
			}
		}
		// Each string is a file's text (title and summary in the front
		// matter, the description below it): the loader refuses a file
		// that is not UTF-8. Checking the concatenation instead let
		// "ر" + "\xe2\xae" + "\x85" through (together they spell U+2B85).
		for _, s := range []string{title, summary, description} {
			if !utf8.ValidString(s) {
				return
			}
		}
		want := map[string]string{"title": strings.TrimSpace(title), "summary": strings.TrimSpace(summary),
			"description": text.Text([]byte(description))}
		en := *act.Texts["en"]
		en.Title, en.Summary, en.Body = want["title"], want["summary"], []byte(description)
		act.Texts["en"] = &en
		files, problems := Files(cat, bundle, Options{BaseURL: testBase})
		if problems.HasErrors() {
			t.Fatalf("Files reported problems:\n%s", problems)
		}
		found := 0
		for _, file := range files {
			if !strings.HasSuffix(file.Path, ".json") || strings.HasPrefix(file.Path, "api/v1/schema/") {
				continue // the schemas do not depend on the content (schema_test.go checks them)
			}
			if !json.Valid(file.Data) {
				t.Fatalf("%s is not valid JSON:\n%s", file.Path, file.Data)
			}
			for _, c := range []string{"<", ">", "&", "\u2028", "\u2029"} {
				if bytes.Contains(file.Data, []byte(c)) {
					t.Fatalf("%s holds %q unescaped", file.Path, c)
				}
			}
			var doc any
			if err := json.Unmarshal(file.Data, &doc); err != nil {
				t.Fatalf("%s: %v", file.Path, err)
			}
			for _, got := range englishTexts(doc, act.ID, strings.HasPrefix(file.Path, "api/v1/en/")) {
				found++
				for k, v := range want {
					if got[k] != v {
						t.Fatalf("%s: %s = %q, want %q", file.Path, k, got[k], v)
					}
				}
			}
		}
		// en/activities.json, en/areas/digital.json, en/countries/MY.json,
		// en/types/<type>.json, en/languages/<language>.json,
		// en/upcoming.json, en/upcoming/areas/digital.json,
		// en/upcoming/countries/MY.json (the fixture's activity is ahead
		// of its as_of) and catalog.json each hold the activity once.
		if found != 9 {
			t.Fatalf("found the English text of %q %d times, want 9", act.ID, found)
		}
	})
}

// englishTexts returns the English text objects of activity id in a
// decoded document: "text" in an English document, "texts"."en" in
// catalog.json.
func englishTexts(v any, id string, english bool) []map[string]any {
	var out []map[string]any
	switch v := v.(type) {
	case map[string]any:
		if v["id"] == id {
			if t, ok := v["text"].(map[string]any); ok && english {
				out = append(out, t)
			}
			if ts, ok := v["texts"].(map[string]any); ok {
				if t, ok := ts["en"].(map[string]any); ok {
					out = append(out, t)
				}
			}
		}
		for _, c := range v {
			out = append(out, englishTexts(c, id, english)...)
		}
	case []any:
		for _, c := range v {
			out = append(out, englishTexts(c, id, english)...)
		}
	}
	return out
}
