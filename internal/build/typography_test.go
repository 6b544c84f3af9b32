package build

import (
	"bytes"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/testproject"
)

// TestFrenchTypographyEverywhere: the build sets French typography in
// every output that carries French text (pages, feeds, JSON, CSV, which
// the widget shows), and nowhere else: Arabic and English outputs carry no
// no-break space, since neither the fixture's texts nor its strings have
// one. The editors typed ordinary spaces.
func TestFrenchTypographyEverywhere(t *testing.T) {
	res, err := Build(testproject.FS(t, testproject.Plans(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := files(res)
	for _, p := range []string{"fr/index.html", "fr/planning.ics", "fr/plans/2025-2026/report/index.html"} {
		if !bytes.Contains(out[p], []byte("\u00a0:")) {
			t.Errorf("%s has no no-break space before a colon", p)
		}
	}
	// The outcome sentence, typed "formation ; un guide", in every output.
	for _, p := range []string{"fr/activities/neet-readiness/index.html", "fr/activities/neet-readiness/event.ics", "api/v1/fr/activities.json"} {
		// Calendar lines are folded at 75 octets, and ";" is escaped.
		unfolded := bytes.ReplaceAll(bytes.ReplaceAll(out[p], []byte("\r\n "), nil), []byte(`\;`), []byte(";"))
		if !bytes.Contains(unfolded, []byte("formation\u202f; un guide")) {
			t.Errorf("%s: the outcome sentence lacks its narrow no-break space before ;", p)
		}
	}
	if !strings.Contains(string(out["api/v1/catalog.csv"]), "formation\u202f; un guide") {
		t.Error("catalog.csv: the French outcome sentence is not typeset")
	}
	for p, data := range out {
		if (strings.HasPrefix(p, "ar/") || strings.HasPrefix(p, "en/") || strings.HasPrefix(p, "api/v1/ar/") || strings.HasPrefix(p, "api/v1/en/") ||
			strings.HasPrefix(p, "embed/ar/") || strings.HasPrefix(p, "embed/en/")) && bytes.ContainsAny(data, "\u00a0\u202f") {
			t.Errorf("%s carries a no-break space: typography is for French text only", p)
		}
	}
}
