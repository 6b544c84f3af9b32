package l10n

import (
	"os"
	"testing"
	"testing/fstest"

	"github.com/oic-pesnet/workplan/internal/schedule"
)

func realBundle(t *testing.T) *Bundle {
	t.Helper()
	b, problems := LoadBundle(os.DirFS("../.."), "i18n", []string{"fr", "ar", "en"})
	if s := problems.String(); s != "" {
		t.Fatalf("i18n files have problems:\n%s", s)
	}
	return b
}

func TestSchedule(t *testing.T) {
	b := realBundle(t)
	tests := []struct {
		in         string
		tbc        bool
		fr, ar, en string
	}{
		{"2024-09", false, "septembre 2024", "سبتمبر 2024", "September 2024"},
		{"2025-Q2", false, "2ᵉ trimestre 2025", "الربع الثاني من عام 2025", "Q2 2025"},
		{"2025-Q1", false, "1ᵉʳ trimestre 2025", "الربع الأول من عام 2025", "Q1 2025"},
		{"2026-01/2026-02", false, "janvier–février 2026", "يناير–فبراير 2026", "January–February 2026"},
		{"2025-12/2026-01", false, "décembre 2025 – janvier 2026", "ديسمبر 2025 – يناير 2026", "December 2025 – January 2026"},
		{"2025-11-04", false, "4 novembre 2025", "4 نوفمبر 2025", "4 November 2025"},
		{"2025-11-01", false, "1ᵉʳ novembre 2025", "1 نوفمبر 2025", "1 November 2025"},
		{"2025-11-04/2025-11-06", false, "4–6 novembre 2025", "4–6 نوفمبر 2025", "4–6 November 2025"},
		{"2025-10-30/2025-11-02", false, "30 octobre 2025 – 2 novembre 2025", "30 أكتوبر 2025 – 2 نوفمبر 2025", "30 October 2025 – 2 November 2025"},
		{"2025-11-04T09:00/2025-11-04T17:30 Asia/Baku", false, "4 novembre 2025, 09:00–17:30 (Asia/Baku)", "4 نوفمبر 2025، 09:00–17:30 (Asia/Baku)", "4 November 2025, 09:00–17:30 (Asia/Baku)"},
		{"2024-09", true, "septembre 2024 (à confirmer)", "سبتمبر 2024 (قيد التأكيد)", "September 2024 (to be confirmed)"},
		{"tbd", true, "date à déterminer", "الموعد لم يُحدَّد بعد", "date to be determined"},
	}
	for _, tt := range tests {
		s, err := schedule.Parse(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		for lang, want := range map[string]string{"fr": tt.fr, "ar": tt.ar, "en": tt.en} {
			if got := b.Localizer(lang).Schedule(s, tt.tbc); got != want {
				t.Errorf("%s in %s = %q, want %q", tt.in, lang, got, want)
			}
		}
	}
}

func TestArabicPlurals(t *testing.T) {
	loc := realBundle(t).Localizer("ar")
	want := map[int]string{0: "لا توجد أنشطة", 1: "نشاط واحد", 2: "نشاطان", 3: "3 أنشطة", 10: "10 أنشطة", 11: "11 نشاطًا", 99: "99 نشاطًا", 100: "100 نشاط"}
	for n, w := range want {
		if got := loc.N("activities_count", n, nil); got != w {
			t.Errorf("activities_count(%d) = %q, want %q", n, got, w)
		}
	}
	if got := realBundle(t).Localizer("fr").N("activities_count", 1, nil); got != "1 activité" {
		t.Errorf("fr one = %q", got)
	}
	if got := realBundle(t).Localizer("en").N("activities_count", 16, nil); got != "16 activities" {
		t.Errorf("en other = %q", got)
	}
}

func TestCountryNames(t *testing.T) {
	b := realBundle(t)
	tests := []struct{ lang, code, want string }{
		{"fr", "MA", "Maroc"},
		{"fr", "TR", "Türkiye"}, // the network's usage overrides CLDR's "Turquie"
		{"en", "TR", "Türkiye"},
		{"ar", "TR", "تركيا"},
		{"ar", "AZ", "أذربيجان"},
		{"en", "CI", "Côte d’Ivoire"},
	}
	for _, tt := range tests {
		if got := b.Localizer(tt.lang).Country(tt.code); got != tt.want {
			t.Errorf("Country(%s) in %s = %q, want %q", tt.code, tt.lang, got, tt.want)
		}
	}
	if got := b.Localizer("fr").Language("en"); got != "anglais" {
		t.Errorf("Language(en) in fr = %q", got)
	}
}

func TestValidCodes(t *testing.T) {
	for code, want := range map[string]bool{"MA": true, "TR": true, "ma": false, "XX": false, "ZZ": false, "DY": false, "MAR": false, "": false} {
		if got := ValidCountry(code); got != want {
			t.Errorf("ValidCountry(%q) = %v", code, got)
		}
	}
	for code, want := range map[string]bool{"fr": true, "ar": true, "en": true, "english": false, "FR": false, "xx": false} {
		if got := ValidLanguage(code); got != want {
			t.Errorf("ValidLanguage(%q) = %v", code, got)
		}
	}
	if Dir("ar") != "rtl" || Dir("fr") != "ltr" || Dir("ur") != "rtl" {
		t.Error("Dir")
	}
}

func TestBundleProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"i18n/fr.toml": {Data: []byte("a = \"x\"\nb = \"y\"\n")},
		"i18n/en.toml": {Data: []byte("a = \"x\"\nb = \"unclosed\n")},
		"i18n/ar.toml": {Data: []byte("a = \"x\"\n")},
	}
	_, problems := LoadBundle(fsys, "i18n", []string{"fr", "ar", "en"})
	want := "i18n/ar.toml: error: message \"b\" is missing: add its translation (see fr.toml)\n" +
		"i18n/en.toml:2:14: error: malformed TOML: strings cannot contain newlines: check quotes and brackets on this line\n"
	if got := problems.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestMissingMessageIsRecorded(t *testing.T) {
	loc := realBundle(t).Localizer("fr")
	if got := loc.T("no_such_message", nil); got != "no_such_message" {
		t.Errorf("got %q", got)
	}
	if m := loc.Missing(); len(m) != 1 || m[0] != "no_such_message" {
		t.Errorf("Missing() = %v", m)
	}
}

