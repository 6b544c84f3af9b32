package testproject_test

import (
	"os"
	"testing"

	"github.com/oic-pesnet/workplan/internal/build"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// TestWriteSite builds the fixture with its three plans (testproject.Plans)
// into the folder PESNET_FIXTURE_OUT names, for the validators that .ci/run
// runs over a built site (HTML, links, JSON Schemas, calendars, axe): the
// live content has one plan, and the pages of a draft and of an archived
// plan must pass them too. Skipped when the variable is not set.
func TestWriteSite(t *testing.T) {
	out := os.Getenv("PESNET_FIXTURE_OUT")
	if out == "" {
		t.Skip("set PESNET_FIXTURE_OUT to a folder to write the fixture site into")
	}
	if _, err := build.Build(testproject.FS(t, testproject.Plans(t)), build.Options{Out: out}); err != nil {
		t.Fatal(err)
	}
}
