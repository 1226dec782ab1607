package tagger

import (
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/sahifa/sahifa/internal/arabic"
)

// Tagger picks tags for articles from a gazetteer and from statistics
// over a corpus. It is not changed after New, so any number of goroutines
// may call Tags at once.
type Tagger struct {
	names  []string         // canonical name by entry id
	index  map[string]int32 // alias key (name included) → entry id
	prefix map[string]bool  // keys that are a proper word prefix of an alias key
	parts  map[string]bool  // keys that are a run of words of an alias key, or all of it
	df     map[string]int   // discovered-phrase key → number of corpus documents with it
	docs   int              // corpus size
	read   []reading        // what TagsOf needs of each corpus document
}

// reading is what scoring needs of a document, kept from the one time it
// is tokenised: its gazetteer names, scored, and the candidate phrases
// that may survive keep whatever the corpus says.
type reading struct {
	known   []scored
	phrases map[string]*cand
}

// Scoring. A mention weighs fieldWeight by where it is (title, lede,
// body) times a decay from 1 at the start of the article to 1-decay at
// its end: what a story is about comes first, a name dropped in the last
// paragraph is context. The first mention adds firstBonus scaled the same
// way. Discovered phrases are less certain to be names than gazetteer
// entries, so their score is multiplied by discoveredFactor.
var fieldWeight = [3]float64{fieldTitle: 3, fieldLede: 2, fieldBody: 1}

const (
	decay            = 0.5
	firstBonus       = 1.0
	discoveredFactor = 0.6
	singleFactor     = 0.7 // on top of discoveredFactor for one-word phrases
)

// weight is what one mention at tk adds to a tag's score.
func weight(tk token) float64 { return fieldWeight[tk.field] * (1 - decay*tk.pos) }

// New prepares a tagger: it indexes the gazetteer g (nil means none) and
// counts, for every candidate phrase, in how many documents of corpus (all
// the articles of the site) it occurs, so that Tags can prefer phrases
// particular to an article over ones every article uses. Each document is
// tokenised once: what TagsOf needs of it is kept from that reading.
func New(g *Gazetteer, corpus []Doc) *Tagger { return NewFor(g, corpus, nil) }

// NewFor is New keeping what TagsOf needs only of the documents at the
// indexes tagged reports (nil: all), so that tagging one new article of a
// large archive does not hold a reading of every other. TagsOf gives no
// tags for the others.
func NewFor(g *Gazetteer, corpus []Doc, tagged func(i int) bool) *Tagger {
	t := &Tagger{
		index:  map[string]int32{},
		prefix: map[string]bool{},
		parts:  map[string]bool{},
		df:     map[string]int{},
		docs:   len(corpus),
		read:   make([]reading, len(corpus)),
	}
	t.indexGazetteer(g)
	// Documents are read on every core: the index is only read from here
	// on, and each worker counts into its own map and its own word cache.
	workers := min(runtime.GOMAXPROCS(0), max(1, len(corpus)))
	dfs := make([]map[string]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		dfs[w] = map[string]int{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			cache := newWords()
			for i := w; i < len(corpus); i += workers {
				toks := cache.tokenize(corpus[i])
				spans := t.match(toks)
				phrases := t.candidates(toks, spans, cache)
				for k := range phrases {
					dfs[w][k]++
				}
				if tagged == nil || tagged(i) {
					t.read[i] = reading{known: t.known(toks, spans), phrases: mayKeep(phrases)}
				}
			}
		}()
	}
	wg.Wait()
	for _, df := range dfs {
		for k, n := range df {
			t.df[k] += n
		}
	}
	return t
}

// indexGazetteer fills names, index, prefix and parts. An alias claimed
// by two entries (possible only across a Merge) goes to the higher layer,
// then to the entry whose name it is, then to the first entry.
func (t *Tagger) indexGazetteer(g *Gazetteer) {
	if g == nil {
		return
	}
	type claim struct {
		layer  int
		isName bool
	}
	claims := map[string]claim{}
	for id, e := range g.entries {
		t.names = append(t.names, e.Name)
		keys := []string{Key(e.Name)}
		for _, a := range e.Aliases {
			keys = append(keys, Key(a))
		}
		for i, k := range keys {
			if k == "" {
				continue
			}
			c := claim{e.layer, i == 0}
			if old, ok := claims[k]; ok && (old.layer > c.layer || old.layer == c.layer && (old.isName || !c.isName)) {
				continue
			}
			claims[k] = c
			t.index[k] = int32(id)
			words := strings.Split(k, " ")
			for n := 1; n < len(words); n++ {
				t.prefix[strings.Join(words[:n], " ")] = true
			}
			for i := range words {
				for j := i + 1; j <= len(words); j++ {
					t.parts[strings.Join(words[i:j], " ")] = true
				}
			}
		}
	}
}

// span is a gazetteer match: tokens [start, end) name entry id.
type span struct{ start, end, id int }

