package seed

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
)

// BlockKind says what a body block is.
type BlockKind int

const (
	// Paragraph is running text.
	Paragraph BlockKind = iota
	// Subheading is a short section heading between paragraphs.
	Subheading
)

// String names k for dumps and messages.
func (k BlockKind) String() string {
	if k == Subheading {
		return "subheading"
	}
	return "paragraph"
}

// Block is one element of the body.
type Block struct {
	Kind BlockKind
	Text string
	Line int // 1-based line in the decoded text (the first line of a collapsed pair)
}

// Article is a seed taken apart. Every word of the seed is in exactly one
// field (the date line's words in Weekday and Date), except the second
// copy of a caption+subheading pair, which the spec collapses.
type Article struct {
	Title     string
	TitleLine int
	Lede      string // "" when absent
	Date      Date
	HasDate   bool
	DateLine  int    // 0 when there is no (valid) date line
	Weekday   string // as written, "" when absent
	Caption   string // "" when absent
	Dateline  string // place opening the first paragraph, "" when absent
	Agency    string // credit next to the dateline ("رويترز", "أ ف ب"), "" when absent
	Body      []Block
	Warnings  []diag.Warning
}

// line is a non-blank line of the seed.
type line struct {
	text  string // trimmed of spaces and invisible marks at both ends
	n     int    // 1-based line number
	block int    // paragraphs are counted apart by blank lines
}

// bodyLine is a line on its way into the body; aside marks a line that
// only landed there because it fits no header slot (a broken date), so it
// is neither the first paragraph nor a neighbour that makes a subheading.
type bodyLine struct {
	line
	aside bool
}

// Parse decodes and parses one seed (see the package comment for the
// layout rules). path is used in messages, e.g. "seeds/NAME.txt". A seed
// that cannot be an article gives a *diag.SourceError: "path:1: empty
// seed", "path:1: not a text file", or "path:N: no body text" with N the
// title's line.
func Parse(path string, data []byte) (Article, error) {
	text, _, err := Decode(data)
	if err != nil {
		return Article{}, diag.At(path, 1, 0, err)
	}
	lines := split(text)
	if len(lines) == 0 {
		return Article{}, diag.At(path, 1, 0, errors.New("empty seed"))
	}
	a := Article{Title: lines[0].text, TitleLine: lines[0].n}
	body := a.header(path, lines)
	a.body(body)
	if len(a.Body) == 0 {
		return Article{}, diag.At(path, a.TitleLine, 0, errors.New("no body text"))
	}
	return a, nil
}

// split returns the non-blank lines of text with their numbers and block
// indexes. A line of spaces, tabs and invisible marks is blank.
func split(text string) []line {
	var out []line
	block := 0
	for i, s := range strings.Split(text, "\n") {
		s = clean(s)
		if s == "" {
			block++
			continue
		}
		out = append(out, line{text: s, n: i + 1, block: block})
	}
	return out
}

// header fills the title's neighbours (lede, date, caption) and returns
// the lines left for the body.
func (a *Article) header(path string, ls []line) []bodyLine {
	rest := ls[1:]
	// The date anchors the header: it is the line after the title, or
	// the one after that with the lede between them.
	for i := 0; i < 2 && i < len(rest); i++ {
		dl := readDateLine(rest[i].text)
		if dl.kind == notDate {
			continue
		}
		if i == 1 {
			a.Lede = rest[0].text
		}
		var aside []bodyLine
		d := rest[i]
		if dl.kind == goodDate {
			a.Date, a.HasDate, a.DateLine, a.Weekday = dl.date, true, d.n, dl.weekday
			if dl.weekday != "" && dl.wd != dl.date.Weekday() {
				a.warn(path, d.n, fmt.Sprintf("weekday %s disagrees with the date %s (a %s); using the date",
					dl.weekday, dl.date, weekdayNames[dl.date.Weekday()]))
			}
		} else {
			a.warn(path, d.n, fmt.Sprintf("not a valid date (%s): %q; kept as body text", dl.why, d.text))
			aside = []bodyLine{{d, true}}
		}
		rest = rest[i+1:]
		if len(rest) > 0 && rest[0].block == d.block && captionLike(rest[0].text) {
			a.Caption = rest[0].text
			rest = rest[1:]
		}
		return append(aside, proper(rest)...)
	}
	// No date line: the next line is the lede only when it visibly sits
	// in a header block, not where the first paragraph would be.
	h := headerBlock(ls[0], rest)
	if len(h) == 0 || len(h) == len(rest) {
		return proper(rest) // a lede with nothing after it is the body
	}
	a.Lede = h[0].text
	if len(h) == 2 {
		a.Caption = h[1].text
	}
	return proper(rest[len(h):])
}

