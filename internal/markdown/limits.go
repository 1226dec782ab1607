package markdown

import (
	"bytes"
	"fmt"
)

// goldmark's time grows with the square of some shapes of input: each
// block container opened on a line re-reads the rest of that line, each
// "](" scans ahead for the end of its destination, nested brackets are
// re-read as link labels, and emphasis closers search back through every
// opener. One line of "- " × 200,000 takes a minute. These limits are far
// beyond any article and keep a hostile 1 MB file to well under a second;
// input past them is refused, with its line, before goldmark sees it.
const (
	// MaxNesting is the deepest nesting of block containers: block
	// quotes, list items, footnote definitions.
	MaxNesting = 100
	// MaxBrackets is the deepest nesting of square brackets in a
	// paragraph (cmark allows 32 levels of parentheses for the same
	// reason).
	MaxBrackets = 32
	// MaxLinksPerParagraph is the most links and images ("](") one
	// paragraph may hold.
	MaxLinksPerParagraph = 250
	// MaxEmphasisPerParagraph is the most runs of emphasis delimiters
	// (*, _, ~) one paragraph may hold.
	MaxEmphasisPerParagraph = 200
	// MaxDefinitionsPerParagraph is the most lines starting with "[" (as
	// link reference definitions do) one paragraph may hold.
	MaxDefinitionsPerParagraph = 1000
)

// LimitError is Markdown refused because it goes past one of the limits
// above. Line is 1-based in the source given to Render; the message
// leaves it out, for the caller to put the file's position first.
type LimitError struct {
	Line int
	Msg  string
}

func (e *LimitError) Error() string { return e.Msg }

// checkLimits refuses src when any part of it goes past a limit. The
// counts are upper bounds of what goldmark will build, computed in one
// pass without parsing: they may overcount (a "- " inside a code block
// counts as a list item) but never undercount, so nothing past a limit
// reaches goldmark.
func checkLimits(src []byte) error {
	var (
		deepest int       // the deepest container nesting bound so far
		para    paragraph // the run of non-blank lines being read
	)
	for n := 1; len(src) > 0; n++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			para = paragraph{}
			continue
		}
		// The containers a line is in are those it continues and those
		// it opens. Each block quote among them takes one of its markers;
		// each list item or footnote continued takes two columns of
		// indentation (and is at most one of the deepest so far), each
		// opened takes a marker.
		markers, indent, content := containerPrefix(line)
		depth := min(deepest, indent/2) + markers
		if depth > MaxNesting {
			return &LimitError{Line: n, Msg: fmt.Sprintf(
				"lists, block quotes and footnotes nested more than %d deep; flatten them or break the line", MaxNesting)}
		}
		deepest = max(deepest, depth)
		if err := para.add(line, content, n); err != nil {
			return err
		}
	}
	return nil
}

// containerPrefix counts the markers of block containers that open line
// (">", "-", "+", "*", "1." and "1)" followed by a space or the end of
// the line, "[^label]:") and the columns of space between them, beyond
// the one space a marker takes, that could continue list items of earlier
// lines. It stops after MaxNesting+1 markers, so its cost per line is
// bounded. content is where the text after the markers starts.
func containerPrefix(line []byte) (markers, indent, content int) {
	breakFrom, breakChar := thematicTail(line)
	i := 0
	for markers <= MaxNesting {
		sp := 0
		for ; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
			if line[i] == '\t' {
				sp += 4 // a tab reaches at most the next multiple of 4
			} else {
				sp++
			}
		}
		if markers > 0 {
			sp-- // the space that belongs to the marker before (optional after ">")
		}
		indent += max(sp, 0)
		if i == len(line) {
			return markers, indent, i
		}
		var w int
		switch c := line[i]; {
		case c == '>':
			w = 1
		case (c == '-' || c == '*') && c == breakChar && i >= breakFrom:
			// "- - -" and "* * *" are thematic breaks, not three lists;
			// fewer than three of the character left are list items.
			return markers + 2, indent, i
		case c == '-' || c == '+' || c == '*':
			w = listMarker(line[i:], 1)
		case c >= '0' && c <= '9':
			d := 0
			for d < 9 && i+d < len(line) && line[i+d] >= '0' && line[i+d] <= '9' {
				d++
			}
			if i+d < len(line) && (line[i+d] == '.' || line[i+d] == ')') {
				w = listMarker(line[i:], d+1)
			}
		case c == '[':
			w = footnoteMarker(line[i:])
		}
		if w == 0 {
			return markers, indent, i
		}
		markers++
		i += w
	}
	return markers, indent, i
}

