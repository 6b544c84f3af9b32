package typo_test

import (
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/typo"
)

func TestFrench(t *testing.T) {
	const n, b = "\u202F", "\u00A0" // narrow no-break, no-break
	for _, tt := range []struct{ in, want string }{
		{"Objectif : renforcer", "Objectif" + b + ": renforcer"},
		{"Objectif: renforcer", "Objectif" + b + ": renforcer"},
		{"Objectif\u00a0: renforcer", "Objectif" + b + ": renforcer"},
		{"partage ; mobilisation", "partage" + n + "; mobilisation"},
		{"partage  ;", "partage" + n + ";"},
		{"Pourquoi ? Parce que !", "Pourquoi" + n + "? Parce que" + n + "!"},
		{"Pourquoi? Parce que!", "Pourquoi" + n + "? Parce que" + n + "!"},
		{"Vraiment ?!", "Vraiment" + n + "?!"},
		{"« le pouls »", "«" + n + "le pouls" + n + "»"},
		{"«le pouls»", "«" + n + "le pouls" + n + "»"},
		{"Cours sur « le développement »", "Cours sur «" + n + "le développement" + n + "»"},
		{"le 1er janvier, la 1re réunion, le 2e trimestre", "le 1ᵉʳ janvier, la 1ʳᵉ réunion, le 2ᵉ trimestre"},
		// Never touched: times, addresses, ratios, words ending in e.
		{"de 10:30 à 12:00", "de 10:30 à 12:00"},
		{"voir https://example.org/a?b=1&c=2", "voir https://example.org/a?b=1&c=2"},
		{"mailto:info@example.org", "mailto:info@example.org"},
		{"une e-formation, 3e5, 1e", "une e-formation, 3e5, 1e"},
		{"le 10e, le 21e", "le 10ᵉ, le 21ᵉ"},
		{"réalisées (20 %)", "réalisées (20" + n + "%)"},
		{"20% et 100 %", "20% et 100" + n + "%"},
		{"", ""},
		{":", ":"},
		{" ;", n + ";"}, // a text node after an inline element: "*mot* ;"
		{" : former", b + ": former"},
		{"  % des", n + "% des"},
		{"Texte sans marque.", "Texte sans marque."},
		{"a ;\xff", "a ;\xff"}, // not UTF-8: unchanged
	} {
		if got := typo.French(tt.in); got != tt.want {
			t.Errorf("French(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFrenchIsIdempotent: setting the typography twice changes nothing
// more, so a text typeset at one stage may pass through another.
func TestFrenchIsIdempotent(t *testing.T) {
	for _, s := range []string{"Objectif : « le pouls » ; 1er ! ?", "a:b ; c", "«»", "« »"} {
		once := typo.French(s)
		if twice := typo.French(once); twice != once {
			t.Errorf("French(French(%q)) = %q, want %q", s, twice, once)
		}
	}
}

func FuzzFrench(f *testing.F) {
	for _, s := range []string{"Objectif : « le pouls » ; 1er ! ?", "https://a.b/?c=d", "10:30", "«»", "a ;\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := typo.French(s)
		if typo.French(out) != out {
			t.Fatalf("not idempotent: %q → %q → %q", s, out, typo.French(out))
		}
		// Only spaces change: the text without spaces and ordinals is the same.
		strip := func(s string) string {
			return strings.Map(func(r rune) rune {
				switch r {
				case ' ', '\t', '\u00a0', '\u202f', '\u2009':
					return -1
				}
				return r
			}, s)
		}
		if !strings.ContainsAny(s, "0123456789") && strip(out) != strip(s) {
			t.Fatalf("French(%q) = %q changed more than spaces", s, out)
		}
	})
}
