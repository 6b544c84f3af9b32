package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oic-pesnet/workplan/internal/content"
)

// A GNU time -v report, as printed by GNU time 1.9.
const timeReport = `	Command being timed: "pesnet build -C site -o out --quiet"
	User time (seconds): 1.50
	System time (seconds): 0.25
	Percent of CPU this job got: 110%
	Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.50
	Average shared text size (kbytes): 0
	Maximum resident set size (kbytes): 2048
	Page size (bytes): 4096
	Exit status: 124
`

func TestParseTime(t *testing.T) {
	s, status, err := parseTime([]byte(timeReport))
	if err != nil {
		t.Fatal(err)
	}
	want := sample{Wall: 62500 * time.Millisecond, CPU: 1750 * time.Millisecond, MaxRSS: 2 << 20}
	if s != want || status != 124 {
		t.Errorf("got %+v, status %d; want %+v, status 124", s, status, want)
	}
	if _, _, err := parseTime([]byte("0.01user 0.00system 0:00.01elapsed")); err == nil {
		t.Error("a report in the default format is accepted")
	}
}

func TestClock(t *testing.T) {
	for in, want := range map[string]time.Duration{"0:00.41": 410 * time.Millisecond, "2:03.00": 123 * time.Second, "1:00:05": time.Hour + 5*time.Second} {
		if got, err := clock(in); err != nil || got != want {
			t.Errorf("clock(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestSummarize(t *testing.T) {
	f, ok := summarize([]sample{{Wall: 3}, {Wall: 1}, {Wall: 2}, {Wall: 10}})
	if !ok || f.Wall != 2 || f.Runs != 4 { // median of an even count: mean of the middle two, (2+3)/2
		t.Errorf("got %+v", f)
	}
	if f, _ := summarize([]sample{{Wall: 5, MaxRSS: 7, TimedOut: true}}); !f.TimedOut || f.MaxRSS != 7 {
		t.Errorf("a timed out build: got %+v", f)
	}
	if _, ok := summarize(nil); ok {
		t.Error("no samples, but figures")
	}
}

func TestReport(t *testing.T) {
	cfg := config{runs: 1, timeout: 300 * time.Second, seed: 1, work: "/dev/shm/x"}
	fast := sample{Wall: time.Second, CPU: 2 * time.Second, MaxRSS: 100 << 20, Bytes: 1 << 20, Files: 10}
	slow := sample{Wall: 300 * time.Second, CPU: 290 * time.Second, MaxRSS: 4 << 30, TimedOut: true}
	results := []result{
		{N: 100, Pesnet: []sample{{Wall: 3 * time.Second, CPU: 4 * time.Second, MaxRSS: 50 << 20, Bytes: 20 << 20, Files: 30}}, Hugo: []sample{fast}},
		{N: 1000, Pesnet: []sample{slow}, Hugo: []sample{fast}},
	}
	var b strings.Builder
	if err := report(&b, cfg, "test machine", results); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"3.0×", "2.0×", "0.50×", "20×", "did not finish in 5m0s", "≥ 41× (when stopped)", "30 ms", "pesnet not measured at both sizes", "this machine only (test machine)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
}

// TestMeasure runs commands under GNU time when it is installed.
func TestMeasure(t *testing.T) {
	if _, err := os.Stat(gnuTime); err != nil {
		t.Skip("GNU time is not installed")
	}
	out := filepath.Join(t.TempDir(), "out")
	s, err := measure([]string{"sh", "-c", "mkdir -p " + out + "/a && printf abc > " + out + "/a/f"}, out, 10*time.Second)
	if err != nil || s.Files != 1 || s.Bytes != 3 || s.MaxRSS == 0 || s.TimedOut {
		t.Errorf("got %+v, %v", s, err)
	}
	if s, err := measure([]string{"sleep", "5"}, out, time.Second); err != nil || !s.TimedOut {
		t.Errorf("sleep 5 with a 1 s limit: got %+v, %v", s, err)
	}
	if _, err := measure([]string{"sh", "-c", "echo broken >&2; exit 3"}, out, 10*time.Second); err == nil || !strings.Contains(err.Error(), "broken") {
		t.Errorf("a failing build: %v", err)
	}
}

func TestParseFlags(t *testing.T) {
	cfg, err := parseFlags([]string{"-n", "100, 1000", "-runs", "2", "-timeout", "60s"})
	if err != nil || len(cfg.ns) != 2 || cfg.ns[1] != 1000 || cfg.runs != 2 || cfg.timeout != time.Minute {
		t.Errorf("got %+v, %v", cfg, err)
	}
	for _, args := range [][]string{{"-n", "1e3"}, {"-n", "0"}, {"-runs", "0"}} {
		if _, err := parseFlags(args); err == nil {
			t.Errorf("%q accepted", args)
		}
	}
}

func TestPrepareWork(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "precious"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := prepareWork(dir); err == nil {
		t.Fatal("a folder the tool did not make was replaced")
	}
	work := filepath.Join(dir, "work")
	for range 2 {
		if err := prepareWork(work); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWriteProject: -write makes a pesnet project of the first N that
// loads without an error, and never writes into a folder that exists.
func TestWriteProject(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	cfg, err := parseFlags([]string{"-n", "5,1000", "-write", dir, "-repo", "../.."})
	if err != nil {
		t.Fatal(err)
	}
	if err := run(cfg, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	site, problems := content.Load(os.DirFS(filepath.Join(dir, "content")), "content")
	if problems.HasErrors() || len(site.Activities) != 5 {
		t.Fatalf("%d activities, problems:\n%s", len(site.Activities), problems)
	}
	if _, err := os.Stat(filepath.Join(dir, "layouts")); err != nil {
		t.Errorf("the project has no layouts: %v", err)
	}
	if err := run(cfg, io.Discard, io.Discard); err == nil {
		t.Error("wrote into a folder that exists")
	}
}
