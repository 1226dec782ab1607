package markdown

import (
	"errors"
	"html/template"
	"reflect"
	"strings"
	"testing"
)

func shortcodeRenderer(t *testing.T) *Renderer {
	t.Helper()
	note := template.Must(template.New("note").Parse(`<aside class="note" data-kind="{{ .Get "kind" }}">{{ .Inner }}</aside>`))
	first := template.Must(template.New("first").Parse(`<b>{{ .Get 0 }}</b>/{{ .Page.Title }}`))
	return New(
		WithBasePath("/news/"),
		WithShortcodes(map[string]*template.Template{"note": note, "first": first}),
		WithRefResolver(func(ref string) (string, string, bool) {
			if ref == "posts/other.md" {
				return "https://example.com/news/2024/01/02/other/", "/news/2024/01/02/other/", true
			}
			return "", "", false
		}),
	)
}

// Each case: Markdown in, what the HTML must hold and must not.
func TestShortcodes(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
		not       []string
	}{
		{"youtube positional, no request to YouTube", "قبل\n\n{{< youtube ZJthWmvUzzc >}}\n\nبعد\n",
			[]string{`<p class="embed embed-youtube"><a href="https://www.youtube.com/watch?v=ZJthWmvUzzc" rel="external noopener">▶ شاهد الفيديو على يوتيوب</a></p>`},
			[]string{"<iframe", "<img", "<p><p", "{{"}},
		{"youtube named, percent form", `{{% youtube id="a&b" title="<عنوان>" %}}`,
			[]string{`href="https://www.youtube.com/watch?v=a%26b"`, `<span class="embed-title">&lt;عنوان&gt;</span>`}, nil},
		{"vimeo", "{{< vimeo 146022717 >}}", []string{`href="https://vimeo.com/146022717"`, "فيميو"}, nil},
		{"x", `{{< x user="SanDiegoZoo" id="1453110110599868418" >}}`,
			[]string{`href="https://x.com/SanDiegoZoo/status/1453110110599868418"`, "من @SanDiegoZoo"}, nil},
		{"tweet, old form", `{{< tweet 877500564405444608 >}}`, []string{`href="https://x.com/i/status/877500564405444608"`}, nil},
		{"instagram", `{{< instagram BWNjjyYFxVx >}}`, []string{`href="https://www.instagram.com/p/BWNjjyYFxVx/"`, "إنستغرام"}, nil},
		{"gist", `{{< gist spf13 7896402 "img.html" >}}`, []string{`href="https://gist.github.com/spf13/7896402#file-img-html"`}, nil},
		{"highlight keeps blank lines and escapes", "{{< highlight go \"linenos=table\" >}}\nfunc a() {\n\n\treturn \"<b>\"\n}\n{{< /highlight >}}\n",
			[]string{"<pre><code class=\"language-go\">func a() {\n\n\treturn &#34;&lt;b&gt;&#34;\n}\n</code></pre>"}, []string{"<p>", "<b>"}},
		{"figure", `{{< figure src="/images/a.jpg" link="/2024/" title="عنوان" caption="تعليق" attr="رويترز" attrlink="https://example.com" >}}`,
			[]string{`<figure><a href="/news/2024/"><img src="/news/images/a.jpg" alt="تعليق" loading="lazy"></a><figcaption><h4>عنوان</h4><p>تعليق <a href="https://example.com">رويترز</a></p></figcaption></figure>`}, []string{"<p><figure"}},
		{"figure escapes params", `{{< figure src="x.jpg" caption="<script>alert(1)</script>" >}}`, []string{"&lt;script&gt;"}, []string{"<script>"}},
		{"relref in a link", `[الخبر الآخر]({{< relref "posts/other.md#تفاصيل" >}})`, []string{`<a href="/news/2024/01/02/other/#تفاصيل">الخبر الآخر</a>`}, nil},
		{"ref, absolute", `{{< ref "posts/other.md" >}}`, []string{`https://example.com/news/2024/01/02/other/`}, nil},
		{"param, page then site", `الكاتب: {{< param author >}}، القسم: {{< param "desk.name" >}}`, []string{"الكاتب: سارة، القسم: الأخبار"}, nil},
		{"site shortcode, markdown inner", "{{% note kind=\"<x>\" %}}\n**مهم** {{< first \"أ<\" >}}\n{{% /note %}}\n",
			[]string{`<aside class="note" data-kind="&lt;x&gt;"><p><strong>مهم</strong> <b>أ&lt;</b>/عنوان الصفحة</p></aside>`}, nil},
		{"site shortcode, raw inner escaped", "{{< note >}}<b>نص</b> {{< first 1 >}}{{< /note >}}", []string{`&lt;b&gt;نص&lt;/b&gt; <b>1</b>/عنوان الصفحة</aside>`}, nil},
		{"comment form writes the call", "```\n{{</* youtube x */>}}\n```\n", []string{"{{&lt; youtube x &gt;}}"}, []string{"embed"}},
		{"unknown shown as text", "{{< mystery 1 >}} و {{< /highlight >}}", []string{"{{&lt; mystery 1 &gt;}} و {{&lt; /highlight &gt;}}"}, nil},
		{"built-in without its id, shown as text", "{{< youtube >}}", []string{"{{&lt; youtube &gt;}}"}, []string{"embed"}},
		{"no shortcode", "a {{ b }} {{<", []string{"a {{ b }} {{&lt;"}, nil},
	}
	r := shortcodeRenderer(t)
	page := Page{Title: "عنوان الصفحة", Params: map[string]any{"author": "سارة"}, SiteParams: map[string]any{"Desk": map[string]any{"name": "الأخبار"}, "author": "الموقع"}}
	for _, c := range cases {
		res, err := r.RenderPage([]byte(c.src), page)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		html := string(res.HTML)
		for _, w := range c.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s: HTML\n%s\nlacks\n%s", c.name, html, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(html, n) {
				t.Errorf("%s: HTML\n%s\nholds %q", c.name, html, n)
			}
		}
		if strings.ContainsRune(html, placeholderMark) || strings.ContainsRune(res.PlainText, placeholderMark) {
			t.Errorf("%s: a placeholder is left: %q / %q", c.name, html, res.PlainText)
		}
	}
}

