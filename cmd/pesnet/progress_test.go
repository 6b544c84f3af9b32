package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the progress goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestProgressLine: past its delay, the line names the stage and its file
// count, and Done clears it.
func TestProgressLine(t *testing.T) {
	var out syncBuffer
	p := startProgress(&out, 0)
	p.Stage("minify", 1234)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), "building: minify (1234 files)") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	p.Done()
	got := out.String()
	if !strings.Contains(got, "\r\x1b[Kbuilding: minify (1234 files), ") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("progress output %q", got)
	}
}

// TestProgressQuietBeforeDelay: a build shorter than the delay prints
// nothing.
func TestProgressQuietBeforeDelay(t *testing.T) {
	var out syncBuffer
	p := startProgress(&out, time.Hour)
	p.Stage("render", 0)
	time.Sleep(250 * time.Millisecond)
	p.Done()
	if out.String() != "" {
		t.Errorf("progress printed %q before its delay", out.String())
	}
}

// TestNoProgressWhenNotATerminal: build output captured by a pipe or a
// file (CI logs) carries no progress line.
func TestNoProgressWhenNotATerminal(t *testing.T) {
	if p := newProgress(&bytes.Buffer{}); p != nil {
		t.Error("progress on a buffer")
	}
	dir := copyProject(t, minimal)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-C", dir}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if strings.Contains(stderr.String(), "\r") {
		t.Errorf("stderr holds a progress line: %q", stderr.String())
	}
}
