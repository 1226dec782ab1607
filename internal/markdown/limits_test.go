package markdown

import (
	"errors"
	"strings"
	"testing"
)

// deepLines nests list items one level deeper on each line, by
// indentation, as a writer would.
func deepLines(levels int) string {
	var b strings.Builder
	for i := range levels {
		b.WriteString(strings.Repeat("  ", i) + "- بند\n")
	}
	return b.String()
}

// hostile are inputs on which goldmark's time grows with the square of
// their size, each past a limit, with the line the refusal must name.
var hostile = []struct {
	name string
	src  string
	line int
}{
	{"dashes on one line", strings.Repeat("- ", 200_000) + "نص", 1},
	{"pluses on one line", "مقدمة\n\n" + strings.Repeat("+ ", 1000) + "نص", 3},
	{"stars on one line", strings.Repeat("* ", 1000) + "نص", 1},
	{"ordered on one line", strings.Repeat("1. ", 1000) + "نص", 1},
	{"ordered with parens", strings.Repeat("1) ", 1000) + "نص", 1},
	{"quotes on one line", strings.Repeat("> ", 400_000), 1},
	{"quotes without spaces", strings.Repeat(">", 1000) + "نص", 1},
	{"quotes and lists mixed", strings.Repeat("> - ", 1000) + "نص", 1},
	{"footnote definitions", strings.Repeat("[^ح]: ", 1000) + "نص", 1},
	{"list items by indentation", deepLines(3000), MaxNesting + 1},
	{"quotes line by line", "> أ\n>> ب\n" + strings.Repeat(">", 200) + " ج\n", 3},
	{"brackets", strings.Repeat("[", 1000) + "نص" + strings.Repeat("]", 1000), 1},
	{"links without end", strings.Repeat("[أ](", 1000), 1},
	{"angle destinations", strings.Repeat("[أ](<", 1000), 1},
	{"emphasis runs", "نص\n" + strings.Repeat("*_", 1000), 2},
	{"reference definitions", strings.Repeat("[أ]: ب\n", 2000), MaxDefinitionsPerParagraph + 1},
}

func TestLimitsRefuseHostileInput(t *testing.T) {
	r := New()
	for _, c := range hostile {
		t.Run(c.name, func(t *testing.T) {
			_, err := r.Render([]byte(c.src))
			var le *LimitError
			if !errors.As(err, &le) {
				t.Fatalf("Render = %v, want a *LimitError", err)
			}
			if le.Line != c.line {
				t.Errorf("line %d, want %d (%s)", le.Line, c.line, le)
			}
		})
	}
}

// TestLimitsKeepOrdinaryMarkdown: what articles really hold, even at
// some depth, is rendered, and shapes that look like deep nesting but are
// not (thematic breaks, indented code) are not refused.
func TestLimitsKeepOrdinaryMarkdown(t *testing.T) {
	ok := map[string]string{
		"nested lists":         deepLines(MaxNesting),
		"quote of lists":       "> - أ\n>   - ب\n>     1. ج\n>        > د\n",
		"repeated deep lines":  strings.Repeat(strings.Repeat("> ", MaxNesting)+"نص\n", 50),
		"thematic break":       strings.Repeat("- ", 1000) + "-\n\n" + strings.Repeat("* ", 1000) + "\n",
		"break after a quote":  "> " + strings.Repeat("- ", 300) + "\n",
		"indented code":        "نص\n\n" + strings.Repeat(" ", 1000) + "code\n",
		"many paragraphs":      strings.Repeat("[رابط](/أ/) و**عريض** و_مائل_ [^1]\n\n", 2000) + "[^1]: حاشية\n",
		"brackets at the end":  strings.Repeat("[", MaxBrackets) + "نص" + strings.Repeat("]", MaxBrackets),
		"escaped brackets":     strings.Repeat(`\[`, 1000),
		"definitions by block": strings.Repeat("[أ]: /ب/\n\n", 2000),
	}
	r := New()
	for name, src := range ok {
		if _, err := r.Render([]byte(src)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestThematicTail(t *testing.T) {
	cases := []struct {
		line string
		from int
		c    byte
	}{
		{"- - -", 0, '-'},
		{"> * * *  ", 1, '*'},
		{"- a -", 3, '-'},
		{"- نص", len("- نص"), 0},
		{"", 0, 0},
	}
	for _, c := range cases {
		if from, ch := thematicTail([]byte(c.line)); from != c.from || ch != c.c {
			t.Errorf("thematicTail(%q) = %d, %q; want %d, %q", c.line, from, ch, c.from, c.c)
		}
	}
}
