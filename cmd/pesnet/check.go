package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/oic-pesnet/workplan/internal/check"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("C", ".", "project folder")
	strict := fl.Bool("strict", false, "treat warnings (missing translations, placeholders) as errors")
	format := fl.String("format", "human", "output format: human, or github (GitHub Actions annotations)")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if *format != "human" && *format != "github" {
		fmt.Fprintf(stderr, "check: unknown --format %q: use human or github\n", *format)
		return exitUsage
	}
	res := check.Run(os.DirFS(*dir))
	res.Changes = check.Changed(*dir)
	res.Sequences()
	if *strict {
		res.Strict()
	}
	if *format == "github" {
		res.GitHub(stdout)
	} else {
		res.Human(stdout)
	}
	if res.Problems.HasErrors() {
		return exitContent
	}
	return exitOK
}
