// Command pesnet-bench measures `pesnet build` beside Hugo on the same
// generated catalog (internal/corpus): N activities × fr/ar/en with ~2 KB
// Markdown bodies.
//
//	go run ./cmd/pesnet-bench -n 100,1000 -runs 3
//
// For each N it writes the catalog as a pesnet project (with the
// repository's layouts, static files and strings) and as the equivalent
// Hugo site, into a work folder on tmpfs (/dev/shm when it exists), builds
// pesnet once, then alternates the builds (pesnet, hugo, pesnet, hugo…) so
// that both meet the same load on a shared machine. Each build runs under
// GNU time (/usr/bin/time -v: wall clock, user+system CPU, peak resident
// memory) and `timeout`; its output folder is measured (bytes, files).
// The report gives, from medians over the runs: the ratios pesnet/Hugo
// first, the cost per activity (comparing it between two N shows whether
// the build is linear), then the absolute figures, which belong to this
// machine. Without hugo on the PATH it measures pesnet alone.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/oic-pesnet/workplan/internal/corpus"
)

// config is what the flags ask for.
type config struct {
	ns      []int
	runs    int
	work    string
	timeout time.Duration
	seed    uint64
	repo    string
	write   string // when set: write the pesnet project of ns[0] there and stop
}

func main() {
	cfg, err := parseFlags(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "pesnet-bench:", err)
		os.Exit(2)
	}
	if err := run(cfg, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "pesnet-bench:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string) (config, error) {
	fl := flag.NewFlagSet("pesnet-bench", flag.ContinueOnError)
	ns := fl.String("n", "100,1000", "comma-separated numbers of activities")
	runs := fl.Int("runs", 3, "builds of each generator per N (the report gives medians)")
	work := fl.String("out", filepath.Join(tmpfs(), "pesnet-bench"), "work folder for the corpora and outputs (replaced)")
	timeout := fl.Duration("timeout", 300*time.Second, "stop a build after this long and report that it did not finish")
	seed := fl.Uint64("seed", 1, "seed of the corpus")
	repo := fl.String("repo", ".", "the repository whose cmd/pesnet, layouts, static files and strings are measured (another checkout compares versions)")
	write := fl.String("write", "", "only write the pesnet project of the first -n into this new folder (to run pesnet serve or a profile on it), and stop")
	if err := fl.Parse(args); err != nil {
		return config{}, err
	}
	cfg := config{runs: *runs, work: *work, timeout: *timeout, seed: *seed, repo: *repo, write: *write}
	for f := range strings.SplitSeq(*ns, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return config{}, fmt.Errorf("-n %q: give numbers of activities such as 100,1000", *ns)
		}
		cfg.ns = append(cfg.ns, n)
	}
	if cfg.runs < 1 || cfg.timeout < time.Second {
		return config{}, errors.New("-runs must be 1 or more and -timeout at least 1s")
	}
	return cfg, nil
}

// tmpfs is where outputs go: memory (/dev/shm), so that disk speed does
// not decide the comparison.
func tmpfs() string {
	if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
		return "/dev/shm"
	}
	return os.TempDir()
}

// run measures every N and prints the report.
func run(cfg config, stdout, stderr io.Writer) error {
	if cfg.write != "" {
		return writeProject(cfg)
	}
	if _, err := os.Stat(gnuTime); err != nil {
		return fmt.Errorf("%s is missing: GNU time measures wall clock, CPU and peak memory; install it (Debian: apt-get install time)", gnuTime)
	}
	if _, err := exec.LookPath("timeout"); err != nil {
		return errors.New("timeout (GNU coreutils) is missing: it stops builds that take longer than -timeout")
	}
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		fmt.Fprintln(stderr, "pesnet-bench: hugo is not on the PATH: measuring pesnet alone, without ratios (Debian: apt-get install hugo)")
	}
	root, err := corpus.Root(cfg.repo)
	if err != nil {
		return err
	}
	if err := prepareWork(cfg.work); err != nil {
		return err
	}
	pesnet := filepath.Join(cfg.work, "pesnet")
	fmt.Fprintf(stderr, "building pesnet from %s…\n", root)
	if err := goBuild(root, pesnet); err != nil {
		return err
	}
	var results []result
	for _, n := range cfg.ns {
		r, err := measureN(cfg, root, n, pesnet, hugo, stderr)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	return report(stdout, cfg, environment(root, hugo), results)
}

// marker marks a work folder as this tool's, so that it only ever
// replaces a folder it made.
const marker = ".pesnet-bench"

