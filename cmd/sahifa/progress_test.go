package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/build"
)

// progressRun feeds events to a progressLine on a fake clock: each event
// at its offset from the build's start.
type progressStep struct {
	at time.Duration
	p  build.Progress
}

func progressRun(live bool, after time.Duration, steps []progressStep) string {
	var out bytes.Buffer
	start := time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)
	var now time.Time
	p := &progressLine{w: &out, live: live, after: after, start: start, now: func() time.Time { return now }}
	for _, s := range steps {
		now = start.Add(s.at)
		p.update(s.p)
	}
	p.clear()
	return out.String()
}

func TestProgressLine(t *testing.T) {
	ms := time.Millisecond
	long := []progressStep{
		{0, build.Progress{Stage: "config+import"}},
		{100 * ms, build.Progress{Stage: "config+import", Ended: true, Took: 100 * ms}},
		{100 * ms, build.Progress{Stage: "load"}},
		{900 * ms, build.Progress{Stage: "load", Ended: true, Took: 800 * ms}},
		{900 * ms, build.Progress{Stage: "render", Total: 10}},
		{1200 * ms, build.Progress{Stage: "render", Done: 4, Total: 10}},
		{1500 * ms, build.Progress{Stage: "render", Ended: true, Took: 600 * ms}},
	}
	quick := long[:4]
	for _, c := range []struct {
		name  string
		live  bool
		after time.Duration
		steps []progressStep
		want  string
	}{
		// Off a terminal: nothing until the build has run a second, then
		// the stages ended so far, then one line as each ends.
		{"log", false, time.Second, long,
			"build: config+import took 100ms\nbuild: load took 800ms\nbuild: render took 600ms\n"},
		{"log, quick build", false, time.Second, quick, ""},
		{"log, verbose", false, 0, quick,
			"build: config+import took 100ms\nbuild: load took 800ms\n"},
		// On a terminal: one line redrawn in place, erased at the end.
		{"terminal", true, time.Second, long,
			"\r\x1b[Kbuilding: render 4/10 pages, 1.2s\r\x1b[K"},
		{"terminal, quick build", true, time.Second, quick, ""},
		{"terminal, verbose", true, 0, long[:3],
			"\r\x1b[Kbuilding: config+import, 0s\r\x1b[Kbuilding: load, 100ms\r\x1b[K"},
	} {
		if got := progressRun(c.live, c.after, c.steps); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
