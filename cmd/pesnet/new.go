package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/oic-pesnet/workplan/internal/scaffold"
)

func runNew(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "activity" {
		fmt.Fprintln(stderr, "usage: pesnet new activity [-C dir] [--area AREA] [--id ID] [--type training|webinar|workshop]")
		return exitUsage
	}
	fl := flag.NewFlagSet("new activity", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("C", ".", "project folder")
	var req scaffold.Request
	fl.StringVar(&req.Area, "area", "", "thematic area id (a folder of content/areas)")
	fl.StringVar(&req.ID, "id", "", "activity id: lowercase words joined by hyphens")
	fl.StringVar(&req.Type, "type", "", "training, webinar or workshop (default training)")
	if err := fl.Parse(args[1:]); err != nil {
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
	fmt.Fprintln(stdout, "created:")
	for _, f := range files {
		fmt.Fprintln(stdout, "  "+f)
	}
	fmt.Fprintln(stdout, "Replace the TODO placeholders, then run: pesnet check")
	return exitOK
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
