package arabic

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestSlugify(t *testing.T) {
	cases := []struct {
		name, in string
		max      int
		want     string
	}{
		{"headline cut to 8 words", "توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق", 8,
			"توافق-بين-بايدن-والكاظمي-على-كبح-جماح-الميليشيات"},
		{"no limit", "توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق", 0,
			"توافق-بين-بايدن-والكاظمي-على-كبح-جماح-الميليشيات-في-العراق"},
		{"negative means no limit", "أ ب ت ث", -1, "أ-ب-ت-ث"},
		{"harakat", "مُحَمَّد", 8, "محمد"},
		{"tanwin and sukun", "شُكْرًا جَزِيلًا", 8, "شكرا-جزيلا"},
		{"tatweel", "العـــراق", 8, "العراق"},
		{"quranic marks and dagger alef", "ذٰلِكَ ٱلْكِتَٰبُ", 8, "ذلك-ٱلكتب"},
		{"latin lower-cased", "قمة G20 في الرياض", 8, "قمة-g20-في-الرياض"},
		{"arabic punctuation", `"حزب الله"، لبنان؟`, 8, "حزب-الله-لبنان"},
		{"guillemets semicolon percent", "«عاجل»؛ ارتفاع ٥٪", 8, "عاجل-ارتفاع-5"},
		{"path traversal", "../../etc/passwd", 8, "etc-passwd"},
		{"url characters", `a/b\c.d:e?f#g%h&i=j+k'l`, 0, "a-b-c-d-e-f-g-h-i-j-k-l"},
		{"arabic-indic digits", "٢٠٢١ عام", 8, "2021-عام"},
		{"persian digits", "سال ۱۴۰۰", 8, "سال-1400"},
		{"hamza kept as written", "أحمد إبراهيم آمنة مؤتمر", 8, "أحمد-إبراهيم-آمنة-مؤتمر"},
		{"decomposed hamza composes", "ا\u0654حمد", 8, "أحمد"},
		{"bidi and zero-width controls", "\u200fبغداد\u200e \u202bالبصرة\u202c\u2067\u2069 \ufeffنينوى\u061c", 8, "بغداد-البصرة-نينوى"},
		{"zwnj joins persian word", "می\u200cخواهم", 8, "میخواهم"},
		{"dashes collapse", "--a -- b--", 8, "a-b"},
		{"accented latin", "Café Crème", 8, "café-crème"},
		{"empty", "", 8, ""},
		{"only punctuation", " ؟،!«»... - / ", 8, ""},
		{"only marks", "\u064e\u0640\u200f", 8, ""},
		{"one word", "الموصل", 1, "الموصل"},
		// A cut slug ends on a word that carries meaning, not on a
		// preposition or particle; an uncut one keeps every word.
		{"cut on a preposition", "آلاف العدائين يشاركون في ماراثون البصرة على ضفاف شط العرب", 7,
			"آلاف-العدائين-يشاركون-في-ماراثون-البصرة"},
		{"cut on two stopwords", "مطورون عرب يطلقون تطبيقات تدعم اللهجات المحلية على هذه المنصات", 9,
			"مطورون-عرب-يطلقون-تطبيقات-تدعم-اللهجات-المحلية"},
		{"stopword spelled unfolded", "الحكومة تبحث ملف المياه الى جانب الكهرباء", 5, "الحكومة-تبحث-ملف-المياه"},
		{"uncut title ending on a stopword", "ماذا بعد", 8, "ماذا-بعد"},
		{"only stopwords", "في على من إلى عن", 3, "في-على-من"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Slugify(c.in, c.max); got != c.want {
				t.Errorf("Slugify(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
			}
		})
	}
}

func TestSlugifyByteLimit(t *testing.T) {
	long := strings.Repeat("الميليشيات ", 40)
	got := Slugify(long, 0)
	if len(got) > MaxSlugBytes || strings.HasSuffix(got, "-") || !strings.HasSuffix(got, "الميليشيات") {
		t.Errorf("long title: %d bytes, %q", len(got), got)
	}
	word := strings.Repeat("ب", 300)
	if got := Slugify(word, 8); len(got) > MaxSlugBytes || !utf8.ValidString(got) || got == "" {
		t.Errorf("long word: %d bytes, valid %v", len(got), utf8.ValidString(got))
	}
	// A Devanagari word cut mid-way keeps each vowel sign with its
	// letter: the cut falls before a letter, so the slug ends on a sign.
	hindi := strings.Repeat("कि", 120)
	got = Slugify(hindi, 8)
	if r, _ := utf8.DecodeLastRuneInString(got); len(got) > MaxSlugBytes || !unicode.IsMark(r) {
		t.Errorf("hindi word: %d bytes, ends with %U", len(got), r)
	}
}

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{
		"توافق بين بايدن والكاظمي على كبح جماح الميليشيات في العراق",
		"مُحَمَّد", "العـــراق", "قمة G20 في الرياض", `"حزب الله"، لبنان؟`,
		"../../etc/passwd", "٢٠٢١ عام", "", "...", "e\u0640\u0301", "ا\u0640\u0654",
		"İSTANBUL ǅ ß", strings.Repeat("कि", 120),
	} {
		f.Add(s, 8)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max = max%20 - 2 // exercise "no limit" (<= 0) as well as small limits
		got := Slugify(s, max)
		checkSlug(t, s, max, got)
		if got != "" {
			if again := Slugify(got, max); again != got {
				t.Fatalf("not idempotent: Slugify(%q) = %q, Slugify of that = %q", s, got, again)
			}
		}
	})
}

func checkSlug(t *testing.T, in string, max int, got string) {
	t.Helper()
	switch {
	case !utf8.ValidString(got):
		t.Fatalf("Slugify(%q) = %q: invalid UTF-8", in, got)
	case strings.ContainsAny(got, `/\`), strings.Contains(got, ".."), strings.Contains(got, "--"):
		t.Fatalf("Slugify(%q) = %q: unsafe sequence", in, got)
	case strings.HasPrefix(got, "-"), strings.HasSuffix(got, "-"):
		t.Fatalf("Slugify(%q) = %q: hyphen at an end", in, got)
	case len(got) > MaxSlugBytes:
		t.Fatalf("Slugify(%q) = %q: %d bytes", in, got, len(got))
	case max > 0 && got != "" && strings.Count(got, "-")+1 > max:
		t.Fatalf("Slugify(%q, %d) = %q: too many words", in, max, got)
	case !norm.NFC.IsNormalString(got):
		t.Fatalf("Slugify(%q) = %q: not NFC", in, got)
	case got != StripMarks(got):
		t.Fatalf("Slugify(%q) = %q: marks left", in, got)
	}
	hasWordChar := strings.IndexFunc(norm.NFC.String(in), func(r rune) bool {
		return !isMark(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
	}) >= 0
	if hasWordChar && got == "" {
		t.Fatalf("Slugify(%q) is empty", in)
	}
}
