package render

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sahifa/sahifa"
	"github.com/sahifa/sahifa/internal/search"
)

var searchJSName = regexp.MustCompile(`^js/search(-analysis|-index|-rank)?\.[0-9a-f]{12}\.js$`)

// The theme's search page comes with an index of every article under
// /search/data/, its links under the base path, and the page's script
// fingerprinted with integrity.
func TestRenderSearch(t *testing.T) {
	_, out := renderNews(t, "https://example.github.io/news/", true)
	var meta struct {
		Format, Docs, Base, Block int
		Delta                     string
	}
	if err := json.Unmarshal([]byte(out.get(t, "search/data/meta.json")), &meta); err != nil {
		t.Fatal(err)
	}
	// Three articles: all in the delta, none yet in the base.
	if meta.Format != search.Format || meta.Docs != 3 || meta.Base != 0 || meta.Delta == "" {
		t.Fatalf("meta.json: %+v", meta)
	}
	var docs [][]string
	if err := json.Unmarshal([]byte(out.get(t, "search/data/d/0.json")), &docs); err != nil {
		t.Fatal(err)
	}
	// Oldest first, the path raw with the base path, the date as the
	// site prints it.
	if len(docs) != 3 || docs[0][0] != "/news/2021/02/24/توافق-بين-بايدن-والكاظمي-على-كبح-جماح-الميليشيات/" ||
		docs[0][1] != titleBiden || docs[0][2] != "2021-02-24T10:00:00+03:00" || docs[0][3] != "24 فبراير 2021" ||
		docs[0][4] != "اتفاق في البيت الأبيض." {
		t.Errorf("d/0.json: %q", docs)
	}
	terms := ""
	for p := range out.files {
		if strings.HasPrefix(p, "search/data/t/") {
			terms += out.get(t, p)
		}
	}
	// Its section, for the result (the article has no picture).
	if len(docs[0]) != 6 || docs[0][5] == "" {
		t.Errorf("d/0.json: the first record %q, want its section after the summary", docs[0])
	}
	// Words of the body (the link's text, not its address), of the title,
	// the tags, the lede (بيت: البيت الأبيض) and the dateline (بغداد).
	for _, want := range []string{`"رءيس"`, `"خط"`, `"كاظم"`, `"متحد"`, `"رياض"`, `"بيت"`, `"بغداد"`} {
		if !strings.Contains(terms, want) {
			t.Errorf("the index lacks %s", want)
		}
	}
	if strings.Contains(terms, `"g20.example"`) || strings.Contains(terms, `"https"`) {
		t.Error("link addresses were indexed")
	}

	page := out.get(t, "search/index.html")
	tags := scanTags(t, page)
	app := find(tags, "section", "id", "search")
	if len(app) != 1 || app[0].attrs["data-index"] != "/news/search/data/" {
		t.Fatalf("search page: %v", app)
	}
	if years := find(tags, "option", "value", "2021"); len(years) != 1 {
		t.Errorf("the filter by year offers 2021 %d times", len(years))
	}
	form := find(tags, "form", "role", "search")
	if len(form) != 1 || form[0].attrs["action"] != "/news/search/" {
		t.Errorf("search form: %v", form)
	}
	// The script's four parts, in the order they run.
	scripts := find(tags, "script", "src", "*")
	var parts []string
	for _, sc := range scripts {
		src := strings.TrimPrefix(sc.attrs["src"], "/news/")
		if !searchJSName.MatchString(src) || !strings.HasPrefix(sc.attrs["integrity"], "sha384-") {
			t.Errorf("search script: %v", sc)
		}
		parts = append(parts, strings.SplitN(src, ".", 2)[0])
	}
	if want := []string{"js/search-analysis", "js/search-index", "js/search-rank", "js/search"}; !slices.Equal(parts, want) {
		t.Errorf("search scripts %q, want %q", parts, want)
	}
	// Every other page has the masthead's box, a plain form to the page.
	for p, doc := range out.htmlPages() {
		if p == "search/index.html" || p == aliasPath || p == "old-xss/index.html" {
			continue
		}
		if boxes := find(scanTags(t, doc), "form", "action", "/news/search/"); len(boxes) != 1 {
			t.Errorf("%s: %d search boxes", p, len(boxes))
		}
	}
}

// A theme without _default/search.html has no search page and no index.
func TestRenderNoSearchLayout(t *testing.T) {
	layouts := fstest.MapFS{}
	for _, name := range []string{"_default/baseof.html", "_default/single.html", "index.html", "404.html"} {
		layouts[name] = file(`{{define "main"}}{{.Title}}{{end}}`)
	}
	layouts["_default/baseof.html"] = file(`<html>{{block "main" .}}{{end}}</html>`)
	opts := themeOptions(t, false)
	opts.Layouts = layouts
	opts.Assets = sub(t, sahifa.Theme, "assets")
	out := render(t, assemble(t, testConfig(), newsPages()...), opts)
	for _, p := range out.paths() {
		if strings.HasPrefix(p, "search/") {
			t.Errorf("%s written without a search layout", p)
		}
	}
}

func TestHTMLText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"<p>نص <strong>غامق</strong> و<a href=\"http://x/y\">رابط</a></p><p>ثان</p>", "نص غامق ورابط ثان"},
		{"<p>حاشية<sup id=\"fnref:1\"><a href=\"#fn:1\">1</a></sup></p>", "حاشية 1"},
		{"<p>&lt;b&gt; &amp; &#1575;</p>", "<b> & ا"},
		{"<table><tr><td>أ</td><td>ب</td></tr></table>", "أ ب"},
		{"<p>قبل</p><script>var x = '<p>';</script><style>p{}</style><p>بعد</p>", "قبل بعد"},
		{"<p>بلا إغلاق", "بلا إغلاق"},
		{"نص < غير مغلق", "نص"},
	}
	for _, c := range cases {
		if got := strings.Join(strings.Fields(htmlText([]byte(c.in))), " "); got != c.want {
			t.Errorf("htmlText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A result's picture is the image's narrowest size; an image given as a
// URL has only its address.
func TestThumbnail(t *testing.T) {
	for _, c := range []struct {
		img  *Image
		want string
	}{
		{nil, ""},
		{&Image{Src: "/news/images/a.abc-960.jpg", Srcset: "/news/images/a.abc-480.jpg 480w, /news/images/a.abc-960.jpg 960w"}, "/news/images/a.abc-480.jpg"},
		{&Image{Src: "https://photos.example/a.jpg"}, "https://photos.example/a.jpg"},
	} {
		if got := thumbnail(c.img); got != c.want {
			t.Errorf("thumbnail(%+v) = %q, want %q", c.img, got, c.want)
		}
	}
}
