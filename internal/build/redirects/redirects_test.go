package redirects

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/netlify"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func catalog(t *testing.T, extra ...string) *assemble.Catalog {
	t.Helper()
	sub, err := fs.Sub(testproject.FS(t, extra...), "content")
	if err != nil {
		t.Fatal(err)
	}
	site, problems := content.Load(sub, "content")
	if site == nil || problems.HasErrors() {
		t.Fatalf("the fixture does not load:\n%s", problems)
	}
	return assemble.New(site)
}

// TestGolden: the fixture's _redirects, byte for byte (go test -update
// rewrites testdata/fixture.redirects after a deliberate change). The
// fixture with two more plans has the same current plan and providers, so
// the same file.
func TestGolden(t *testing.T) {
	golden := filepath.Join("testdata", "fixture.redirects")
	for i, cat := range []*assemble.Catalog{catalog(t), catalog(t, testproject.Plans(t))} {
		files, problems := output.Run(New(cat))
		if len(problems.Items()) > 0 || len(files) != 1 || files[0].Path != netlify.RedirectsFile {
			t.Fatalf("files %v, problems:\n%s", files, problems)
		}
		got := files[0].Data
		if *update && i == 0 {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("catalog %d: _redirects differs from %s (go test -update after a deliberate change):\n%s", i, golden, got)
		}
	}
}

// TestNoCurrentPlan: a catalog without a current plan (one that failed
// its checks) has no current-plan rule, rather than a broken one.
func TestNoCurrentPlan(t *testing.T) {
	cat := catalog(t)
	cat.Current = nil
	if rules := New(cat).currentPlan(); rules != nil {
		t.Errorf("rules without a current plan: %v", rules)
	}
}
