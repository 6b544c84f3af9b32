package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// gnuTime is GNU time, which reports a command's wall clock, CPU and peak
// memory (-v). The shell's `time` keyword reports no memory.
const gnuTime = "/usr/bin/time"

// sample is one measured build.
type sample struct {
	Wall, CPU time.Duration
	MaxRSS    int64 // bytes: the largest resident set of the build
	Bytes     int64 // output size: the sum of the output files' sizes
	HTML      int64 // the part of Bytes in .html files (the pages)
	Files     int
	TimedOut  bool
}

// measure runs argv under GNU time and `timeout` (so that a build too long
// to wait for is stopped with SIGTERM, and its figures so far are still
// reported), then measures the output folder out.
func measure(argv []string, out string, limit time.Duration) (sample, error) {
	stats, err := os.CreateTemp("", "pesnet-bench-time-*")
	if err != nil {
		return sample{}, err
	}
	stats.Close()
	defer os.Remove(stats.Name())
	secs := strconv.Itoa(int(limit.Seconds()))
	args := append([]string{"-v", "-o", stats.Name(), "timeout", "-k", "10", secs}, argv...)
	cmd := exec.Command(gnuTime, args...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	runErr := cmd.Run()
	report, err := os.ReadFile(stats.Name())
	if err != nil {
		return sample{}, err
	}
	s, status, err := parseTime(report)
	if err != nil {
		return sample{}, err
	}
	switch {
	case status == 124 || status == 137:
		s.TimedOut = true
		return s, nil
	case status != 0 || runErr != nil:
		return s, fmt.Errorf("%s failed (exit status %d): %s", filepath.Base(argv[0]), status, tail(stderr.String(), 20))
	}
	s.Bytes, s.HTML, s.Files, err = size(out)
	return s, err
}

// parseTime reads GNU time's -v report: wall clock, user and system CPU,
// maximum resident set size, and the command's exit status.
func parseTime(report []byte) (s sample, status int, err error) {
	found := 0
	sc := bufio.NewScanner(bytes.NewReader(report))
	for sc.Scan() {
		key, value, ok := strings.Cut(strings.TrimSpace(sc.Text()), ": ")
		if !ok {
			continue
		}
		switch {
		case strings.HasPrefix(key, "Elapsed (wall clock) time"):
			s.Wall, err = clock(value)
		case key == "User time (seconds)" || key == "System time (seconds)":
			var d time.Duration
			d, err = seconds(value)
			s.CPU += d
		case key == "Maximum resident set size (kbytes)":
			s.MaxRSS, err = strconv.ParseInt(value, 10, 64)
			s.MaxRSS *= 1024
		case key == "Exit status":
			status, err = strconv.Atoi(value)
		default:
			continue
		}
		if err != nil {
			return s, 0, fmt.Errorf("GNU time: %q: %v", sc.Text(), err)
		}
		found++
	}
	if found != 5 {
		return s, 0, fmt.Errorf("GNU time: unexpected report (is %s GNU time?):\n%s", gnuTime, report)
	}
	return s, status, nil
}

// clock parses "h:mm:ss" or "m:ss.ss".
func clock(v string) (time.Duration, error) {
	var total time.Duration
	for part := range strings.SplitSeq(v, ":") {
		d, err := seconds(part)
		if err != nil {
			return 0, err
		}
		total = total*60 + d
	}
	return total, nil
}

func seconds(v string) (time.Duration, error) {
	f, err := strconv.ParseFloat(v, 64)
	return time.Duration(f * float64(time.Second)), err
}

// size sums the sizes of the regular files under dir, and of its .html
// files (the pages, which both generators make alike; the open data, feeds
// and iframe lists of pesnet have no counterpart of the same size in the
// Hugo site).
func size(dir string) (bytes, html int64, files int, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			bytes += info.Size()
			files++
			if filepath.Ext(p) == ".html" {
				html += info.Size()
			}
		}
		return err
	})
	return bytes, html, files, err
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
