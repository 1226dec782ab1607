package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/i18n"
)

// progressAfter is how long a build runs before its progress is shown:
// a build that ends sooner says all in its summary line, and a clean
// small build keeps stderr empty (git waits likewise before showing
// progress).
const progressAfter = time.Second

// progressLine shows a long build's progress on stderr. On a terminal it
// is one line redrawn in place (stage, pages done of total, time since
// the build began); elsewhere, such as a CI log, where redrawing would
// leave a line per update, it is one line as each stage ends.
type progressLine struct {
	w     io.Writer
	live  bool // w is a terminal: redraw one line
	after time.Duration
	start time.Time
	now   func() time.Time
	// ended are the stages ended before the progress was shown, printed
	// when it is (not live).
	ended []string
	shown bool // a live line is on the screen
	lang  i18n.Lang
}

// newProgressLine returns the display for a build starting now on
// stderr, told in l; verbose shows every stage, however quick the build.
func newProgressLine(stderr io.Writer, verbose bool, l i18n.Lang) *progressLine {
	p := &progressLine{w: stderr, after: progressAfter, start: time.Now(), now: time.Now, lang: l}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.live = true
	}
	if verbose {
		p.after = 0
	}
	return p
}

// update is build.Options.Progress.
func (p *progressLine) update(pr build.Progress) {
	elapsed := p.now().Sub(p.start)
	due := elapsed >= p.after
	if p.live {
		if due && !pr.Ended {
			p.draw(msgProgress(p.lang, pr, elapsed))
		}
		return
	}
	if pr.Ended {
		p.ended = append(p.ended, msgStageEnded(p.lang, pr))
	}
	if due {
		for _, l := range p.ended {
			fmt.Fprintln(p.w, l)
		}
		p.ended = p.ended[:0]
	}
}

func (p *progressLine) draw(line string) {
	// \r returns to the line's start and ESC [ K erases what is left of
	// a longer line drawn before (ECMA-48 EL), as every terminal does.
	fmt.Fprintf(p.w, "\r\x1b[K%s", line)
	p.shown = true
}

// clear removes the live line, before the build's summary and messages.
func (p *progressLine) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
