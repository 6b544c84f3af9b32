package testproject_test

import (
	"io/fs"
	"testing"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// TestPlansFixtureIsClean checks that the fixture with three plans loads
// without any problem, not even a warning: tests built on it see only the
// problems they add.
func TestPlansFixtureIsClean(t *testing.T) {
	fsys, err := fs.Sub(testproject.FS(t, testproject.Plans(t)), "content")
	if err != nil {
		t.Fatal(err)
	}
	site, problems := content.Load(fsys, "content")
	if items := problems.Items(); len(items) > 0 {
		t.Fatalf("problems:\n%s", problems)
	}
	if len(site.Plans) != 3 || len(site.Activities) != 8 {
		t.Fatalf("got %d plans and %d activities, want 3 and 8", len(site.Plans), len(site.Activities))
	}
}
