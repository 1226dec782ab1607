package wxr

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/diag"
)

const fixture = "../importer/wordpress/testdata/export.xml"

func readAll(t testing.TB, r io.Reader) ([]*Item, Site, error) {
	t.Helper()
	rd := NewReader(r, "export.xml")
	var items []*Item
	for {
		it, err := rd.Next()
		if err == io.EOF {
			return items, rd.Site(), nil
		}
		if err != nil {
			return items, rd.Site(), err
		}
		items = append(items, it)
	}
}

func TestReadFixture(t *testing.T) {
	f, err := os.Open(fixture)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, site, err := readAll(t, f)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 34 {
		t.Errorf("%d items, want 34", len(items))
	}
	if site.Version != "1.2" || site.BaseBlogURL != "https://alrafidain.example" || len(site.Authors) != 2 || len(site.Categories) != 6 || len(site.Tags) != 4 {
		t.Errorf("site: %+v", site)
	}
	if a := site.Authors[0]; a.Login != "zainab" || a.DisplayName != "زينب حسن" {
		t.Errorf("author: %+v", a)
	}
	if c := site.Categories[1]; c.Name != "نفط" || c.Parent != "%d8%a7%d9%82%d8%aa%d8%b5%d8%a7%d8%af" {
		t.Errorf("child category: %+v", c)
	}
	byID := map[int]*Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	one := byID[1]
	if one.Type != "post" || one.Status != "publish" || one.Creator != "zainab" || one.Meta["_thumbnail_id"] != "101" ||
		!one.Date.Equal(time.Date(2021, 2, 24, 6, 30, 0, 0, time.UTC)) || len(one.TermsOf("post_tag")) != 3 || one.TermsOf("category")[0].Name != "نفط" {
		t.Errorf("post 1: %+v", one)
	}
	if one.Line < 40 {
		t.Errorf("post 1 at line %d", one.Line)
	}
	// WordPress writes "]]>" in a post as "]]]]><![CDATA[>": it reads back whole.
	if c := byID[7].Content; !strings.Contains(c, "المصارف ]]> يختلف") || !strings.Contains(c, "a[b[0]]>c") {
		t.Errorf("CDATA split: %q", c)
	}
	// A title escaped rather than in CDATA, with an HTML entity.
	if got := byID[7].Title; got != `الدينار & الدولار: "سعر" جديد في السوق <الموازية>` {
		t.Errorf("title: %q", got)
	}
	if d := byID[30]; !d.Date.IsZero() || d.LocalDate.IsZero() || d.Status != "draft" {
		t.Errorf("draft dates: %+v", d)
	}
	if a := byID[106]; a.Type != "attachment" || !strings.HasSuffix(a.AttachmentURL, "/2021/05/%d8%b3%d9%88%d9%82.jpg") {
		t.Errorf("attachment: %+v", a)
	}
}

// TestReadErrors: a broken or hostile export is an error at its line,
// saying what is wrong, never a panic or a partial read taken as whole.
func TestReadErrors(t *testing.T) {
	head := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>` + "\n"
	tests := []struct{ name, in, want string }{
		{"doctype", `<?xml version="1.0"?>` + "\n" + `<!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>` + "\n<rss><channel><item><title>&b;</title></item></channel></rss>",
			"export.xml:2:"},
		{"custom entity", head + "<item><title>&lol;</title></item></channel></rss>", "export.xml:3: not well-formed XML"},
		{"cut short", head + "<item><title>عنوان</title>\n<wp:post_id>5", "export.xml:4: not well-formed XML"},
		{"not rss", `<html><body>x</body></html>`, "not a WordPress export"},
		{"bad number", head + "<item><wp:post_id>abc</wp:post_id></item></channel></rss>", `"abc" is not a number`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := readAll(t, strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
			if _, ok := errors.AsType[*diag.SourceError](err); !ok {
				t.Errorf("%v is not a SourceError", err)
			}
		})
	}
}

// TestReadTextCap: one text past MaxText is refused, not held.
func TestReadTextCap(t *testing.T) {
	in := `<rss><channel><item><title>` + strings.Repeat("ب", MaxText/2+1) + `</title></item></channel></rss>`
	_, _, err := readAll(t, strings.NewReader(in))
	if err == nil || !strings.Contains(err.Error(), "runs past 16 MB") {
		t.Fatalf("error %v", err)
	}
}
