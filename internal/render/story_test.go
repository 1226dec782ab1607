package render

import (
	"html"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/sahifa/sahifa/internal/content"
)

// storyPages are a bylined, breaking and corrected story, an agency story
// and a staff story, on a site with the authors taxonomy.
func storyPages() []content.Page {
	bylined := article("content/a.md", "انفجار في بغداد", at(24, 9), "نص.")
	bylined.Authors = []string{"زينب حسن", "Ali Karim", "علي كريم"}
	bylined.Breaking = true
	bylined.Correction = content.Correction{Text: "صُحّح عدد الجرحى.", Date: at(25, 10)}
	bylined.Lastmod = at(24, 14)
	agency := article("content/b.md", "خبر وكالة", at(23, 9), "نص.")
	agency.Params["agency"] = "رويترز"
	agency.Authors = []string{"رويترز"}
	staff := article("content/c.md", "خبر المحررين", at(22, 9), "نص.")
	staff.Authors = []string{"صحيفة الاختبار"}
	return []content.Page{bylined, agency, staff}
}

func renderStories(t *testing.T) (*memOut, map[string]string) {
	t.Helper()
	cfg := testConfig()
	cfg.BaseURL = "https://example.github.io/news/"
	cfg.Taxonomies = []string{"tags", "authors"}
	s := assemble(t, cfg, storyPages()...)
	out := render(t, s, themeOptions(t, false))
	pages := map[string]string{}
	for _, a := range s.Articles {
		pages[a.Path] = out.get(t, a.OutputPath)
	}
	return out, pages
}

func TestBylineLinksAuthorPages(t *testing.T) {
	out, pages := renderStories(t)
	doc := pages["content/a.md"]
	byline := between(doc, `<p class="byline">`, "</p>")
	want := `بقلم <span class="byline-names"><a href="/news/authors/%D8%B2%D9%8A%D9%86%D8%A8-%D8%AD%D8%B3%D9%86/" rel="author">زينب حسن</a>، <a href="/news/authors/ali-karim/" rel="author"><bdi>Ali Karim</bdi></a> و<a href="/news/authors/%D8%B9%D9%84%D9%8A-%D9%83%D8%B1%D9%8A%D9%85/" rel="author">علي كريم</a></span>`
	if byline != want {
		t.Errorf("byline\n got %s\nwant %s", byline, want)
	}
	// The author's page is a term page, with its feed, like a tag's.
	author := out.get(t, "authors/زينب-حسن/index.html")
	if !strings.Contains(author, "انفجار في بغداد") || !strings.Contains(author, "authors/%D8%B2%D9%8A%D9%86%D8%A8-%D8%AD%D8%B3%D9%86/index.xml") {
		t.Error("the author page lacks the article or its feed")
	}
	out.get(t, "authors/زينب-حسن/index.xml")
	if feed := out.get(t, "atom.xml"); !strings.Contains(feed, "<name>زينب حسن، Ali Karim، علي كريم</name>") {
		t.Error("the site feed does not name the article's authors")
	}
}

func TestJSONLDAuthors(t *testing.T) {
	_, pages := renderStories(t)
	type person struct{ Type, Name, URL string }
	authors := func(doc string) []person {
		var got []person
		switch v := jsonLD(t, scanTags(t, doc))["author"].(type) {
		case []any:
			for _, e := range v {
				m := e.(map[string]any)
				u, _ := m["url"].(string)
				got = append(got, person{m["@type"].(string), m["name"].(string), u})
			}
		case map[string]any:
			got = append(got, person{v["@type"].(string), v["name"].(string), ""})
		}
		return got
	}
	zaynab := "https://example.github.io/news/authors/" + url.PathEscape("زينب-حسن") + "/"
	if got := authors(pages["content/a.md"]); len(got) != 3 || got[0] != (person{"Person", "زينب حسن", zaynab}) {
		t.Errorf("bylined story's authors %+v", got)
	}
	if got := authors(pages["content/b.md"]); !reflect.DeepEqual(got, []person{{"Organization", "رويترز", "https://example.github.io/news/authors/" + url.PathEscape("رويترز") + "/"}}) {
		t.Errorf("agency story's author %+v, want the agency as an Organization", got)
	}
	if got := authors(pages["content/c.md"]); len(got) != 1 || got[0].Type != "Organization" {
		t.Errorf("staff story's author %+v, want the site as an Organization", got)
	}
}