// listMarker returns w when b starts with a list marker of w bytes that
// is followed by a space, a tab or nothing, and 0 otherwise.
func listMarker(b []byte, w int) int {
	if len(b) == w || b[w] == ' ' || b[w] == '\t' {
		return w
	}
	return 0
}

// footnoteMarker returns the length of the "[^label]:" that b starts
// with, finding the closing bracket as goldmark does (brackets nest,
// labels are at most 999 bytes), or 0.
func footnoteMarker(b []byte) int {
	if len(b) < 2 || b[1] != '^' {
		return 0
	}
	depth := 0
	for i := 2; i < len(b) && i < 2+999; i++ {
		switch b[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			if depth == 0 {
				if i+1 < len(b) && b[i+1] == ':' {
					return i + 2
				}
				return 0
			}
			depth--
		}
	}
	return 0
}

// thematicTail returns where the longest tail of line made of only one of
// '-' or '*' (and spaces and tabs) starts, and that character; from there
// on, a line with three or more of it is a thematic break, not lists.
func thematicTail(line []byte) (from int, c byte) {
	end := len(bytes.TrimRight(line, " \t"))
	if end == 0 || (line[end-1] != '-' && line[end-1] != '*') {
		return len(line), 0
	}
	c = line[end-1]
	from = end
	for from > 0 && (line[from-1] == c || line[from-1] == ' ' || line[from-1] == '\t') {
		from--
	}
	return from, c
}

// paragraph counts, over a run of non-blank lines (every paragraph,
// heading and table lies within one), what goldmark's inline parsing
// costs most on.
type paragraph struct {
	brackets    int // "[" not yet closed
	links       int // "](" seen
	emphasis    int // runs of *, _ or ~ that can open or close emphasis
	definitions int // lines whose text starts with "["
}

// add counts line n, whose text after its container markers starts at
// content.
func (p *paragraph) add(line []byte, content, n int) error {
	if content < len(line) && line[content] == '[' {
		if p.definitions++; p.definitions > MaxDefinitionsPerParagraph {
			return &LimitError{Line: n, Msg: fmt.Sprintf(
				"more than %d lines starting with [ in one paragraph; separate link definitions with blank lines", MaxDefinitionsPerParagraph)}
		}
	}
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++ // an escaped character is text
		case '[':
			if p.brackets++; p.brackets > MaxBrackets {
				return &LimitError{Line: n, Msg: fmt.Sprintf(
					"square brackets nested more than %d deep; remove some or escape them as \\[", MaxBrackets)}
			}
		case ']':
			p.brackets = max(p.brackets-1, 0)
			if i+1 < len(line) && line[i+1] == '(' {
				if p.links++; p.links > MaxLinksPerParagraph {
					return &LimitError{Line: n, Msg: fmt.Sprintf(
						"more than %d links in one paragraph; split it with blank lines", MaxLinksPerParagraph)}
				}
			}
		case '*', '_', '~':
			// A run with space on both sides, as in "* * *", can
			// neither open nor close emphasis.
			end := i + 1
			for end < len(line) && line[end] == line[i] {
				end++
			}
			if (i > 0 && !isBlank(line[i-1])) || (end < len(line) && !isBlank(line[end])) {
				if p.emphasis++; p.emphasis > MaxEmphasisPerParagraph {
					return &LimitError{Line: n, Msg: fmt.Sprintf(
						"more than %d runs of *, _ or ~ in one paragraph; split it with blank lines or escape them as \\*", MaxEmphasisPerParagraph)}
				}
			}
			i = end - 1
		}
	}
	return nil
}

// isBlank reports whether c is a space or a tab; other white space
// counts as text, so the counts above stay upper bounds.
func isBlank(c byte) bool { return c == ' ' || c == '\t' }
