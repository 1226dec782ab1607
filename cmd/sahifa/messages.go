package main

// The messages an editor reads after every build, told in the language of
// the site's messages (--lang, or sahifa.toml's language): each is a
// function of plain values, with no printing of its own, and their texts
// are package i18n's catalogue.

import (
	"fmt"
	"io"
	"time"

	"github.com/sahifa/sahifa/internal/build"
	"github.com/sahifa/sahifa/internal/i18n"
	"github.com/sahifa/sahifa/internal/site"
)

// msgNewDraft follows the path `sahifa new` prints for a draft, which no
// build shows until it is published.
func msgNewDraft(l i18n.Lang) string { return l.Sprintf(i18n.NewDraft) }

// msgBuilt is the build's summary line.
func msgBuilt(l i18n.Lang, res build.Result) string {
	return l.Sprintf(i18n.Built, l.Count(res.Articles, i18n.Articles), l.Count(res.Pages, i18n.Pages), res.Rendered,
		res.Files.Written, res.Files.Unchanged, res.Files.Removed, res.Duration.Round(time.Millisecond))
}

// msgHeld says which articles a build left out, one line per rule, and
// the flag that includes them: an article that vanishes without a word
// looks like a lost article.
func msgHeld(l i18n.Lang, h site.Held) []string {
	var lines []string
	if n := h.Drafts; n > 0 {
		lines = append(lines, l.Sprintf(oneOrMore(n, i18n.HeldDraft, i18n.HeldDrafts), l.Count(n, i18n.Drafts)))
	}
	if n := h.Future; n > 0 {
		lines = append(lines, l.Sprintf(oneOrMore(n, i18n.HeldFuture, i18n.HeldFutures), l.Count(n, i18n.FutureArticles),
			h.NextPublish.Format("2006-01-02 15:04 -07:00")))
	}
	if n := h.Expired; n > 0 {
		lines = append(lines, l.Sprintf(oneOrMore(n, i18n.HeldExpired, i18n.HeldExpireds), l.Count(n, i18n.ExpiredArticles)))
	}
	return lines
}

// oneOrMore picks the message for one thing or for several: English says
// "it" or "them", "publishes" or "the first publishes".
func oneOrMore(n int, one, more i18n.ID) i18n.ID {
	if n == 1 {
		return one
	}
	return more
}

// msgForeign notes files in the destination that sahifa left alone.
func msgForeign(l i18n.Lang, n int, dest string) string {
	return l.Sprintf(i18n.Foreign, l.Count(n, i18n.Files), dest)
}

// msgFailed closes the error list of a failed build.
func msgFailed(l i18n.Lang, n int, dest string) string {
	return l.Sprintf(i18n.Failed, l.Count(n, i18n.Errors), orDefault(dest, l.Sprintf(i18n.TheDestination)))
}

// msgProgress is the live progress line of a build elapsed into it.
func msgProgress(l i18n.Lang, p build.Progress, elapsed time.Duration) string {
	count := ""
	if p.Total > 0 {
		count = l.Sprintf(i18n.ProgressPages, p.Done, p.Total)
	}
	return l.Sprintf(i18n.Progress, p.Stage, count, elapsed.Round(100*time.Millisecond))
}

// msgStageEnded is the line a build prints, off a terminal, as a stage
// ends.
func msgStageEnded(l i18n.Lang, p build.Progress) string {
	return l.Sprintf(i18n.StageEnded, p.Stage, p.Took.Round(time.Millisecond))
}

// addLangFlag adds --lang to fs, returning where its value goes.
func addLangFlag(fs *flagSet) *string {
	return fs.String("lang", "", "language of sahifa's messages: ar (Arabic) or en (English); default: the language sahifa.toml sets, else en")
}

// langChosen reads --lang: nil when not given. A bad value is a usage
// error, reported on stderr.
func langChosen(cmd, flag string, stderr io.Writer) (*i18n.Lang, bool) {
	if flag == "" {
		return nil, true
	}
	l, err := i18n.Parse(flag)
	if err != nil {
		fmt.Fprintf(stderr, "sahifa %s: --lang: %v\n", cmd, err)
		return nil, false
	}
	return &l, true
}

// messageLang is the language of the messages about the site at root:
// flag (--lang) when given, else as build.MessageLang decides from
// sahifa.toml (English when it cannot be read: the build says why).
func messageLang(cmd, flag, root string, stderr io.Writer) (i18n.Lang, bool) {
	chosen, ok := langChosen(cmd, flag, stderr)
	if !ok {
		return i18n.English, false
	}
	st, _ := build.LoadConfig(root)
	return build.MessageLang(chosen, st.Config), true
}

// langOf is the language of a build's messages as opts chose it.
func langOf(opts build.Options) i18n.Lang {
	if opts.Lang != nil {
		return *opts.Lang
	}
	return i18n.English
}
