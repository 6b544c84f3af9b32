package build

import (
	"os"
	"testing"
)

// BenchmarkBuild builds the project's own site in memory (every stage but
// the disk write): the cost of one `pesnet serve` rebuild.
// go test ./internal/build -run '^$' -bench Build -benchmem
func BenchmarkBuild(b *testing.B) {
	project := os.DirFS("../..")
	for b.Loop() {
		if _, err := Build(project, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
