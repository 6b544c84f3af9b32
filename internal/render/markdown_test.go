package render

import (
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/typo"
)

// TestMarkdownLinks checks the URL and text policies on Markdown: a refused
// destination keeps its text and loses the link, whatever disguises it.
func TestMarkdownLinks(t *testing.T) {
	md := newMarkdown(false)
	for _, c := range []struct{ in, want string }{
		{"[a](https://example.org/x?y=1&z=2)", `<p><a href="https://example.org/x?y=1&amp;z=2">a</a></p>`},
		{`[a](/fr/ "T&eacute;l&#x202E;")`, `<p><a href="/fr/" title="Tél">a</a></p>`},
		{"[m](mailto:info@example.org)", `<p><a href="mailto:info@example.org">m</a></p>`},
		{"<https://example.org/>", `<p><a href="https://example.org/">https://example.org/</a></p>`},
		{"<info@example.org>", `<p><a href="mailto:info@example.org">info@example.org</a></p>`},
		{"![logo](/img/x.png)", `<p><img src="/img/x.png" alt="logo" /></p>`},

		{"[a](javascript:alert(1))", "<p>a</p>"},
		{"[c](&#106;avascript:alert(3))", "<p>c</p>"},
		{"[c](&#x6A;avascript:alert(3))", "<p>c</p>"},
		{"[o](javascript&colon;alert(13))", "<p>o</p>"},
		{`[e](javascript\:alert(1))`, "<p>e</p>"},
		{"[t](<java\tscript:alert(1)>)", "<p>t</p>"},
		{"[u](JaVaScRiPt:alert(1))", "<p>u</p>"},
		{"[p](%6Aavascript:alert(1))", "<p>p</p>"},
		{"[v](vbscript:msgbox(1))", "<p>v</p>"},
		{"[j](data:image/png;base64,iVBORw0KGgo=)", "<p>j</p>"},
		{"[f](file:///etc/passwd)", "<p>f</p>"},
		{"![i](data:image/png;base64,iVBORw0KGgo=)", "<p>i</p>"},
		{"![i](&#106;avascript:alert(1))", "<p>i</p>"},
		{"<javascript:alert(8)>", "<p>javascript:alert(8)</p>"},
		{"<JAVASCRIPT:alert(8)>", "<p>JAVASCRIPT:alert(8)</p>"},
		{"[r][x]\n\n[x]: &#106;avascript:alert(1)", "<p>r</p>"},
		{"[x]\n\n[x]: javascript&colon;alert(1)", "<p>x</p>"},
		{"[x]\n\n[x]: https://example.org/", `<p><a href="https://example.org/">x</a></p>`},

		{"a&#x202E;b&#8238;c&#x2066;d&#x200F;e", "<p>abcd\u200fe</p>"},
		{"```&#x202E;go\nx\n```", "<pre><code class=\"language-go\">x\n</code></pre>"},
		{"![a&#x202E;b](/x.png)", `<p><img src="/x.png" alt="ab" /></p>`},
	} {
		got, err := toHTML(md, []byte(c.in))
		if err != nil {
			t.Fatal(err)
		}
		if s := strings.TrimSpace(string(got)); s != c.want {
			t.Errorf("%q\n got %s\nwant %s", c.in, s, c.want)
		}
	}
}

// TestFrenchAfterInlineElement: the space an editor typed between an
// inline element and a mark (a bold label and its colon) becomes the
// right no-break space; it is neither lost nor left breakable.
func TestFrenchAfterInlineElement(t *testing.T) {
	md := newMarkdown(false, typo.French)
	for in, want := range map[string]string{
		"**Objectifs** : former":      "<p><strong>Objectifs</strong>\u00a0: former</p>",
		"Un *mot* ; un autre":         "<p>Un <em>mot</em>\u202f; un autre</p>",
		"[La page](/fr/) ? Oui":       "<p><a href=\"/fr/\">La page</a>\u202f? Oui</p>",
		"**Objectifs**: former":       "<p><strong>Objectifs</strong>: former</p>", // none typed: none added across elements
		"Objectif : former, à 10:30.": "<p>Objectif\u00a0: former, à 10:30.</p>",
	} {
		got, err := toHTML(md, []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if s := strings.TrimSpace(string(got)); s != want {
			t.Errorf("%q\n got %q\nwant %q", in, s, want)
		}
	}
}
