package mdlimit

import (
	"testing"

	"github.com/yuin/goldmark"
)

// BenchmarkShapes converts each slow shape as densely as Check allows, at
// 64 KiB and 1 MiB: the time and memory per byte (ns/op ÷ bytes, B/op ÷
// bytes) must stay about the same at both sizes. A regression (a limit
// raised, a goldmark upgrade with a new slow path) shows as a per-byte cost
// that grows with the size.
//
//	go test ./internal/mdlimit -run '^$' -bench Shapes -benchmem
func BenchmarkShapes(b *testing.B) {
	md := goldmark.New()
	for _, s := range shapes {
		for _, size := range []int{64 << 10, 1 << 20} {
			// One paragraph as long as the whole input: the worst case for
			// the shapes whose cost is openers × paragraph length.
			src := s.input(size, size)
			b.Run(s.name+"/"+sizeName(size), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				for b.Loop() {
					convert(md, src)
				}
			})
		}
	}
}

// BenchmarkCheck is the cost of the check itself, on 1 MiB.
func BenchmarkCheck(b *testing.B) {
	for _, s := range shapes {
		src := s.input(1<<20, 1<<20)
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Check(src)
			}
		})
	}
}

func sizeName(n int) string {
	if n >= 1<<20 {
		return "1MiB"
	}
	return "64KiB"
}
