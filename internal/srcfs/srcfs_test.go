package srcfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// tree makes a project folder with a good file, a link to a file outside
// it, a link to a folder outside it, a named pipe and a large file.
func tree(t *testing.T) fs.FS {
	t.Helper()
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, text := range map[string]string{"en.toml": "a = \"b\"", "css/site.css": "a{}", "big.txt": strings.Repeat("x", 101)} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "fr.toml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "ar.toml"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	return os.DirFS(dir)
}

func TestReadFile(t *testing.T) {
	fsys := tree(t)
	for _, tc := range []struct{ name, want string }{
		{"en.toml", ""},
		{"css/site.css", ""},
		{"fr.toml", "symbolic links are not allowed"},
		{"linked/secret.txt", "symbolic links are not allowed"},
		{"ar.toml", "not a regular file"},
		{"big.txt", "too large (101 bytes; at most 100)"},
		{"css", "not a regular file"},
	} {
		done := make(chan error, 1)
		go func() { _, err := ReadFile(fsys, tc.name, 100); done <- err }()
		select {
		case err := <-done:
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(Reason(err), tc.want)) {
				t.Errorf("ReadFile(%s) = %v, want %q", tc.name, err, tc.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("ReadFile(%s) blocked", tc.name)
		}
	}
	if _, err := ReadFile(fsys, "missing.toml", 100); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// TestFS: code that reads through FS (html/template) meets the same rules,
// and finds a link (Stat does not follow it) to be told why it is refused.
func TestFS(t *testing.T) {
	fsys := FS(tree(t), 100)
	if data, err := fs.ReadFile(fsys, "en.toml"); err != nil || string(data) != `a = "b"` {
		t.Errorf("en.toml: %q, %v", data, err)
	}
	for _, name := range []string{"fr.toml", "linked/secret.txt", "ar.toml", "big.txt"} {
		done := make(chan error, 1)
		go func() {
			f, err := fsys.Open(name)
			if err == nil {
				f.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.As(err, new(*Error)) {
				t.Errorf("Open(%s) = %v", name, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Open(%s) blocked", name)
		}
	}
	if m, _ := fs.Glob(fsys, "fr.toml"); len(m) != 1 {
		t.Errorf("Glob(fr.toml) = %v", m)
	}
	if entries, err := fs.ReadDir(fsys, "css"); err != nil || len(entries) != 1 {
		t.Errorf("ReadDir(css) = %v, %v", entries, err)
	}
}
