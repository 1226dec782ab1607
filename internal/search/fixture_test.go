package search

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// fixtureDocs are the articles of testdata/index, the index the script's
// tests (search.test.mjs) search: each one is there for a rule
// of ranking or matching those tests check.
func fixtureDocs() []Document {
	day := func(d int) time.Time { return time.Date(2024, 3, d, 9, 0, 0, 0, time.UTC) }
	doc := func(slug string, d int, title, text string) Document {
		return Document{
			Path: "/news/" + slug + "/", Title: title, Date: day(d),
			DateISO: day(d).Format(time.RFC3339), DateText: fmt.Sprintf("%d مارس 2024", d),
			Summary: strings.SplitN(text, ".", 2)[0] + ".", Text: text,
		}
	}
	docs := []Document{
		// الكاظمي in the title of one, only as والكاظمي in the body of
		// another (older), and several times in the body of a third.
		doc("kadhimi-title", 2, "الكاظمي يستقبل وفدا أمريكيا في بغداد", "استقبل رئيس الوزراء وفدا رفيعا. وبحث الجانبان التعاون الأمني."),
		doc("biden-kadhimi", 1, "اتصال بين بايدن ورئيس الوزراء العراقي", "بحث الرئيس الأميركي جو بايدن والكاظمي الهجمات الصاروخية. وأكد الجانبان دعم السيادة."),
		doc("kadhimi-body", 3, "جلسة لمجلس الوزراء", "قال الكاظمي إن الحكومة ماضية. وأضاف الكاظمي أن الكاظمي يتابع ملف الكهرباء."),
		// إيران with hamza in the text; the query is written without it.
		doc("iran", 4, "إيران تنفي علاقتها بالهجوم", "نفت طهران أي صلة لها بالهجمات على السفارة."),
		// المدينة with teh marbuta; the query is written with heh.
		doc("city", 5, "مهرجان للكتاب", "تحتفي المدينة القديمة بمعرض الكتاب السنوي في الموصل."),
		// Two articles with the same words: the newer ranks first.
		doc("twin-old", 6, "أمطار غزيرة", "هطلت أمطار غزيرة على البصرة."),
		doc("twin-new", 7, "أمطار غزيرة", "هطلت أمطار غزيرة على البصرة."),
		// A phrase, and its words apart.
		doc("phrase", 8, "بيان مشترك", "أصدرت الولايات المتحدة والعراق بيانا مشتركا."),
		doc("apart", 9, "زيارة رسمية", "أكدت الأمم المتحدة أن الولايات الشمالية آمنة."),
		// Harakat in the text.
		doc("harakat", 10, "بَغْدَادُ تَسْتَضِيفُ القِمَّةَ", "تَسْتَضِيفُ بَغْدَادُ قِمَّةً عَرَبِيَّةً."),
	}
	// Enough articles on one subject for several pages of results.
	for i := 1; i <= 12; i++ {
		docs = append(docs, doc(fmt.Sprintf("basra-%02d", i), 10+i, fmt.Sprintf("أخبار البصرة %d", i), "تقرير عن الموانئ في البصرة والنفط."))
	}
	// Other spellings: ماراثون for ماراتون (sound-alike), مسؤول for
	// مسئول (folded), and الكاضمي as a typo of الكاظمي.
	docs = append(docs, doc("marathon", 23, "ماراثون أربيل الدولي", "شارك آلاف العدائين في السباق. وقال مسؤول في اللجنة إن الكاضمي سيحضر."))
	return append(olderDocs(), docs...)
}

