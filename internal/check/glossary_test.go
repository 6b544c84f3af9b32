package check

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// checkGlossary is the glossary the tests give the fixture, so that they
// do not follow the edits of the real one.
const checkGlossary = `# A comment.
[[term]]
id = "network-name"
[term.forms]
ar = "شبكة منظمة التعاون الإسلامي لخدمات التوظيف العامة"
[[term.avoid]]
lang = "ar"
form = "شبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي"
why = "the older Arabic name"

[[term]]
id = "member-countries"
[term.forms]
en = "OIC Member Countries"
[[term.avoid]]
lang = "en"
form = "OIC member countries"

[[term]]
id = "work-plan"
[term.forms]
en = "Work Plan 2024–2026"
[[term.avoid]]
lang = "en"
form = "Work Plan 2024-2026"
ignore_case = true
`

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGlossaryWarnings: a form to avoid is a warning at its file:line:col
// (in characters), in a front matter field or a body, in Arabic as in
// English, over a line break, and in an interface string; never in a
// comment, nor in another language's text.
func TestGlossaryWarnings(t *testing.T) {
	dir := project(t)
	write(t, dir, "i18n/glossary.toml", checkGlossary)
	act := "content/activities/lmi-webinar/"
	write(t, dir, act+"index.ar.md", `---
# شبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي: a comment is no text
title: "ندوة لشبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي"
summary: "ندوة عن معلومات سوق العمل."
---
فقرة أولى.

تنظمها شبكة خدمات التوظيف
العامة لمنظمة التعاون الإسلامي مع الشركاء.
`)
	write(t, dir, act+"index.en.md", `---
title: "Webinar for OIC member countries"
summary: "A webinar of the work plan 2024-2026." # OIC member countries: a comment
---
# Work Plan 2024-2026, a heading of the body, is text

The network's Arabic name, شبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي, is not looked for in English.
`)
	strs, err := os.ReadFile(filepath.Join(dir, "i18n/en.toml"))
	if err != nil {
		t.Fatal(err)
	}
	strs = []byte(strings.Replace(string(strs), `nav_home = "Home"`, `nav_home = "Home of the OIC member countries"`, 1))
	strs = append(strs, "\n# OIC member countries: a comment is no string\n[glossary_test]\nother = \"a # in a string\" # OIC member countries, a comment\n"...)
	write(t, dir, "i18n/en.toml", string(strs))
	navLine := strings.Count(string(strs[:strings.Index(string(strs), "nav_home")]), "\n") + 1

	res := Run(os.DirFS(dir))
	var got []string
	for _, d := range res.Problems.Items() {
		if strings.Contains(d.Message, "glossary") {
			got = append(got, d.String())
		}
	}
	const older = `"شبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي" is a form the glossary lists as to avoid (the older Arabic name): write "شبكة منظمة التعاون الإسلامي لخدمات التوظيف العامة" instead (term "network-name" of i18n/glossary.toml)`
	want := []string{
		act + `index.ar.md:3:15: warning: ` + older,
		act + `index.ar.md:8:8: warning: ` + older,
		act + `index.en.md:2:21: warning: "OIC member countries" is a form the glossary lists as to avoid: write "OIC Member Countries" instead (term "member-countries" of i18n/glossary.toml)`,
		act + `index.en.md:3:28: warning: "work plan 2024-2026" is a form the glossary lists as to avoid: write "Work Plan 2024–2026" instead (term "work-plan" of i18n/glossary.toml)`,
		act + `index.en.md:5:3: warning: "Work Plan 2024-2026" is a form the glossary lists as to avoid: write "Work Plan 2024–2026" instead (term "work-plan" of i18n/glossary.toml)`,
		`i18n/en.toml:` + strconv.Itoa(navLine) + `:25: warning: "OIC member countries" is a form the glossary lists as to avoid: write "OIC Member Countries" instead (term "member-countries" of i18n/glossary.toml)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("glossary warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := res.Problems.Count(diag.Warning); n != len(want) {
		t.Errorf("%d warnings, want %d:\n%s", n, len(want), res.Problems)
	}
	res.Strict()
	if n := res.Problems.Count(diag.Error); n != len(want) {
		t.Errorf("strict: %d errors, want %d", n, len(want))
	}
}

func TestComment(t *testing.T) {
	for _, tt := range []struct {
		line string
		want int
	}{
		{"# a comment", 0},
		{"  # indented", 2},
		{`title: "a" # a comment`, 11},
		{`title: "a # b"`, 14},
		{`title: 'l''OIC # b' # c`, 20},
		{`title: "a \" # b" # c`, 18},
		{`title: a#b`, 10},
		{"unreviewed: true    # not yet reviewed", 20},
	} {
		if got := comment([]byte(tt.line)); got != tt.want {
			t.Errorf("comment(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

// TestGlossaryProblems: a glossary that cannot be followed is an error at
// its line; without a glossary there is nothing to follow.
func TestGlossaryProblems(t *testing.T) {
	dir := project(t)
	write(t, dir, "i18n/glossary.toml", "[[term]]\nid = \"x\"\n[[term.avoid]]\nlang = \"en\"\nform = \"OIC\"\n")
	res := Run(os.DirFS(dir))
	if want := `i18n/glossary.toml:5:8: error: the form to avoid "OIC" of term "x" says nothing to write instead`; !strings.Contains(res.Problems.String(), want) {
		t.Errorf("want %q in:\n%s", want, res.Problems)
	}
	if err := os.Remove(filepath.Join(dir, "i18n/glossary.toml")); err != nil {
		t.Fatal(err)
	}
	if res := Run(os.DirFS(dir)); res.Problems.Count(diag.Error)+res.Problems.Count(diag.Warning) != 0 {
		t.Errorf("without a glossary:\n%s", res.Problems)
	}
}

// TestGlossarySummary: the report sums the glossary's warnings up in one
// line.
func TestGlossarySummary(t *testing.T) {
	k := kindOf(`"OIC member countries" is a form the glossary lists as to avoid: write "OIC Member Countries" instead (term "member-countries" of i18n/glossary.toml)`)
	if k.what != "forms the glossary lists as to avoid" || !strings.Contains(k.todo, GlossaryFile) {
		t.Errorf("kind = %+v", k)
	}
}