// prepareWork empties the work folder: a new one, or one this tool made.
func prepareWork(dir string) error {
	entries, err := os.ReadDir(dir)
	if err == nil && len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(dir, marker)); err != nil {
			return fmt.Errorf("-out %s is not empty and was not made by pesnet-bench: choose another folder", dir)
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, marker), nil, 0o644)
}

func goBuild(root, out string) error {
	cmd := exec.Command("go", "build", "-o", out, "./cmd/pesnet")
	cmd.Dir = root
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/pesnet: %v\n%s", err, msg)
	}
	return nil
}

// environment describes the machine and the tools for the report.
func environment(root, hugo string) string {
	env := fmt.Sprintf("%d CPUs, %s/%s, %s, pesnet %s", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), revision(root))
	if hugo != "" {
		if v, err := exec.Command(hugo, "version").Output(); err == nil {
			env += ", " + strings.Fields(string(v))[1]
		}
	}
	return env
}

// revision names the measured version of pesnet: the commit, and whether
// the working tree differs from it.
func revision(root string) string {
	head, err := exec.Command("git", "-C", root, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "from " + root + " (not a git checkout)"
	}
	rev := strings.TrimSpace(string(head))
	if changes, err := exec.Command("git", "-C", root, "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(changes) > 0 {
		rev += " with uncommitted changes"
	}
	return rev
}

// result holds the samples of one N.
type result struct {
	N            int
	Pesnet, Hugo []sample
}

// measureN generates the corpora of n activities and alternates the builds.
func measureN(cfg config, root string, n int, pesnet, hugo string, log io.Writer) (result, error) {
	dir := filepath.Join(cfg.work, fmt.Sprintf("n%d", n))
	site, hugoSite := filepath.Join(dir, "pesnet-site"), filepath.Join(dir, "hugo-site")
	fmt.Fprintf(log, "N=%d: generating both corpora in %s…\n", n, dir)
	c := corpus.New(n, cfg.seed)
	if err := generate(c, root, site, hugoSite); err != nil {
		return result{}, err
	}
	res := result{N: n}
	pesnetOut, hugoOut := filepath.Join(dir, "pesnet-public"), filepath.Join(dir, "hugo-public")
	for i := range cfg.runs {
		if i == 0 || !res.Pesnet[0].TimedOut { // a build that did not finish once will not next time
			s, err := timed(log, "pesnet", n, i, cfg.timeout, pesnetOut, pesnet, "build", "-C", site, "-o", pesnetOut, "--quiet")
			if err != nil {
				return res, err
			}
			res.Pesnet = append(res.Pesnet, s)
		}
		if hugo != "" {
			s, err := timed(log, "hugo", n, i, cfg.timeout, hugoOut, hugo, "--minify", "--quiet", "-s", hugoSite, "-d", hugoOut)
			if err != nil {
				return res, err
			}
			res.Hugo = append(res.Hugo, s)
		}
	}
	return res, nil
}

// writeProject writes the pesnet project of the first N into cfg.write,
// which must not exist yet (nothing is ever overwritten).
func writeProject(cfg config) error {
	if _, err := os.Stat(cfg.write); err == nil {
		return fmt.Errorf("-write %s: the folder exists; give a new one", cfg.write)
	}
	root, err := corpus.Root(cfg.repo)
	if err != nil {
		return err
	}
	if err := corpus.New(cfg.ns[0], cfg.seed).WritePesnet(corpus.Dir(cfg.write)); err != nil {
		return err
	}
	return corpus.CopyCode(corpus.Dir(cfg.write), root)
}

func generate(c *corpus.Corpus, root, site, hugoSite string) error {
	if err := c.WritePesnet(corpus.Dir(site)); err != nil {
		return err
	}
	if err := corpus.CopyCode(corpus.Dir(site), root); err != nil {
		return err
	}
	return c.WriteHugo(corpus.Dir(hugoSite))
}

// timed runs one build into a fresh output folder and logs its figures.
func timed(log io.Writer, name string, n, i int, limit time.Duration, out string, argv ...string) (sample, error) {
	if err := os.RemoveAll(out); err != nil {
		return sample{}, err
	}
	s, err := measure(argv, out, limit)
	if err != nil {
		return s, fmt.Errorf("N=%d, %s run %d: %w", n, name, i+1, err)
	}
	fmt.Fprintf(log, "N=%d %-6s run %d: %s\n", n, name, i+1, s)
	return s, nil
}
