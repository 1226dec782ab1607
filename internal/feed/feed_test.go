package feed

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// Zones of the two sample items: Baghdad (+03:00) and New York (-05:00),
// so that comparing wall clocks instead of instants would pick the wrong
// newest item.
var (
	baghdad = time.FixedZone("AST", 3*60*60)
	newYork = time.FixedZone("EST", -5*60*60)
)

const (
	arabicURL   = "https://example.com/2021/02/24/%D8%AA%D9%88%D8%A7%D9%81%D9%82-%D8%A8%D8%A7%D9%8A%D8%AF%D9%86/"
	arabicTitle = "توافق بين بايدن والكاظمي على انسحاب القوات"
	// The lede has the two characters that must be escaped in XML text.
	arabicSummary = "قال البيت الأبيض إن المحادثات \"بنّاءة\" & إن عدد الجنود < 2500"
	// The body has markup and a "]]>" that would end a naive CDATA section.
	arabicContent = "<p>فقرة أولى &amp; <a href=\"https://example.com/?a=1&amp;b=2\">رابط</a></p>\n<pre>if a[b[0]]>c {}</pre>"
	englishURL    = "https://example.com/2021/02/24/talks/"
)

// sample is a two-item channel, newest first: the English item is the
// newest instant (13:00 UTC) although its wall clock (08:00) is earlier
// than the Arabic item's update (12:30 +03:00 = 09:30 UTC).
func sample() Channel {
	return Channel{
		Title:       "صحيفة & أخبار",
		Description: "آخر الأخبار من العراق والعالم",
		Link:        "https://example.com/",
		SelfURL:     "https://example.com/index.xml",
		Language:    "ar",
		Generator:   "sahifa",
		Items: []Item{
			{
				Title:       "Talks <resume> in Washington",
				URL:         englishURL,
				Summary:     "Short lede.",
				ContentHTML: "<p>Body.</p>",
				Published:   time.Date(2021, 2, 24, 8, 0, 0, 0, newYork),
				Categories:  []string{"واشنطن"},
				Author:      "Jane Doe",
			},
			{
				Title:       arabicTitle,
				URL:         arabicURL,
				Summary:     arabicSummary,
				ContentHTML: arabicContent,
				Published:   time.Date(2021, 2, 24, 9, 0, 0, 0, baghdad),
				Updated:     time.Date(2021, 2, 24, 12, 30, 0, 0, baghdad),
				Categories:  []string{"العراق", "جو بايدن"},
			},
		},
	}
}

// render runs all three renderers on c.
func render(t *testing.T, c Channel) (rss, atom, js []byte) {
	t.Helper()
	var err error
	if rss, err = RSS(c); err != nil {
		t.Fatalf("RSS: %v", err)
	}
	if atom, err = Atom(c); err != nil {
		t.Fatalf("Atom: %v", err)
	}
	if js, err = JSONFeed(c); err != nil {
		t.Fatalf("JSONFeed: %v", err)
	}
	return rss, atom, js
}

func TestDeterministic(t *testing.T) {
	r1, a1, j1 := render(t, sample())
	r2, a2, j2 := render(t, sample())
	if !bytes.Equal(r1, r2) || !bytes.Equal(a1, a2) || !bytes.Equal(j1, j2) {
		t.Fatal("same channel rendered to different bytes")
	}
}

// TestArabicVerbatim checks that Arabic is written as UTF-8 in every
// format, not as character references or \u escapes, so the files stay
// small and readable.
func TestArabicVerbatim(t *testing.T) {
	r, a, j := render(t, sample())
	for name, b := range map[string][]byte{"rss": r, "atom": a, "json": j} {
		for _, want := range []string{arabicTitle, "العراق", "جو بايدن"} {
			if !bytes.Contains(b, []byte(want)) {
				t.Errorf("%s: %q not written verbatim", name, want)
			}
		}
		if bytes.Contains(b, []byte("&#x6")) || bytes.Contains(b, []byte(`\u06`)) {
			t.Errorf("%s: Arabic escaped", name)
		}
	}
}

func TestModified(t *testing.T) {
	p := time.Date(2021, 1, 2, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		it   Item
		want time.Time
	}{
		{Item{Published: p}, p},
		{Item{Published: p, Updated: p.Add(time.Hour)}, p.Add(time.Hour)},
		{Item{Published: p, Updated: p.Add(-time.Hour)}, p}, // a slip: never older than published
		{Item{Updated: p}, p},
	}
	for i, c := range cases {
		if got := c.it.modified(); !got.Equal(c.want) {
			t.Errorf("case %d: modified = %v, want %v", i, got, c.want)
		}
	}
	if !newest(nil).IsZero() {
		t.Error("newest(nil) not zero")
	}
}

func TestValidXML(t *testing.T) {
	if got := validXML("أ\x0bب\x00ج\uFFFE"); got != "أ\uFFFDب\uFFFDج\uFFFD" {
		t.Errorf("validXML = %q", got)
	}
	if got := validXML("ok\xff"); got != "ok\uFFFD" {
		t.Errorf("validXML(invalid UTF-8) = %q", got)
	}
	s := "نص\tسليم\n"
	if got := validXML(s); got != s {
		t.Errorf("validXML changed valid text: %q", got)
	}
	if !strings.HasPrefix(xmlHeader, `<?xml version="1.0" encoding="utf-8"?>`) {
		t.Error("header")
	}
}