func TestBreakingCorrectedUpdated(t *testing.T) {
	out, pages := renderStories(t)
	doc := html.UnescapeString(pages["content/a.md"])
	if !strings.Contains(doc, `<p class="breaking">عاجل</p>`) {
		t.Error("breaking story has no عاجل label")
	}
	if strings.Contains(pages["content/b.md"], `class="breaking"`) {
		t.Error("a story that is not breaking has the label")
	}
	if home := out.get(t, "index.html"); strings.Count(home, `<p class="breaking">عاجل</p>`) != 1 {
		t.Error("the home page does not label the one breaking story (its lead)")
	}
	if list := out.get(t, "2021/02/index.html"); strings.Count(list, `<p class="breaking">عاجل</p>`) != 1 {
		t.Error("a list does not label the one breaking story")
	}
	correction := between(doc, `<aside class="correction"`, "</aside>")
	for _, want := range []string{`تصحيح <time datetime="2021-02-25T10:00:00+03:00">25 فبراير 2021</time>`, "<p>صُحّح عدد الجرحى.</p>"} {
		if !strings.Contains(correction, want) {
			t.Errorf("correction %q lacks %q", correction, want)
		}
	}
	if strings.Contains(pages["content/b.md"], `class="correction"`) {
		t.Error("an uncorrected story has a correction note")
	}
	// Updated the same day: the time of day tells it from the publication.
	if !strings.Contains(doc, `آخر تحديث: <time datetime="2021-02-24T14:00:00+03:00">الأربعاء 24 فبراير 2021، 14:00</time>`) {
		t.Errorf("no update line with its time: %s", between(doc, `<p class="meta meta-secondary">`, "</p>"))
	}
	if strings.Contains(pages["content/b.md"], "آخر تحديث") {
		t.Error("a story never updated shows an update")
	}
	ld := jsonLD(t, scanTags(t, doc))
	if ld["dateModified"] != "2021-02-24T14:00:00+03:00" {
		t.Errorf("dateModified %v", ld["dateModified"])
	}
}

// Share links are plain links to each service, WhatsApp first, with the
// story's title and address as encoded values; the address is also in a
// read-only box, selectable without JavaScript.
func TestShareLinks(t *testing.T) {
	_, pages := renderStories(t)
	tags := scanTags(t, pages["content/a.md"])
	permalink := "https://example.github.io/news/2021/02/24/" + url.PathEscape("انفجار-في-بغداد") + "/"
	var hrefs []string
	for _, tg := range tags {
		if c := tg.attrs["class"]; tg.name == "a" && strings.HasPrefix(c, "share-") {
			hrefs = append(hrefs, tg.attrs["href"])
		}
	}
	hosts := []string{"https://wa.me/", "https://t.me/", "https://x.com/", "https://www.facebook.com/", "mailto:"}
	if len(hrefs) != len(hosts) {
		t.Fatalf("share links %q", hrefs)
	}
	for i, h := range hrefs {
		if !strings.HasPrefix(h, hosts[i]) {
			t.Errorf("share link %d is %q, want one to %s", i, h, hosts[i])
		}
		u, err := url.Parse(h)
		if err != nil {
			t.Fatal(err)
		}
		values := strings.Join(append(append(u.Query()["text"], u.Query()["url"]...), append(u.Query()["u"], u.Query()["body"]...)...), " ")
		if !strings.Contains(values, permalink) {
			t.Errorf("%s: the story's address %s is not among its values %q", h, permalink, values)
		}
	}
	if q, _ := url.ParseQuery(strings.SplitN(hrefs[0], "?", 2)[1]); q.Get("text") != "انفجار في بغداد\n"+permalink {
		t.Errorf("WhatsApp text %q", q.Get("text"))
	}
	checkAttr(t, tags, "input", "id", "share-url", "value", permalink)
	if in := find(tags, "input", "id", "share-url"); len(in) == 1 {
		if _, ok := in[0].attrs["readonly"]; !ok {
			t.Error("the address box is not read-only")
		}
	}
}

// between returns the text of doc from the end of start to the next end.
func between(doc, start, end string) string {
	i := strings.Index(doc, start)
	if i < 0 {
		return ""
	}
	rest := doc[i+len(start):]
	if j := strings.Index(rest, end); j >= 0 {
		return rest[:j]
	}
	return rest
}