// headerBlock returns the header lines (lede, maybe caption) that follow
// a title with no date line, or nil when the next lines are body.
//
// A lede and a first paragraph look alike; what tells them apart is
// position. The header block is either the lines glued to the title (no
// blank between) or, after a blank, the next block when it is the
// sample's header minus its date: the lede and a short caption line. A
// lone line after a blank is the lede only when the block after it opens
// with a dateline ("واشنطن – …"), which marks where the body begins;
// otherwise it is the first paragraph. A block that itself opens with a
// dateline is always body.
func headerBlock(title line, rest []line) []line {
	if len(rest) == 0 || opensWithDateline(rest[0].text) {
		return nil
	}
	var blk []line
	for _, l := range rest {
		if l.block != rest[0].block {
			break
		}
		blk = append(blk, l)
	}
	switch {
	case len(blk) == 2 && blk[0].text != blk[1].text && captionLike(blk[1].text):
		return blk
	case len(blk) != 1:
		return nil // three or more lines, or a caption+subheading pair: body
	case rest[0].block == title.block:
		return blk
	case len(rest) > 1 && opensWithDateline(rest[1].text):
		return blk
	}
	return nil
}

// captionLike reports whether s can be an image caption: short, with a
// letter, and neither the body's dateline opening nor a second date.
func captionLike(s string) bool {
	return words(s) <= maxCaptionWords && hasLetter(s) && !opensWithDateline(s) && readDateLine(s).kind == notDate
}

func opensWithDateline(s string) bool {
	_, _, _, ok := splitDateline(s)
	return ok
}

func proper(ls []line) []bodyLine {
	out := make([]bodyLine, len(ls))
	for i, l := range ls {
		out[i] = bodyLine{line: l}
	}
	return out
}

func (a *Article) warn(path string, n int, msg string) {
	a.Warnings = append(a.Warnings, diag.Warning{Path: path, Line: n, Msg: msg})
}

// body turns the remaining lines into blocks: one element per line, as
// the spec's "one element per line" says; subheadings and pairs where
// they stand alone between paragraphs; and the dateline taken off the
// first paragraph.
func (a *Article) body(ls []bodyLine) {
	seen := false // a body element (not an aside) came before
	first := true // the next proper paragraph is the first one
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		if l.aside {
			a.Body = append(a.Body, Block{Paragraph, l.text, l.n})
			continue
		}
		alone := (i == 0 || ls[i-1].block != l.block) && (i+1 == len(ls) || ls[i+1].block != l.block)
		pair := i+1 < len(ls) && ls[i+1].block == l.block && ls[i+1].text == l.text &&
			(i == 0 || ls[i-1].block != l.block) && (i+2 == len(ls) || ls[i+2].block != l.block)
		switch {
		case pair && i+2 < len(ls) && isHeadingLike(l.text):
			// An image caption over the heading it sits above: one heading.
			a.Body = append(a.Body, Block{Subheading, l.text, l.n})
			i++
		case alone && seen && i+1 < len(ls) && isHeadingLike(l.text):
			a.Body = append(a.Body, Block{Subheading, l.text, l.n})
		default:
			text := l.text
			if first {
				// Only the first paragraph's opening can be a dateline.
				if place, agency, rest, ok := splitDateline(text); ok {
					a.Dateline, a.Agency, text = place, agency, rest
				}
				first = false
			}
			a.Body = append(a.Body, Block{Paragraph, text, l.n})
		}
		seen = true
	}
}
