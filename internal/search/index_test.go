package search

import "testing"

// One more article does not move the length BM25 normalises by, so it does
// not change every weight in the index; a real change of the archive's
// typical length does.
func TestTypicalLengthStableUnderPublishing(t *testing.T) {
	for _, c := range []struct{ total, docs, added int }{
		{300 * 1000, 1000, 5000}, // a long article into 1,000 of 300 words
		{420 * 10000, 10000, 40}, // a short one into 10,000 of 420 words
		{180 * 50, 50, 180},
	} {
		before := typicalLength(c.total, c.docs)
		if after := typicalLength(c.total+c.added, c.docs+1); after != before {
			t.Errorf("%d words in %d articles, one of %d added: %v → %v", c.total, c.docs, c.added, before, after)
		}
	}
	if typicalLength(300*1000, 1000) == typicalLength(600*1000, 1000) {
		t.Error("doubling the typical length did not move it")
	}
	if typicalLength(0, 0) != 1 || typicalLength(5, 10) != 1 {
		t.Error("empty archives normalise by 1")
	}
}
