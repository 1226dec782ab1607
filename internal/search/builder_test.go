package search

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"testing"
	"unicode/utf16"
)

func TestWeight(t *testing.T) {
	title := weight(fieldCounts{title: 1}, 100, 100)
	lede := weight(fieldCounts{lede: 1}, 100, 100)
	exact := weight(fieldCounts{exact: 1}, 100, 100)
	if lede >= title {
		t.Errorf("a lede match weighs %d, not less than a title match (%d)", lede, title)
	}
	for _, tf := range []int{1, 2, 5, 20, 1000} {
		for _, length := range []int{10, 100, 1000} {
			if body := weight(fieldCounts{body: tf}, length, 100); body >= lede || body >= exact {
				t.Errorf("weight(body tf %d, length %d) = %d ≥ one lede match %d or exact match %d", tf, length, body, lede, exact)
			}
		}
	}
	if weight(fieldCounts{exact: 5}, 100, 100) != exact {
		t.Error("an exact field counts a word once")
	}
	if weight(fieldCounts{body: 3}, 100, 100) <= weight(fieldCounts{body: 1}, 100, 100) {
		t.Error("more occurrences should weigh more")
	}
	if weight(fieldCounts{body: 2}, 50, 100) <= weight(fieldCounts{body: 2}, 400, 100) {
		t.Error("the same occurrences in a shorter body should weigh more")
	}
	if weight(fieldCounts{title: 1, body: 1}, 100, 100) <= title {
		t.Error("title and body should weigh more than the title alone")
	}
	if w := weight(fieldCounts{body: 1}, 1_000_000, 1); w != 1 {
		t.Errorf("the smallest weight is %d, want 1 (never 0)", w)
	}
	if w := weight(fieldCounts{1000, 1000, 1, 1000}, 1, 100); w != 255 {
		t.Errorf("the largest weight is %d, want 255", w)
	}
}

// decoded is an index read back the way the script reads it: the base's
// and the delta's lists of a term joined, as one list over all documents.
type decoded struct {
	meta struct {
		Format   int      `json:"format"`
		Docs     int      `json:"docs"`
		Base     int      `json:"base"`
		Block    int      `json:"block"`
		Group    int      `json:"group"`
		Shards   []string `json:"shards"`
		Versions string   `json:"versions"`
		Blocks   string   `json:"blocks"`
		Years    [][2]int `json:"years"`
		Delta    string   `json:"delta"`
	}
	docs     [][]string
	postings map[string][][2]int // term → [document, weight]
	next     map[string]map[int][]int
}

