package tagger

import (
	"strings"
	"unicode/utf8"

	"github.com/sahifa/sahifa/internal/arabic"
)

// Discovery finds tags the gazetteer does not know: noun phrases an
// article keeps returning to (المنطقة الخضراء، الحوار الاستراتيجي). Arabic
// has no capital letters to spot names by, and a tag that is a verb or a
// sentence fragment looks broken on a site, so the rules are conservative:
//
//   - Words are cut into runs at punctuation and quotation marks, at
//     gazetteer matches, and at words that cannot be part of a topic
//     phrase: stopwords (also behind a clitic: وقال، فيما، ولم), numbers,
//     one-letter words, verb-looking words (verbLike) and words opening
//     with the conjunction و that are not known nouns (وأضاف، وتعهد).
//   - A word with clitics before the article (والاستقرار، للعراق، بالساحة)
//     starts a new run and counts in its article form (الاستقرار). Other
//     clitics are removed only when the bare word occurs in the same
//     article (بمحاسبة → محاسبة), since ب ل ك و ف also begin many words.
//   - A candidate is 1 to 3 words of a run whose last word has the article
//     (Arabic noun phrases end in a definite noun or adjective), whose
//     first word is not an office (رئيس، وزير، المتحدث: the office holder
//     is the tag, and the office is everywhere), and which is not a whole
//     alias or part of one (it would duplicate or halve a known tag). A
//     single word needs a stem of 3 letters or more after the article and
//     must not end like a nisba adjective (الدبلوماسية، الأمني).
//   - It is kept if it recurs: a phrase of two or three words at least
//     twice in the article, or once in the title or lede when another
//     article of the corpus has it too; a single word at least twice and
//     at least once in the title or lede. In a corpus of five or more
//     articles, a phrase in more than half of them is boilerplate and is
//     dropped.
//   - Of nested phrases the longer wins when the shorter is no more
//     frequent (حماية البعثات الدبلوماسية over حماية البعثات and
//     البعثات الدبلوماسية), as the shorter never occurs without it; the
//     shorter wins when it is more frequent and has two words or more
//     (أسعار الفائدة over رفع أسعار الفائدة). A more frequent single word
//     is kept beside the phrase (التضخم, معدلات التضخم).
//   - Discovered phrases score like gazetteer names, times
//     discoveredFactor and the phrase's IDF over the corpus; single words
//     are weaker evidence still (singleFactor).

// maxPhrase is the longest discovered phrase, in words.
const maxPhrase = 3

// cand is a candidate phrase of one article.
type cand struct {
	surf  string  // as first written, clitics removed
	words int     // number of words
	count int     // occurrences
	head  bool    // occurs in the title or lede
	score float64 // Σ weight of the occurrences, plus the first-mention bonus
}

// offices head phrases that name a position, not a topic.
var offices = foldSet("رئيس", "الرئيس", "رئيسة", "نائب", "وزير", "وزيرة", "مدير", "المدير",
	"المتحدث", "متحدث", "الناطق", "ناطق", "زعيم", "الزعيم", "قائد", "القائد", "أمين", "الأمين",
	"سفير", "السفير", "مستشار", "المستشار", "مبعوث", "المبعوث", "ممثل", "الممثل", "عضو", "مسؤول",
	"المسؤول", "مسؤولون", "المسؤولين")

// wawNouns are common nouns that begin with و as a root letter, which
// would otherwise be taken for و + verb.
var wawNouns = foldSet("وزير", "وزيرة", "وزارة", "وزراء", "وكالة", "وكيل", "وفد", "ولاية", "وادي",
	"وقف", "وسائل", "وثيقة", "وثائق", "وحدة", "وحدات", "ورقة", "وضع", "واقع", "وطن", "وظائف",
	"وقود", "ودائع", "ورشة", "ولي")

func foldSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[arabic.Fold(w)] = true
	}
	return m
}

// verbLike reports whether a folded word looks like a verb: an imperfect
// (يعتبر، يبدي، تعلن، تقع) or a past plural (قالوا، أكدوا). It misses most
// past tenses, which look like nouns; the article rule catches those.
func verbLike(key string) bool {
	n := utf8.RuneCountInString(key)
	switch {
	case strings.HasPrefix(key, "ي") && n >= 4:
		return true
	case strings.HasPrefix(key, "ت") && (n == 3 || n == 4):
		return true
	case strings.HasSuffix(key, "وا") && n >= 4:
		return true
	}
	return false
}

