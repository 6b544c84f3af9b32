package plaintext

import (
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes allocated while converting src.
func allocated(c *Converter, src string) (out string, bytes uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	out = c.Text([]byte(src))
	runtime.ReadMemStats(&after)
	return out, after.TotalAlloc - before.TotalAlloc
}

// TestLargeInputsScaleLinearly: long texts that the loader accepts (a
// list of 20,000 items, a line of 1 MiB, 2,000 lists nested as deep as the
// loader allows) convert whole, and the memory allocated grows in
// proportion to the input: doubling the input must not quadruple it, as
// building each level's text from a copy of the next one would. (Deeper
// nesting is refused by the loader: goldmark's own parsing time grows with
// the square of the depth.) Allocation is measured, not time, so the test
// does not depend on the machine.
func TestLargeInputsScaleLinearly(t *testing.T) {
	nested := func(depth int) string {
		var b strings.Builder
		for i := range depth {
			b.WriteString(strings.Repeat("  ", i) + "- niveau\n")
		}
		return b.String() + "\n"
	}
	tests := []struct {
		name  string
		n     int
		input func(n int) string
		check func(out string, n int) bool
	}{
		{"list items", 20000, func(n int) string { return strings.Repeat("- point\n", n) },
			func(out string, n int) bool { return strings.Count(out, "- point") == n }},
		{"long line", 1 << 18, func(n int) string { return strings.Repeat("mot ", n) },
			func(out string, n int) bool { return len(out) == 4*n-1 }},
		{"nested lists 16 deep", 2000, func(n int) string { return strings.Repeat(nested(16), n) },
			func(out string, n int) bool { return strings.Count(out, "niveau") == 16*n }},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.n
			_ = c.Text([]byte(tt.input(16)))
			small, a := allocated(c, tt.input(n/2))
			large, b := allocated(c, tt.input(n))
			if !tt.check(small, n/2) || !tt.check(large, n) {
				t.Fatalf("output incomplete: %.200q…", large)
			}
			if b > 3*a {
				t.Errorf("doubling the input from %d to %d bytes took allocations from %d to %d bytes: more than linear", len(tt.input(n/2)), len(tt.input(n)), a, b)
			}
		})
	}
}
