package livecontent

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/testproject"
)

// TestLiveContent: the project's own content passes check --strict. This
// is the one assertion about content/ in the whole suite.
func TestLiveContent(t *testing.T) {
	Assert(t, testproject.Root(t))
}

// copyProject copies the project's sources (live content included) into a
// temporary folder.
func copyProject(t *testing.T) string {
	t.Helper()
	root, dir := testproject.Root(t), t.TempDir()
	for _, name := range append([]string{"content"}, testproject.Code...) {
		src := filepath.Join(root, name)
		if name == "netlify.toml" {
			data, err := os.ReadFile(src)
			if err == nil {
				err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestEditorEdits applies each editor's edit alone to a copy of the live
// content and runs the suite's assertion about content on it.
func TestEditorEdits(t *testing.T) {
	for _, e := range Edits() {
		t.Run(e.Name, func(t *testing.T) {
			dir := copyProject(t)
			if err := e.Apply(dir); errors.Is(err, ErrNotApplicable) {
				t.Skip(err)
			} else if err != nil {
				t.Fatal(err)
			}
			Assert(t, dir)
		})
	}
}

// TestEditsOnFixture: every edit applies to the fixture site, so the
// edits themselves cannot silently rot into no-ops.
func TestEditsOnFixture(t *testing.T) {
	dir := testproject.Copy(t)
	done, err := ApplyAll(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(done) != len(Edits()) {
		t.Errorf("applied %d of %d edits to the fixture: %q", len(done), len(Edits()), done)
	}
	Assert(t, dir)
}

// liveContentRef matches the ways a test could reach the live content; a
// line that opens the project root only for "i18n" or "netlify.toml" (the
// interface strings and headers, not content) is allowed.
var (
	liveContentRef = regexp.MustCompile(`\.\./\.\./content|"\.\.", "\.\.", "content"|DirFS\("\.\./\.\."\)|Copy\(t, "\.\./\.\."\)|"-C", "\.\./\.\."`)
	codeOnlyRef    = regexp.MustCompile(`DirFS\("\.\./\.\."\), "(i18n|netlify\.toml)"`)
)

// TestNoTestReadsLiveContent: outside this package, no test file refers to
// the live content/ folder.
func TestNoTestReadsLiveContent(t *testing.T) {
	root := testproject.Root(t)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules" || p == filepath.Join(root, "internal", "livecontent")) {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			if liveContentRef.MatchString(line) && !codeOnlyRef.MatchString(line) {
				rel, _ := filepath.Rel(root, p)
				t.Errorf("%s:%d: a test reads the live content/ (%s): use internal/testproject's fixture site; only internal/livecontent may read content/", rel, i+1, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSuiteProof runs the whole suite (`go test ./...`) on a copy of the
// repository with every edit applied: the rule "check --strict accepts it,
// so go test passes", end to end. It takes as long as the suite, so it runs
// only with PESNET_SUITE_PROOF=1 (.ci/run sets it).
func TestSuiteProof(t *testing.T) {
	if os.Getenv("PESNET_SUITE_PROOF") != "1" {
		t.Skip("set PESNET_SUITE_PROOF=1 to run the whole suite on the edited content")
	}
	root, dir := testproject.Root(t), t.TempDir()
	err := os.CopyFS(dir, os.DirFS(root))
	if err != nil {
		t.Fatal(err)
	}
	for _, junk := range []string{".git", "public", ".ci/node_modules"} {
		if err := os.RemoveAll(filepath.Join(dir, junk)); err != nil {
			t.Fatal(err)
		}
	}
	done, err := ApplyAll(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("edits applied:\n- %s", strings.Join(done, "\n- "))
	Assert(t, dir)
	cmd := exec.Command("go", "test", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PESNET_SUITE_PROOF=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go test ./... fails on the edited content: %v\n%s", err, out)
	}
}

// TestEditsTwice: applying every edit twice still gives content that
// passes check --strict (the suite proof runs the suite, and so the edits,
// on content that already carries them).
func TestEditsTwice(t *testing.T) {
	dir := testproject.Copy(t)
	for range 2 {
		if _, err := ApplyAll(dir); err != nil {
			t.Fatal(err)
		}
	}
	Assert(t, dir)
}