// cliticForms are the readings of key with only conjunctions and
// prepositions removed (والذي → الذي, وبعد → بعد), longest first; forms
// are matchForms(key).
func cliticForms(key string, forms []string) []string {
	var out []string
	for _, f := range forms[1:] {
		if strings.HasSuffix(key, f) {
			out = append(out, f)
		}
	}
	return out
}

// isStop is arabic.IsStopword, seeing through clitics.
func isStop(key string) bool { return stopForms(key, matchForms(key)) }

// stopForms is isStop with the token's matchForms already known.
func stopForms(key string, forms []string) bool {
	if arabic.IsStopword(key) {
		return true
	}
	for _, f := range cliticForms(key, forms) {
		if arabic.IsStopword(f) {
			return true
		}
	}
	return false
}

// definiteClitic is a run of clitics that definite takes off a word:
// before the article (بال: بالعراق → العراق) or, for ل, fused with it
// (لل: للعراق → العراق).
type definiteClitic struct {
	clitics string
	prefix  string // what the word starts with: clitics+"ال", or clitics+"ل" when fused
	fused   bool
}

// definiteClitics are tried in this order; a word must keep two letters
// after its prefix. Spelt out, not built per word.
var definiteClitics = func() []definiteClitic {
	var out []definiteClitic
	for _, c := range []string{"", "و", "ف"} {
		for _, p := range []string{"", "ب", "ك"} {
			if c+p != "" {
				out = append(out, definiteClitic{clitics: c + p, prefix: c + p + "ال"})
			}
		}
		out = append(out, definiteClitic{clitics: c + "ل", prefix: c + "لل", fused: true})
	}
	return out
}()

// definiteForm is the article form of a word with clitics before the
// article: key without them, and how to turn the word's surface into it.
type definiteForm struct {
	key   string
	drop  int  // runes taken off the surface
	fused bool // the article's alef is put back (لل → ال)
	ok    bool // the word has such clitics
}

// definiteOf returns the article form of a folded word.
func definiteOf(key string) definiteForm {
	n := -1 // runes in key, counted once a prefix matches
	for _, d := range definiteClitics {
		if !strings.HasPrefix(key, d.prefix) {
			continue
		}
		if n < 0 {
			n = utf8.RuneCountInString(key)
		}
		if n < utf8.RuneCountInString(d.prefix)+2 {
			continue
		}
		f := definiteForm{key: key[len(d.clitics):], drop: utf8.RuneCountInString(d.clitics), fused: d.fused, ok: true}
		if d.fused {
			f.key = "ا" + f.key
		}
		return f
	}
	return definiteForm{key: key}
}

// surface turns a word's surface into its article form, letter for
// letter as the key.
func (f definiteForm) surface(surf string) string {
	s := dropRunes(surf, f.drop)
	if f.fused {
		return "ا" + s
	}
	return s
}

