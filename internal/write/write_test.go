package write

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/oic-pesnet/workplan/internal/output"
)

func TestDirReplacesOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Dir(out, []output.File{{Path: "a/index.html", Data: []byte("one")}, {Path: "stale.html", Data: []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	if err := Dir(out, []output.File{{Path: "a/index.html", Data: []byte("two")}}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "a", "index.html"))
	if err != nil || string(got) != "two" {
		t.Fatalf("got %q, %v", got, err)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); !os.IsNotExist(err) {
		t.Error("a file of the previous build survived")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary folders left behind: %v", entries)
	}
}

func TestDirFailureKeepsOldOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Dir(out, []output.File{{Path: "index.html", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	err := Dir(out, []output.File{{Path: "index.html", Data: []byte("new")}, {Path: "../escape.html", Data: []byte("x")}})
	if err == nil || !strings.Contains(err.Error(), "not a clean relative path") {
		t.Fatalf("err = %v", err)
	}
	got, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if string(got) != "old" {
		t.Errorf("old output changed to %q", got)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(out), "escape.html")); !os.IsNotExist(err) {
		t.Error("a file was written outside the output folder")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary folders left behind: %v", entries)
	}
}

func TestCheckOutRefuses(t *testing.T) {
	project := t.TempDir()
	for _, f := range []string{"go.mod", "content/site.yaml", "static/x.css"} {
		p := filepath.Join(project, f)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		_ = os.WriteFile(p, []byte("x"), 0o644)
	}
	home, _ := os.UserHomeDir()
	for _, bad := range []string{"/", project, filepath.Join(project, "content"), filepath.Join(project, "static"), home} {
		if err := CheckOut(project, bad); err == nil {
			t.Errorf("CheckOut(%q) accepted", bad)
		}
	}
	if err := CheckOut(project, filepath.Join(project, "public")); err != nil {
		t.Errorf("CheckOut(public) = %v", err)
	}
	if err := Dir(project, []output.File{{Path: "index.html", Data: []byte("x")}}); err == nil {
		t.Error("Dir wrote over the project")
	}
	if _, err := os.Stat(filepath.Join(project, "go.mod")); err != nil {
		t.Error("the project was damaged")
	}
}

// TestTxConcurrentPuts: files put from several goroutines all land, and
// an aborted transaction leaves the previous output and no temporary
// folder.
func TestTxConcurrentPuts(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	tx, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 50 {
				p := fmt.Sprintf("d%d/e%d/index.html", j%5, i)
				if err := tx.Put(p, []byte(p)); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "d3", "e7", "index.html"))
	if err != nil || string(got) != "d3/e7/index.html" {
		t.Fatalf("got %q, %v", got, err)
	}
	tx, err = Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Put("d3/e7/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	tx.Abort()
	if got, _ := os.ReadFile(filepath.Join(out, "d3", "e7", "index.html")); string(got) != "d3/e7/index.html" {
		t.Errorf("abort changed the output: %q", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("temporary folders left behind: %v", entries)
	}
}
