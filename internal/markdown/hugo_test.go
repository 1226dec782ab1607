package markdown

import (
	"strings"
	"testing"
)

// Hugo's <!--more--> divider ends the summary where the writer chose,
// not after a number of characters; the page shows the whole text.
func TestMoreDivider(t *testing.T) {
	long := strings.Repeat("كلمة ", 100) // past PlainTextRunes
	src := "مقدمة **الخبر** [هنا](/x/). " + long + "\n\n<!--more-->\n\nبقية الخبر.\n"
	res, err := New().Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := "مقدمة الخبر هنا. " + strings.TrimSpace(long); res.PlainText != want {
		t.Errorf("summary %q, want %q", res.PlainText, want)
	}
	if !strings.Contains(string(res.HTML), "بقية الخبر") || strings.Contains(string(res.HTML), "more") {
		t.Errorf("HTML %s", res.HTML)
	}
	if res.Words != 105 {
		t.Errorf("words %d: the whole article counts", res.Words)
	}
	// Without the divider, the summary is cut as before.
	res, _ = New().Render([]byte("مقدمة. " + long + "\n"))
	if len([]rune(res.PlainText)) > PlainTextRunes {
		t.Errorf("summary of %d runes", len([]rune(res.PlainText)))
	}
}

func TestFirstRawHTML(t *testing.T) {
	cases := []struct {
		src  string
		want string
		line int
	}{
		{"نص بلا وسوم، و a < b.\n", "", 0},
		{"نص\n\n<!-- ملاحظة -->\n\n<!--more-->\n", "", 0},
		{"نص `<b>` في شيفرة.\n\n    <div>\n", "", 0},
		{"سطر\n\nنص <span dir=\"ltr\">x</span>.\n", `<span dir="ltr">`, 3},
		{"سطر\n\n<div class=\"embed\">\n<iframe src=\"https://example.com/a-very-long-address\"></iframe>\n</div>\n", `<div class="embed">`, 3},
		{"<!-- ملاحظة --><b>x</b>\n", "<b>x</b>", 1},
		{"رابط <https://example.com>\n", "", 0},
	}
	for _, c := range cases {
		got, line := FirstRawHTML([]byte(c.src))
		if got != c.want || line != c.line {
			t.Errorf("FirstRawHTML(%q) = %q, %d; want %q, %d", c.src, got, line, c.want, c.line)
		}
	}
}