func dropRunes(s string, n int) string {
	for ; n > 0 && s != ""; n-- {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return s
}

// word is a token prepared for discovery.
type word struct {
	key, surf string
	stop      bool // cannot be part of a phrase
	start     bool // a phrase may start here but not go on into it
}

// candidates returns the candidate phrases of toks by key, with their
// counts and weights; spans are the gazetteer matches in toks.
// The words of toks were tokenised with lex.
func (t *Tagger) candidates(toks []token, spans []span, lex *words) map[string]*cand {
	words := make([]word, len(toks))
	known := map[string]bool{}
	for _, tk := range toks {
		known[tk.key] = true
	}
	for i, tk := range toks {
		w := word{key: tk.key, surf: tk.surf, start: tk.brk != brkSpace}
		if d := tk.lex.def; d.ok {
			w.key, w.surf, w.start = d.key, d.surface(w.surf), true
		} else {
			for _, f := range tk.lex.clitic {
				if utf8.RuneCountInString(f) >= 3 && known[f] && !lex.lexeme(f).stop {
					n := utf8.RuneCountInString(w.key) - utf8.RuneCountInString(f)
					w.key, w.surf, w.start = f, dropRunes(w.surf, n), true
					break
				}
			}
		}
		l := tk.lex
		if w.key != tk.key {
			l = lex.lexeme(w.key)
		}
		w.stop = tk.lex.stop || l.stop || l.weak
		words[i] = w
	}
	for _, s := range spans {
		for i := s.start; i < s.end; i++ {
			words[i].stop = true
		}
	}

	out := map[string]*cand{}
	for i := range words {
		k := "" // the phrase of words i to j, growing with j
		for n := 1; n <= maxPhrase && i+n <= len(words); n++ {
			j := i + n - 1 // last word
			if words[j].stop || j > i && words[j].start {
				break
			}
			if n == 1 {
				k = words[i].key
			} else {
				k += " " + words[j].key
			}
			if !t.shapeOK(words[i:j+1]) || t.parts[k] {
				continue
			}
			c := out[k]
			if c == nil {
				surf := words[i].surf
				for _, w := range words[i+1 : j+1] {
					surf += " " + w.surf
				}
				c = &cand{surf: surf, words: n}
				c.score = firstBonus * (1 - decay*toks[i].pos)
				out[k] = c
			}
			c.count++
			c.head = c.head || toks[i].field != fieldBody
			c.score += weight(toks[i])
		}
	}
	return out
}

// shapeOK applies the shape rules to a run of non-stop words.
func (t *Tagger) shapeOK(ws []word) bool {
	last := ws[len(ws)-1].key
	stem, ok := strings.CutPrefix(last, "ال")
	if !ok || offices[ws[0].key] {
		return false
	}
	if len(ws) > 1 {
		return true
	}
	// A lone nisba adjective (الدبلوماسية، الأمني) is a dangling
	// modifier far more often than a topic.
	for _, suf := range []string{"ي", "يه", "يين", "يون"} {
		if strings.HasSuffix(stem, suf) {
			return false
		}
	}
	return utf8.RuneCountInString(stem) >= 3
}

// weak reports whether a folded word's shape keeps it out of topic
// phrases: one letter, no letter at all (a number), verb-like, or و and
// what is not a known noun (وأضاف، وتعهد).
func weak(key string) bool {
	return utf8.RuneCountInString(key) < 2 || !hasLetter(key) || verbLike(key) || strings.HasPrefix(key, "و") && !wawNouns[key]
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return true
		}
	}
	return false
}

// mayKeep returns the candidates that keep could let through in some
// corpus: those meeting its recurrence rule at the most favourable
// document frequency. The rest, most of them, cannot become tags, so a
// corpus reading does not hold on to them.
func mayKeep(cs map[string]*cand) map[string]*cand {
	out := map[string]*cand{}
	for k, c := range cs {
		if recurs(c, 2) {
			out[k] = c
		}
	}
	return out
}

// recurs is keep's recurrence rule for a candidate whose phrase df
// documents of the corpus have.
func recurs(c *cand, df int) bool {
	return c.words > 1 && (c.count >= 2 || c.head && df >= 2) || c.words == 1 && c.head && c.count >= 2
}

// keep applies the recurrence, boilerplate and nesting rules to the
// candidates of one article and returns the survivors.
func (t *Tagger) keep(cs map[string]*cand) map[string]*cand {
	out := map[string]*cand{}
	for k, c := range cs {
		df := t.df[k]
		if t.docs >= 5 && 2*df > t.docs {
			continue
		}
		if recurs(c, df) {
			out[k] = c
		}
	}
	drop := map[string]bool{}
	for k, c := range out {
		words := strings.Split(k, " ")
		for i := range words {
			for j := i + 1; j <= len(words); j++ {
				sub := strings.Join(words[i:j], " ")
				s, ok := out[sub]
				switch {
				case !ok || sub == k:
				case s.count <= c.count:
					// never without the longer phrase, which says more
					drop[sub] = true
				case s.words > 1:
					// the longer phrase is one context of a commoner one
					drop[k] = true
				}
			}
		}
	}
	for k := range drop {
		delete(out, k)
	}
	return out
}
