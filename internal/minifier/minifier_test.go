package minifier

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
)

const htmlDoc = `<!DOCTYPE html>
<html lang="ar" dir="rtl">
  <head>
    <meta charset="utf-8">
    <title>قمة G20 في الرياض</title>
    <!-- تعليق للمحررين -->
    <link rel="stylesheet" href="/css/main.css">
  </head>
  <body class="kind-article">
    <main id="main">
      <h1 class="story-title">توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق</h1>
      <p>
        اتفق   <strong>الرئيسان</strong>   على خطة
        <a href="/2021/02/24/%D8%AE%D8%A8%D8%B1/">مشتركة</a>.
      </p>
      <pre>  سطر أول
    سطر ثان</pre>
      <ul>
        <li>العراق</li>
        <li>الولايات المتحدة</li>
      </ul>
    </main>
  </body>
</html>
`

const cssDoc = `/* الخطوط العربية */
:root {
  --font-body: "Noto Naskh Arabic", "Amiri", serif;
}
body {
  direction: rtl;
  font-family: var(--font-body);
  margin: 0px 0px 0px 0px;
  color: #ff0000;
}
.story-title::before { content: "عاجل: "; }
`

const jsDoc = `// تحية للقارئ
const   greeting = "مرحبا بكم في صحيفة";
function  show ( name ) {
    return greeting + " " + name ;
}
console.log( show( "قارئ" ) );
`

const jsonDoc = `{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "headline": "قمة G20 في الرياض",
  "keywords": [ "العراق", "الرياض" ],
  "wordCount": 42
}
`

const xmlDoc = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>صحيفة</title>
    <!-- آخر الأخبار -->
    <item>
      <title>قمة G20 في الرياض</title>
      <link>https://example.com/2021/02/25/%D9%82%D9%85%D8%A9/</link>
    </item>
  </channel>
</rss>
`

const svgDoc = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">
  <!-- شعار الصحيفة -->
  <g>
    <circle cx="50.000" cy="50.000" r="40.000" fill="#ff0000" />
    <text x="50" y="55" text-anchor="middle">صحيفة</text>
  </g>
</svg>
`

// sample is an input and strings its minified output must keep.
type sample struct {
	mediaType string
	in        string
	keep      []string
}

var samples = []sample{
	{"text/html", htmlDoc, []string{
		`<html lang="ar" dir="rtl">`, "<head>", "</head>", "<body", "</body>", "</html>",
		`<meta charset="utf-8">`,
		"<title>قمة G20 في الرياض</title>",
		"توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق</h1>",
		"اتفق <strong>الرئيسان</strong> على خطة",
		`<a href="/2021/02/24/%D8%AE%D8%A8%D8%B1/">مشتركة</a>.</p>`,
		"<pre>  سطر أول\n    سطر ثان</pre>",
		"<li>العراق</li>", "</ul>",
	}},
	{"text/css", cssDoc, []string{"direction:rtl", `"Noto Naskh Arabic"`, `content:"عاجل: "`, "margin:0"}},
	{"text/javascript", jsDoc, []string{`"مرحبا بكم في صحيفة"`, `"قارئ"`, "console.log("}},
	{"application/javascript", jsDoc, []string{`"مرحبا بكم في صحيفة"`}},
	{"application/json", jsonDoc, []string{`"headline":"قمة G20 في الرياض"`, `["العراق","الرياض"]`}},
	{"application/ld+json", jsonDoc, []string{`"@type":"NewsArticle"`}},
	{"application/feed+json", jsonDoc, []string{`"wordCount":42`}},
	{"application/rss+xml", xmlDoc, []string{"<title>قمة G20 في الرياض</title>", "<rss version=\"2.0\">", "</rss>"}},
	{"text/xml", xmlDoc, []string{"<title>صحيفة</title>"}},
	{"image/svg+xml", svgDoc, []string{"صحيفة</text>", "<svg"}},
}

func TestDisabledReturnsInputUnchanged(t *testing.T) {
	for _, mf := range []*Minifier{New(false), {}, nil} {
		for _, s := range samples {
			in := []byte(s.in)
			got, err := mf.Bytes(s.mediaType, in)
			if err != nil {
				t.Fatalf("%s: %v", s.mediaType, err)
			}
			if !bytes.Equal(got, in) {
				t.Errorf("disabled minifier changed %s", s.mediaType)
			}
		}
	}
}

