// Command pesnet builds, previews and checks the OIC-PESNET work plan
// catalog.
//
//	pesnet build [-C dir] [-o public] [--base-url URL] [--noindex] [--quiet | --json]
//	pesnet serve [-C dir] [--port 1313]
//	pesnet check [-C dir] [--strict] [--format human|github]
//	pesnet new activity [-C dir] [--plan PLAN] [--area AREA] [--id ID] [--type TYPE]
//	pesnet new plan PERIOD [-C dir] [--from PLAN] [--areas A,B | --no-areas]
//	pesnet cms [-C dir]
//
// Each subcommand only parses its flags and calls the packages under
// internal/.
//
// Exit status of every subcommand: 0 success (warnings may have been
// printed), 1 the content has errors (or, for check --strict, warnings),
// 2 a usage error or a failure outside the content (the output could not be
// written, the port is taken…), 130 a build interrupted (Ctrl+C), which
// publishes nothing.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: pesnet <command> [flags]

commands:
  build   build the site into public/
  serve   preview the site with live reload on http://127.0.0.1:1313/
  check   check everything build checks, and the built site, without writing
  new     scaffold an activity: pesnet new activity --area AREA --id ID
          or the next work plan, a draft: pesnet new plan 2027-2029
  cms     write the browser editor's form (static/admin/config.yml) from the
          content model; run it after adding a plan or an area

Run "pesnet <command> -h" for the flags of a command.
`

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
	// exitInterrupted is a shell's status for a command ended by Ctrl+C
	// (128 + SIGINT).
	exitInterrupted = 130
)

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdin, stdout, stderr)
	case "cms":
		return runCms(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "pesnet: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}
