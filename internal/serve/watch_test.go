package serve

import (
	"maps"
	"slices"
	"testing"
	"testing/fstest"
	"time"
)

// TestUpdateMatchesScan: after each change of a project (an edit, a save
// without change, an editor's save through a temporary file, a new folder,
// a removed one, a file outside the sources), update, given the names the
// system would report, returns what a full scan returns and leaves the
// same stamps.
func TestUpdateMatchesScan(t *testing.T) {
	t0 := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	file := func(s string, tick int) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(s), ModTime: t0.Add(time.Duration(tick) * time.Second)}
	}
	fsys := fstest.MapFS{
		"netlify.toml":                         file("[build]", 0),
		"content/site.yaml":                    file("title: x", 0),
		"content/activities/a/index.fr.md":     file("a fr", 0),
		"content/activities/a/index.en.md":     file("a en", 0),
		"content/activities/b/index.fr.md":     file("b fr", 0),
		"content/activities/b/activity.yaml":   file("id: b", 0),
		"layouts/activity.html":                file("<p>", 0),
		"i18n/en.toml":                         file("x = 1", 0),
		"content/activities/ab/index.fr.md":    file("ab fr", 0),
		"content/activities/a.txt":             file("not a folder", 0),
		"static/css/site.css":                  file("p{}", 0),
		"README.md":                            file("not a source", 0),
		"content/activities/b/images/logo.svg": file("<svg/>", 0),
	}
	steps := []struct {
		desc   string
		change func()
		names  []string
		want   []string
	}{
		{"an edit", func() { fsys["content/activities/a/index.fr.md"] = file("a fr 2", 1) },
			[]string{"content/activities/a/index.fr.md"}, []string{"content/activities/a/index.fr.md"}},
		{"a save without change", func() { fsys["content/activities/a/index.en.md"] = file("a en", 2) },
			[]string{"content/activities/a/index.en.md"}, nil},
		{"a save through a temporary file", func() { fsys["content/activities/b/index.fr.md"] = file("b fr 2", 3) },
			[]string{"content/activities/b/sedX1234", "content/activities/b/index.fr.md"}, []string{"content/activities/b/index.fr.md"}},
		{"a new folder", func() {
			fsys["content/activities/c/index.fr.md"] = file("c fr", 4)
			fsys["content/activities/c/activity.yaml"] = file("id: c", 4)
		}, []string{"content/activities/c"}, []string{"content/activities/c/activity.yaml", "content/activities/c/index.fr.md"}},
		{"a removed folder (and not its neighbours named alike)", func() {
			for p := range fsys {
				if len(p) > len("content/activities/a/") && p[:len("content/activities/a/")] == "content/activities/a/" {
					delete(fsys, p)
				}
			}
		}, []string{"content/activities/a"}, []string{"content/activities/a/index.en.md", "content/activities/a/index.fr.md"}},
		{"a folder and a file in it", func() { fsys["content/activities/b/images/logo.svg"] = file("<svg></svg>", 5) },
			[]string{"content/activities/b/images", "content/activities/b/images/logo.svg"}, []string{"content/activities/b/images/logo.svg"}},
		{"a file outside the sources", func() { fsys["README.md"] = file("changed", 6) }, []string{"README.md"}, nil},
		{"the root file", func() { fsys["netlify.toml"] = file("[build]\n", 7) }, []string{"netlify.toml"}, []string{"netlify.toml"}},
	}
	inc := &sources{fsys: fsys, files: map[string]stamp{}}
	full := &sources{fsys: fsys, files: map[string]stamp{}}
	inc.scan()
	full.scan()
	for _, st := range steps {
		st.change()
		got, want := inc.update(st.names), full.scan()
		if !slices.Equal(got, want) || !slices.Equal(got, st.want) {
			t.Errorf("%s: update returned %q, a scan %q, want %q", st.desc, got, want, st.want)
		}
		if !maps.Equal(inc.files, full.files) {
			t.Errorf("%s: update leaves other stamps than a scan", st.desc)
		}
	}
}
