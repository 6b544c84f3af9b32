package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/oic-pesnet/workplan/internal/cms"
)

// runCms writes the browser editor's configuration, static/admin/config.yml,
// from the content model (see internal/cms).
func runCms(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("cms", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("C", ".", "project folder")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	out, problems := cms.FromProject(os.DirFS(*dir))
	if problems.HasErrors() || out == nil {
		fmt.Fprint(stderr, problems.String())
		fmt.Fprintln(stderr, "cms: fix these problems first; the configuration was not written")
		return exitContent
	}
	file := filepath.Join(*dir, filepath.FromSlash(cms.File))
	if old, err := os.ReadFile(file); err == nil && bytes.Equal(old, out) {
		fmt.Fprintf(stdout, "%s is up to date\n", cms.File)
		return exitOK
	}
	if err := cms.WriteFile(file, out); err != nil {
		fmt.Fprintf(stderr, "cms: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes): commit it\n", cms.File, len(out))
	return exitOK
}
