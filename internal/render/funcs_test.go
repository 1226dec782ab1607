package render

import (
	"html/template"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/config"
)

// run executes one template text with the functions of cfg and data as dot.
func run(t *testing.T, cfg config.Config, text string, data any) string {
	t.Helper()
	tpl, err := template.New("t").Funcs(funcMap(cfg, map[string]Asset{"css/main.css": {}})).Parse(text)
	if err != nil {
		t.Fatalf("parse %q: %v", text, err)
	}
	var b strings.Builder
	if err := tpl.Execute(&b, data); err != nil {
		t.Fatalf("execute %q: %v", text, err)
	}
	return b.String()
}

func siteConfig(t *testing.T, toml string) config.Config {
	t.Helper()
	cfg, warns, err := config.Parse("sahifa.toml", []byte("timezone = \"Asia/Baghdad\"\n"+toml))
	if err != nil || len(warns) > 0 {
		t.Fatalf("config: %v %v", err, warns)
	}
	return cfg
}

// A story published at 22:30 UTC on 23 February 2021 is dated 24 February
// in Baghdad, the site's zone: every date function uses the site's day.
var lateUTC = time.Date(2021, 2, 23, 22, 30, 0, 0, time.UTC)

func TestDateFuncs(t *testing.T) {
	cases := []struct {
		toml, text, want string
	}{
		// Defaults: Egyptian months, Latin digits, Hijri on.
		{"", `{{arDate .}}`, "الأربعاء 24 فبراير 2021"},
		{"", `{{fullDate .}}`, "الأربعاء 24 فبراير 2021 م – 12 رجب 1442 هـ"},
		{"", `{{shortDate .}}`, "24 فبراير 2021"},
		{"", `{{hijriDate .}}`, "12 رجب 1442 هـ"},
		{"", `{{monthYear .}}`, "فبراير 2021"},
		{"", `{{monthName .}}`, "فبراير"},
		{"", `{{isoDate .}}`, "2021-02-24T01:30:00&#43;03:00"},
		{"", `{{year .}}`, "2021"},
		{"", `<time datetime="{{isoDate .}}">{{fullDate .}}</time>`,
			`<time datetime="2021-02-24T01:30:00&#43;03:00">الأربعاء 24 فبراير 2021 م – 12 رجب 1442 هـ</time>`},
		// Levantine months, Arabic digits, no Hijri.
		{"[dates]\nmonths = \"levantine\"\ndigits = \"arabic\"\nhijri = false\n", `{{fullDate .}}`, "الأربعاء ٢٤ شباط ٢٠٢١"},
		{"[dates]\nmonths = \"levantine\"\n", `{{fullDate .}}`, "الأربعاء 24 شباط 2021 م – 12 رجب 1442 هـ"},
		{"[dates]\nmonths = \"both\"\n", `{{arDate .}}`, "الأربعاء 24 شباط/فبراير 2021"},
		{"[dates]\nmonths = \"both\"\n", `{{monthName .}}`, "شباط/فبراير"},
		{"[dates]\ndigits = \"arabic\"\n", `{{fullDate .}}`, "الأربعاء ٢٤ فبراير ٢٠٢١ م – ١٢ رجب ١٤٤٢ هـ"},
		{"[dates]\ndigits = \"arabic\"\n", `{{hijriDate .}}`, "١٢ رجب ١٤٤٢ هـ"},
		{"[dates]\ndigits = \"arabic\"\n", `{{shortDate .}}`, "٢٤ فبراير ٢٠٢١"},
		// Machine-readable values never change digits.
		{"[dates]\ndigits = \"arabic\"\n", `{{isoDate .}} {{year .}}`, "2021-02-24T01:30:00&#43;03:00 2021"},
	}
	for _, c := range cases {
		if got := run(t, siteConfig(t, c.toml), c.text, lateUTC); got != c.want {
			t.Errorf("%q with %q:\n got %q\nwant %q", c.text, c.toml, got, c.want)
		}
	}
}

