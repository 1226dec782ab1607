package main

// The messages an editor reads after every build, in one place so that
// they can be offered in Arabic later (issue 16, item 8): each is a
// function of plain values, with no printing of its own.

import (
	"fmt"
	"time"

	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/site"
)

// msgNewDraft follows the path `sahifa new` prints for a draft, which no
// build shows until it is published.
const msgNewDraft = "it is a draft: builds leave it out until you set draft: false (sahifa serve -D and sahifa build -D show it now)"

// msgBuilt is the build's summary line.
func msgBuilt(res build.Result) string {
	return fmt.Sprintf("%d articles, %d pages (%d rendered); files: %d written, %d unchanged, %d removed; in %s",
		res.Articles, res.Pages, res.Rendered, res.Files.Written, res.Files.Unchanged, res.Files.Removed, res.Duration.Round(time.Millisecond))
}

// msgHeld says which articles a build left out, one line per rule, and
// the flag that includes them: an article that vanishes without a word
// looks like a lost article.
func msgHeld(h site.Held) []string {
	var lines []string
	if n := h.Drafts; n > 0 {
		lines = append(lines, fmt.Sprintf("%d %s not built (use -D to include %s)", n, plural(n, "draft", "drafts"), plural(n, "it", "them")))
	}
	if n := h.Future; n > 0 {
		first := ""
		if n > 1 {
			first = "the first "
		}
		lines = append(lines, fmt.Sprintf("%d future %s not built; %spublishes at %s (use -F to include %s)",
			n, plural(n, "article", "articles"), first, h.NextPublish.Format("2006-01-02 15:04 -07:00"), plural(n, "it", "them")))
	}
	if n := h.Expired; n > 0 {
		lines = append(lines, fmt.Sprintf("%d expired %s not built (use -E to include %s)", n, plural(n, "article", "articles"), plural(n, "it", "them")))
	}
	return lines
}

// msgForeign notes files in the destination that sahifa left alone.
func msgForeign(n int, dest string) string {
	return fmt.Sprintf("note: %d %s in %s not written by sahifa left alone", n, plural(n, "file", "files"), dest)
}

// msgFailed closes the error list of a failed build.
func msgFailed(n int, dest string) string {
	return fmt.Sprintf("sahifa build: failed with %d %s; %s left as it was", n, plural(n, "error", "errors"), orDefault(dest, "the destination"))
}

// msgProgress is the live progress line of a build elapsed into it.
func msgProgress(p build.Progress, elapsed time.Duration) string {
	count := ""
	if p.Total > 0 {
		count = fmt.Sprintf(" %d/%d pages", p.Done, p.Total)
	}
	return fmt.Sprintf("building: %s%s, %s", p.Stage, count, elapsed.Round(100*time.Millisecond))
}

// msgStageEnded is the line a build prints, off a terminal, as a stage
// ends.
func msgStageEnded(p build.Progress) string {
	return fmt.Sprintf("build: %s took %s", p.Stage, p.Took.Round(time.Millisecond))
}