// TestFrenchTypography: French messages get French typography whatever the
// translator typed (and with their data), the other languages are left as
// written.
func TestFrenchTypography(t *testing.T) {
	msg := "a = \"Objectif : « {{.X}} » ; le 1er !\"\nb = \"Rapport : {{.URL}}\"\n"
	fsys := fstest.MapFS{
		"i18n/fr.toml": {Data: []byte(msg)},
		"i18n/ar.toml": {Data: []byte(msg)},
		"i18n/en.toml": {Data: []byte(msg)},
	}
	b, problems := LoadBundle(fsys, "i18n", []string{"fr", "ar", "en"})
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	data := map[string]any{"X": "le pouls"}
	if got, want := b.Localizer("fr").T("a", data), "Objectif\u00a0: «\u202fle pouls\u202f»\u202f; le 1ᵉʳ\u202f!"; got != want {
		t.Errorf("fr: %q, want %q", got, want)
	}
	// Values are put in as they are: a web address keeps its "?", its "2e".
	url := map[string]any{"URL": "https://example.org/docs/2e-reunion?"}
	if got, want := b.Localizer("fr").T("b", url), "Rapport\u00a0: https://example.org/docs/2e-reunion?"; got != want {
		t.Errorf("fr: %q, want %q", got, want)
	}
	for _, lang := range []string{"ar", "en"} {
		if got, want := b.Localizer(lang).T("a", data), "Objectif : « le pouls » ; le 1er !"; got != want {
			t.Errorf("%s: %q, want it as written %q", lang, got, want)
		}
	}
}