// olderDocs are the fixture's articles of 2023, older than the others:
// each has a word in one field only but the title, for the fields'
// weights, and two straddle the new year for the filter by year.
func olderDocs() []Document {
	day := func(d int) time.Time { return time.Date(2023, 6, d, 9, 0, 0, 0, time.UTC) }
	doc := func(slug string, t time.Time, title, text string) Document {
		return Document{
			Path: "/news/" + slug + "/", Title: title, Date: t,
			DateISO: t.Format(time.RFC3339), DateText: "تاريخ " + slug,
			Summary: text, Text: text,
		}
	}
	// بركان only in the lede (its summary is the body's start, as when the
	// description is not shown); its section and picture are stored.
	lede := doc("volcano-lede", day(1), "ثوران في جزيرة نائية", "غطى الرماد القرى المجاورة.")
	lede.Lede, lede.Section, lede.Thumb = "ثوران بركان في جزيرة نائية بالمحيط.", "علوم", "/images/volcano.abc-480.jpg"
	// الموصل only in the dateline; the city story of 2024 has it in its body.
	dateline := doc("mosul-dateline", day(2), "افتتاح جسر جديد", "افتتح المحافظ الجسر أمام السيارات.")
	dateline.Dateline = "الموصل"
	// دجلة only in the photo's caption.
	caption := doc("tigris-caption", day(3), "صيادون في الصباح", "يخرج الصيادون قبل الفجر.")
	caption.Caption = "قوارب على نهر دجلة"
	// الزراعة only in a tag.
	tag := doc("farming-tag", day(4), "موسم الحصاد", "بدأ الفلاحون جني القمح.")
	tag.Tags = []string{"الزراعة"}
	// الذهب once in a lede against five times in a body.
	goldLede := doc("gold-lede", day(5), "أسواق المعادن", "ارتفعت الأسعار في الأسواق.")
	goldLede.Lede = "ارتفع سعر الذهب."
	goldBody := doc("gold-body", day(6), "تقرير الأسواق", "الذهب ثم الذهب والذهب بالذهب وللذهب في السوق.")
	// A year is the site's: 23:30 on 31 December in Baghdad is 2023, 01:00
	// on 1 January is 2024 (in UTC still 2023).
	baghdad := time.FixedZone("+03", 3*3600)
	eve := doc("new-year-eve", time.Date(2023, 12, 31, 23, 30, 0, 0, baghdad), "احتفالات ليلة رأس السنة", "ألعاب نارية في السماء.")
	day1 := doc("new-year-day", time.Date(2024, 1, 1, 1, 0, 0, 0, baghdad), "احتفالات أول أيام السنة", "ألعاب نارية حتى الصباح.")
	// قافلة إغاثة الحدود: all three in one headline; in another two in
	// the headline and again in the text, the third in the lede and the
	// text. The second scores more, the first has every word in its
	// headline and ranks first.
	headline := doc("convoy-headline", day(7), "قافلة إغاثة عند الحدود", "وصلت الشاحنات صباحا.")
	spread := doc("convoy-spread", day(8), "قافلة إغاثة جديدة", "عبرت قافلة إغاثة ثم قافلة إغاثة أخرى نحو الحدود والحدود مفتوحة.")
	spread.Lede = "الحدود مفتوحة أمام الحدود."
	return []Document{lede, dateline, caption, tag, goldLede, goldBody, headline, spread, eve, day1}
}

// fixtureOptions cut the small fixture into several shards and blocks,
// with its six newest documents in the delta and the lists of more than
// four documents cut into tiers.
var fixtureOptions = Options{ShardBytes: 512, BlockBytes: 600, Delta: 9, Tier: 4}

func buildFiles(t *testing.T, docs []Document, opts Options) (map[string][]byte, Stats) {
	t.Helper()
	b := NewBuilder()
	for _, d := range docs {
		b.Add(d)
	}
	files := map[string][]byte{}
	st, err := b.Build(opts, func(f File) error {
		if _, dup := files[f.Path]; dup {
			return fmt.Errorf("%s written twice", f.Path)
		}
		files[f.Path] = f.Data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, st
}

// TestFixtureIndex keeps testdata/index, which the script's tests read,
// the same as what the builder writes; -update rewrites it.
func TestFixtureIndex(t *testing.T) {
	got, st := buildFiles(t, fixtureDocs(), fixtureOptions)
	if st.Shards < 3 || st.Blocks < 3 || st.Base != 27 {
		t.Fatalf("the fixture should span several shards and blocks: %+v", st)
	}
	checkFixture(t, filepath.Join("testdata", "index"), got)
}

// checkFixture wants the files in dir to be got; -update writes them.
func checkFixture(t *testing.T, dir string, got map[string][]byte) {
	t.Helper()
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		writeFiles(t, dir, got)
		return
	}
	want := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		want[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for p := range got {
		names = append(names, p)
	}
	for p := range want {
		if _, ok := got[p]; !ok {
			names = append(names, p)
		}
	}
	slices.Sort(names)
	for _, p := range names {
		if !bytes.Equal(got[p], want[p]) {
			t.Errorf("%s/%s differs from what the builder writes; run go test ./internal/search -run Fixture -update and review the diff", filepath.ToSlash(dir), p)
		}
	}
}

// writeFiles writes an index's files into dir.
func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for p, data := range files {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
