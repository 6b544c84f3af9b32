package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/oic-pesnet/workplan/internal/build"
	"github.com/oic-pesnet/workplan/internal/diag"
	"github.com/oic-pesnet/workplan/internal/write"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl+C ends the process at once
	}()
	return buildWith(ctx, args, stdout, stderr)
}

// buildWith is the build command, stopped when ctx is done (Ctrl+C): the
// output folder then stays as it was and the new one is removed.
func buildWith(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("C", ".", "project folder (holding content/, layouts/, static/, i18n/)")
	out := fl.String("o", "public", "output folder, replaced as a whole when the build succeeds (not a source folder; an existing folder only if a build wrote it)")
	baseURL := fl.String("base-url", "", "absolute URL the site is published at (default: base_url of content/site.yaml)")
	noindex := fl.Bool("noindex", false, "mark every page noindex and disallow robots (deploy previews)")
	quiet := fl.Bool("quiet", false, "print problems only, no summary")
	asJSON := fl.Bool("json", false, "print the summary as JSON on standard output")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	outDir := *out
	if !filepath.IsAbs(outDir) {
		outDir = filepath.Join(*dir, outDir)
	}
	if err := write.CheckOut(*dir, outDir); err != nil {
		fmt.Fprintf(stderr, "build: %v\n", err)
		return exitUsage
	}
	opts := build.Options{Out: outDir, BaseURL: *baseURL, NoIndex: *noindex}
	var prog *progress
	if !*quiet {
		if prog = newProgress(stderr); prog != nil {
			opts.Progress = prog.Stage
		}
	}
	res, err := build.BuildContext(ctx, os.DirFS(*dir), opts)
	if prog != nil {
		prog.Done() // clears the line before any problem is printed
	}
	fmt.Fprint(stderr, res.Problems.String())
	code := exitOK
	var perr *diag.Errors
	switch {
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		fmt.Fprintf(stderr, "build interrupted: nothing was published; %s is as it was\n", outDir)
		code = exitInterrupted
	case errors.As(err, &perr):
		fmt.Fprintf(stderr, "build failed: %d error(s), %d warning(s); nothing was published\n", res.Problems.Count(diag.Error), res.Problems.Count(diag.Warning))
		code = exitContent
	case err != nil:
		fmt.Fprintf(stderr, "build failed: %v\n", err)
		code = exitUsage
	}
	switch {
	case *asJSON:
		_ = json.NewEncoder(stdout).Encode(summaryOf(res, outDir, code))
	case !*quiet && code == exitOK:
		fmt.Fprintln(stdout, summary(res, outDir))
	}
	return code
}

// jsonSummary is the --json output of build.
type jsonSummary struct {
	OK       bool           `json:"ok"`
	Output   string         `json:"output"`
	Files    int            `json:"files"`
	Pages    map[string]int `json:"pages"`
	Feeds    int            `json:"feeds"`
	Data     int            `json:"data_documents"`
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Millis   int64          `json:"duration_ms"`
	Problems []string       `json:"problems"`
}

func summaryOf(res *build.Result, out string, code int) jsonSummary {
	s := jsonSummary{OK: code == exitOK, Output: out, Files: res.Count, Pages: res.Pages, Feeds: res.Feeds, Data: res.Data,
		Errors: res.Problems.Count(diag.Error), Warnings: res.Problems.Count(diag.Warning), Millis: res.Duration.Milliseconds(), Problems: []string{}}
	for _, d := range res.Problems.Items() {
		s.Problems = append(s.Problems, d.String())
	}
	return s
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
	return fmt.Sprintf("built %d files into %s (pages: %s; %d calendar feeds; %d open data files), %d warning(s), in %s",
		res.Count, out, strings.Join(parts, ", "), res.Feeds, res.Data, res.Problems.Count(diag.Warning), res.Duration.Round(1e6))
}
