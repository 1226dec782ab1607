package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/sahifa/sahifa/internal/arabic"
)

// Doc is an article as the tagger sees it.
type Doc struct {
	Title, Lede string
	// Body holds the paragraphs and subheadings in order.
	Body []string
}

// Where a token stands; the weights of Tags follow this order.
const (
	fieldTitle = iota
	fieldLede
	fieldBody
)

// What separates a token from the one before it.
const (
	brkSpace = iota // spaces only: one phrase may go on
	brkQuote        // a quotation mark: a name may go on (كتائب "حزب الله"), a discovered phrase may not
	brkPunct        // other punctuation or a new paragraph: nothing goes on
)

// token is one word of a document.
type token struct {
	key   string  // folded (arabic.Fold), for matching and counting
	lex   *lexeme // what is known of key in any document
	surf  string  // as written, marks stripped: for showing a discovered tag
	field uint8   // fieldTitle, fieldLede or fieldBody
	brk   uint8   // brkSpace, brkQuote or brkPunct before this token
	pos   float64 // place in the document, 0 (first word) to 1 (last)
}

// quotes are the quotation marks newsrooms put around names (تنظيم
// "داعش", كتائب «حزب الله»); a gazetteer name is matched across them.
const quotes = "\"'«»“”‘’„‟‹›`"

// words remembers, across the documents one goroutine reads, the key of
// each word as written and what is known of each key (its lexeme): news
// vocabulary repeats from one article to the next, and folding, clitic
// stripping and the stopword rules were most of the cost of reading a
// corpus when done per document.
type words struct {
	keys map[string]string
	lex  map[string]*lexeme
}

// lexeme is what the tagger works out about a folded word once.
type lexeme struct {
	forms  []string // matchForms(key)
	clitic []string // cliticForms(key, forms)
	stop   bool     // a stopword, also behind clitics (isStop)
	// weak: no topic phrase holds it, by its shape (one letter, a number,
	// verb-like, و and a verb).
	weak bool
	def  definiteForm // its article form (definite)
}

// maxWords bounds a words cache; past it the cache starts over, so a
// huge corpus costs a bounded amount of memory per goroutine.
const maxWords = 1 << 17

func newWords() *words {
	return &words{keys: map[string]string{}, lex: map[string]*lexeme{}}
}

// key returns the folded key of surf (normalised, marks stripped).
func (w *words) key(surf string) string {
	key, ok := w.keys[surf]
	if !ok {
		if len(w.keys) >= maxWords {
			clear(w.keys)
		}
		key = arabic.FoldNormalized(surf)
		// A clone, so the cache does not keep the whole text it came from.
		w.keys[strings.Clone(surf)] = key
	}
	return key
}

// lexeme returns what is known of key.
func (w *words) lexeme(key string) *lexeme {
	l, ok := w.lex[key]
	if !ok {
		if len(w.lex) >= maxWords {
			clear(w.lex)
		}
		forms := matchForms(key)
		l = &lexeme{forms: forms, clitic: cliticForms(key, forms), stop: stopForms(key, forms), weak: weak(key), def: definiteOf(key)}
		w.lex[key] = l
	}
	return l
}

// quickNormal returns what tokenize makes of a text before it splits it
// (NFKC, then marks stripped, then NFKC again), computed without the norm
// package when the text holds only: ASCII, the Arabic letters and digits,
// the Arabic comma, semicolon and question mark, guillemets, dashes and
// curly double quotes, all of which NFKC leaves alone and none of which
// combines with another; the harakat fathatan to sukun, which combine with
// nothing and are stripped; and the no-break space, which NFKC makes a
// space. Most news text does, and normalising it was the larger part of
// reading it. ok is false for any other text.
func quickNormal(s string) (normal string, ok bool) {
	same := true
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
		case r >= 0x0621 && r <= 0x063A, r >= 0x0641 && r <= 0x064A: // letters; 0x0640 is tatweel, a mark
		case r >= 0x0660 && r <= 0x0669: // Arabic-Indic digits
		case r == '،', r == '؛', r == '؟', r == '«', r == '»', r == '–', r == '—', r == '“', r == '”':
		case r >= 0x064B && r <= 0x0652, r == '\u00A0':
			same = false
		default:
			return "", false
		}
	}
	if same {
		return s, true
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0x064B && r <= 0x0652:
			return -1
		case r == '\u00A0':
			return ' '
		}
		return r
	}, s), true
}

// isWordRune is arabic.IsWordRune, answering first for ASCII and the
// Arabic letters, nearly every character of a text, which the unicode
// tables answer slowly.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	case r >= 0x0621 && r <= 0x064A:
		return true
	}
	return arabic.IsWordRune(r)
}

// tokenize is words.tokenize for one document on its own.
func tokenize(d Doc) []token { return newWords().tokenize(d) }

// tokenize splits the title, lede and body of d into words, in reading
// order, recording which field each comes from and what punctuation
// separates it from the previous one.
func (w *words) tokenize(d Doc) []token {
	size := len(d.Title) + len(d.Lede)
	for _, p := range d.Body {
		size += len(p)
	}
	// An Arabic word and its space take about ten bytes: room enough that
	// the tokens are rarely copied to a larger array.
	toks := make([]token, 0, size/8+8)
	add := func(text string, field uint8) {
		// The surface form gets the first steps of arabic.Fold (NFKC,
		// marks stripped); the rest of Fold maps letter for letter, so
		// a key and its surface line up rune by rune.
		s, ok := quickNormal(text)
		if !ok {
			s = norm.NFKC.String(text)
			if t := arabic.StripMarks(s); t != s {
				s = norm.NFKC.String(t)
			}
		}
		pending := uint8(brkPunct) // a new field or paragraph
		start, brk := -1, uint8(0)
		flush := func(end int) {
			surf := s[start:end]
			key := w.key(surf) // s is normalised and stripped of marks already
			if utf8.RuneCountInString(key) != utf8.RuneCountInString(surf) {
				surf = key // cannot happen after the normalisation above; stay safe
			}
			toks = append(toks, token{key: key, lex: w.lexeme(key), surf: surf, field: field, brk: brk})
			start = -1
		}
		for i, r := range s {
			if isWordRune(r) {
				if start < 0 {
					start, brk, pending = i, pending, brkSpace
				}
				continue
			}
			if start >= 0 {
				flush(i)
			}
			switch {
			case unicode.IsSpace(r):
			case strings.ContainsRune(quotes, r):
				pending = max(pending, brkQuote)
			default:
				pending = brkPunct
			}
		}
		if start >= 0 {
			flush(len(s))
		}
	}
	add(d.Title, fieldTitle)
	add(d.Lede, fieldLede)
	for _, p := range d.Body {
		add(p, fieldBody)
	}
	if n := len(toks); n > 1 {
		for i := range toks {
			toks[i].pos = float64(i) / float64(n-1)
		}
	}
	return toks
}
