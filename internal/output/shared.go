package output

import "sync"

// Shared is a value that several jobs of one generator use (an activity's
// encoded calendar events, its open data object): made by the first job
// that asks for it, then dropped after the last of the uses declared while
// the jobs were listed, so that a large build does not hold every such
// value until its end. Asked for after that (a file made again), it is
// made again. Use is for the listing, before any job runs; Get and
// Release are safe for concurrent use.
type Shared[T any] struct {
	mu   sync.Mutex
	v    T
	held bool
	uses int
}

// Use declares one more job that will Get the value, then Release it.
func (s *Shared[T]) Use() { s.uses++ }

// Get returns the value, made by make when it is not held.
func (s *Shared[T]) Get(make func() (T, error)) (T, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.held {
		v, err := make()
		if err != nil {
			return v, err
		}
		s.v, s.held = v, true
	}
	return s.v, nil
}

// Release records that one declared use is over; after the last, the
// value is dropped.
func (s *Shared[T]) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.uses--; s.uses <= 0 {
		var zero T
		s.v, s.held = zero, false
	}
}

// Held reports whether s holds a value: made, and not yet released by its
// last use.
func (s *Shared[T]) Held() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.held
}
