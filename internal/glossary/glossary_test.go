package glossary

import (
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// testGlossary holds one form to avoid of each kind the tests need.
const testGlossary = `
[[term]]
id = "network-name"
[term.forms]
fr = "Réseau des services d'emploi publics de l'OCI"
ar = "شبكة منظمة التعاون الإسلامي لخدمات التوظيف العامة"
[[term.avoid]]
lang = "ar"
form = "شبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي"
why = "the older Arabic name"
[[term.avoid]]
lang = "fr"
form = "Réseau des Services d'Emploi Publics"
use = "Réseau des services d'emploi publics"

[[term]]
id = "oic"
[term.forms]
fr = "OCI"
[[term.avoid]]
lang = "fr"
form = "l'OIC"
use = "l'OCI"

[[term]]
id = "pes"
[term.forms]
fr = "SPE"
[[term.avoid]]
lang = "fr"
form = "PES"

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

[[term]]
id = "secretariat"
[term.forms]
fr = "secrétariat"
[[term.avoid]]
lang = "fr"
form = "le Secrétariat"
use = "le secrétariat"
except = ["le Secrétariat général"]

[[term]]
id = "cote-divoire"
[term.forms]
ar = "كوت ديفوار"
[[term.avoid]]
lang = "ar"
form = "ساحل العاج"

[[term]]
id = "digital-literacy"
[term.forms]
ar = "الإلمام الرقمي"
[[term.avoid]]
lang = "ar"
form = "الثقافة الرقمية"
`

func parse(t *testing.T, src string) *Glossary {
	t.Helper()
	g, problems := Parse("i18n/glossary.toml", []byte(src))
	if g == nil || problems.HasErrors() {
		t.Fatalf("the glossary does not parse:\n%s", problems)
	}
	return g
}

func TestFind(t *testing.T) {
	g := parse(t, testGlossary)
	for _, tt := range []struct {
		name, lang, text string
		want             []string // the occurrences found, as Match.Text
	}{
		// Arabic.
		{"the older Arabic name", "ar", "أنشطة شبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي.", []string{"شبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي"}},
		{"Arabic after the prefix li", "ar", "أنشطة خطة العمل لشبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي (OIC-PESNET).", []string{"شبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي"}},
		{"Arabic after two prefixes", "ar", "وبشبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي", []string{"شبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي"}},
		{"Arabic with short vowels", "ar", "شَبَكَة خِدْمَات التَّوظيف العامة لمنظمة التعاون الإسلاميّ", []string{"شَبَكَة خِدْمَات التَّوظيف العامة لمنظمة التعاون الإسلاميّ"}},
		{"Arabic alef without hamza", "ar", "شبكة خدمات التوظيف العامة لمنظمة التعاون الاسلامي", []string{"شبكة خدمات التوظيف العامة لمنظمة التعاون الاسلامي"}},
		{"Arabic over a line break", "ar", "تنظمها شبكة خدمات التوظيف\nالعامة لمنظمة التعاون الإسلامي.", []string{"شبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي"}},
		{"the current Arabic name", "ar", "شبكة منظمة التعاون الإسلامي لخدمات التوظيف العامة", nil},
		{"Arabic article after li: lil-", "ar", "دورة للثقافة الرقمية.", []string{"للثقافة الرقمية"}},
		{"Arabic article after wa and bi", "ar", "وبالثقافة الرقمية", []string{"الثقافة الرقمية"}},
		{"Arabic country name", "ar", "المغرب، ساحل العاج، تونس", []string{"ساحل العاج"}},
		{"Arabic longer word (ivorian)", "ar", "الاقتصاد ساحل العاجي", nil},
		{"Arabic letter that is no prefix", "ar", "مساحل العاج", nil},
		{"Arabic forms are not French", "fr", "ساحل العاج", nil},

		// French and English.
		{"capitals count", "fr", "Le Réseau des Services d'Emploi Publics de l'OCI", []string{"Réseau des Services d'Emploi Publics"}},
		{"the preferred capitals", "fr", "Le Réseau des services d'emploi publics de l'OCI", nil},
		{"typographic apostrophe", "fr", "Réseau des Services d’Emploi Publics", []string{"Réseau des Services d’Emploi Publics"}},
		{"over a line break and a no-break space", "fr", "du Réseau des Services\nd'Emploi\u00a0Publics.", []string{"Réseau des Services d'Emploi Publics"}},
		{"elided article before a form", "fr", "les pays membres de l'OIC.", []string{"l'OIC"}},
		{"the network's acronym is one word", "fr", "le secrétariat de l'OIC-PESNET", nil},
		{"inside a longer word", "fr", "OIC-PESNET, PESNET, SPES, PES2", nil},
		{"the acronym alone", "fr", "dans le domaine des PES.", []string{"PES"}},
		{"twice", "fr", "PES et PES", []string{"PES", "PES"}},
		{"except a longer form", "fr", "le Secrétariat général de l'OCI", nil},
		{"except does not hide the others", "fr", "le Secrétariat général et le Secrétariat.", []string{"le Secrétariat"}},
		{"the house capitals", "en", "in OIC Member Countries", nil},
		{"lower case", "en", "in OIC member countries", []string{"OIC member countries"}},
		{"ignore case", "en", "the work plan 2024-2026", []string{"work plan 2024-2026"}},
		{"en dash is the preferred form", "en", "the Work Plan 2024–2026", nil},
		{"digits go on", "en", "Work Plan 2024-20261", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range g.Find(tt.lang, tt.text) {
				got = append(got, m.Text)
				if s := strings.Join(strings.Fields(tt.text[m.Start:m.End]), " "); s != m.Text {
					t.Errorf("Text %q, but the range holds %q", m.Text, s)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Find(%q, %q) = %q, want %q", tt.lang, tt.text, got, tt.want)
			}
		})
	}
}

func TestMessage(t *testing.T) {
	g := parse(t, testGlossary)
	ms := g.Find("ar", "لشبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي")
	if len(ms) != 1 {
		t.Fatalf("found %d", len(ms))
	}
	want := `"شبكة خدمات التوظيف العامة لمنظمة التعاون الإسلامي" is a form the glossary lists as to avoid (the older Arabic name): write "شبكة منظمة التعاون الإسلامي لخدمات التوظيف العامة" instead (term "network-name" of i18n/glossary.toml)`
	if got := ms[0].Message("i18n/glossary.toml"); got != want {
		t.Errorf("message:\n got %s\nwant %s", got, want)
	}
	ms = g.Find("fr", "x l'OIC")
	if len(ms) != 1 || !strings.Contains(ms[0].Message("g"), `to avoid: write "l'OCI" instead (term "oic" of g)`) {
		t.Errorf("use and no reason: %v", ms)
	}
}

func TestPos(t *testing.T) {
	data := []byte("---\ntitle: \"ندوة لشبكة\"\n---\n")
	off := strings.Index(string(data), "شبكة")
	if got := Pos(data, off); got != (diag.Pos{Line: 2, Col: 15}) {
		t.Errorf("Pos = %v, want 2:15 (in characters)", got)
	}
}

// TestParseProblems: a glossary that would mislead is refused, each
// problem at its line.
func TestParseProblems(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string
	}{
		{"malformed", "[[term]]\nid = \"x\nnote = 1\n", `i18n/glossary.toml:2:`},
		{"unknown key", "[[term]]\nid = \"x\"\n[[term.avoid]]\nlang = \"en\"\nform = \"a b\"\nuse = \"c\"\nprefer = \"c\"\n", `i18n/glossary.toml:7:1: error: unknown key "term.avoid.prefer"`},
		{"nothing to write instead", "[[term]]\nid = \"x\"\n[[term.avoid]]\nlang = \"en\"\nform = \"a b\"\n", `i18n/glossary.toml:5:8: error: the form to avoid "a b" of term "x" says nothing to write instead`},
		{"no language", "[[term]]\nid = \"x\"\n[[term.avoid]]\nform = \"a b\"\nuse = \"c\"\n", `i18n/glossary.toml:4:8: error: the form to avoid "a b" of term "x" has no language`},
		{"empty form", "[[term]]\nid = \"x\"\n[[term.avoid]]\nlang = \"en\"\nuse = \"c\"\n", `i18n/glossary.toml:2:6: error: a form to avoid of term "x" is empty`},
		{"no id", "[[term]]\nnote = \"n\"\n", `i18n/glossary.toml:1:1: error: a term has no id`},
		{"twice the same id", "[[term]]\nid = \"x\"\n[[term]]\nid = \"x\"\n", `error: the term id "x" is used twice`},
		{"found in what to write", "[[term]]\nid = \"x\"\n[term.forms]\nen = \"OIC Member Countries\"\n[[term.avoid]]\nlang = \"en\"\nform = \"OIC member countries\"\nignore_case = true\n", `i18n/glossary.toml:7:8: error: the form to avoid "OIC member countries" of term "x" is found in the form to write instead`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, problems := Parse("i18n/glossary.toml", []byte(tt.src))
			if g != nil || !strings.Contains(problems.String(), tt.want) {
				t.Errorf("want nil and a problem containing %q, got %v:\n%s", tt.want, g != nil, problems)
			}
		})
	}
}