func TestMinifies(t *testing.T) {
	mf := New(true)
	for _, s := range samples {
		got, err := mf.Bytes(s.mediaType, []byte(s.in))
		if err != nil {
			t.Errorf("%s: %v", s.mediaType, err)
			continue
		}
		if len(got) >= len(s.in) {
			t.Errorf("%s: %d bytes, input %d: not smaller\n%s", s.mediaType, len(got), len(s.in), got)
		}
		for _, k := range s.keep {
			if !bytes.Contains(got, []byte(k)) {
				t.Errorf("%s: output lacks %q:\n%s", s.mediaType, k, got)
			}
		}
		// Comments go (the Arabic ones included).
		for _, c := range []string{"تعليق", "الخطوط العربية", "تحية للقارئ", "آخر الأخبار", "شعار الصحيفة"} {
			if strings.Contains(s.in, c) && bytes.Contains(got, []byte(c)) {
				t.Errorf("%s: comment %q kept", s.mediaType, c)
			}
		}
	}
}

// Minified JSON is still the same JSON.
func TestMinifiedJSONEquivalent(t *testing.T) {
	got, err := New(true).Bytes("application/ld+json", []byte(jsonDoc))
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err := json.Unmarshal([]byte(jsonDoc), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(got, &b); err != nil {
		t.Fatalf("minified JSON does not parse: %v\n%s", err, got)
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("JSON changed:\n%v\n%v", a, b)
	}
}

// The HTML settings keep a page valid for the Nu checker: document tags,
// end tags and attribute quotes stay, whitespace between words is never
// lost, and script and JSON-LD inside the page are minified too.
func TestHTMLKeepsDocumentStructure(t *testing.T) {
	in := `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>عنوان</title>
<script type="application/ld+json">
{ "headline" : "قمة G20 في الرياض" }
</script>
</head>
<body>
<p>كلمة <em>وكلمة</em> <a href="/x/" class="link">ثالثة</a></p>
<p>فقرة ثانية</p>
<table><tr><td>خلية</td></tr></table>
</body>
</html>
`
	got, err := New(true).Bytes("text/html", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<!doctype html>",
		`<html lang="ar" dir="rtl"><head>`,
		`</head><body>`,
		`{"headline":"قمة G20 في الرياض"}`,
		`<p>كلمة <em>وكلمة</em> <a href="/x/" class="link">ثالثة</a></p>`,
		`<p>فقرة ثانية</p>`,
		`<td>خلية</td></tr>`,
		"</body></html>",
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
}

func TestUnknownMediaTypesPassThrough(t *testing.T) {
	mf := New(true)
	in := []byte("  <b>  نص   عادي  </b>\n\n\x00\xff")
	for _, mt := range []string{"text/plain", "image/png", "application/octet-stream", "font/woff2", "", "text/markdown"} {
		got, err := mf.Bytes(mt, in)
		if err != nil {
			t.Errorf("%q: %v", mt, err)
			continue
		}
		if !bytes.Equal(got, in) {
			t.Errorf("%q: changed to %q", mt, got)
		}
	}
}

// Broken JavaScript is an error, not half a file.
func TestInvalidJSIsAnError(t *testing.T) {
	got, err := New(true).Bytes("text/javascript", []byte("function ( {"))
	if err == nil {
		t.Errorf("no error, output %q", got)
	}
}

// One Minifier serves every goroutine of a build. Run with -race.
func TestConcurrentUse(t *testing.T) {
	mf := New(true)
	want := make([][]byte, len(samples))
	for i, s := range samples {
		out, err := mf.Bytes(s.mediaType, []byte(s.in))
		if err != nil {
			t.Fatal(err)
		}
		want[i] = out
	}
	const workers = 32
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				i := (w + r) % len(samples)
				in := []byte(samples[i].in)
				got, err := mf.Bytes(samples[i].mediaType, in)
				if err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(got, want[i]) {
					errs <- fmt.Errorf("worker %d: %s output differs", w, samples[i].mediaType)
					return
				}
				if string(in) != samples[i].in {
					errs <- fmt.Errorf("worker %d: input of %s modified", w, samples[i].mediaType)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// Into gives what Bytes gives, and copies what it does not minify; Bytes
// leaves its input as it was, though the parser rewrites what it reads.
func TestIntoAsBytes(t *testing.T) {
	page := "<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">\n<head><title> خبر </title></head>\n<body>\n  <p>  قال   مسؤولون  </p>\n</body>\n</html>\n"
	for _, enabled := range []bool{true, false} {
		for _, mt := range []string{"text/html", "text/x-unknown"} {
			mf := New(enabled)
			in := make([]byte, len(page), len(page)+8)
			copy(in, page)
			want, err := mf.Bytes(mt, in)
			if err != nil {
				t.Fatal(err)
			}
			if string(in) != page {
				t.Errorf("enabled %t, %s: Bytes changed its input to %q", enabled, mt, in)
			}
			src := bytes.NewBufferString(page)
			var dst bytes.Buffer
			dst.WriteString("left over")
			if err := mf.Into(&dst, mt, src); err != nil {
				t.Fatal(err)
			}
			if dst.String() != string(want) {
				t.Errorf("enabled %t, %s: Into gave %q, Bytes %q", enabled, mt, dst.String(), want)
			}
		}
	}
}
