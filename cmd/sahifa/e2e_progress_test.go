package main

import (
	"regexp"
	"strings"
	"testing"
)

var e2eStageRE = regexp.MustCompile(`(?m)^build: (\S+) took \S+$`)

// TestE2EProgressOffATerminal: off a terminal (a CI log, this test) a
// build never redraws a line; with --verbose it prints one line per
// stage as the stage ends, and without it a quick build prints none.
func TestE2EProgressOffATerminal(t *testing.T) {
	root := e2eNewSite(t)
	r := e2eRun(t, root, nil, "build", "--now", e2eNow, "--verbose")
	e2eWant(t, r, exitOK)
	var stages []string
	for _, m := range e2eStageRE.FindAllStringSubmatch(r.stderr, -1) {
		stages = append(stages, m[1])
	}
	if got, want := strings.Join(stages, " "), "config+import load assemble render write"; got != want {
		t.Errorf("stage lines %q, want %q: %s", got, want, r)
	}
	if strings.ContainsAny(r.stdout+r.stderr, "\r\x1b") {
		t.Errorf("a build off a terminal redraws lines: %q", r.stderr)
	}
	r = e2eRun(t, root, nil, "build", "--now", e2eNow)
	e2eWant(t, r, exitOK)
	if r.stderr != "" {
		t.Errorf("a quick build prints progress: %s", r)
	}
}
