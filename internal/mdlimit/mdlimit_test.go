package mdlimit

import (
	"runtime"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
)

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []Problem // messages compared by prefix
	}{
		{"empty", "", nil},
		{"at the limits", strings.Repeat("[a](/x) ", MaxBrackets) + strings.Repeat("<https://x.org/> ", MaxAngles) +
			strings.Repeat("*a* ", MaxEmphasis/2) + strings.Repeat("`c` ", MaxBackticks/2), nil},
		{"one bracket too many", "Titre\n\n" + strings.Repeat("[", MaxBrackets+1),
			[]Problem{{3, MaxBrackets + 1, "this paragraph has more than 100 \"[\""}}},
		{"blank lines reset", strings.Repeat(strings.Repeat("[", MaxBrackets)+"\n \t\n", PerFile), nil},
		{"but not the whole file's count", strings.Repeat(strings.Repeat("[", MaxBrackets)+"\n\n", PerFile) + "[",
			[]Problem{{2*PerFile + 1, 1, "this text has more than 1000 \"[\" (links, images, reference definitions) in all"}}},
		{"a line break does not", strings.Repeat("[", MaxBrackets) + "\nx[",
			[]Problem{{2, 2, "this paragraph has more than 100 \"[\""}}},
		{"escaped brackets do not count", strings.Repeat(`\[`, 3*MaxBrackets) + `\\[`, nil},
		{"escaped backslash then bracket", strings.Repeat(`\\[`, MaxBrackets+1),
			[]Problem{{1, 3*MaxBrackets + 3, "this paragraph has more than 100 \"[\""}}},
		{"columns in characters", "é" + strings.Repeat("<", MaxAngles+1),
			[]Problem{{1, MaxAngles + 2, "this paragraph has more than 100 \"<\""}}},
		{"snake_case and spaced stars do not count", strings.Repeat("snake_case 5 * 3 ", 1000) + "\n* item\n***\n", nil},
		{"emphasis", strings.Repeat("*a_", MaxEmphasis/2+1),
			[]Problem{{1, 3*MaxEmphasis/2 + 1, "this paragraph has more than 200 \"*\" or \"_\""}}},
		{"code runs", strings.Repeat("``a", MaxBackticks+1),
			[]Problem{{1, 3*MaxBackticks + 1, "this paragraph has more than 100 runs of \"`\""}}},
		{"one problem per kind and paragraph", strings.Repeat("[<", 3*MaxBrackets), []Problem{
			{1, 2*MaxBrackets + 1, "this paragraph has more than 100 \"[\""},
			{1, 2*MaxAngles + 2, "this paragraph has more than 100 \"<\""}}},
	} {
		got := Check([]byte(c.in))
		ok := len(got) == len(c.want)
		for i := 0; ok && i < len(got); i++ {
			ok = got[i].Line == c.want[i].Line && got[i].Col == c.want[i].Col && strings.HasPrefix(got[i].Message, c.want[i].Message)
		}
		if !ok {
			t.Errorf("%s: Check = %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

// TestShapesWithinLimits: every shape, as the benchmarks run it, passes the
// check; every unbounded shape the red team sent is refused.
func TestShapesWithinLimits(t *testing.T) {
	for _, s := range shapes {
		if p := Check(s.input(64<<10, 64<<10)); len(p) > 0 {
			t.Errorf("%s: the bounded shape is refused: %v", s.name, p[0])
		}
		if raw := s.rawInput(64 << 10); raw != nil && len(Check(raw)) == 0 {
			t.Errorf("%s: the unbounded shape is accepted", s.name)
		}
	}
}

// maxBytesPerByte bounds the memory goldmark allocates per input byte for
// any input Check accepts. The densest paragraph at the limits (100 "[")
// allocates about 450 bytes per byte, dense ordinary emphasis ("*a* _b_
// **c**") about 200; the limits per file keep a whole file far below.
const maxBytesPerByte = 640

// TestAllocationsLinear converts each shape, as densely as the limits
// allow and as one paragraph as long as the input, at two sizes: the memory
// allocated per input byte stays under maxBytesPerByte and does not grow
// with the size. Memory is measured, not time, so that the test does not
// depend on the machine; BenchmarkShapes shows the time.
func TestAllocationsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("converts several megabytes")
	}
	md := goldmark.New()
	for _, s := range shapes {
		var perByte [2]float64
		for i, size := range []int{64 << 10, 256 << 10} {
			src := s.input(size, size)
			perByte[i] = float64(allocated(func() { convert(md, src) })) / float64(len(src))
			if perByte[i] > maxBytesPerByte {
				t.Errorf("%s, %d bytes: %.0f bytes allocated per input byte, more than %d", s.name, len(src), perByte[i], maxBytesPerByte)
			}
		}
		if perByte[1] > 1.5*perByte[0]+8 {
			t.Errorf("%s: %.0f bytes allocated per input byte at 64 KiB, %.0f at 256 KiB: not linear", s.name, perByte[0], perByte[1])
		}
	}
}

func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
