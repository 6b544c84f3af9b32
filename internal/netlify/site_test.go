package netlify_test

import (
	"os"
	"strings"
	"testing"

	"github.com/oic-pesnet/workplan/internal/build"
	"github.com/oic-pesnet/workplan/internal/netlify"
	"github.com/oic-pesnet/workplan/internal/output"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// site builds the fixture site (internal/testproject) and returns its
// files by path, and the rules Netlify would apply to it: the generated
// _redirects, then the project's netlify.toml.
func site(t *testing.T) (map[string][]byte, *netlify.Config) {
	t.Helper()
	res, err := build.Build(testproject.FS(t), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	toml, err := netlify.Load(os.DirFS("../.."), "netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	files := fileMap(res.Files)
	generated, err := netlify.ParseRedirects(netlify.RedirectsFile, files[netlify.RedirectsFile])
	if err != nil {
		t.Fatal(err)
	}
	return files, toml.Prepend(generated)
}

func fileMap(fs []output.File) map[string][]byte {
	m := make(map[string][]byte, len(fs))
	for _, f := range fs {
		m[f.Path] = f.Data
	}
	return m
}

// TestNoHeaderSetTwice checks every file of the built fixture site: no
// header may come from two rules, since Netlify would join their values.
func TestNoHeaderSetTwice(t *testing.T) {
	files, c := site(t)
	for name := range files {
		p := "/" + name
		seen := map[string]string{}
		for _, h := range c.Headers {
			if !netlify.HeaderMatches(h, p) {
				continue
			}
			for k := range h.Values {
				if prev, ok := seen[k]; ok {
					t.Errorf("%s: %s is set by both %q and %q", p, k, prev, h.For)
				}
				seen[k] = h.For
			}
		}
	}
}

// TestEmbedCountryCase: an iframe address, or a country view's, with the
// uppercase country code of the open data redirects, by a generated rule, to the lowercase page,
// which exists; the lowercase page itself and an unknown code are left
// alone (the unknown code reaches netlify.toml's 404 rule).
func TestEmbedCountryCase(t *testing.T) {
	files, c := site(t)
	for path, want := range map[string]string{
		"/embed/fr/countries/MA/":           "/embed/fr/countries/ma/",
		"/embed/ar/countries/TR/index.html": "/embed/ar/countries/tr/index.html",
		"/fr/countries/MA/":                 "/fr/countries/ma/", // the site's country views alike
		"/ar/countries/TR/index.html":       "/ar/countries/tr/index.html",
	} {
		m := c.Redirect(path, "", false)
		if m == nil || m.Target != want || m.Status != 301 {
			t.Errorf("%s: got %+v, want 301 %s", path, m, want)
			continue
		}
		file := strings.TrimPrefix(want, "/")
		if strings.HasSuffix(file, "/") {
			file += "index.html"
		}
		if _, ok := files[file]; !ok {
			t.Errorf("%s redirects to %s, which does not exist", path, want)
		}
	}
	for _, p := range []string{"/embed/fr/countries/ma/", "/fr/countries/ma/"} {
		if m := c.Redirect(p, "", true); m != nil {
			t.Errorf("%s: the lowercase page must be served, got %+v", p, m)
		}
	}
	if m := c.Redirect("/embed/fr/countries/ZZ/", "", false); m == nil || m.Status != 404 {
		t.Errorf("an unknown code must be a 404, got %+v", m)
	}
}
