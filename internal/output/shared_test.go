package output

import (
	"sync"
	"testing"
)

// TestShared: made once for every declared use, from any goroutine;
// dropped after the last release; made again when asked for after that.
func TestShared(t *testing.T) {
	var s Shared[string]
	var mu sync.Mutex
	made := 0
	make := func() (string, error) {
		mu.Lock()
		defer mu.Unlock()
		made++
		return "value", nil
	}
	for range 8 {
		s.Use()
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if v, _ := s.Get(make); v != "value" {
				t.Errorf("Get = %q", v)
			}
			s.Release()
		})
	}
	wg.Wait()
	if made != 1 {
		t.Errorf("made %d times for 8 uses, want once", made)
	}
	if s.held || s.v != "" {
		t.Errorf("still held after the last release: %q", s.v)
	}
	if v, _ := s.Get(make); v != "value" || made != 2 {
		t.Errorf("asked again: %q, made %d times, want made again", v, made)
	}
}
