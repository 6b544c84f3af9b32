package content

import (
	"crypto/sha256"
	"io/fs"
	"path"

	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/mdlimit"
)

// head is the digest of the file before doc's body: the front matter with
// its fences (and any blank lines before them).
func (s *source) head(doc *document) [sha256.Size]byte {
	return sha256.Sum256(s.data[:len(s.data)-len(doc.body)])
}

// ReplaceBody takes an edit of an activity's text that changed its
// Markdown body only, without loading the whole content folder again (the
// preview server's fast path). name is the file's path in fsys, the content
// folder whose display prefix Load was given.
//
// When the file is the text of an activity of site, its front matter is
// byte for byte the one loaded (so every fact, title, summary and
// position is as loaded) and the new body passes the checks Load makes
// (encoding, control characters, size, nesting, Markdown shapes), the body
// replaces the loaded one in place and ReplaceBody returns the activity.
// Otherwise it changes nothing and returns nil: the caller loads the
// folder again, which reports any problem. The site must not be in use by
// another goroutine meanwhile.
func (site *Site) ReplaceBody(fsys fs.FS, prefix, name string) *Activity {
	a, t := site.textOf(path.Join(prefix, name))
	if t == nil {
		return nil
	}
	l := &loader{fsys: fsys, prefix: prefix}
	problems := &diag.List{}
	src, ok := l.readTo(name, problems)
	if !ok {
		return nil
	}
	doc, ok := src.splitFrontMatter(problems)
	if !ok || src.head(doc) != t.head {
		return nil
	}
	doc.checkNesting(src.file, problems)
	mdlimit.Report(src.file, doc.body, doc.bodyLine, problems)
	if len(problems.Items()) > 0 || doc.bodyLine != t.BodyLine {
		return nil
	}
	t.Body = doc.body
	return a
}

// textOf finds the activity text loaded from file (a display path).
func (site *Site) textOf(file string) (*Activity, *Text) {
	for _, a := range site.Activities {
		for _, t := range a.Texts {
			if t.File == file {
				return a, t
			}
		}
	}
	return nil, nil
}
