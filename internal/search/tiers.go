package search

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// Impact tiers (docs/search.md, "Bounded at any size"). A word in most
// stories has a list as long as the archive: at 100,000 stories, fetching
// it whole cost a query up to half a megabyte. So the base cuts a long
// list into tiers by impact: the first holds the Options.Tier postings of
// highest weight and stays in the term's shard; each next tier is
// tierGrowth times larger and is a file of its own, which the script
// fetches only when the results it must show are not yet certain (a
// later page, a rare word whose stories are not in the first tier, the
// newest first). A tier's bound, its highest weight, bounds every posting
// not yet fetched, which is what lets the script know when it may stop.
// Short lists, the delta's among them, are never cut: a rare word is
// found exactly from its shard.

// tierGrowth is how many times larger each tier is than the one before:
// at 100,000 stories a list of 95,000 is four tiers (1,000 in its shard,
// then 8,000, 64,000 and the rest in three files of their own).
const tierGrowth = 8

// defaultTier is the postings of a list's first tier: about 6 KB of JSON
// (2–3 KB gzipped), so a query of four common words shows its first
// results from a few of them.
const defaultTier = 1000

// splitTiers cuts l into tiers by impact: its postings by weight, highest
// first (the newer document first on equal weights, as the script ranks
// them), the first first tier of them, then tierGrowth times more each.
// Each tier keeps its postings in document order, as a list is encoded.
// A list of at most first postings is one tier, l itself.
func splitTiers(l *postingList, first int) []postingList {
	n := len(l.docs)
	if n <= first {
		return []postingList{*l}
	}
	// Weights are bytes, so the order by impact is a counting sort, not a
	// comparison sort: where each weight's postings begin in that order
	// (heaviest first), then each posting's place, its documents taken
	// newest first. At 100,000 stories sorting the long lists was most of
	// the base's encoding.
	var begins [256]int
	for _, w := range l.weights {
		begins[w]++
	}
	for w, at := 255, 0; w >= 0; w-- {
		begins[w], at = at, at+begins[w]
	}
	tierOf := make([]uint8, n)
	var ends []int // where each tier ends in the order by impact
	for end, size := first, first; ; end, size = end+size*tierGrowth, size*tierGrowth {
		ends = append(ends, min(end, n))
		if end >= n {
			break
		}
	}
	for i := n - 1; i >= 0; i-- {
		w := l.weights[i]
		place := begins[w]
		begins[w]++
		t := 0
		for place >= ends[t] {
			t++
		}
		tierOf[i] = uint8(t)
	}
	// Each tier keeps its postings in document order, as a list is
	// encoded: l's order.
	tiers := make([]postingList, len(ends))
	for t := range tiers {
		size := ends[t]
		if t > 0 {
			size -= ends[t-1]
		}
		tiers[t].docs = make([]uint32, 0, size)
		tiers[t].weights = make([]uint8, 0, size)
	}
	next := l.next
	for i, t := range tierOf {
		tr := &tiers[t]
		tr.docs = append(tr.docs, l.docs[i])
		tr.weights = append(tr.weights, l.weights[i])
		span := nextSpan(next)
		tr.next = append(tr.next, next[:span]...)
		next = next[span:]
	}
	return tiers
}

// nextSpan is the length of the first document's next words in next:
// how many, then the signatures (see postingList).
func nextSpan(next []byte) int {
	count, n := binary.Uvarint(next)
	return n + signaturesLen(next[n:], count)
}

// signaturesLen is the length of the first count signatures of next
// words in buf, each a uvarint.
func signaturesLen(buf []byte, count uint64) int {
	end := 0
	for range count {
		_, w := binary.Uvarint(buf[end:])
		end += w
	}
	return end
}

// bound is a tier's highest weight: no posting of it, or of any tier
// after it, weighs more.
func (l *postingList) bound() uint8 {
	return slices.Max(l.weights)
}

// tierPaths are the files of the k-th tier file of the base's n-th shard
// (k from 1, numbered across the shard's terms): its postings and their
// next words.
func tierPaths(n, k int) (terms, next string) {
	return fmt.Sprintf("t/%d.%d.json", n, k), fmt.Sprintf("n/%d.%d.json", n, k)
}
