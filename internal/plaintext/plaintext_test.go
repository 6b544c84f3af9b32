package plaintext

import "testing"

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Un paragraphe\nsur deux lignes.", "Un paragraphe sur deux lignes."},
		{"Intro :\n\n- un ;\n- deux.\n\nFin.", "Intro :\n\n- un ;\n- deux.\n\nFin."},
		{"1. a\n2. b", "1. a\n2. b"},
		{"Du *gras* et un [lien](https://example.org).", "Du gras et un lien."},
		{"Avant <script>alert(1)</script> après.", "Avant alert(1) après."},
		{"<div onclick=\"x()\">bloc</div>\n\nTexte.", "Texte."},
		{"Un \\*astérisque\\* et `code`.", "Un *astérisque* et code."},
		{"- un\n  - sous-point\n- deux", "- un\n  - sous-point\n- deux"},
		{"", ""},
		{"نص عربي مع OIC-PESNET.", "نص عربي مع OIC-PESNET."},
	}
	c := New()
	for _, tt := range tests {
		if got := c.Text([]byte(tt.in)); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFrenchAfterInlineElement: in plain text too, the space typed between
// an inline element and a mark becomes the right no-break space.
func TestFrenchAfterInlineElement(t *testing.T) {
	c := New()
	for in, want := range map[string]string{
		"**Objectifs** : former": "Objectifs\u00a0: former",
		"Un *mot* ; un autre":    "Un mot\u202f; un autre",
	} {
		if got := c.TextIn("fr", []byte(in)); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}
