package search

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/corpus"
	"github.com/oic-pesnet/workplan/internal/l10n"
	"github.com/oic-pesnet/workplan/internal/output"
)

// Limits on what a browser loads, per activity of the catalog: the head
// file holds every activity (loaded by every visit of the finder), a card
// shard ShardSize of them (loaded for the results shown), the words file
// every word (loaded by the first text query), a postings file the rows of
// a group of words (about ShardSize activities' worth; loaded when a
// query word matches one of its words). At 10,000 activities: head ≤ 600
// KB (about 90 KB compressed), shard ≤ 300 KB (Arabic takes two bytes a
// letter).
const (
	headPerActivity     = 60
	shardPerActivity    = 600
	wordsPerActivity    = 100
	postingsPerActivity = 800
)

// TestIndexSize builds the index of a generated catalog (internal/corpus;
// 600 activities: a full shard and a partial one; or PESNET_INDEX_N) and checks the size of its files.
// go test ./internal/search -run TestIndexSize -v prints the figures.
func TestIndexSize(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a catalog")
	}
	n := 600
	if s := os.Getenv("PESNET_INDEX_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	project := corpus.Map{}
	if err := corpus.New(n, 1).WritePesnet(project); err != nil {
		t.Fatal(err)
	}
	sub, _ := fs.Sub(fstest.MapFS(project), "content")
	site, problems := content.Load(sub, "content")
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	bundle, problems := l10n.LoadBundle(os.DirFS("../.."), "i18n", site.Config.Languages)
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	files, problems := output.Run(New(assemble.New(site), bundle, nil))
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	for _, f := range files {
		per, limit := len(f.Data)/n, headPerActivity
		switch {
		case strings.Contains(f.Path, "/text-"):
			var s shard
			if err := json.Unmarshal(f.Data, &s); err != nil || len(s.Cards) == 0 {
				t.Fatalf("%s: %v", f.Path, err)
			}
			per, limit = len(f.Data)/len(s.Cards), shardPerActivity
		case strings.HasSuffix(f.Path, "/words.json"):
			limit = wordsPerActivity
		case strings.Contains(f.Path, "/postings-"):
			per, limit = len(f.Data)/ShardSize, postingsPerActivity
		}
		t.Logf("%s: %d bytes (%d gzip), %d per activity", f.Path, len(f.Data), gzipped(f.Data), per)
		if per > limit {
			t.Errorf("%s: %d bytes per activity, more than %d", f.Path, per, limit)
		}
	}
}

func gzipped(data []byte) int {
	var n counter
	w, _ := gzip.NewWriterLevel(&n, gzip.DefaultCompression)
	w.Write(data)
	w.Close()
	return int(n)
}

type counter int

func (c *counter) Write(p []byte) (int, error) { *c += counter(len(p)); return len(p), nil }

var _ io.Writer = (*counter)(nil)
