// Package livecontent holds the only tests that read the project's live
// content/, and the editor's edits that prove they stay green.
//
// The contract (README, "Tests and the content"): any content that
// `pesnet check --strict` accepts passes `go test ./...`. So over content/ a
// test asserts exactly what check --strict asserts, through Assert, and
// nothing else: counts, golden files and page assertions run on fixture
// sites (internal/testproject). TestNoTestReadsLiveContent enforces that no
// other test reads content/; TestEditorEdits applies the edits editors make
// (a status, a reviewed translation, an exact date, a new activity, a
// removed one, the next work plan started as a draft with `pesnet new
// plan`) to a copy and runs Assert on it; with PESNET_SUITE_PROOF=1 it
// also runs the whole suite on a copy of the repository with every edit
// applied.
package livecontent

import (
	"os"
	"testing"

	"github.com/oic-pesnet/workplan/internal/check"
)

// Assert fails t unless the project at root passes `pesnet check --strict`:
// it builds, and check finds no error and no warning. It is the only
// assertion any test makes about live content.
func Assert(t testing.TB, root string) {
	t.Helper()
	res := check.Run(os.DirFS(root))
	res.Strict()
	if res.Problems.HasErrors() {
		t.Errorf("pesnet check --strict fails on %s:\n%s", root, res.Problems)
	}
	if res.Files == 0 {
		t.Errorf("pesnet check built no file from %s", root)
	}
}
