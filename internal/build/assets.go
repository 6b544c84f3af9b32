package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/srcfs"
)

// mediaTypes maps output extensions to the minifier's media types.
var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".json": "application/json", ".svg": "image/svg+xml", ".xml": "text/xml",
}

func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("application/ld+json", json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("text/xml", xml.Minify)
	return m
}

// assets are the processed static files.
type assets struct {
	files []output.File
	paths map[string]string // logical path → published root-relative path
}

// Jobs is the static files' generator (output.Generator).
func (a *assets) Jobs() ([]output.Job, *diag.List) { return output.Ready(a.files), &diag.List{} }

// fingerprinted lists the extensions whose published names carry a content
// hash, so that they can be cached for a year.
var fingerprinted = []string{".css", ".js"}

// processStatic copies static/ to the output root. CSS and JS are
// minified; those in a subfolder (css/, js/: the site's own assets) are
// renamed name.<hash>.ext, while files at the top of static/ keep their
// names, because other websites link to them (embed.js). static/admin/
// (the browser editor) is copied as it is.
func processStatic(fsys fs.FS, display string, m *minify.M) (assets, *diag.List) {
	problems := &diag.List{}
	a := assets{paths: map[string]string{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		data, err := srcfs.ReadFile(fsys, p, srcfs.MaxAssetSize)
		if err != nil {
			problems.Errorf(path.Join(display, p), diag.Pos{}, "%s", srcfs.Reason(err))
			return nil
		}
		ext := path.Ext(p)
		if strings.HasPrefix(p, "admin/") {
			// The browser editor: a pinned, already minified copy of the CMS
			// (see README), its page and its generated config.yml,
			// published as they are at /admin/.
			a.paths[p] = "/" + p
			a.files = append(a.files, output.File{Path: p, Data: data})
			return nil
		}
		if ext == ".css" {
			braceProblems(path.Join(display, p), data, problems)
		}
		if mt, ok := mediaTypes[ext]; ok {
			if data, err = m.Bytes(mt, data); err != nil {
				problems.Errorf(path.Join(display, p), diag.Pos{}, "cannot minify: %v", err)
				return nil
			}
		}
		out := p
		if slices.Contains(fingerprinted, ext) && strings.Contains(p, "/") {
			sum := sha256.Sum256(data)
			out = strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:])[:12] + ext
		}
		a.paths[p] = "/" + out
		a.files = append(a.files, output.File{Path: out, Data: data})
		return nil
	})
	if err != nil && !errorsIsNotExist(err) {
		problems.Errorf(display, diag.Pos{}, "cannot read: %v", err)
	}
	return a, problems
}

// pageLang returns the language folder of an output path ("fr/…" → "fr").
func pageLang(p string) string {
	if i := strings.IndexByte(p, '/'); i > 0 {
		return p[:i]
	}
	return ""
}

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