// The text facts lists keep (summary, words) depend on the article, not
// on what the templates make of its shortcodes.
func TestShortcodeTextFacts(t *testing.T) {
	res, err := shortcodeRenderer(t).Render([]byte("خبر قصير {{< youtube abc >}} هنا.\n\n{{< figure src=\"a.jpg\" caption=\"تعليق\" >}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if res.PlainText != "خبر قصير هنا." || res.Words != 3 {
		t.Errorf("summary %q, %d words", res.PlainText, res.Words)
	}
}

func TestShortcodeErrors(t *testing.T) {
	cases := []struct {
		src, want string
		line      int
	}{
		{"سطر\n\n{{< ref \"posts/none.md\" >}}", `no page "posts/none.md"`, 3},
		{"\n{{< param nothing >}}", `no param "nothing"`, 2},
		{"a\n{{% note %}}\nb\n{{< param nothing >}}\n{{% /note %}}", `no param "nothing"`, 4},
	}
	for _, c := range cases {
		_, err := shortcodeRenderer(t).Render([]byte(c.src))
		var se *ShortcodeError
		if !errors.As(err, &se) || se.Line != c.line || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v (line %v), want %q at line %d", c.src, err, se, c.want, c.line)
		}
	}
}

func TestShortcodeProblems(t *testing.T) {
	src := "سطر\n{{< youtube x >}}\n{{< mystery >}}\n{{< note >}}ok{{< /note >}}\n{{< /highlight >}}\n{{< gist spf13 >}}\n{{< highlight go >}}\n{{% figure src=\"a.jpg\"\n"
	got := ShortcodeProblems([]byte(src), func(name string) bool { return name == "note" })
	want := []ShortcodeProblem{
		{Line: 3, Name: "mystery", Kind: ShortcodeUnknown},
		{Line: 5, Name: "highlight", Kind: ShortcodeStrayClosing},
		{Line: 6, Name: "gist", Kind: ShortcodeMissingArg, Want: `id="…"`},
		{Line: 7, Name: "highlight", Kind: ShortcodeMissingArg, Want: "{{< /highlight >}}"},
		{Line: 8, Name: "figure", Kind: ShortcodeUnclosed},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if p := ShortcodeProblems([]byte("لا شيء هنا {{ x }}"), func(string) bool { return false }); p != nil {
		t.Errorf("%+v", p)
	}
}

// A page's HTML depends on the addresses of the pages it refs: the
// renderer tells which.
func TestShortcodeRefs(t *testing.T) {
	res, err := shortcodeRenderer(t).Render([]byte("{{< relref \"posts/other.md#a\" >}}\n{{% note %}}{{< ref \"posts/other.md\" >}}{{% /note %}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"posts/other.md", "posts/other.md"}; !reflect.DeepEqual(res.Refs, want) {
		t.Errorf("refs %q, want %q", res.Refs, want)
	}
}
