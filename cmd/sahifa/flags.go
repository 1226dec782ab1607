package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/spf13/pflag"
)

// flagSet is a command's flags plus what its help needs to say.
type flagSet struct {
	*pflag.FlagSet
	args string // positional arguments for the usage line, e.g. `"TITLE"`
	help bool
}

// newFlags makes a flag set that reports its own errors so each command
// can map them to exit code 2 (GNU-style flags: -s DIR, --source=DIR,
// flags after arguments, --minify=false).
func newFlags(name, args string, stderr io.Writer) *flagSet {
	fs := &flagSet{FlagSet: pflag.NewFlagSet(name, pflag.ContinueOnError), args: args}
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.Usage = func() {}
	fs.BoolVarP(&fs.help, "help", "h", false, "show this help")
	return fs
}

// parse parses args; done is true when the command must stop now (after
// --help, or on a usage error), with code as its exit code.
func parse(fs *flagSet, args []string, stdout io.Writer) (code int, done bool) {
	err := fs.Parse(args)
	if errors.Is(err, pflag.ErrHelp) || (err == nil && fs.help) {
		printHelp(fs, stdout)
		return exitOK, true
	}
	if err != nil {
		fmt.Fprintf(fs.Output(), "sahifa %s: %v%s\nRun 'sahifa %s --help' for its flags.\n", fs.Name(), err, flagHint(fs, err), fs.Name())
		return exitUsage, true
	}
	return exitOK, false
}

// flagHint is " (did you mean --NAME?)" when err names an unknown long
// flag close to one of fs's, else "".
func flagHint(fs *flagSet, err error) string {
	var unknown *pflag.NotExistError
	if !errors.As(err, &unknown) || unknown.GetSpecifiedName() == "" {
		return ""
	}
	var names []string
	fs.VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	if s := diag.Closest(unknown.GetSpecifiedName(), names); s != "" {
		return " (did you mean --" + s + "?)"
	}
	return ""
}

func printHelp(fs *flagSet, w io.Writer) {
	args := ""
	if fs.args != "" {
		args = " " + fs.args
	}
	summary := commands()[fs.Name()].summary
	fmt.Fprintf(w, "sahifa %s: %s\n\nUsage:\n  sahifa %s%s [flags]\n\nFlags:\n%s", fs.Name(), summary, fs.Name(), args, fs.FlagUsages())
}
