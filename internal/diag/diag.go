// Package diag holds the error and warning types that carry a source
// position, so every stage reports problems as "path:line:col: message"
// without callers scraping positions out of error text.
package diag

import (
	"errors"
	"fmt"
	"strings"
)

// SourceError is a problem at a place in an input file. Line and Col are
// 1-based; zero means unknown and is left out of the message.
type SourceError struct {
	Path string
	Line int
	Col  int
	Err  error
}

// Errorf returns a *SourceError with a formatted message.
func Errorf(path string, line, col int, format string, args ...any) *SourceError {
	return &SourceError{Path: path, Line: line, Col: col, Err: fmt.Errorf(format, args...)}
}

// At wraps err with a position. A nil err gives nil.
func At(path string, line, col int, err error) error {
	if err == nil {
		return nil
	}
	return &SourceError{Path: path, Line: line, Col: col, Err: err}
}

func (e *SourceError) Error() string {
	return Position(e.Path, e.Line, e.Col) + ": " + e.Err.Error()
}

func (e *SourceError) Unwrap() error { return e.Err }

// Position formats path:line:col, leaving out unknown (zero) parts.
func Position(path string, line, col int) string {
	var b strings.Builder
	b.WriteString(path)
	if line > 0 {
		fmt.Fprintf(&b, ":%d", line)
		if col > 0 {
			fmt.Fprintf(&b, ":%d", col)
		}
	}
	return b.String()
}

// Warning is a problem that does not stop the build (an unknown config key,
// a weekday that disagrees with its date).
type Warning struct {
	Path string
	Line int
	Col  int
	Msg  string
}

func (w Warning) String() string {
	return Position(w.Path, w.Line, w.Col) + ": warning: " + w.Msg
}

// Flatten returns the leaves of err: the errors inside errors.Join trees, in
// order, so a command can print one problem per line.
func Flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// Stage wraps err with the name of the build stage it came from ("load",
// "render"), keeping each joined error separate so all stay printable.
// Errors that carry a position are left as they are: "path:line:col:" must
// open the line for editors and terminals to jump to it.
func Stage(name string, err error) error {
	if err == nil {
		return nil
	}
	leaves := Flatten(err)
	wrapped := make([]error, len(leaves))
	for i, e := range leaves {
		var se *SourceError
		if errors.As(e, &se) {
			wrapped[i] = e
		} else {
			wrapped[i] = fmt.Errorf("%s: %w", name, e)
		}
	}
	return errors.Join(wrapped...)
}
