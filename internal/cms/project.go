package cms

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/goccy/go-yaml"

	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/l10n"
)

// FromProject generates the configuration of the project folder project
// (content/, i18n/, go.mod). It fails, with the problems, when the content
// or the messages cannot be read without errors.
func FromProject(project fs.FS) ([]byte, *diag.List) {
	problems := &diag.List{}
	sub, err := fs.Sub(project, "content")
	if err != nil {
		problems.Errorf("content", diag.Pos{}, "cannot read: %v", err)
		return nil, problems
	}
	site, p := content.Load(sub, "content")
	problems.Merge(p)
	if site == nil || problems.HasErrors() {
		return nil, problems
	}
	bundle, p := l10n.LoadBundle(project, "i18n", site.Config.Languages)
	problems.Merge(p)
	if problems.HasErrors() {
		return nil, problems
	}
	out, err := Generate(site, bundle, repoOf(project))
	if err != nil {
		problems.Errorf(File, diag.Pos{}, "%v", err)
		return nil, problems
	}
	return out, problems
}

// repoOf is the GitHub repository the editor saves to: the one the
// committed configuration names (where the site is deployed from is not
// the content's business, and a copy of the project without go.mod, as in
// the tests, keeps it), else go.mod's module path.
func repoOf(project fs.FS) string {
	if data, err := fs.ReadFile(project, File); err == nil {
		var c struct {
			Backend struct {
				Repo string `yaml:"repo"`
			} `yaml:"backend"`
		}
		if yaml.Unmarshal(data, &c) == nil && c.Backend.Repo != "" {
			return c.Backend.Repo
		}
	}
	return Repo(project)
}

// Update rewrites the configuration of the project folder dir when it has
// one (a project without the browser editor is left so), and reports
// whether the file changed.
func Update(dir string) (bool, error) {
	file := filepath.Join(dir, filepath.FromSlash(File))
	old, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	out, problems := FromProject(os.DirFS(dir))
	if out == nil {
		return false, fmt.Errorf("the browser editor's form (%s) could not be updated; run pesnet cms once these are fixed:\n%s", File, problems)
	}
	if bytes.Equal(old, out) {
		return false, nil
	}
	return true, WriteFile(file, out)
}

// WriteFile writes data to file through a temporary file in its folder,
// so that a failure never leaves half a file.
func WriteFile(file string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".config-*.yml")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}

// Drift warns when the committed configuration (File) is not what site
// and bundle give: a plan or an area was added, or a cms_* message
// changed, and the form would offer stale choices. A project without the
// file has no browser editor and nothing to compare.
func Drift(project fs.FS, site *content.Site, bundle *l10n.Bundle, problems *diag.List) {
	committed, err := fs.ReadFile(project, File)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		problems.Errorf(File, diag.Pos{}, "cannot read: %v", err)
		return
	}
	want, err := Generate(site, bundle, repoOf(project))
	if err != nil {
		problems.Errorf(File, diag.Pos{Line: 1, Col: 1}, "%v", err)
		return
	}
	if line := firstDifference(committed, want); line > 0 {
		problems.Warnf(File, diag.Pos{Line: line, Col: 1}, "the browser editor's form no longer matches the content (a plan, an area or a cms_* message of i18n/ changed; first difference on this line): run %s and commit the file", "`go run ./cmd/pesnet cms`")
	}
}

// firstDifference returns the 1-based line where a and b first differ, or
// 0 when they are equal.
func firstDifference(a, b []byte) int {
	if bytes.Equal(a, b) {
		return 0
	}
	al, bl := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(al), len(bl)) {
		if !bytes.Equal(al[i], bl[i]) {
			return i + 1
		}
	}
	return min(len(al), len(bl)) + 1
}