func TestNumberFuncs(t *testing.T) {
	latin, arabic := siteConfig(t, ""), siteConfig(t, "[dates]\ndigits = \"arabic\"\n")
	cases := []struct {
		cfg        config.Config
		text, want string
		data       any
	}{
		{latin, `{{num .}}`, "2021", 2021},
		{arabic, `{{num .}}`, "٢٠٢١", 2021},
		{latin, `{{digits .}}`, "قمة G20 في 2021", "قمة G20 في 2021"},
		{arabic, `{{digits .}}`, "قمة G20 في ٢٠٢١", "قمة G20 في 2021"},
		{latin, `{{readingTime .}}`, "5 دقائق", 5},
		{arabic, `{{readingTime .}}`, "١١ دقيقة", 11},
		{latin, `{{readingTime .}}`, "دقيقتان", 2},
		{latin, `{{count . "خبر"}}`, "3 أخبار", 3},
		{latin, `{{count . "خبر"}}`, "11 خبرا", 11},
		{latin, `{{count . "خبر"}}`, "خبران", 2},
		{latin, `{{count . "خبر"}}`, "خبر واحد", 1},
		{latin, `{{count . "خبر"}}`, "100 خبر", 100},
		{arabic, `{{count . "خبر"}}`, "٢٥ خبرا", 25},
		{arabic, `{{count . "وسم"}}`, "٤ وسوم", 4},
		{latin, `{{plural . "لا تعليقات" "تعليق واحد" "تعليقان" "تعليقات" "تعليقا" "تعليق"}}`, "7 تعليقات", 7},
		{arabic, `{{plural . "لا تعليقات" "تعليق واحد" "تعليقان" "تعليقات" "تعليقا" "تعليق"}}`, "١٣ تعليقا", 13},
		{latin, `{{plural . "لا تعليقات" "تعليق واحد" "تعليقان" "تعليقات" "تعليقا" "تعليق"}}`, "لا تعليقات", 0},
	}
	for _, c := range cases {
		if got := run(t, c.cfg, c.text, c.data); got != c.want {
			t.Errorf("%q (%v): got %q, want %q", c.text, c.data, got, c.want)
		}
	}
	tpl := template.Must(template.New("t").Funcs(funcMap(latin, nil)).Parse(`{{count 3 "قلم"}}`))
	var b strings.Builder
	if err := tpl.Execute(&b, nil); err == nil || !strings.Contains(err.Error(), `no forms for "قلم"`) {
		t.Errorf("count with an unknown noun: %v", err)
	}
}

func TestBidiFuncs(t *testing.T) {
	cfg := siteConfig(t, "")
	cases := []struct{ text, in, want string }{
		{`<h1>{{bdi .}}</h1>`, "قمة G20 في الرياض تناقش COVID-19",
			"<h1>قمة <bdi>G20</bdi> في الرياض تناقش <bdi>COVID-19</bdi></h1>"},
		{`<h1>{{bdi .}}</h1>`, "توافق بين بايدن والكاظمي", "<h1>توافق بين بايدن والكاظمي</h1>"},
		// Everything else is escaped: bdi never lets markup through.
		{`<h1>{{bdi .}}</h1>`, `بيان "عاجل" <script>alert(1)</script> & 'تحذير'`,
			"<h1>بيان &#34;عاجل&#34; &lt;<bdi>script&gt;alert(1)&lt;/script</bdi>&gt; &amp; &#39;تحذير&#39;</h1>"},
		{`<a href="/">{{bdi .}}</a>`, "<b>Twitter</b>، ثم Facebook",
			"<a href=\"/\">&lt;<bdi>b&gt;Twitter&lt;/b</bdi>&gt;، ثم <bdi>Facebook</bdi></a>"},
		{`<title>{{isolate .}}</title>`, "قمة G20 في الرياض", "<title>قمة \u2068G20\u2069 في الرياض</title>"},
		{`<meta content="{{isolate .}}">`, `تطبيق "iPhone" الجديد`, "<meta content=\"تطبيق &#34;\u2068iPhone\u2069&#34; الجديد\">"},
		{`<title>{{isolate .}}</title>`, "بلا حروف لاتينية", "<title>بلا حروف لاتينية</title>"},
	}
	for _, c := range cases {
		if got := run(t, cfg, c.text, c.in); got != c.want {
			t.Errorf("%s with %q:\n got %q\nwant %q", c.text, c.in, got, c.want)
		}
	}
}

