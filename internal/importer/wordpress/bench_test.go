package wordpress

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/sahifa/sahifa/internal/config"
)

// writeLargeExport writes a WXR export of n posts shaped like a news
// archive's: Arabic titles and slugs, a few paragraphs with a picture and
// a caption, categories, tags, two authors.
func writeLargeExport(w io.Writer, n int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>أرشيف</title><link>https://archive.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://archive.example</wp:base_blog_url>
<wp:author><wp:author_login><![CDATA[a1]]></wp:author_login><wp:author_display_name><![CDATA[زينب حسن]]></wp:author_display_name></wp:author>
<wp:author><wp:author_login><![CDATA[a2]]></wp:author_login><wp:author_display_name><![CDATA[علي كريم]]></wp:author_display_name></wp:author>
<wp:category><wp:category_nicename><![CDATA[economy]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[اقتصاد]]></wp:cat_name></wp:category>
<wp:category><wp:category_nicename><![CDATA[politics]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[سياسة]]></wp:cat_name></wp:category>
`)
	cats := []string{"economy", "politics"}
	for i := 1; i <= n; i++ {
		day := i % 28
		month := 1 + i/28%12
		year := 2010 + i/(28*12)
		slug := fmt.Sprintf("%%d8%%ae%%d8%%a8%%d8%%b1-%d", i) // خبر-i
		fmt.Fprintf(bw, `<item><title><![CDATA[خبر رقم %d عن الاقتصاد والسياسة في العراق]]></title>
<link>https://archive.example/%d/%02d/%s/</link><dc:creator><![CDATA[a%d]]></dc:creator>
<content:encoded><![CDATA[<!-- wp:paragraph --><p>بغداد – قال مسؤولون اليوم إن الحكومة تعمل على خطة جديدة للإصلاح الاقتصادي تشمل قطاعات النفط والكهرباء والزراعة.</p><!-- /wp:paragraph -->
[caption id="attachment_1" width="300"]<img src="https://archive.example/wp-content/uploads/%d/%02d/photo-%d-300x200.jpg" alt="صورة" /> تعليق الصورة رقم %d[/caption]
<h2>تفاصيل الخطة</h2><p>وأضافوا أن <strong>الخطة</strong> ستعرض على <a href="https://archive.example/about/">البرلمان</a> الشهر المقبل.</p>
<ul><li>النفط</li><li>الكهرباء</li><li>الزراعة</li></ul><blockquote><p>نأمل أن ترى الخطة النور قريبا</p></blockquote>]]></content:encoded>
<excerpt:encoded><![CDATA[ملخص الخبر %d]]></excerpt:encoded><wp:post_id>%d</wp:post_id>
<wp:post_date><![CDATA[%d-%02d-%02d 12:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[%d-%02d-%02d 09:00:00]]></wp:post_date_gmt><wp:post_modified_gmt><![CDATA[%d-%02d-%02d 10:00:00]]></wp:post_modified_gmt>
<wp:post_name><![CDATA[%s]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password>
<category domain="category" nicename="%s"><![CDATA[x]]></category><category domain="post_tag" nicename="t%d"><![CDATA[وسم %d]]></category><category domain="post_tag" nicename="iraq"><![CDATA[العراق]]></category>
</item>
`, i, year, month, slug, 1+i%2, year, month, i, i, i, i, year, month, day+1, year, month, day+1, year, month, day+1, slug, cats[i%2], i%300, i%300)
	}
	fmt.Fprint(bw, "</channel></rss>\n")
	return bw.Flush()
}

// TestWriteLargeExport writes the generated export to $SAHIFA_WXR_OUT
// ($SAHIFA_WXR_POSTS posts, 20,000 by default), for measuring the binary
// on it (docs/performance.md); without the variable it does nothing.
func TestWriteLargeExport(t *testing.T) {
	out := os.Getenv("SAHIFA_WXR_OUT")
	if out == "" {
		t.Skip("set SAHIFA_WXR_OUT=FILE to write the generated export")
	}
	n := 20000
	if s := os.Getenv("SAHIFA_WXR_POSTS"); s != "" {
		fmt.Sscan(s, &n)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := writeLargeExport(f, n); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkImport imports a generated 1,000-post export into an empty site.
func BenchmarkImport(b *testing.B) {
	dir := b.TempDir()
	export := filepath.Join(dir, "export.xml")
	f, err := os.Create(export)
	if err != nil {
		b.Fatal(err)
	}
	if err := writeLargeExport(f, 1000); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for i := 0; b.Loop(); i++ {
		root := filepath.Join(dir, fmt.Sprint("site", i))
		if _, err := Run(Options{Root: root, Config: config.Default(), Export: export}); err != nil {
			b.Fatal(err)
		}
	}
}
