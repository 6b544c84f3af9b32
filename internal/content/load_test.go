package content_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/txtarfs"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/bad/*.txtar")

func TestBaseIsValid(t *testing.T) {
	fsys, err := txtarfs.Read("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	site, problems := content.Load(fsys, "content")
	if s := problems.String(); s != "" {
		t.Fatalf("base fixture has problems:\n%s", s)
	}
	if len(site.Activities) != 1 || len(site.Areas) != 1 || len(site.Plans) != 1 || len(site.Plans[0].Texts) != 3 {
		t.Fatalf("got %d activities, %d areas, %d plans", len(site.Activities), len(site.Areas), len(site.Plans))
	}
}

// TestBadInput loads the base fixture overlaid with each case of
// testdata/bad and compares every reported problem, with its file, line and
// column, to the case's "want" section.
func TestBadInput(t *testing.T) {
	base, err := os.ReadFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	cases, _ := filepath.Glob("testdata/bad/*.txtar")
	if len(cases) < 10 {
		t.Fatalf("found only %d cases", len(cases))
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ar := txtar.Parse(data)
			fsys := txtarfs.Parse(base, data)
			delete(fsys, "want")
			site, problems := content.Load(fsys, "content")
			got := problems.String()
			want := wantOf(ar)
			if *update {
				setWant(t, file, ar, got)
				return
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("problems differ (-want +got):\n%s", diff)
			}
			if strings.Contains(want, ": error: ") && !problems.HasErrors() {
				t.Errorf("expected errors")
			}
			if !strings.Contains(want, ": error: ") && (site == nil || problems.HasErrors()) {
				t.Errorf("expected the content to load")
			}
		})
	}
}

func wantOf(ar *txtar.Archive) string {
	for _, f := range ar.Files {
		if f.Name == "want" {
			return string(f.Data)
		}
	}
	return ""
}

func setWant(t *testing.T, file string, ar *txtar.Archive, got string) {
	for i, f := range ar.Files {
		if f.Name == "want" {
			ar.Files[i].Data = []byte(got)
		}
	}
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

var _ = bytes.Equal
