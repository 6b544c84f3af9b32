package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/txtarfs"
)

// TestFolderNameWithLineBreak: a folder named with a line break (and a
// fake problem after it) cannot print a line that looks like a problem,
// neither through the file name nor through a message naming the folder.
func TestFolderNameWithLineBreak(t *testing.T) {
	fsys, err := txtarfs.Read("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	// An orphan text (its message names the folder), and a copy of an
	// activity (the duplicate id's message names the other file).
	orphan, copied := "activities/x\ncontent:9:9: error: fake", "activities/a\ncontent:9:9: error: fake"
	fsys[orphan+"/index.fr.md"] = &fstest.MapFile{Data: []byte("---\ntitle: T\nsummary: S\n---\n")}
	fsys[copied+"/activity.yaml"] = fsys["activities/webinar/activity.yaml"]
	_, problems := content.Load(fsys, "content")
	for _, d := range problems.Items() {
		if strings.Contains(d.Message, "\n") {
			t.Errorf("message with a line break: %q", d.Message)
		}
	}
	out := problems.String()
	if got, want := strings.Count(out, "\n"), len(problems.Items()); got != want || strings.Contains(out, "\ncontent:9:9") {
		t.Errorf("%d problems printed on %d lines:\n%s", want, got, out)
	}
}
