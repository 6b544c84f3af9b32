package typo

import "testing"

// TestOrdinalPrecheck: mayHoldOrdinal is true wherever the expression
// matches, so that skipping the expression changes nothing.
func TestOrdinalPrecheck(t *testing.T) {
	for _, s := range []string{"1er", "la 1re", "2e édition", "le 10e", "(31e)", "99e!", "1e", "2eme", "x1er", "e2", "aucune"} {
		if ordinal.MatchString(s) && !mayHoldOrdinal(s) {
			t.Errorf("%q: the expression matches, the precheck says no", s)
		}
	}
}

func FuzzOrdinalPrecheck(f *testing.F) {
	for _, s := range []string{"1er", "la 1re", "10e", "aucune"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ordinal.MatchString(s) && !mayHoldOrdinal(s) {
			t.Fatalf("%q: the expression matches, the precheck says no", s)
		}
	})
}
