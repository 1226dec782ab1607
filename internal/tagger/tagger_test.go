package tagger

import (
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/sahifa/sahifa/internal/arabic"
)

// sampleDoc reads the reference seed crudely: first line title, third
// line lede, then paragraphs separated by blank lines (the date line and
// caption end up in the body, which is fine here).
func sampleDoc(t *testing.T) Doc {
	t.Helper()
	raw, err := os.ReadFile("../../seeds/000_17373629d0573b0f.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n")
	d := Doc{Title: lines[0], Lede: lines[2]}
	var para []string
	for _, l := range append(lines[3:], "") {
		if strings.TrimSpace(l) != "" {
			para = append(para, l)
		} else if len(para) > 0 {
			d.Body = append(d.Body, strings.Join(para, "\n"))
			para = nil
		}
	}
	return d
}

func TestSampleSeed(t *testing.T) {
	g := defaultGazetteer(t)
	d := sampleDoc(t)
	tg := New(g, []Doc{d})
	got := tg.Tags(d, 8)
	t.Logf("tags: %q", got)
	if len(got) != 8 {
		t.Errorf("%d tags, want 8", len(got))
	}
	for _, want := range []string{"العراق", "إيران", "الولايات المتحدة", "جو بايدن", "مصطفى الكاظمي", "بغداد"} {
		if !contains(got, want) {
			t.Errorf("tags %q lack %q", got, want)
		}
	}
	if top := got[0]; top != "العراق" && top != "جو بايدن" && top != "مصطفى الكاظمي" {
		t.Errorf("first tag %q", top)
	}
	for _, tag := range tg.Tags(d, 30) {
		checkTagShape(t, tg, tag)
	}
	// The same input gives the same output, whatever the corpus order.
	other := New(g, []Doc{{Title: "خبر آخر عن المنطقة"}, d})
	rev := New(g, []Doc{d, {Title: "خبر آخر عن المنطقة"}})
	if a, b := other.Tags(d, 20), rev.Tags(d, 20); !reflect.DeepEqual(a, b) {
		t.Errorf("order depends on the corpus order:\n%q\n%q", a, b)
	}
	if again := New(g, []Doc{d}).Tags(d, 8); !reflect.DeepEqual(again, got) {
		t.Errorf("not deterministic: %q then %q", got, again)
	}
}

