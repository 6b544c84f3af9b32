package build

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/oic-pesnet/workplan/internal/corpus"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/testproject"
	"github.com/oic-pesnet/workplan/internal/write"
)

// TestWorkersDoNotChangeOutput: one worker, many workers and a build
// written to disk give the same files, byte for byte.
func TestWorkersDoNotChangeOutput(t *testing.T) {
	project := testproject.FS(t)
	if err := corpus.New(150, 7).ReplaceContent(corpus.Map(project)); err != nil {
		t.Fatal(err)
	}
	serial, err := Build(project, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{2, 7, 32} {
		par, err := Build(project, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		sameFiles(t, serial.Files, par.Files)
	}
	out := filepath.Join(t.TempDir(), "public")
	disk, err := Build(project, Options{Out: out, Workers: 5})
	if err != nil {
		t.Fatal(err)
	}
	if disk.Files != nil || disk.Count != len(serial.Files) {
		t.Errorf("a build to disk kept %d files in memory and counted %d, want none and %d", len(disk.Files), disk.Count, len(serial.Files))
	}
	sameFiles(t, serial.Files, readTree(t, out))

	// Visited (pesnet check): every file once, the same bytes, none kept.
	var mu sync.Mutex
	var visited []output.File
	seen, err := Build(project, Options{Workers: 3, Visit: func(p string, data []byte) {
		mu.Lock()
		defer mu.Unlock()
		visited = append(visited, output.File{Path: p, Data: data})
	}})
	if err != nil {
		t.Fatal(err)
	}
	if seen.Files != nil || seen.Count != len(serial.Files) {
		t.Errorf("a visited build kept %d files in memory and counted %d, want none and %d", len(seen.Files), seen.Count, len(serial.Files))
	}
	slices.SortFunc(visited, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
	sameFiles(t, serial.Files, visited)
}

func sameFiles(t *testing.T, want, got []output.File) {
	t.Helper()
	if len(want) != len(got) {
		t.Fatalf("%d files, then %d", len(want), len(got))
	}
	for i := range want {
		if want[i].Path != got[i].Path || !bytes.Equal(want[i].Data, got[i].Data) {
			t.Fatalf("%s differs (or is %s)", want[i].Path, got[i].Path)
		}
	}
}

// readTree returns the files under dir, sorted by path, without the
// output's marker.
func readTree(t *testing.T, dir string) []output.File {
	t.Helper()
	var files []output.File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == write.Marker {
			return nil
		}
		data, err := os.ReadFile(p)
		files = append(files, output.File{Path: filepath.ToSlash(rel), Data: data})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(files, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// TestBuildContextStops: a build whose context is done makes no job after
// that (each worker may finish the one it is making), returns the
// context's error, and leaves an output folder as it was, with no
// temporary folder beside it.
func TestBuildContextStops(t *testing.T) {
	project := testproject.FS(t)
	full, err := Build(project, Options{})
	if err != nil {
		t.Fatal(err)
	}

	const after, workers = 10, 3
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	visited := 0
	_, err = BuildContext(ctx, project, Options{Workers: workers, Visit: func(string, []byte) {
		mu.Lock()
		defer mu.Unlock()
		if visited++; visited == after {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("stopped build: error %v, want context.Canceled", err)
	}
	if visited > after+workers-1 || len(full.Files) <= after+workers {
		t.Errorf("stopped after %d of %d files, made %d: want at most %d", after, len(full.Files), visited, after+workers-1)
	}

	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, err := Build(project, Options{Out: out}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	_, err = BuildContext(ctx, project, Options{Out: out, Progress: func(stage string, _ int) {
		if stage == "render" {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("stopped build to a folder: error %v, want context.Canceled", err)
	}
	sameFiles(t, before, readTree(t, out))
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("beside the output folder after a stopped build: %d entries, want it alone", len(entries))
	}
}
