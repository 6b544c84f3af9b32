// Command pesnet builds the OIC-PESNET work plan catalog.
//
//	pesnet build [-C dir] [-o public] [--base-url URL] [--quiet]
//
// It only parses flags and calls the build pipeline (internal/build).
//
// Exit status: 0 when the site was built (warnings may have been printed),
// 1 when the content has errors (each printed as file:line:col: message;
// nothing was written), 2 for a usage error or when the output could not be
// written.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/oic-pesnet/workplan/internal/build"
	"github.com/oic-pesnet/workplan/internal/diag"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: pesnet build [flags]

Builds the site from content/, layouts/, static/ and i18n/ into public/.

flags:
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "build" {
		fmt.Fprint(stderr, strings.Replace(usage, "\nflags:\n", "", 1))
		return 2
	}
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("C", ".", "project folder (holding content/, layouts/, static/, i18n/)")
	out := fl.String("o", "public", "output folder, replaced as a whole when the build succeeds")
	baseURL := fl.String("base-url", "", "absolute URL the site is published at (default: base_url of content/site.yaml)")
	quiet := fl.Bool("quiet", false, "print problems only, no summary")
	fl.Usage = func() { fmt.Fprint(stderr, usage); fl.PrintDefaults() }
	if err := fl.Parse(args[1:]); err != nil {
		return 2
	}
	outDir := *out
	if !filepath.IsAbs(outDir) {
		outDir = filepath.Join(*dir, outDir)
	}
	res, err := build.Build(os.DirFS(*dir), build.Options{Out: outDir, BaseURL: *baseURL})
	fmt.Fprint(stderr, res.Problems.String())
	var perr *diag.Errors
	switch {
	case errors.As(err, &perr):
		fmt.Fprintf(stderr, "build failed: %d error(s), %d warning(s); nothing was published\n", res.Problems.Count(diag.Error), res.Problems.Count(diag.Warning))
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "build failed: %v\n", err)
		return 2
	}
	if !*quiet {
		fmt.Fprintln(stdout, summary(res, outDir))
	}
	return 0
}

func summary(res *build.Result, out string) string {
	langs := make([]string, 0, len(res.Pages))
	for l := range res.Pages {
		if l != "" {
			langs = append(langs, l)
		}
	}
	slices.Sort(langs)
	parts := make([]string, 0, len(langs))
	for _, l := range langs {
		parts = append(parts, fmt.Sprintf("%s %d", l, res.Pages[l]))
	}
	return fmt.Sprintf("built %d files into %s (pages: %s), %d warning(s), in %s",
		len(res.Files), out, strings.Join(parts, ", "), res.Problems.Count(diag.Warning), res.Duration.Round(1e6))
}