// checkTagShape fails when a tag is not a gazetteer name and looks like a
// fragment: a stopword anywhere at its ends, a verb, no article at the
// end, a clitic left on.
func checkTagShape(t *testing.T, tg *Tagger, tag string) {
	t.Helper()
	words := arabic.Tokens(tag)
	if len(words) == 0 {
		t.Errorf("empty tag %q", tag)
		return
	}
	if _, known := tg.index[Key(tag)]; known {
		return
	}
	first, last := words[0], words[len(words)-1]
	switch {
	case isStop(first) || isStop(last):
		t.Errorf("discovered tag %q starts or ends with a stopword", tag)
	case !strings.HasPrefix(last, "ال"):
		t.Errorf("discovered tag %q does not end with a definite word", tag)
	case verbLike(first):
		t.Errorf("discovered tag %q starts with a verb", tag)
	case strings.HasPrefix(first, "و") && !wawNouns[first]:
		t.Errorf("discovered tag %q keeps a conjunction", tag)
	case tg.parts[Key(tag)]:
		t.Errorf("discovered tag %q is part of a gazetteer alias", tag)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestVariantsMapToCanonical(t *testing.T) {
	tg := New(defaultGazetteer(t), nil)
	cases := []struct{ text, want string }{
		{"التقى الرئيس بالكاظمى", "مصطفى الكاظمي"},
		{"وصل الوفد إلى ايران", "إيران"},
		{"دعم أميركي للعراق", "العراق"},
		{"من البصرة وبغداد", "بغداد"},
		{"زيارة إلى العِرَاقِ", "العراق"},
		{"أخبار العـــراق", "العراق"},
		{"قال مُصطفى الكاظمي", "مصطفى الكاظمي"},
		{"اتصال بين واشنطن وإيران", "إيران"},
		{"وفد فالعراق أولا", "العراق"},
		{"السفير لدى الولايات المتحدة", "الولايات المتحدة"},
		{"وللولايات المتحدة مصالح", "الولايات المتحدة"},
		{"تقارير عن تنظيم \"داعش\"", "داعش"},
		{`فصائل بينها كتائب "حزب الله"`, "كتائب حزب الله"},
		{"قال ترمب", "دونالد ترامب"},
		{"في ٢٠٢١ زار بايدن", "جو بايدن"},
	}
	for _, c := range cases {
		got := tg.Tags(Doc{Title: c.text}, 5)
		if !contains(got, c.want) {
			t.Errorf("%q: tags %q, want %q", c.text, got, c.want)
		}
	}
}

func TestMatchingRules(t *testing.T) {
	tg := New(defaultGazetteer(t), nil)
	cases := []struct {
		text string
		want []string
	}{
		// longest match: the longer alias or entry wins at a place
		{"الولايات المتحدة الأميركية", []string{"الولايات المتحدة"}},
		{"روسيا البيضاء", []string{"بيلاروسيا"}},
		{"جنوب السودان", []string{"جنوب السودان"}},
		{"الجزائر العاصمة", []string{"الجزائر العاصمة"}},
		// only the first word of an alias may carry a clitic
		{"الولايات والمتحدة", nil},
		// the article is never stripped to match an alias without it
		{"الحماس الشديد", nil},
		{"حركة حماس", []string{"حماس"}},
		// punctuation other than quotes stops a multi-word alias
		{"البيت، الأبيض", nil},
		// ambiguous everyday words match nothing
		{"رأى الأسد في حديقة الحيوان", nil},
		{"كيف حدث ذلك", nil},
	}
	for _, c := range cases {
		toks := tokenize(Doc{Title: c.text})
		var got []string
		for _, s := range tg.match(toks) {
			got = append(got, tg.names[s.id])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q matches %q, want %q", c.text, got, c.want)
		}
	}
}

func TestPositionAndWeight(t *testing.T) {
	g, err := ParseGazetteer("t", []byte(`
[[tag]]
name = "بغداد"
[[tag]]
name = "البصرة"
[[tag]]
name = "الموصل"
`))
	if err != nil {
		t.Fatal(err)
	}
	body := make([]string, 12)
	for i := range body {
		body[i] = "نص عادي لا يذكر مدينة"
	}
	body[1] = "وصل الوفد إلى الموصل"
	body[11] = "ومن المقرر زيارة البصرة لاحقا"
	d := Doc{Title: "زيارة إلى بغداد", Body: body}
	got := New(g, nil).Tags(d, 5)
	if want := []string{"بغداد", "الموصل", "البصرة"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tags %q, want %q", got, want)
	}
	if got := New(g, nil).Tags(d, 1); !reflect.DeepEqual(got, []string{"بغداد"}) {
		t.Errorf("max 1: %q", got)
	}
	if got := New(g, nil).Tags(d, 0); got != nil {
		t.Errorf("max 0: %q", got)
	}
}

func TestRankTies(t *testing.T) {
	got := rank([]scored{{"ب", 1, false}, {"أ", 2, false}, {"ج", 1, false}, {"ا", 1, false}, {"د", 3, false}}, 10)
	// "ا" folds like "أ", which ranks higher: it is dropped.
	if want := []string{"د", "أ", "ب", "ج"}; !reflect.DeepEqual(got, want) {
		t.Errorf("rank = %q, want %q", got, want)
	}
}

func TestRankKnownNamesFirst(t *testing.T) {
	got := rank([]scored{{"الهجمات", 9, false}, {"إيران", 1, true}, {"بغداد", 2, true}, {"محاسبة المسؤولين", 5, false}}, 3)
	if want := []string{"بغداد", "إيران", "الهجمات"}; !reflect.DeepEqual(got, want) {
		t.Errorf("rank = %q, want %q", got, want)
	}
}

func TestDiscovery(t *testing.T) {
	g, err := ParseGazetteer("t", []byte("[[tag]]\nname = \"بغداد\"\n[[tag]]\nname = \"الأمم المتحدة\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := Doc{
		Title: "أزمة الكهرباء تتفاقم في بغداد مع ارتفاع الحرارة",
		Lede:  "وزارة الكهرباء تعد بحلول لأزمة الكهرباء قبل الصيف.",
		Body: []string{
			"قال مسؤول إن أزمة الكهرباء مستمرة، وأضاف أن محطات التوليد تعمل بنصف طاقتها.",
			"ويعتبر الملف من أصعب الملفات، حيث تتكرر الانقطاعات في محطات التوليد كل صيف.",
			"وطالبت الأمم المتحدة بالمساعدة، فيما رأت المتحدة باسم الأمم أن الحل بعيد.",
			"ولم تحدد الحكومة موعدا.",
		},
	}
	tg := New(g, []Doc{d})
	got := tg.Tags(d, 10)
	t.Logf("tags: %q", got)
	for _, want := range []string{"بغداد", "أزمة الكهرباء", "محطات التوليد", "الأمم المتحدة"} {
		if !contains(got, want) {
			t.Errorf("tags %q lack %q", got, want)
		}
	}
	for _, tag := range got {
		checkTagShape(t, tg, tag)
		// halves of a gazetteer name, once-only phrases, verbs
		for _, bad := range []string{"الأمم", "المتحدة", "الحكومة", "الملفات", "ويعتبر الملف"} {
			if tag == bad {
				t.Errorf("unwanted tag %q", tag)
			}
		}
	}
	// A phrase in every document of a large enough corpus is boilerplate.
	corpus := []Doc{d, d, d, d, d}
	if got := New(g, corpus).Tags(d, 10); contains(got, "أزمة الكهرباء") {
		t.Errorf("boilerplate kept: %q", got)
	}
}

func TestConcurrentTags(t *testing.T) {
	g := defaultGazetteer(t)
	d := sampleDoc(t)
	tg := New(g, []Doc{d})
	want := tg.Tags(d, 8)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := tg.Tags(d, 8); !reflect.DeepEqual(got, want) {
				t.Errorf("concurrent Tags = %q, want %q", got, want)
			}
		}()
	}
	wg.Wait()
}

func TestEmpty(t *testing.T) {
	if got := New(nil, nil).Tags(Doc{Title: "العراق"}, 5); len(got) != 0 {
		t.Errorf("no gazetteer, one word: %q", got)
	}
	if got := New(defaultGazetteer(t), nil).Tags(Doc{}, 5); len(got) != 0 {
		t.Errorf("empty doc: %q", got)
	}
}

func TestDiscoveryRecurrence(t *testing.T) {
	a := Doc{Title: "جولة جديدة من الحوار الاستراتيجي", Body: []string{"بدأت الجولة اليوم."}}
	b := Doc{Title: "تأجيل الحوار الاستراتيجي", Body: []string{"أجلت الجولة."}}
	// Once in a title is enough when another article has the phrase too.
	if got := New(nil, []Doc{a, b}).Tags(a, 5); !contains(got, "الحوار الاستراتيجي") {
		t.Errorf("with a second article: %q", got)
	}
	if got := New(nil, []Doc{a}).Tags(a, 5); contains(got, "الحوار الاستراتيجي") {
		t.Errorf("alone: %q", got)
	}
}

func TestDiscoveryNesting(t *testing.T) {
	d := Doc{
		Title: "البنك المركزي يرفع أسعار الفائدة لمواجهة التضخم",
		Lede:  "رفع البنك أسعار الفائدة مع ارتفاع التضخم.",
		Body: []string{
			"قرر البنك رفع أسعار الفائدة، وسط ارتفاع معدلات التضخم.",
			"وقررت اللجنة رفع أسعار الفائدة بواقع نقطتين، مع بلوغ معدلات التضخم مستوى قياسيا.",
		},
	}
	got := New(nil, []Doc{d}).Tags(d, 10)
	for _, want := range []string{"أسعار الفائدة", "التضخم", "معدلات التضخم"} {
		if !contains(got, want) {
			t.Errorf("tags %q lack %q", got, want)
		}
	}
	// رفع أسعار الفائدة is one context of the commoner أسعار الفائدة.
	if contains(got, "رفع أسعار الفائدة") {
		t.Errorf("tags %q keep the longer phrase", got)
	}
}
