// Command sahifa builds Arabic news websites. See README.md.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/diag"
)

// Exit codes, as Hugo users expect them.
const (
	exitOK    = 0
	exitFail  = 1 // the build (or another command) failed
	exitUsage = 2 // the command line was wrong
)

// version is set by the linker for releases (-ldflags "-X main.version=…").
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command is one sub-command: its one-line summary and its entry point.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() map[string]command {
	return map[string]command{
		"build":   {"build the site into public/", runBuild},
		"serve":   {"preview the site in the browser, rebuilding and reloading on every change", runServe},
		"import":  {"turn seed texts in seeds/ into articles in content/", runImport},
		"new":     {"write a new article with front matter", runNew},
		"deploy":  {"upload the built site to S3, R2, GCS, Azure or a folder, only what changed", runDeploy},
		"version": {"print the version", runVersion},
		"help":    {"explain a command", runHelp},
	}
}

// order is how help lists the commands.
var order = []string{"build", "serve", "import", "new", "deploy", "version", "help"}

// run dispatches to a sub-command; with none, it builds (as hugo does).
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return runBuild(nil, stdout, stderr)
	}
	name := args[0]
	switch name {
	case "-h", "--help":
		usage(stdout)
		return exitOK
	case "-v", "--version":
		return runVersion(nil, stdout, stderr)
	}
	if strings.HasPrefix(name, "-") {
		return runBuild(args, stdout, stderr)
	}
	cmd, ok := commands()[name]
	if !ok {
		fmt.Fprintf(stderr, "sahifa: %s\n\n", unknownCommand(name))
		usage(stderr)
		return exitUsage
	}
	return cmd.run(args[1:], stdout, stderr)
}

// unknownCommand says that name is no command, and which one it may be a
// typo of.
func unknownCommand(name string) string {
	msg := fmt.Sprintf("unknown command %q", name)
	if s := diag.Closest(name, order); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return msg
}

func usage(w io.Writer) {
	fmt.Fprint(w, "sahifa builds Arabic news websites.\n\nUsage:\n  sahifa <command> [flags]\n\nCommands:\n")
	cmds := commands()
	for _, n := range order {
		fmt.Fprintf(w, "  %-8s %s\n", n, cmds[n].summary)
	}
	fmt.Fprint(w, "\nRun 'sahifa <command> --help' for a command's flags.\n")
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("help", "[COMMAND]", stderr)
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	if fs.NArg() == 0 || fs.Arg(0) == "help" {
		usage(stdout)
		return exitOK
	}
	cmd, ok := commands()[fs.Arg(0)]
	if !ok {
		fmt.Fprintf(stderr, "sahifa: %s\n", unknownCommand(fs.Arg(0)))
		return exitUsage
	}
	return cmd.run([]string{"--help"}, stdout, stderr)
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "", stderr)
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	fmt.Fprintf(stdout, "sahifa %s\n", version)
	return exitOK
}

// notSite reports whether dir is not a site folder (build.CheckSite),
// after saying so: the command stops with exit code 2 before reading or
// writing anything.
func notSite(cmd, dir string, stderr io.Writer) bool {
	if err := build.CheckSite(dir); err != nil {
		fmt.Fprintf(stderr, "sahifa %s: %v\n", cmd, err)
		return true
	}
	return false
}
