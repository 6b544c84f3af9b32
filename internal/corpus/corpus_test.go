package corpus

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/oic-pesnet/workplan/internal/check"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/schedule"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// project returns a pesnet project holding the corpus of n activities and
// the repository's real layouts, static files, strings and netlify.toml
// (never the live content/).
func project(t testing.TB, n int) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	if err := New(n, 1).WritePesnet(Map(fsys)); err != nil {
		t.Fatal(err)
	}
	if err := CopyCode(Map(fsys), testproject.Root(t)); err != nil {
		t.Fatal(err)
	}
	return fsys
}

// TestChecksClean: the corpus is content pesnet accepts without an error
// or a warning (notes, such as overdue activities, are expected).
func TestChecksClean(t *testing.T) {
	res := check.Run(project(t, 50))
	for _, d := range res.Problems.Items() {
		if d.Severity != diag.Note {
			t.Error(d)
		}
	}
	if res.Files < 3*50 {
		t.Errorf("the check built %d files, want at least one page per activity and language", res.Files)
	}
}

// TestDeterministic: two generations are byte-identical, for both formats.
func TestDeterministic(t *testing.T) {
	gen := func() fstest.MapFS {
		pesnet, hugo := fstest.MapFS{}, fstest.MapFS{}
		c := New(50, 7)
		if err := c.WritePesnet(Map(pesnet)); err != nil {
			t.Fatal(err)
		}
		if err := c.WriteHugo(Map(hugo)); err != nil {
			t.Fatal(err)
		}
		for name, f := range hugo {
			pesnet["hugo/"+name] = f
		}
		return pesnet
	}
	a, b := gen(), gen()
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, f := range a {
		if g, ok := b[name]; !ok || !bytes.Equal(f.Data, g.Data) {
			t.Errorf("%s differs between two generations", name)
		}
	}
	if New(50, 8).Activities[0].Texts["fr"].Body == New(50, 7).Activities[0].Texts["fr"].Body {
		t.Error("another seed gives the same corpus")
	}
}

// TestCoverage: the corpus has every schedule form, type, status and
// venue mode, Arabic text in Arabic files, and bodies of about 2 KB.
func TestCoverage(t *testing.T) {
	c := New(50, 1)
	seen := map[string]bool{}
	for _, a := range c.Activities {
		sch, err := schedule.Parse(a.Schedule)
		if err != nil {
			t.Fatalf("%s: %s", a.Schedule, err.Msg)
		}
		seen["precision "+sch.Precision.String()] = true
		seen["span "+boolWord(strings.Contains(a.Schedule, "/"))] = true
		seen["type "+a.Type] = true
		seen["status "+a.Status] = true
		seen["online "+boolWord(a.Online)] = true
		for _, p := range a.Providers {
			seen["provider tbc "+boolWord(p.TBC)] = true
		}
		if n := len(a.Texts["ar"].Body); n < bodySize || n > bodySize+1024 {
			t.Errorf("%s: Arabic body of %d bytes", a.ID, n)
		}
		if !strings.ContainsRune(a.Texts["ar"].Title, 'ح') {
			t.Errorf("%s: Arabic title %q", a.ID, a.Texts["ar"].Title)
		}
	}
	want := []string{"type training", "type webinar", "type workshop", "status planned", "status confirmed",
		"status completed", "status postponed", "status cancelled", "online yes", "online no",
		"provider tbc yes", "provider tbc no", "span yes", "span no"}
	for _, w := range want {
		if !seen[w] {
			t.Errorf("no activity with %s", w)
		}
	}
	if got := countPrefix(seen, "precision "); got < 5 {
		t.Errorf("%d schedule precisions, want every one: %v", got, seen)
	}
}

func boolWord(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func countPrefix(m map[string]bool, prefix string) int {
	n := 0
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			n++
		}
	}
	return n
}

// TestSpread: schedules cover 2020 to 2030.
func TestSpread(t *testing.T) {
	var years []string
	for _, a := range New(200, 1).Activities {
		if a.Schedule != "tbd" && !slices.Contains(years, a.Schedule[:4]) {
			years = append(years, a.Schedule[:4])
		}
	}
	if len(years) != 11 {
		t.Errorf("years %v, want 2020…2030", years)
	}
}
