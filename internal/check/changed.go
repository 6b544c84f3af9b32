package check

import (
	"context"
	"os"
	"os/exec"
	"path"
	"strings"
	"time"

	"github.com/oic-pesnet/workplan/internal/diag"
)

// Changes are the files of the project that the editor changed: those that
// differ from the main branch, as git sees them.
type Changes struct {
	// Base is the branch compared with ("origin/main" or "main"), or ""
	// when git gave no information.
	Base string
	// Files are the changed files under content/ and i18n/, relative to the
	// project folder, with slashes; deleted ones included.
	Files map[string]bool
	// Emptied are the folders of the deleted files. A deleted file carries
	// no problem, but its consequence lands on a file beside it: without
	// index.ar.md, the warning is at the activity's activity.yaml.
	Emptied map[string]bool
	// Why says, when Base is "", why there is no information.
	Why string
	// Before holds, for each changed file that may hold an activity's
	// facts (activity.yaml, index.<lang>.md) and existed on the branch
	// point, its facts there as YAML (Sequences compares).
	Before map[string][]byte
}

// gitTimeout bounds all the git commands of one check together: git
// answers in milliseconds; a hung one (a network file system, a lock)
// must not hold the check.
const gitTimeout = 10 * time.Second

// changedRoots are the folders an editor edits.
var changedRoots = []string{"content", "i18n"}

// Changed asks git which files under content/ and i18n/ of the project
// folder dir differ from the main branch: those committed on the branch
// since its merge base with origin/main (else main), plus the staged,
// unstaged and untracked ones. origin/main is preferred because it is what
// was published; a local main may be behind it. Any failure of git (not
// installed, not a work tree, no main branch, a shallow clone without the
// merge base, a timeout) means "no information", never an error: the
// check then lists problems by file only.
func Changed(dir string) *Changes {
	if _, err := exec.LookPath("git"); err != nil {
		return &Changes{Why: "git is not installed"}
	}
	ctx, cancel := context.WithTimeout(context.Background(), gitTimeout)
	defer cancel()
	git := gitIn(ctx, dir)
	if out, err := git("rev-parse", "--is-inside-work-tree"); err != nil || strings.TrimSpace(out) != "true" {
		return &Changes{Why: "the project is not in a git work tree"}
	}
	base, ref := mainBranch(git)
	if base == "" {
		return &Changes{Why: "the repository has no main or origin/main branch"}
	}
	mergeBase, err := git("merge-base", "HEAD", ref)
	if err != nil {
		return &Changes{Why: "git found no common commit with " + base}
	}
	// The work tree against the merge base: committed, staged and unstaged
	// changes at once, with paths relative to dir (--relative).
	tracked, err := git(append([]string{"diff", "--name-status", "--relative", "--no-renames", "-z", strings.TrimSpace(mergeBase), "--"}, changedRoots...)...)
	if err != nil {
		return &Changes{Why: "git could not compare the files with " + base}
	}
	untracked, err := git(append([]string{"ls-files", "--others", "--exclude-standard", "-z", "--"}, changedRoots...)...)
	if err != nil {
		return &Changes{Why: "git could not list the new files"}
	}
	c := changes(base, tracked, untracked)
	c.Before = before(git, strings.TrimSpace(mergeBase), c.Files)
	return c
}

// before reads, at commit rev, each changed activities/*/activity.yaml
// and the front matter of each changed activities/*/index.*.md (a file new
// on the branch has no earlier version, and is left out).
func before(git func(args ...string) (string, error), rev string, files map[string]bool) map[string][]byte {
	out := map[string][]byte{}
	for f := range files {
		yaml, _ := path.Match("content/activities/*/activity.yaml", f)
		text, _ := path.Match("content/activities/*/index.*.md", f)
		if !yaml && !text {
			continue
		}
		if data, err := git("show", rev+":./"+f); err == nil {
			if text {
				data = frontMatter(data)
			}
			out[f] = []byte(data)
		}
	}
	return out
}

// frontMatter returns the YAML between a text's opening "---" line and
// the next one ("" if there is none).
func frontMatter(text string) string {
	text = strings.ReplaceAll(strings.TrimPrefix(text, "\uFEFF"), "\r\n", "\n")
	rest, ok := strings.CutPrefix(strings.TrimLeft(text, "\n"), "---\n")
	if !ok {
		return ""
	}
	if i := strings.Index(rest, "\n---"); i >= 0 {
		return rest[:i+1]
	}
	return ""
}

// gitIn returns a function that runs git in dir, without a shell, and
// returns its standard output.
func gitIn(ctx context.Context, dir string) func(args ...string) (string, error) {
	return func(args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
		// Optional locks off: check only reads, and must not take the
		// index lock from a git command the editor is running.
		cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "GIT_TERMINAL_PROMPT=0", "LC_ALL=C")
		cmd.WaitDelay = time.Second // a killed git's children must not hold its output open
		out, err := cmd.Output()
		return string(out), err
	}
}

// mainBranch returns the branch to compare with and its full ref, or "".
func mainBranch(git func(args ...string) (string, error)) (name, ref string) {
	for _, b := range []struct{ name, ref string }{{"origin/main", "refs/remotes/origin/main"}, {"main", "refs/heads/main"}} {
		if _, err := git("rev-parse", "--verify", "--quiet", b.ref+"^{commit}"); err == nil {
			return b.name, b.ref
		}
	}
	return "", ""
}

// changes reads the output of git diff --name-status -z (a status, then
// its path, each ending in NUL) and of git ls-files -z.
func changes(base, tracked, untracked string) *Changes {
	c := &Changes{Base: base, Files: map[string]bool{}, Emptied: map[string]bool{}}
	fields := strings.Split(tracked, "\x00")
	for i := 0; i+1 < len(fields); i += 2 {
		c.Files[fields[i+1]] = true
		if fields[i] == "D" {
			c.Emptied[path.Dir(fields[i+1])] = true
		}
	}
	for _, f := range strings.Split(untracked, "\x00") {
		if f != "" {
			c.Files[f] = true
		}
	}
	return c
}

// split separates items into those in the changed files (or beside a
// deleted one) and the others, each in the order given.
func (c *Changes) split(items []diag.Diagnostic) (mine, others []diag.Diagnostic) {
	for _, d := range items {
		if c.Files[d.File] || c.Emptied[path.Dir(d.File)] {
			mine = append(mine, d)
		} else {
			others = append(others, d)
		}
	}
	return mine, others
}
