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
// at 100,000 stories a list of 95,000 is four files (1,000, 8,000,
// 64,000, the rest), of which a first page rarely needs more than one.
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
	next := nextSpans(l.next, n)
	byImpact := make([]int, n)
	for i := range byImpact {
		byImpact[i] = i
	}
	slices.SortFunc(byImpact, func(a, b int) int {
		if l.weights[a] != l.weights[b] {
			return int(l.weights[b]) - int(l.weights[a])
		}
		return int(l.docs[b]) - int(l.docs[a])
	})
	var tiers []postingList
	for start, size := 0, first; start < n; start, size = start+size, size*tierGrowth {
		part := slices.Clone(byImpact[start:min(start+size, n)])
		slices.Sort(part) // document order: positions in l are by document
		var t postingList
		for _, i := range part {
			t.docs = append(t.docs, l.docs[i])
			t.weights = append(t.weights, l.weights[i])
			t.next = append(t.next, next[i]...)
		}
		tiers = append(tiers, t)
	}
	return tiers
}

// nextSpans cuts a list's next words into each document's: how many, then
// the signatures (see postingList).
func nextSpans(next []byte, docs int) [][]byte {
	spans := make([][]byte, 0, docs)
	for len(next) > 0 {
		count, end := binary.Uvarint(next)
		for range count {
			_, w := binary.Uvarint(next[end:])
			end += w
		}
		spans = append(spans, next[:end])
		next = next[end:]
	}
	return spans
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
