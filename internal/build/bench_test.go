package build

import (
	"github.com/oic-pesnet/workplan/internal/testproject"
	"testing"
)

// BenchmarkBuild builds the fixture site (internal/testproject) in memory (every stage but
// the disk write): the cost of one `pesnet serve` rebuild.
// go test ./internal/build -run '^$' -bench Build -benchmem
func BenchmarkBuild(b *testing.B) {
	project := testproject.FS(b)
	for b.Loop() {
		if _, err := Build(project, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
