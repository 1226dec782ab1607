package search

import (
	"encoding/binary"
	"encoding/json"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// listOf is a posting list of documents with weights, each document
// followed by one next word, its own number.
func listOf(docs []uint32, weights []uint8) *postingList {
	l := &postingList{docs: docs, weights: weights}
	for _, d := range docs {
		l.next = binary.AppendUvarint(l.next, 1)
		l.next = binary.AppendUvarint(l.next, uint64(d))
	}
	return l
}

func TestSplitTiers(t *testing.T) {
	// 20 documents; weights 1…20 but 7 and 12 tie at the top (50).
	var docs []uint32
	var weights []uint8
	for d := range uint32(20) {
		docs = append(docs, d*3)
		weights = append(weights, uint8(d+1))
	}
	weights[7], weights[12] = 50, 50
	l := listOf(docs, weights)

	if got := splitTiers(l, 20); len(got) != 1 || !reflect.DeepEqual(got[0], *l) {
		t.Fatalf("a list of the first tier's size is cut: %v", got)
	}
	tiers := splitTiers(l, 2)
	// 2, then 16, then the 2 left.
	if len(tiers) != 3 || len(tiers[0].docs) != 2 || len(tiers[1].docs) != 16 || len(tiers[2].docs) != 2 {
		t.Fatalf("tiers of %d, want 2, 16, 2", lens(tiers))
	}
	// The first tier: the two of weight 50, in document order.
	if !slices.Equal(tiers[0].docs, []uint32{21, 36}) || !slices.Equal(tiers[0].weights, []uint8{50, 50}) {
		t.Errorf("first tier %v %v, want documents 21 and 36 of weight 50", tiers[0].docs, tiers[0].weights)
	}
	// The last: the two lightest, weights 1 and 2.
	if !slices.Equal(tiers[2].docs, []uint32{0, 3}) || tiers[2].bound() != 2 {
		t.Errorf("last tier %v (bound %d), want documents 0 and 3", tiers[2].docs, tiers[2].bound())
	}
	if tiers[1].bound() != 20 || tiers[1].bound() > slices.Min(tiers[0].weights) {
		t.Errorf("second tier's bound %d", tiers[1].bound())
	}
	// Every posting once, each with its own next words.
	var all []uint32
	for _, tr := range tiers {
		if !slices.IsSorted(tr.docs) {
			t.Errorf("tier %v not in document order", tr.docs)
		}
		if want := listOf(tr.docs, tr.weights).next; !slices.Equal(tr.next, want) {
			t.Errorf("tier %v: next words %v, want %v", tr.docs, tr.next, want)
		}
		all = append(all, tr.docs...)
	}
	slices.Sort(all)
	if !slices.Equal(all, docs) {
		t.Errorf("the tiers hold %v, the list %v", all, docs)
	}

	// On equal weights the newer document comes first, as the script
	// ranks them: of five alike, the first tier holds the two newest.
	same := splitTiers(listOf([]uint32{1, 2, 3, 4, 5}, []uint8{9, 9, 9, 9, 9}), 2)
	if !slices.Equal(same[0].docs, []uint32{4, 5}) {
		t.Errorf("of equal weights the first tier holds %v, want the newest 4 and 5", same[0].docs)
	}
}

// splitTiersBySort is splitTiers as first written, with a comparison
// sort: the reference the counting sort must match.
func splitTiersBySort(l *postingList, first int) []postingList {
	n := len(l.docs)
	if n <= first {
		return []postingList{*l}
	}
	var next [][]byte
	for rest := l.next; len(rest) > 0; {
		end := nextSpan(rest)
		next, rest = append(next, rest[:end]), rest[end:]
	}
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
		slices.Sort(part)
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

// The counting sort cuts every list as the comparison sort did: random
// lists, of few and of many distinct weights, next words of 0 to 3
// signatures, cut at several first tiers.
func TestSplitTiersMatchesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 8))
	for round := range 300 {
		n := 1 + rng.IntN(3000)
		distinct := []int{1, 3, 256}[round%3]
		l := &postingList{}
		doc := uint32(0)
		for range n {
			doc += 1 + uint32(rng.IntN(5))
			l.docs = append(l.docs, doc)
			l.weights = append(l.weights, uint8(255-rng.IntN(distinct)))
			k := rng.IntN(4)
			l.next = binary.AppendUvarint(l.next, uint64(k))
			for range k {
				l.next = binary.AppendUvarint(l.next, uint64(rng.IntN(70000)))
			}
		}
		first := []int{1, 7, 100, 1000}[rng.IntN(4)]
		got, want := splitTiers(l, first), splitTiersBySort(l, first)
		if len(got) != len(want) {
			t.Fatalf("round %d (%d postings, first %d): %d tiers, want %d", round, n, first, len(got), len(want))
		}
		for i := range got {
			if !slices.Equal(got[i].docs, want[i].docs) || !slices.Equal(got[i].weights, want[i].weights) || !slices.Equal(got[i].next, want[i].next) {
				t.Fatalf("round %d (%d postings, first %d): tier %d differs", round, n, first, i)
			}
		}
	}
}

