package opendata

import (
	"slices"
	"testing"
)

// TestGuardFullwidth: the fullwidth forms of the formula signs are guarded
// like the ASCII ones; other cells are unchanged.
func TestGuardFullwidth(t *testing.T) {
	in := []string{"＝1+1", "＋33", "－x", "＠SUM(A1)", "=1", "texte", "", "é=", "ＡＢ"}
	want := []string{"'＝1+1", "'＋33", "'－x", "'＠SUM(A1)", "'=1", "texte", "", "é=", "ＡＢ"}
	if got := guard(slices.Clone(in)); !slices.Equal(got, want) {
		t.Errorf("guard(%q) = %q, want %q", in, got, want)
	}
}

func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/register": "https://example.org/register",
		"javascript:alert(1)":          "",
		"":                             "",
	} {
		if got := safeURL(in); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", in, got, want)
		}
	}
}
