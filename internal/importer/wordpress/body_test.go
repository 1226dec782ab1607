package wordpress

import (
	"reflect"
	"strings"
	"testing"
)

const up = "https://alrafidain.example/wp-content/uploads/"

// TestConvert: what WordPress stores, as the Markdown sahifa reads.
func TestConvert(t *testing.T) {
	tests := []struct {
		name, in, want string
		unconverted    []string
	}{
		{"classic paragraphs", "سطر أول\nسطر ثان\n\nفقرة ثانية", "سطر أول  \nسطر ثان\n\nفقرة ثانية", nil},
		{"headings lists quotes links", "<h2>عنوان</h2>\n<ul><li>أ</li><li>ب</li></ul>\n<blockquote><p>قول</p></blockquote>\n<p><a href=\"https://x.example/\">رابط</a> و<strong>عريض</strong></p>",
			"## عنوان\n\n- أ\n- ب\n\n> قول\n\n[رابط](https://x.example/) و**عريض**", nil},
		{"Gutenberg comments dropped", "<!-- wp:paragraph -->\n<p>نص</p>\n<!-- /wp:paragraph -->", "نص", nil},
		{"caption shortcode", `[caption id="attachment_5" width="300"]<a href="` + up + `2021/02/a.jpg"><img src="` + up + `2021/02/a-300x200.jpg" alt="بديل" /></a> تعليق "مقتبس"[/caption]`,
			`{{< figure src="local:2021/02/a-300x200.jpg" alt="بديل" caption="تعليق \"مقتبس\"" >}}`, nil},
		{"old caption attribute", `[caption caption="تعليق قديم"]<img src="` + up + `b.jpg" />[/caption]`,
			`{{< figure src="local:b.jpg" caption="تعليق قديم" >}}`, nil},
		{"figure with figcaption", `<figure class="wp-block-image"><img src="` + up + `c.jpg" alt=""/><figcaption>حقل <em>نفطي</em></figcaption></figure>`,
			`{{< figure src="local:c.jpg" caption="حقل نفطي" >}}`, nil},
		{"image without caption", `<p><img src="` + up + `d.jpg" alt="صورة"></p>`, `![صورة](local:d.jpg)`, nil},
		{"image elsewhere left alone", `<p><img src="https://cdn.example/x.jpg" alt="س"></p>`, `![س](https://cdn.example/x.jpg)`, nil},
		{"youtube block", `<figure class="wp-block-embed is-provider-youtube wp-block-embed"><div class="wp-block-embed__wrapper">https://www.youtube.com/watch?v=dQw4w9WgXcQ</div></figure>`,
			`{{< youtube dQw4w9WgXcQ >}}`, nil},
		{"youtube iframe", `<iframe src="https://www.youtube.com/embed/9bZkp7q19f0" allowfullscreen></iframe>`, `{{< youtube 9bZkp7q19f0 >}}`, nil},
		{"oEmbed URL alone", "قبل\n\nhttps://youtu.be/kJQP7kiw5Fk\n\nبعد", "قبل\n\n{{< youtube kJQP7kiw5Fk >}}\n\nبعد", nil},
		{"embed shortcode", "[embed]https://x.com/BaghdadGov/status/1435912345678901234[/embed]", `{{< x user="BaghdadGov" id="1435912345678901234" >}}`, nil},
		{"tweet blockquote", `<blockquote class="twitter-tweet"><p>نص</p>&mdash; وزارة (@MofaIraq) <a href="https://twitter.com/MofaIraq/status/1371436052389478401?ref_src=twsrc">March</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>`,
			`{{< x user="MofaIraq" id="1371436052389478401" >}}`, nil},
		{"unknown iframe kept as code", `<iframe src="https://maps.example/embed"></iframe>`, "```\n<iframe src=\"https://maps.example/embed\"></iframe>\n```", []string{"<iframe>"}},
		{"form kept as code", `<form action="/s"><input name="e"></form>`, "```\n<form action=\"/s\"><input name=\"e\"/></form>\n```", []string{"<form>"}},
		{"plugin shortcode kept as text", `[gallery ids="1,2"]`, `\[gallery ids="1,2"]`, []string{"[gallery]"}},
		{"markdown characters stay text", "<p>* ليست قائمة و# ليس عنوانا و&lt;b&gt;</p>", `\* ليست قائمة و# ليس عنوانا و&lt;b&gt;`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Convert(tc.in, func(s string) string {
				if UploadPath(s) == "" {
					return s
				}
				return "local:" + UploadPath(s)
			})
			if err != nil {
				t.Fatal(err)
			}
			if b.Markdown != tc.want {
				t.Errorf("Markdown:\n%s\nwant:\n%s", b.Markdown, tc.want)
			}
			if !reflect.DeepEqual(b.Unconverted, tc.unconverted) {
				t.Errorf("unconverted %q, want %q", b.Unconverted, tc.unconverted)
			}
		})
	}
}

func TestUploadPath(t *testing.T) {
	for in, want := range map[string]string{
		up + "2021/05/%d8%b3%d9%88%d9%82.jpg":          "2021/05/سوق.jpg",
		"https://cdn.example/wp-content/uploads/x.png": "x.png",
		up + "../../etc/passwd":                        "",
		"https://alrafidain.example/other/x.jpg":       "",
	} {
		if got := UploadPath(in); got != want {
			t.Errorf("UploadPath(%q) = %q, want %q", in, got, want)
		}
	}
	if !strings.Contains(resized.ReplaceAllString("2021/02/a-300x200.jpg", "$1"), "a.jpg") {
		t.Error("resized suffix not removed")
	}
}