func TestPageTitle(t *testing.T) {
	latin, arabic := siteConfig(t, ""), siteConfig(t, "[dates]\ndigits = \"arabic\"\nmonths = \"levantine\"\n")
	feb := time.Date(2021, 2, 1, 12, 0, 0, 0, latin.Location)
	cases := []struct {
		cfg  config.Config
		p    *Page
		want string
	}{
		{latin, &Page{Kind: "article", Title: "قمة G20"}, "قمة G20"},
		{latin, &Page{Kind: "home", Pager: &Pager{Front: true}}, ""},
		{latin, &Page{Kind: "home", Title: "الصفحة 2", Pager: &Pager{PageNumber: 2}}, "الصفحة 2"},
		{arabic, &Page{Kind: "home", Title: "الصفحة 2", Pager: &Pager{PageNumber: 2}}, "الصفحة ٢"},
		{latin, &Page{Kind: "term", Title: "العراق", Term: &TermLink{Name: "العراق"}, Pager: &Pager{Front: true}}, "العراق"},
		{arabic, &Page{Kind: "term", Term: &TermLink{Name: "G20"}, Pager: &Pager{PageNumber: 3}}, "G20 – الصفحة ٣"},
		{latin, &Page{Kind: "period", Period: &PeriodLink{Year: 2021, Month: 2, Date: feb}, Pager: &Pager{Front: true}}, "أرشيف فبراير 2021"},
		{arabic, &Page{Kind: "period", Period: &PeriodLink{Year: 2021, Month: 2, Date: feb}, Pager: &Pager{PageNumber: 2}}, "أرشيف شباط ٢٠٢١ – الصفحة ٢"},
		{arabic, &Page{Kind: "period", Period: &PeriodLink{Year: 2021, Date: feb}, Pager: &Pager{Front: true}}, "أرشيف ٢٠٢١"},
		{latin, &Page{Kind: "archive", Title: "الأرشيف"}, "الأرشيف"},
		{latin, &Page{Kind: "404", Title: "الصفحة غير موجودة"}, "الصفحة غير موجودة"},
		{latin, nil, ""},
	}
	for _, c := range cases {
		if got := run(t, c.cfg, `{{pageTitle .}}`, c.p); got != c.want {
			t.Errorf("pageTitle(%+v) = %q, want %q", c.p, got, c.want)
		}
	}
}

func TestCloudStepAndHasAsset(t *testing.T) {
	cases := []struct{ n, max, steps, want int }{
		{1, 1, 5, 1}, {1, 10, 5, 1}, {10, 10, 5, 5}, {5, 9, 5, 3}, {2, 3, 5, 3}, {12, 10, 5, 5}, {3, 3, 0, 1},
	}
	for _, c := range cases {
		if got := cloudStep(c.n, c.max, c.steps); got != c.want {
			t.Errorf("cloudStep(%d, %d, %d) = %d, want %d", c.n, c.max, c.steps, got, c.want)
		}
	}
	if got := run(t, siteConfig(t, ""), `{{hasAsset "css/main.css"}} {{hasAsset "css/fonts.css"}}`, nil); got != "true false" {
		t.Errorf("hasAsset: %q", got)
	}
}

// queryEscape writes what html/template writes for a string in a link's
// query, byte for byte: Arabic, Latin, every ASCII character, percent
// signs of a link already escaped, and bytes that are not UTF-8.
func TestQueryEscapeAsTemplate(t *testing.T) {
	tpl := template.Must(template.New("q").Funcs(template.FuncMap{"queryEscape": queryEscape}).
		Parse(`<a href="https://t.me/share/url?url={{.}}&amp;text={{.}}">` + "\n" + `<a href="https://t.me/share/url?url={{queryEscape .}}&amp;text={{queryEscape .}}">`))
	var ascii strings.Builder
	for c := range 128 {
		ascii.WriteByte(byte(c))
	}
	for _, s := range []string{
		"", "قمة G20 في الرياض: «اتفاق» على 3% من النمو", ascii.String(),
		"https://example.com/2024/05/22/%D9%82%D9%85%D8%A9/?a=1&b=2#x", "\xff\xfe bad", "~-._ a+b",
	} {
		var b strings.Builder
		if err := tpl.Execute(&b, s); err != nil {
			t.Fatal(err)
		}
		byTemplate, byFunc, _ := strings.Cut(b.String(), "\n")
		if byTemplate != byFunc {
			t.Errorf("%q:\n template    %s\n queryEscape %s", s, byTemplate, byFunc)
		}
	}
}
