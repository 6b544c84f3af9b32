//go:build unix

package write

import (
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
)

// TestPermissions: with the usual umask, the output is readable by every
// user (folders 0755, files 0644), so that a web server running as
// another user can serve it. MkdirTemp alone would give 0700.
func TestPermissions(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	out := filepath.Join(t.TempDir(), "public")
	if err := Dir(out, site); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		want := fs.FileMode(0o644)
		if d.IsDir() {
			want = 0o755
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, info.Mode().Perm(), want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
