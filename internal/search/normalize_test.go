package search

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNormalize checks the shared table, which .ci/checks/find.mjs checks
// against find.js's normalize: the two must agree on every line.
func TestNormalize(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "normalize.json"))
	if err != nil {
		t.Fatal(err)
	}
	var table [][2]string
	if err := json.Unmarshal(data, &table); err != nil {
		t.Fatal(err)
	}
	if len(table) < 20 {
		t.Fatalf("the table has %d lines", len(table))
	}
	for _, c := range table {
		if got := Normalize(c[0]); got != c[1] {
			t.Errorf("Normalize(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestMatches checks what visitors type against what editors write.
func TestMatches(t *testing.T) {
	for _, c := range []struct{ query, text string }{
		{"اداره", "إدارة المشاريع"},
		{"economie", "L'économie sociale et solidaire"},
		{"securite sociale", "Sécurité sociale : réformes"},
		{"الحمايه", "الحِمَايَة الاجْتِمَاعِيَّة"},
		{"2025", "الربع الثالث ٢٠٢٥"},
		{"تدريب", "تـــدريب"},
		{"coeur", "Cœur de métier"},
	} {
		if !strings.Contains(Normalize(c.text), Normalize(c.query)) {
			t.Errorf("%q does not find %q (%q in %q)", c.query, c.text, Normalize(c.query), Normalize(c.text))
		}
	}
}
