package srcfs_test

import (
	"testing"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/srcfs"
)

// TestSameLimitAsContent: content's loader applies the same size limit to
// its files as srcfs does to interface strings and layouts.
func TestSameLimitAsContent(t *testing.T) {
	if srcfs.MaxTextSize != content.MaxFileSize {
		t.Errorf("srcfs.MaxTextSize %d, content.MaxFileSize %d", srcfs.MaxTextSize, content.MaxFileSize)
	}
}
