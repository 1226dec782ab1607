package build

import (
	"time"

	"github.com/sahifa/sahifa/internal/site"
)

// Progress is how far a build has got, for a display of long work
// (Options.Progress): a stage has begun (Done and Total count its work
// when it is counted), or, with Ended, it ended after Took.
type Progress struct {
	Stage string
	// Done and Total count the render stage's HTML pages (made or kept);
	// zero in the other stages, whose work is not counted.
	Done, Total int
	Ended       bool
	Took        time.Duration
}

// progressEvery is how often a running stage is reported: often enough
// to look live, rarely enough that a display costs the build nothing.
const progressEvery = 100 * time.Millisecond

// stageClock times a build's stages into its Result (Stages) and reports
// them as they go to a Progress function, from one goroutine at a time.
type stageClock struct {
	res    *Result
	last   time.Time // when the running stage began
	report func(Progress)
	stop   func() // stops the running stage's reports; nil when none
}

// begin reports stage as begun and then, every progressEvery until it
// ends (lap), its count: done() of total, when done is not nil.
func (c *stageClock) begin(stage string, done func() int, total int) {
	if c.report == nil {
		return
	}
	count := func() Progress {
		p := Progress{Stage: stage, Total: total}
		if done != nil {
			p.Done = done()
		}
		return p
	}
	c.report(count())
	quit, over := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(over)
		tick := time.NewTicker(progressEvery)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				return
			case <-tick.C:
				c.report(count())
			}
		}
	}()
	c.stop = func() { close(quit); <-over }
}

// lap records the time since the last lap as stage's, and reports that
// it ended.
func (c *stageClock) lap(stage string) {
	if c.stop != nil {
		c.stop()
		c.stop = nil
	}
	now := time.Now()
	took := now.Sub(c.last)
	c.res.Stages = append(c.res.Stages, StageTime{stage, took})
	c.last = now
	if c.report != nil {
		c.report(Progress{Stage: stage, Ended: true, Took: took})
	}
}

// end stops the running stage's reports when the build returns early.
func (c *stageClock) end() {
	if c.stop != nil {
		c.stop()
		c.stop = nil
	}
}

// pagesOf is how many HTML pages rendering s makes: the articles, the
// pages of lists, aliases, the 404 page and the search page. It is the
// total the render stage's progress counts towards.
func pagesOf(s *site.Site) int {
	n := len(s.Articles) + len(s.Home) + len(s.Aliases) + 2
	for _, sec := range s.Sections {
		n += len(sec.Pagers)
	}
	for _, tx := range s.Taxonomies {
		n++
		for _, t := range tx.Terms {
			n += len(t.Pagers)
		}
	}
	if ar := s.Archive; ar != nil {
		n++
		for _, y := range ar.Years {
			n += len(y.Pagers)
			for _, m := range y.Months {
				n += len(m.Pagers)
			}
		}
	}
	return n
}
