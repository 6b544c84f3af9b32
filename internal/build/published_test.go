package build

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/oic-pesnet/workplan/internal/assemble"
	"github.com/oic-pesnet/workplan/internal/content"
	"github.com/oic-pesnet/workplan/internal/netlify"
	"github.com/oic-pesnet/workplan/internal/testproject"
)

// served is a built site as Netlify serves it: its files, and the rules of
// its generated _redirects followed by those of netlify.toml.
type served struct {
	files     map[string][]byte
	rules     *netlify.Config
	generated int // the first rules, from _redirects
}

func serveFixture(t *testing.T, fsys fstest.MapFS) served {
	t.Helper()
	res, err := Build(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	toml, err := netlify.Parse(fsys["netlify.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	out := files(res)
	generated, err := netlify.ParseRedirects(netlify.RedirectsFile, out[netlify.RedirectsFile])
	if err != nil {
		t.Fatal(err)
	}
	return served{files: out, rules: toml.Prepend(generated), generated: len(generated)}
}

func (s served) exists(file string) bool { _, ok := s.files[file]; return ok }

// origin names the file a rule comes from.
func (s served) origin(r *netlify.Redirect) string {
	for i := range s.generated {
		if &s.rules.Redirects[i] == r {
			return "the generated _redirects"
		}
	}
	return "netlify.toml"
}

// follow requests path as a browser without language preference would, and
// follows redirects within the site (at most 5), as `pesnet serve` answers
// (netlify.Config.Answer). It returns the last answer, and the addresses
// passed through.
func (s served) follow(path string) (netlify.Answer, []string) {
	hops := []string{path}
	for range 5 {
		a := s.rules.Answer(path, "", s.exists)
		if !a.Redirected() || !strings.HasPrefix(a.Location, "/") || strings.HasPrefix(a.Location, "//") {
			return a, hops
		}
		path, _, _ = strings.Cut(a.Location, "?")
		hops = append(hops, path)
	}
	return netlify.Answer{Status: 310, Location: path}, hops
}

// publishedURLs reads testdata/published-urls.txt.
func publishedURLs(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "published-urls.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var urls []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			urls = append(urls, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return urls
}

// TestPublishedURLsStay: every address the fixture site published before
// work plans came in (testdata/published-urls.txt) still answers, on the
// fixture and on the fixture with more plans: a file at that address, or
// redirect rules (the generated _redirects, then netlify.toml) leading to
// a file that exists.
func TestPublishedURLsStay(t *testing.T) {
	urls := publishedURLs(t)
	if len(urls) < 100 {
		t.Fatalf("testdata/published-urls.txt lists %d URLs: lines were lost", len(urls))
	}
	for _, fx := range []struct {
		name string
		fsys fstest.MapFS
	}{
		{"fixture", testproject.FS(t)},
		{"fixture with plans", testproject.FS(t, testproject.Plans(t))},
	} {
		t.Run(fx.name, func(t *testing.T) {
			s := serveFixture(t, fx.fsys)
			for _, u := range urls {
				if why := s.broken(u); why != "" {
					t.Errorf("%s no longer answers: %s.\n"+
						"\tPublished URLs must keep working: keep the page at this address, or, if it moved, add a\n"+
						"\tgenerated redirect from it to the new address (aliases in internal/build/redirects).\n"+
						"\tNever delete its line from testdata/published-urls.txt.", u, why)
				}
			}
		})
	}
}

// broken says why u does not answer, or "" when it does.
func (s served) broken(u string) string {
	a, hops := s.follow(u)
	via := ""
	if len(hops) > 1 {
		via = " (redirected through " + strings.Join(hops[1:], " → ") + ")"
	}
	switch {
	case a.Status == 310:
		return "more than 5 redirects" + via
	case a.Redirected():
		return fmt.Sprintf("it redirects off the site, to %s", a.Location)
	case a.Status != 200 && a.Rule != nil:
		return fmt.Sprintf("%s's rule %q answers %d with %s%s", s.origin(a.Rule), a.Rule.From, a.Status, a.Path, via)
	case a.Status != 200 || !s.exists(a.File):
		return fmt.Sprintf("no file %s in the output and no redirect rule for it%s", a.File, via)
	}
	return ""
}

// TestCurrentPlanAddress: /<lang>/plans/current/, with or without its final
// slash, and the addresses below it redirect (302, since the current plan
// changes) to the current plan's pages.
func TestCurrentPlanAddress(t *testing.T) {
	fsys := testproject.FS(t, testproject.Plans(t))
	site, problems := content.Load(sub(fsys, "content"), "content")
	if site == nil || problems.HasErrors() {
		t.Fatalf("the fixture does not load:\n%s", problems)
	}
	current := assemble.New(site).Current.ID
	s := serveFixture(t, fsys)
	var missing []string
	for _, lang := range site.Config.Languages {
		plan := assemble.PlanPath(lang, current)
		for from, to := range map[string]string{
			"/" + lang + "/plans/current":                 plan,
			assemble.PlanPath(lang, "current"):            plan,
			assemble.PlanActivitiesPath(lang, "current"):  assemble.PlanActivitiesPath(lang, current),
			assemble.PlanAreaPath(lang, "current", "lmi"): assemble.PlanAreaPath(lang, current, "lmi"),
			assemble.PlanCalendarPath(lang, "current"):    assemble.PlanCalendarPath(lang, current),
		} {
			a := s.rules.Answer(from, "", s.exists)
			if a.Status != 302 || a.Location != to {
				t.Errorf("%s: %d %q, want 302 to %s", from, a.Status, a.Location, to)
				continue
			}
			if !s.exists(netlify.FileOf(to)) {
				missing = append(missing, to)
			}
		}
	}
	if len(missing) > 0 {
		t.Skipf("the redirects are right, but their targets are not built yet (plan pages, internal/render): %s", strings.Join(missing, ", "))
	}
}