// matchForms are the readings of a token under which it may match the
// first word of an alias: the token and its clitic-stripped forms
// (arabic.StripClitics), except that the article is never removed. An
// alias without the article must not match a word with it: حماس (Hamas)
// is not الحماس (the enthusiasm), فتح not الفتح.
func matchForms(key string) []string {
	forms := arabic.StripClitics(key)
	out := forms[:0:0]
	for _, f := range forms {
		bare := false
		for _, g := range forms {
			if g == "ال"+f {
				bare = true
				break
			}
		}
		if !bare {
			out = append(out, f)
		}
	}
	return out
}

// match finds the gazetteer names in toks, left to right, the longest
// alias winning at each place. Only the first word of an alias may carry
// clitics; the others must be exactly the alias's words, with nothing but
// spaces or quotation marks between them.
func (t *Tagger) match(toks []token) []span {
	var out []span
	for i := 0; i < len(toks); {
		best, end := -1, 0
		for _, f := range toks[i].lex.forms {
			k := f
			for j := i; ; {
				if id, ok := t.index[k]; ok && j+1 > end {
					best, end = int(id), j+1
				}
				j++
				if j == len(toks) || toks[j].brk == brkPunct || !t.prefix[k] {
					break
				}
				k += " " + toks[j].key
			}
		}
		if best < 0 {
			i++
			continue
		}
		out = append(out, span{i, end, best})
		i = end
	}
	return out
}

// scored is a tag with its score.
type scored struct {
	name  string
	score float64
	known bool // from the gazetteer
}

// Tags returns at most max tags for d, most important first: the
// canonical names of the gazetteer entries d mentions, and phrases
// discovered in d (see discover.go). Both are scored by their mentions
// (title ×3, lede ×2, body ×1, earlier counts more, see weight); equal
// scores are ordered by name, so the result depends only on d, the
// gazetteer and the corpus. max <= 0 gives no tags.
func (t *Tagger) Tags(d Doc, max int) []string {
	if max <= 0 {
		return nil
	}
	cache := newWords()
	toks := cache.tokenize(d)
	spans := t.match(toks)
	return t.tags(reading{known: t.known(toks, spans), phrases: t.candidates(toks, spans, cache)}, max)
}

// TagsOf is Tags of corpus[i], the document New was given at i, without
// reading it again (none if NewFor was not asked to keep it).
func (t *Tagger) TagsOf(i, max int) []string {
	if max <= 0 {
		return nil
	}
	return t.tags(t.read[i], max)
}

// known scores the gazetteer entries that spans (matched in toks) name.
func (t *Tagger) known(toks []token, spans []span) []scored {
	byID := map[int]*scored{}
	first := map[int]float64{}
	var order []int // ids by first mention, so the result never depends on map order
	for _, s := range spans {
		e := byID[s.id]
		if e == nil {
			e = &scored{name: t.names[s.id], known: true}
			byID[s.id] = e
			first[s.id] = toks[s.start].pos
			order = append(order, s.id)
		}
		e.score += weight(toks[s.start])
	}
	all := make([]scored, 0, len(order))
	for _, id := range order {
		e := byID[id]
		e.score += firstBonus * (1 - decay*first[id])
		all = append(all, *e)
	}
	return all
}

// tags ranks the names and phrases of a document read as r.
func (t *Tagger) tags(r reading, max int) []string {
	all := append([]scored(nil), r.known...)
	taken := map[string]bool{}
	for _, e := range r.known {
		taken[Key(e.name)] = true
	}
	for k, c := range t.keep(r.phrases) {
		if taken[k] {
			continue
		}
		f := discoveredFactor
		if c.words == 1 {
			f *= singleFactor
		}
		all = append(all, scored{name: c.surf, score: c.score * t.idf(k) * f})
	}
	return rank(all, max)
}

// rank orders tags with the gazetteer's names first, then discovered
// phrases, each by score, highest first, ties by name so the order never
// depends on map iteration, and returns the first max distinct ones (a
// discovered phrase may fold like a name already chosen). Known names go
// first because they are certain to be names; a discovered phrase only
// fills the places they leave, so a corpus of similar articles cannot push
// إيران out for a recurring phrase such as "الهجمات".
func rank(all []scored, max int) []string {
	sort.Slice(all, func(i, j int) bool {
		if all[i].known != all[j].known {
			return all[i].known
		}
		if all[i].score != all[j].score {
			return all[i].score > all[j].score
		}
		return all[i].name < all[j].name
	})
	var out []string
	seen := map[string]bool{}
	for _, s := range all {
		if len(out) == max {
			break
		}
		if k := Key(s.name); !seen[k] {
			seen[k] = true
			out = append(out, s.name)
		}
	}
	return out
}

// idf is the inverse document frequency of a discovered phrase, smoothed
// so that a phrase of every document still weighs 1 and a corpus of one
// (or none) leaves scores as they are.
func (t *Tagger) idf(key string) float64 {
	return math.Log(float64(1+t.docs)/float64(1+t.df[key])) + 1
}
