package plaintext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// marker is text that only the fuzz target puts in the input, inside raw
// HTML tags and comments: it must never reach the plain text.
const marker = "zqxFUZZMARKERxqz"

// FuzzText checks what holds for any Markdown: Text does not panic and
// gives the same result twice; valid UTF-8 stays valid; the result has no
// surrounding white space (blocks are trimmed and joined by a blank line);
// and raw HTML is dropped: tags (with their attributes) and comments
// appended after the input, carrying a marker, never show the marker.
//
// Only what is inside a tag or a comment is checked. The text between
// tags may legitimately stay: CommonMark ends an HTML block at a blank line
// or, for a declaration such as "<!A", at the first line holding ">", so
// "<!A\n\n<script>\nalert(1)\n</script>" keeps "alert(1)" as a paragraph
// (testdata/fuzz/FuzzText/0384d239aaedfbe7 is that input, once a false
// failure of an earlier version of this property). The appended HTML
// follows a blank line, so it starts a new top-level block whatever the
// input left open, except a fenced code block (``` or ~~~), which runs to
// the end of the document and shows its text as code: inputs with a fence
// are not checked for that property.
//
// Run it longer with: go test ./internal/plaintext -run '^$' -fuzz '^FuzzText$' -fuzztime 10m
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"", "Un paragraphe\nsur deux lignes.", "Intro :\n\n- un ;\n- deux.\n\nFin.", "1. a\n2. b", "3. a\n4. b",
		"Du *gras* et un [lien](https://example.org \"titre\").", "Avant <script>alert(1)</script> après.",
		"<div onclick=\"x()\">bloc</div>\n\nTexte.", "Un \\*astérisque\\* et `code`.", "- un\n  - sous-point\n- deux",
		"نص عربي مع OIC-PESNET.", "> citation\n> > imbriquée\n\nfin", "```go\nx := 1\n```", "    code\n\ttab",
		"&lt;b&gt; &amp; &#60;i&#62; &#x3C; &#0; &nbsp;", "<!-- commentaire", "<?php echo 1; ?>", "<![CDATA[ x ]]>",
		"<https://example.org> <mail@example.org>", "![image](x.png) [ref]\n\n[ref]: https://example.org",
		"Titre\n=====\n\n## Sous-titre ##\n\n***\n\n---", "a  \nb\\\nc", "\x00\r\n\r\r\n\t", "* * *\n+ a\n+ b",
		"- a\n\n  b\n\n- c", "1) a\n2) b", "\u202Eabc\u202C \u2028 \uFEFF", "<b>gras</b> <span title=\"x\">y</span>",
	} {
		f.Add(s)
	}
	c := New()
	f.Fuzz(func(t *testing.T, in string) {
		out := c.Text([]byte(in))
		if again := c.Text([]byte(in)); again != out {
			t.Fatalf("Text(%q) differs between two calls: %q and %q", in, out, again)
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("Text(%q) = %q: not UTF-8", in, out)
		}
		if out != strings.TrimSpace(out) {
			t.Fatalf("Text(%q) = %q: surrounded by white space", in, out)
		}
		if strings.Contains(in, marker) || strings.Contains(in, "```") || strings.Contains(in, "~~~") {
			return
		}
		for _, html := range []string{
			"<div class=\"" + marker + "\">\n<p title=\"" + marker + "\">texte</p>\n</div>\n",
			"<script src=\"" + marker + "\"></script>\n",
			"<!-- " + marker + " -->\n",
			"<img src=\"x.png\" alt=\"" + marker + "\" onerror=\"" + marker + "\">\n",
			"Avant <span title=\"" + marker + "\">dedans</span> <br data-x=" + marker + " /> après.\n",
		} {
			full := in + "\n\n" + html
			if got := c.Text([]byte(full)); strings.Contains(got, marker) {
				t.Fatalf("raw HTML survived:\nText(%q)\n= %q", full, got)
			}
		}
	})
}