func decode(t *testing.T, files map[string][]byte) decoded {
	t.Helper()
	var d decoded
	if err := json.Unmarshal(files["meta.json"], &d.meta); err != nil {
		t.Fatal(err)
	}
	m := &d.meta
	if len(m.Versions) != versionChars*len(m.Shards) {
		t.Fatalf("%d shards, versions %q", len(m.Shards), m.Versions)
	}
	var group [][]byte
	for b := 0; ; b++ {
		data, ok := files[fmt.Sprintf("d/%d.json", b)]
		if !ok {
			break
		}
		var block [][]string
		if err := json.Unmarshal(data, &block); err != nil {
			t.Fatalf("d/%d.json: %v", b, err)
		}
		if len(block) != m.Block && len(d.docs)+len(block) != m.Docs {
			t.Errorf("d/%d.json has %d documents, want %d", b, len(block), m.Block)
		}
		d.docs = append(d.docs, block...)
		if group = append(group, data); len(group) == m.Group || len(d.docs) == m.Docs {
			g := b / m.Group
			if v := fileVersion(group...); m.Blocks[g*versionChars:][:versionChars] != v {
				t.Errorf("blocks %d-%d have version %s, meta.json says %s", g*m.Group, b, v, m.Blocks[g*versionChars:][:versionChars])
			}
			group = nil
		}
	}
	if want := (len(d.docs) + m.Group*m.Block - 1) / (m.Group * m.Block); len(m.Blocks) != versionChars*want {
		t.Errorf("%d documents, block versions %q", len(d.docs), m.Blocks)
	}
	d.postings = map[string][][2]int{}
	d.next = map[string]map[int][]int{}
	// add adds the postings of one part of a term's list (a shard's, a
	// tier's or the delta's) and their next words; inBase says whether its
	// documents must be the base's.
	add := func(file, term string, e [2][]int, flat []int, inBase bool) {
		if len(e[0]) != len(e[1]) {
			t.Fatalf("%s: %q: %d documents, %d weights", file, term, len(e[0]), len(e[1]))
		}
		if d.next[term] == nil {
			d.next[term] = map[int][]int{}
		}
		doc := 0
		for j, delta := range e[0] {
			doc += delta
			if doc < m.Base != inBase {
				t.Errorf("%s: %q: document %d, the base has %d documents", file, term, doc, m.Base)
			}
			d.postings[term] = append(d.postings[term], [2]int{doc, e[1][j]})
			n := flat[0]
			if !slices.IsSorted(flat[1 : 1+n]) {
				t.Errorf("%q: next words %v not in order", term, flat[1:1+n])
			}
			d.next[term][doc] = flat[1 : 1+n]
			flat = flat[1+n:]
		}
		if len(flat) != 0 {
			t.Errorf("%s: %q: %d next words left over", file, term, len(flat))
		}
	}
	unmarshal := func(file string, v any) {
		if err := json.Unmarshal(files[file], v); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	// read adds the terms of one shard (a base shard's index, or -1 for
	// the delta) and of its tier files, and checks its version.
	read := func(name string, shard int, version string) {
		var terms map[string][]json.RawMessage
		unmarshal("t/"+name+".json", &terms)
		var next map[string][]int
		unmarshal("n/"+name+".json", &next)
		parts := [][]byte{files["t/"+name+".json"], files["n/"+name+".json"]}
		for k := 1; files[fmt.Sprintf("t/%s.%d.json", name, k)] != nil; k++ {
			parts = append(parts, files[fmt.Sprintf("t/%s.%d.json", name, k)], files[fmt.Sprintf("n/%s.%d.json", name, k)])
		}
		if v := fileVersion(parts...); v != version {
			t.Errorf("shard %s has version %s, meta.json says %s", name, v, version)
		}
		for term, e := range terms {
			if shard >= 0 {
				if got := shardOf(m.Shards, term); got != shard {
					t.Errorf("%q is in shard %d, but a search looks in %d", term, shard, got)
				}
			}
			var first [2][]int
			json.Unmarshal(e[0], &first[0])
			json.Unmarshal(e[1], &first[1])
			add("t/"+name+".json", term, first, next[term], shard >= 0)
			if len(e) == 2 {
				continue
			}
			// A list cut into tiers: its length, its first tier file
			// and each tier's bound, the tier's highest weight, which is
			// at most the least weight of the tier before.
			var total, k int
			var bounds []int
			json.Unmarshal(e[2], &total)
			json.Unmarshal(e[3], &k)
			json.Unmarshal(e[4], &bounds)
			if shard < 0 || len(bounds) == 0 {
				t.Fatalf("t/%s.json: %q has tiers %s", name, term, e)
			}
			least := slices.Min(first[1])
			for i, bound := range bounds {
				file := fmt.Sprintf("%s.%d.json", name, k+i)
				var tier [2][]int
				unmarshal("t/"+file, &tier)
				var flat []int
				unmarshal("n/"+file, &flat)
				add("t/"+file, term, tier, flat, true)
				if slices.Max(tier[1]) != bound || bound > least {
					t.Errorf("t/%s: %q: bound %d, weights %d…%d, the tier before from %d", file, term, bound, slices.Min(tier[1]), slices.Max(tier[1]), least)
				}
				least = slices.Min(tier[1])
			}
			if got := len(d.postings[term]); got != total {
				t.Errorf("t/%s.json: %q has %d postings in its tiers, %d said", name, term, got, total)
			}
		}
	}
	for i := range m.Shards {
		read(strconv.Itoa(i), i, m.Versions[i*versionChars:][:versionChars])
	}
	_, hasDelta := files["t/delta.json"]
	if hasDelta != (m.Delta != "") || hasDelta != (m.Base < m.Docs) {
		t.Errorf("%d documents, %d in the base; meta.json's delta %q; t/delta.json written: %v", m.Docs, m.Base, m.Delta, hasDelta)
	}
	if hasDelta {
		read("delta", -1, m.Delta)
	}
	// In document order, as one list over all documents.
	for _, ps := range d.postings {
		slices.SortFunc(ps, func(a, b [2]int) int { return a[0] - b[0] })
	}
	return d
}

// shardOf is the script's binary search, comparing by UTF-16 code units.
func shardOf(firsts []string, term string) int {
	key := utf16.Encode([]rune(term))
	i, _ := slices.BinarySearchFunc(firsts, key, func(f string, k []uint16) int {
		return slices.Compare(utf16.Encode([]rune(f)), k)
	})
	if i < len(firsts) && firsts[i] == term {
		return i
	}
	return i - 1
}

func TestBuildDecodes(t *testing.T) {
	files, st := buildFiles(t, fixtureDocs(), fixtureOptions)
	d := decode(t, files)
	n := len(fixtureDocs())
	if d.meta.Format != Format || d.meta.Docs != n || len(d.docs) != n || d.meta.Shards[0] != "" {
		t.Fatalf("meta %+v, %d documents", d.meta, len(d.docs))
	}
	if st.Documents != n || st.Shards != len(d.meta.Shards) || st.Terms != len(d.postings) {
		t.Errorf("stats %+v", st)
	}
	// Oldest first.
	for i := 1; i < len(d.docs); i++ {
		if d.docs[i-1][2] > d.docs[i][2] {
			t.Errorf("document %d (%s) is older than %d (%s)", i, d.docs[i][2], i-1, d.docs[i-1][2])
		}
	}
	id := map[string]int{}
	for i, r := range d.docs {
		id[r[0]] = i
	}
	kadhimi := map[int]int{}
	for _, p := range d.postings["كاظم"] {
		kadhimi[p[0]] = p[1]
	}
	title, body, once := kadhimi[id["/news/kadhimi-title/"]], kadhimi[id["/news/kadhimi-body/"]], kadhimi[id["/news/biden-kadhimi/"]]
	if len(kadhimi) != 3 || !(title > body && body > once && once > 0) {
		t.Errorf("weights of كاظم: title %d, three times in the body %d, once %d (%v)", title, body, once, kadhimi)
	}
	// Next words: الولايات المتحدة together in one, apart in the other
	// (المتحدة أن الولايات: a stopword between, then the other way round).
	has := func(term, next string, gap int, path string) bool {
		return slices.Contains(d.next[term][id[path]], int(pairHash(next, gap)))
	}
	if !has("ولا", "متحد", 1, "/news/phrase/") || has("ولا", "متحد", 1, "/news/apart/") {
		t.Errorf("next words of الولايات: %v", d.next["ولا"])
	}
	if !has("متحد", "ولا", 2, "/news/apart/") || has("متحد", "ولا", 1, "/news/apart/") {
		t.Errorf("next words of المتحدة: %v", d.next["متحد"])
	}
	// Not across the title and the body: بيان مشترك ends the title, أصدرت
	// begins the body.
	if got := d.next["مشترك"][id["/news/phrase/"]]; len(got) != 0 {
		t.Errorf("the title's last word has next words %v", got)
	}
}

// The index is the same whatever the order in which documents are added,
// and adding from many goroutines is safe.
func TestBuildDeterministic(t *testing.T) {
	want, _ := buildFiles(t, fixtureDocs(), fixtureOptions)
	docs := fixtureDocs()
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	b := NewBuilder()
	var wg sync.WaitGroup
	for _, d := range docs {
		wg.Go(func() { b.Add(d) })
	}
	wg.Wait()
	if b.Len() != len(docs) {
		t.Fatalf("Len() = %d", b.Len())
	}
	got := map[string][]byte{}
	if _, err := b.Build(fixtureOptions, func(f File) error { got[f.Path] = f.Data; return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the index depends on the order documents were added in")
	}
}

func TestBuildEmpty(t *testing.T) {
	files, st := buildFiles(t, nil, Options{})
	if len(files) != 1 || st.Documents != 0 {
		t.Fatalf("an empty index: %d files %+v", len(files), st)
	}
	d := decode(t, files)
	if d.meta.Docs != 0 || len(d.meta.Shards) != 0 {
		t.Errorf("meta %+v", d.meta)
	}
}

func TestBuildEmitError(t *testing.T) {
	b := NewBuilder()
	b.Add(fixtureDocs()[0])
	boom := fmt.Errorf("disk full")
	if _, err := b.Build(Options{}, func(File) error { return boom }); err != boom {
		t.Errorf("Build returned %v, want the emit error", err)
	}
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "عربي", `"quoted" \ back`, "tab\tnew\nline\x01\x7f", "<b>&</b>", "\u2028\u2029", "bad \xff utf8", "emoji 😀"} {
		var back string
		enc := appendJSONString(nil, s)
		if err := json.Unmarshal(enc, &back); err != nil {
			t.Errorf("%q encodes as %s: %v", s, enc, err)
			continue
		}
		want := s
		if s == "bad \xff utf8" {
			want = "bad \ufffd utf8"
		}
		if back != want {
			t.Errorf("%q reads back as %q", s, back)
		}
	}
}

func TestUvarintLen(t *testing.T) {
	for _, x := range []uint64{0, 1, 127, 128, 16383, 16384, 1<<21 - 1, 1 << 21, 1<<32 - 1, 1<<63 - 1, 1<<64 - 1} {
		if got, want := uvarintLen(x), len(binary.AppendUvarint(nil, x)); got != want {
			t.Errorf("uvarintLen(%d) = %d, want %d", x, got, want)
		}
	}
}
