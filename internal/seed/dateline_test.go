package seed

import "testing"

func TestSplitDateline(t *testing.T) {
	cases := []struct{ in, place, agency, rest string }{
		{"واشنطن – اتفق الرئيس.", "واشنطن", "", "اتفق الرئيس."},
		{"نيويورك — قال المتحدث.", "نيويورك", "", "قال المتحدث."},
		{"بغداد - قال المتحدث.", "بغداد", "", "قال المتحدث."},
		{"بغداد- قال المتحدث.", "بغداد", "", "قال المتحدث."},
		{"بيروت ـ قال المتحدث.", "بيروت", "", "قال المتحدث."},
		{"أبو ظبي – قال المتحدث.", "أبو ظبي", "", "قال المتحدث."},
		{"بغداد - (رويترز) - قال المتحدث.", "بغداد", "رويترز", "قال المتحدث."},
		{"القاهرة – (أ ف ب) – أعلن الجيش.", "القاهرة", "أ ف ب", "أعلن الجيش."},
		{"بيروت (رويترز) – أعلن الجيش.", "بيروت", "رويترز", "أعلن الجيش."},
		{"عمّان – أ ف ب – أعلن الجيش.", "عمّان", "أ ف ب", "أعلن الجيش."},
		{"واشنطن – اتفق الطرفان على أمور كثيرة - وهو أمر نادر في العلاقة بين البلدين - على الحوار.", "واشنطن", "",
			"اتفق الطرفان على أمور كثيرة - وهو أمر نادر في العلاقة بين البلدين - على الحوار."},
	}
	for _, c := range cases {
		place, agency, rest, ok := splitDateline(c.in)
		if !ok || place != c.place || agency != c.agency || rest != c.rest {
			t.Errorf("splitDateline(%q) = %q %q %q %v, want %q %q %q", c.in, place, agency, rest, ok, c.place, c.agency, c.rest)
		}
	}
	for _, s := range []string{
		"اتفق الرئيس الأميركي جو بايدن عبر مكالمة هاتفية - وهي الأولى - على أمور.", // dash late in the sentence
		"قالت بي-بي-سي إن الرئيس وصل.",     // hyphens inside a word
		"في عام 2020 - أي قبل الانتخابات.", // digits: not a place
		"قال: - نعم.", // punctuation: not a place
		"قال إنه - أي الرئيس - سيزور بغداد.", // an aside between two dashes
		"واشنطن –",                       // nothing after the dash
		"– اتفق الطرفان.",                // nothing before the dash
		"الطريق بين بغداد والبصرة مغلق.", // no dash at all
	} {
		if place, agency, rest, ok := splitDateline(s); ok {
			t.Errorf("splitDateline(%q) = %q %q %q, want no dateline", s, place, agency, rest)
		}
	}
}