func lens(tiers []postingList) []int {
	var out []int
	for _, t := range tiers {
		out = append(out, len(t.docs))
	}
	return out
}

// A long list is cut into tiers that the base's facts list with the
// shard, and decode (the script's reading) joins them into the list the
// single index has.
func TestBuildCutsLongListsIntoTiers(t *testing.T) {
	docs := corpusDocuments(96)
	files, st := buildFiles(t, docs, corpusOptions)
	tiered := 0
	for i, n := range st.BaseFacts.Tiers {
		tiered += n
		for k := 1; k <= n; k++ {
			tp, np := tierPaths(i, k)
			if files[tp] == nil || files[np] == nil {
				t.Errorf("shard %d's tier %d: %s and %s not written", i, k, tp, np)
			}
		}
	}
	if tiered == 0 {
		t.Fatal("no list of 96 documents was cut into tiers of 32")
	}
	whole := corpusOptions
	whole.Tier = 1 << 20
	wholeFiles, _ := buildFiles(t, docs, whole)
	if !reflect.DeepEqual(decode(t, files).postings, decode(t, wholeFiles).postings) {
		t.Error("the tiers joined are not the whole lists")
	}
}

// A weight without a title match stays below the least with one, so the
// script can tell a headline's words from the rest.
func TestTitleWeight(t *testing.T) {
	tw := TitleWeight()
	if got := weight(fieldCounts{title: 1}, 100, 100); got != tw {
		t.Errorf("a title match alone weighs %d, TitleWeight %d", got, tw)
	}
	for _, c := range []fieldCounts{{lede: 3}, {lede: 1, exact: 1, body: 9}, {lede: 50, exact: 1, body: 1000}} {
		if w := weight(c, 10, 100); w >= tw {
			t.Errorf("%+v without the title weighs %d, not below %d", c, w, tw)
		}
	}
}

// The script, reading common words' lists tier by tier (their first tier
// alone when that is enough), ranks every query as it would on the whole
// lists: testdata/tiers.mjs compares the two on an index of 200
// generated articles whose common words have tiers of 8, 64 and the rest,
// for queries of one to three words and phrases.
func TestScriptReadsTiersAsWholeLists(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	docs := corpusDocuments(200)
	files, _ := buildFiles(t, docs, Options{ShardBytes: 4 << 10, BlockBytes: 2 << 10, Tier: 8})
	dir := t.TempDir()
	writeFiles(t, dir, files)
	// Words of the headlines, in most stories and in few, one to three
	// of them, and a phrase of two.
	rng := rand.New(rand.NewPCG(1, 2))
	var queries []string
	for range 40 {
		title := strings.Fields(docs[rng.IntN(len(docs))].Title)
		w := func() string { return title[rng.IntN(len(title))] }
		queries = append(queries, w(), w()+" "+w(), w()+" "+w()+" "+w(), `"`+strings.Join(title[:2], " ")+`"`)
	}
	out, err := exec.Command(node, filepath.Join("testdata", "tiers.mjs"), dir, strings.Join(queries, "\n")).Output()
	if err != nil {
		t.Fatalf("node tiers.mjs: %v", err)
	}
	var report struct {
		Searches, NoTier, SomeTiers int
		Differences                 []map[string]any
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatal(err)
	}
	for _, d := range report.Differences {
		t.Errorf("read in tiers, not as whole lists: %v", d)
	}
	t.Logf("%d searches: %d read no tier file, %d some", report.Searches, report.NoTier, report.SomeTiers)
	if report.NoTier == 0 || report.SomeTiers == 0 {
		t.Errorf("%d searches without a tier file and %d with: the test tries neither case", report.NoTier, report.SomeTiers)
	}
}

// docYear reads an RFC 3339 date's year from its first digits, as
// parsing it would; a date in another form falls back to parsing, then
// to Date.
func TestDocYear(t *testing.T) {
	baghdad := time.FixedZone("+03", 3*3600)
	for _, at := range []time.Time{
		time.Date(2021, 12, 31, 23, 30, 0, 0, baghdad), // 2021 here, 2021 in UTC too
		time.Date(2022, 1, 1, 1, 0, 0, 0, baghdad),     // 2021 in UTC
		time.Date(1999, 6, 1, 0, 0, 0, 0, time.UTC),
		time.Date(10, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		d := Document{Date: at, DateISO: at.Format(time.RFC3339)}
		if got := docYear(&d); got != at.Year() {
			t.Errorf("docYear(%s) = %d, want %d", d.DateISO, got, at.Year())
		}
	}
	d := Document{Date: time.Date(2020, 5, 1, 0, 0, 0, 0, time.UTC), DateISO: "غير معروف"}
	if got := docYear(&d); got != 2020 {
		t.Errorf("docYear of a date in no known form = %d, want Date's 2020", got)
	}
}
