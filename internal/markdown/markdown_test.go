package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func render(t *testing.T, r *Renderer, src string) Result {
	t.Helper()
	res, err := r.Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestHeadings(t *testing.T) {
	res := render(t, New(), "# هجمات متكررة\n\nنص\n\n## هجمات *متكررة*\n\n### ١٠ قتلى\n\n## !!!\n")
	want := []Heading{
		{1, "هجمات-متكررة", "هجمات متكررة"},
		{2, "هجمات-متكررة-1", "هجمات متكررة"},
		{3, "10-قتلى", "١٠ قتلى"},
		{2, "section", "!!!"},
	}
	if !reflect.DeepEqual(res.Headings, want) {
		t.Errorf("Headings = %+v\nwant %+v", res.Headings, want)
	}
	if !bytes.Contains(res.HTML, []byte(`<h2 id="هجمات-متكررة-1">`)) {
		t.Errorf("HTML lacks the de-duplicated id:\n%s", res.HTML)
	}
}

// Ids are per document: rendering the same heading again with the same
// Renderer must not continue the previous document's suffixes.
func TestHeadingIDsPerDocument(t *testing.T) {
	r := New()
	for i := 0; i < 3; i++ {
		res := render(t, r, "## هجمات متكررة\n")
		if got := res.Headings[0].ID; got != "هجمات-متكررة" {
			t.Fatalf("render %d: id %q", i, got)
		}
	}
}

// With unsafe off, no link, image or autolink may carry a script URL,
// however it is spelled.
func TestScriptURLsNeutralised(t *testing.T) {
	inputs := []string{
		"[x](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"[x](&#106;avascript:alert(1))",
		"[x](javascript&colon;alert(1))",
		"[x](java&#x09;script:alert(1))",
		"[x](<java\tscript:alert(1)>)",
		"[x](<javascript:alert(1)>)",
		"[x](\x01javascript:alert(1))",
		"[x](vbscript:msgbox(1))",
		"[x](data:text/html,<script>alert(1)</script>)",
		"[x][ref]\n\n[ref]: javascript:alert(1)",
		"![x](javascript:alert(1))",
		"![x](data:image/svg+xml;base64,PHN2Zz4=)",
		"<javascript:alert(1)>",
		"<vbscript:alert(1)>",
		"<a href=\"javascript:alert(1)\">x</a>",
		"<img src=x onerror=alert(1)>",
	}
	r := New()
	for _, in := range inputs {
		html := strings.ToLower(string(render(t, r, in).HTML))
		for _, bad := range []string{`="javascript:`, `="vbscript:`, `="data:text`, `="data:image/svg`, "<script", "<img src=x", "<a href=\"javascript"} {
			if strings.Contains(html, bad) {
				t.Errorf("%q rendered live %q:\n%s", in, bad, html)
			}
		}
	}
	// The safe image types stay usable.
	html := string(render(t, r, "![x](data:image/webp;base64,UklG)").HTML)
	if !strings.Contains(html, `src="data:image/webp;base64,UklG"`) {
		t.Errorf("data:image/webp dropped: %s", html)
	}
}

func TestRawHTMLUnsafe(t *testing.T) {
	const src = "نص <span dir=\"ltr\">G20</span>\n\n<script>alert(1)</script>\n"
	got := string(render(t, New(WithUnsafe(true)), src).HTML)
	want := "<p>نص <span dir=\"ltr\">G20</span></p>\n<script>alert(1)</script>\n"
	if got != want {
		t.Errorf("unsafe:\n%s\nwant:\n%s", got, want)
	}
	got = string(render(t, New(WithUnsafe(false)), src).HTML)
	if strings.Contains(got, "<span") || strings.Contains(got, "<script") || !strings.Contains(got, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("safe: raw HTML not shown as text:\n%s", got)
	}
}

func TestWords(t *testing.T) {
	cases := []struct {
		src  string
		want int
	}{
		// 10 words; the comma and the dash are not words.
		{"توافق بين بايدن والكاظمي على كبح جماح الميليشيات ، في العراق –", 10},
		// Markup adds no words; "G20" and "٢٠٢١" are words.
		{"## قمة **G20**\n\nعقدت في [الرياض](https://x.org) عام ٢٠٢١.", 7},
		// Blocks next to each other are separate words.
		{"| أ | ب |\n|---|---|\n| ج | د |", 4},
		// Footnotes are read, footnote numbers and image alt text are not.
		{"نص[^1] ![صورة الرئيس](a.jpg)\n\n[^1]: المصدر رويترز", 3},
		// Vocalised text is one word per word.
		{"مُحَمَّدٌ رَسُولُ", 2},
		{"", 0},
	}
	r := New()
	for _, c := range cases {
		if got := render(t, r, c.src).Words; got != c.want {
			t.Errorf("Words(%q) = %d, want %d", c.src, got, c.want)
		}
	}
}

func TestPlainText(t *testing.T) {
	r := New()
	got := render(t, r, "# العنوان\n\nقال **المتحدث**   إن\nالهجوم &amp; الرد \\*فشلا\\* <b>تماما</b>`كود`[^1]\n\n- أولا\n- ثانيا\n\n[^1]: حاشية").PlainText
	// Only paragraphs make the summary: the heading and the list are left out.
	want := "قال المتحدث إن الهجوم & الرد *فشلا* تماماكود"
	if got != want {
		t.Errorf("PlainText = %q\nwant %q", got, want)
	}

	word := "الميليشيات" // 10 runes
	long := strings.Repeat(word+" ", 40)
	got = render(t, r, long).PlainText
	if n := utf8.RuneCountInString(got); n > PlainTextRunes || n < PlainTextRunes-len(word) {
		t.Errorf("PlainText has %d runes", n)
	}
	if strings.Trim(strings.ReplaceAll(got, word, ""), " ") != "" || strings.HasSuffix(got, " ") {
		t.Errorf("PlainText not cut at a word boundary: %q", got)
	}
	// One word longer than the limit is cut at the limit.
	got = render(t, r, strings.Repeat("ب", 400)).PlainText
	if n := utf8.RuneCountInString(got); n != PlainTextRunes {
		t.Errorf("single long word: %d runes", n)
	}
}

// Many goroutines rendering through one Renderer must get exactly what a
// lone render gets; run with -race.
func TestConcurrentRender(t *testing.T) {
	r := New()
	docs := make([]string, 8)
	for i := range docs {
		docs[i] = fmt.Sprintf("# خبر %d\n\n## هجمات متكررة\n\n## هجمات متكررة\n\nنص[^1] <b>%d</b> https://example.com/%d\n\n| أ | ب |\n|---|---|\n| ~~%d~~ | د |\n\n[^1]: حاشية %d\n", i, i, i, i, i)
	}
	want := make([]Result, len(docs))
	for i, d := range docs {
		want[i] = render(t, r, d)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64*len(docs))
	for g := 0; g < 64; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range docs {
				i := (g + k) % len(docs)
				got, err := r.Render([]byte(docs[i]))
				if err != nil || !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("goroutine %d doc %d: %v\n%s", g, i, err, got.HTML)
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestStripComments(t *testing.T) {
	cases := map[string]string{
		"a<!-- x -->b":              "ab",
		"<!---->":                   "",
		"<!-->a<!--->b":             "ab",
		"a<!-- x":                   "a<!-- x",
		"<!-- a --> <p> <!-- b -->": " <p> ",
		"no comment":                "no comment",
	}
	for in, want := range cases {
		if got := string(stripComments([]byte(in))); got != want {
			t.Errorf("stripComments(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzRender checks that no input makes Render fail or lets a tag
// through when unsafe is off, and that PlainText stays within bounds.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"# هجمات متكررة\n\nنص", "<script>alert(1)</script>", "a <b onclick=x>b</b>",
		"[x](javascript:alert(1))", "| a |\n|---|\n| b |", "x[^1]\n\n[^1]: y", "<!-- a",
		// Shapes near the limits of limits.go.
		strings.Repeat("- ", MaxNesting) + "a", strings.Repeat("> - ", 60), strings.Repeat("[^a]: ", 60) + "b",
		deepLines(MaxNesting + 1), strings.Repeat("[", MaxBrackets+1), strings.Repeat("*_", 300), "- - -\n* * *",
	} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		res, err := r.Render([]byte(src))
		var le *LimitError
		if errors.As(err, &le) && le.Line >= 1 && le.Line <= strings.Count(src, "\n")+1 {
			return // refused, with a line of the input
		}
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(bytes.ToLower(res.HTML), []byte("<script")) {
			t.Fatalf("%q rendered a script tag:\n%s", src, res.HTML)
		}
		if utf8.RuneCountInString(res.PlainText) > PlainTextRunes || res.Words < 0 {
			t.Fatalf("%q: PlainText %d runes, Words %d", src, utf8.RuneCountInString(res.PlainText), res.Words)
		}
	})
}

func TestPlainTextSkipsTables(t *testing.T) {
	src := "افتتحت **قمة مجموعة العشرين** أعمالها.\n\n| البند | القيمة |\n|---|---|\n| الدول | 20 |\n\nوتناولت خطة التعافي.\n"
	res, err := New().Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := "افتتحت قمة مجموعة العشرين أعمالها. وتناولت خطة التعافي."; res.PlainText != want {
		t.Errorf("PlainText = %q, want %q", res.PlainText, want)
	}
	if res.Words != 12 {
		t.Errorf("Words = %d, want 12 (table cells count as read)", res.Words)
	}
}

func TestBasePathRebasesSiteLinks(t *testing.T) {
	src := "[خطة](/خطة/) و[موقع](https://g20.org/) و[بروتوكول](//cdn.example/x) و[مرساة](#فقرة) ![صورة](/images/x.jpg) [مسبق](/news/a/)"
	res, err := New(WithBasePath("/news/")).Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	html := string(res.HTML)
	for _, want := range []string{`href="/news/%D8%AE%D8%B7%D8%A9/"`, `href="https://g20.org/"`, `href="//cdn.example/x"`, `href="#%D9%81%D9%82%D8%B1%D8%A9"`, `src="/news/images/x.jpg"`, `href="/news/a/"`} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	plain, _ := New().Render([]byte(src))
	if !strings.Contains(string(plain.HTML), `href="/%D8%AE%D8%B7%D8%A9/"`) {
		t.Errorf("without a base path links must stay as written:\n%s", plain.HTML)
	}
}

// TestRenderCleansCharacterReferences: &#1; and &#xFFFE; decode to
// characters HTML forbids; they come out as U+FFFD.
func TestRenderCleansCharacterReferences(t *testing.T) {
	res := render(t, New(), "## عنوان&#x85;\n\nنص&#1; و&#xFFFE; و&#xFDD0;.\n")
	if want := "<p>نص� و� و�.</p>"; !strings.Contains(string(res.HTML), want) || strings.ContainsRune(string(res.HTML), 0x85) {
		t.Errorf("HTML %q lacks %q", res.HTML, want)
	}
	if strings.ContainsRune(res.Headings[0].Text, 0x85) || strings.ContainsRune(res.PlainText, 1) {
		t.Errorf("heading %q, plain text %q", res.Headings[0].Text, res.PlainText)
	}
}
