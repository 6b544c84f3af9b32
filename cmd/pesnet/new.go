package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/oic-pesnet/workplan/internal/scaffold"
)

const newUsage = `usage:
  pesnet new activity [-C dir] [--plan PLAN] [--area AREA] [--id ID] [--type training|webinar|workshop]
  pesnet new plan PERIOD [-C dir] [--from PLAN] [--areas AREA,AREA… | --no-areas]
`

func runNew(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "activity":
			return runNewActivity(args[1:], stdin, stdout, stderr)
		case "plan":
			return runNewPlan(args[1:], stdout, stderr)
		}
	}
	fmt.Fprint(stderr, newUsage)
	return exitUsage
}

func runNewActivity(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("new activity", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("C", ".", "project folder")
	var req scaffold.Request
	fl.StringVar(&req.Plan, "plan", "", "work plan (a folder of content/plans; default the current plan)")
	fl.StringVar(&req.Area, "area", "", "thematic area id (a folder of content/plans/<plan>/areas)")
	fl.StringVar(&req.ID, "id", "", "activity id: lowercase words joined by hyphens")
	fl.StringVar(&req.Type, "type", "", "training, webinar or workshop (default training)")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "new activity: unexpected %q: give everything as flags\n%s", fl.Arg(0), newUsage)
		return exitUsage
	}
	if req.Area == "" || req.ID == "" {
		if !isTerminal(stdin) {
			fmt.Fprintln(stderr, "new: --area and --id are required (or run it in a terminal to be asked)")
			return exitUsage
		}
		if err := scaffold.Prompt(stdin, stdout, *dir, &req); err != nil {
			fmt.Fprintf(stderr, "new: %v\n", err)
			if errors.Is(err, scaffold.ErrAborted) {
				return exitUsage
			}
			return exitContent
		}
	}
	files, err := scaffold.Activity(*dir, req)
	if err != nil {
		fmt.Fprintf(stderr, "new: %v\n", err)
		return exitContent
	}
	created(stdout, files)
	fmt.Fprintln(stdout, "Replace the TODO placeholders, then run: pesnet check")
	return exitOK
}

func runNewPlan(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("new plan", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("C", ".", "project folder")
	var req scaffold.PlanRequest
	fl.StringVar(&req.From, "from", "", "the plan whose texts and areas are carried over (default the current plan)")
	areas := fl.String("areas", "", "the areas to carry over, comma-separated (default all)")
	fl.BoolVar(&req.NoAreas, "no-areas", false, "carry no area over")
	periods, ok := parseInterspersed(fl, args)
	if !ok {
		return exitUsage
	}
	if len(periods) != 1 {
		fmt.Fprintf(stderr, "new plan: give one period, the plan's first and last year, such as: pesnet new plan 2027-2028\n%s", newUsage)
		return exitUsage
	}
	req.Period = periods[0]
	if *areas != "" {
		for _, a := range strings.Split(*areas, ",") {
			if a = strings.TrimSpace(a); a != "" {
				req.Areas = append(req.Areas, a)
			}
		}
	}
	files, err := scaffold.Plan(*dir, req)
	if err != nil {
		fmt.Fprintf(stderr, "new: %v\n", err)
		return exitContent
	}
	created(stdout, files)
	fmt.Fprintf(stdout, `Plan %[1]s is a draft. Rewrite each text marked "unreviewed: true" for the new plan
and delete that line; add its activities with: pesnet new activity --plan %[1]s
Then run: pesnet check (its "Work plans" part lists what remains to write).
`, req.Period)
	return exitOK
}

// parseInterspersed parses flags given before, between or after the
// positional arguments ("new plan 2027-2028 --from 2024-2026"), which the
// flag package alone stops at, and returns those arguments.
func parseInterspersed(fl *flag.FlagSet, args []string) ([]string, bool) {
	var positional []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, false
		}
		if fl.NArg() == 0 {
			return positional, true
		}
		positional = append(positional, fl.Arg(0))
		args = fl.Args()[1:]
	}
}

// created lists the files written.
func created(w io.Writer, files []string) {
	fmt.Fprintln(w, "created:")
	for _, f := range files {
		fmt.Fprintln(w, "  "+f)
	}
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
