package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"html"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/cores"
	"github.com/sahifa/sahifa/internal/output"
	"github.com/sahifa/sahifa/internal/search"
	"github.com/sahifa/sahifa/internal/site"
)

// searchLayout is the search page. It is optional: a theme without it
// has no search page, and no index is built.
const searchLayout = "_default/search.html"

// The search page and the folder of its index (docs/search.md).
const (
	searchURL     = "/search/"
	searchDataURL = "/search/data/"
)

// searchDocument is an article as the search index takes it: every
// text its page shows a reader, and all a result shows (docs/search.md),
// but for its Text: the body's text, which the caller reads from the
// rendered HTML (the Markdown source would need a second parse, and
// Result.PlainText is only the start): the text readers see, without
// markup, link targets or image addresses.
func (r *renderer) searchDocument(a *site.Article, e *Article) search.Document {
	df := r.site.Config.Dates.Format()
	local := a.Date.In(location(r.site.Config))
	d := search.Document{
		Path:     readablePath(e.RelPermalink),
		Title:    a.Title,
		Date:     a.Date,
		DateText: df.Short(local),
		DateISO:  local.Format(time.RFC3339),
		Summary:  e.Summary,
		Thumb:    thumbnail(e.Image),
		Lede:     e.Description,
		Caption:  e.Caption,
		Dateline: e.Dateline,
		Tags:     a.Tags,
	}
	if a.Section != nil {
		d.Section = a.Section.Name
	}
	return d
}

// thumbnail is the address of an image's narrowest size, for a search
// result; "" for none.
func thumbnail(img *Image) string {
	if img == nil {
		return ""
	}
	if first, _, _ := strings.Cut(img.Srcset, ","); first != "" {
		src, _, _ := strings.Cut(strings.TrimSpace(first), " ")
		return src
	}
	return img.Src
}

// searchPlan is how a build makes the search index (docs/search.md): the
// base, the oldest articles in a whole multiple of K, stays as the last
// build wrote it when its articles are the same, so that publishing or
// editing an article of the delta decodes no analysis of the base's
// articles and encodes none of its shards. The delta, the blocks and
// meta.json are made every build, from the delta's analyses and every
// article's stored fields.
type searchPlan struct {
	articles map[*site.Article]*searchArticle
	// base are the base's articles, oldest first; baseKey is the key of
	// their files and of their facts in Memos.Search, "" for no base.
	base    []*site.Article
	baseKey string
	// kept are the base's files the build keeps; baseKept is set when
	// they are all of them, and its articles add their stored fields alone.
	kept     map[string]bool
	baseKept bool
}

// searchArticle is an article as the plan sees it.
type searchArticle struct {
	// doc is its document, with the summary of its front matter: one
	// taken from the body is known once the article is rendered.
	doc search.Document
	// key is its analysis's key in Memos.Search.
	key string
	// delta is set for the newest 1 to K articles, rendered before the
	// others: whether the base stays depends on their analyses
	// (search.FitsBase).
	delta bool
	// stored is the document as the last index with a kept base took it
	// (its stored fields), with storedSummary its summary: a rerender adds
	// it again as it is while the summary, the one field a body edit
	// changes, is the same (Rendered.BodyEdited).
	stored        search.Stored
	storedSummary string
}

// planSearch, before the articles are rendered, numbers them as the index
// will and keys the base by its articles' analysis keys in order.
func (r *renderer) planSearch() {
	if r.search == nil {
		return
	}
	arts := r.site.Articles
	p := searchPlan{articles: make(map[*site.Article]*searchArticle, len(arts)), kept: map[string]bool{}}
	docs := make([]search.Document, len(arts))
	planned := make([]searchArticle, len(arts))
	// On every core: at 10,000 articles this loop was a tenth of a
	// publish's render stage, and nothing else runs beside it.
	cores.Each(len(arts), func() func(int) {
		var buf []byte
		return func(i int) {
			docs[i] = r.searchDocument(arts[i], r.entries[arts[i]])
			var key string
			key, buf = analysisKey(buf[:0], r.keys.program, docs[i], r.bodyKeys[arts[i]])
			planned[i] = searchArticle{doc: docs[i], key: key}
		}
	})
	for i, a := range arts {
		p.articles[a] = &planned[i]
	}
	order := search.Numbered(docs)
	base := search.Options{}.BaseDocs(len(order))
	for n, i := range order {
		if n < base {
			p.base = append(p.base, arts[i])
		} else {
			p.articles[arts[i]].delta = true
		}
	}
	if base > 0 {
		p.baseKey = r.baseKey(&p)
	}
	r.searchPlan = p
}

// baseKey keys the base of plan p by its articles' analysis keys, in
// order.
func (r *renderer) baseKey(p *searchPlan) string {
	h := sha256.New()
	for _, a := range p.base {
		io.WriteString(h, p.articles[a].key)
	}
	return r.keys.memo("search base", hex.EncodeToString(h.Sum(nil)))
}

// analysisKey is the key of an article's analysis: the program, the
// document's fields and the body's key, which stands for the text and
// for a summary taken from the body. Written field by field, as JSON of
// every article's document cost more than the rest of the plan, into
// buf, which it returns for the next key.
func analysisKey(buf, program []byte, d search.Document, bodyKey string) (string, []byte) {
	buf = append(buf, program...)
	field := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	for _, s := range []string{"search document", d.Path, d.Title, d.DateText, d.DateISO, d.Summary,
		d.Section, d.Thumb, d.Lede, d.Caption, d.Dateline, bodyKey} {
		field(s)
	}
	buf = binary.AppendVarint(buf, d.Date.UnixNano())
	buf = binary.AppendUvarint(buf, uint64(len(d.Tags)))
	for _, t := range d.Tags {
		field(t)
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:]), buf
}

// keepSearchBase keeps the last build's base when its articles are this
// build's and the delta's analyses (added by now) leave its weights as
// they are. Its files are kept one by one: if one of them cannot be (it
// was changed on disk), the base is built, and the kept ones, whose bytes
// are what it would write, are not written again.
func (r *renderer) keepSearchBase() {
	p := &r.searchPlan
	if r.search == nil || p.baseKey == "" || r.opts.Reuse == nil {
		return
	}
	data, ok := r.opts.Memos.Search.get(p.baseKey)
	if !ok {
		return
	}
	facts, err := search.DecodeBaseFacts(data)
	if err != nil || !r.search.FitsBase(facts, len(r.site.Articles)) {
		return
	}
	dataDir := strings.TrimPrefix(searchDataURL, "/")
	all := true
	for _, f := range facts.Files() {
		if r.keep(dataDir+f, p.baseKey) {
			p.kept[f] = true
		} else {
			all = false
		}
	}
	if !all {
		return
	}
	r.search.KeepBase(facts)
	p.baseKept = true
	// The base's analyses are needed again when the base moves (every
	// K-th publish): they are marked live, not read, so the store does
	// not collect them.
	keys := make([]string, len(p.base))
	for i, a := range p.base {
		keys[i] = p.articles[a].key
	}
	r.opts.Memos.Search.Live(keys...)
}

// indexArticle adds article a, whose list entry is e, to the search index:
// its analysis, from the memo or made from text, or only its stored fields
// when it is in a kept base.
func (r *renderer) indexArticle(a *site.Article, e *Article, text func() (string, error)) error {
	p := &r.searchPlan
	sa := p.articles[a]
	doc := sa.doc
	doc.Summary = e.Summary
	if p.baseKept && !sa.delta {
		// Only this article's goroutine touches sa.
		if sa.stored.Added() && sa.storedSummary == e.Summary {
			r.search.AddStored(sa.stored)
		} else {
			sa.stored, sa.storedSummary = r.search.AddDocument(doc), e.Summary
		}
		return nil
	}
	an, ok := r.opts.Memos.Search.get(sa.key)
	if ok && r.search.AddAnalysis(an) == nil {
		return nil
	}
	var err error
	if doc.Text, err = text(); err != nil {
		return err
	}
	an = search.Analyse(doc)
	r.opts.Memos.Search.set(sa.key, an)
	return r.search.AddAnalysis(an) // its own output: always decodes
}

// writeSearch builds the search index from the articles added while they
// were rendered, emits it under /search/data/, and renders the search
// page.
func (r *renderer) writeSearch() error {
	if r.search == nil {
		return nil
	}
	dataDir := strings.TrimPrefix(searchDataURL, "/")
	p := &r.searchPlan
	st, err := r.search.Build(search.Options{}, func(f search.File) error {
		out := output.File{Path: dataDir + f.Path, MediaType: "application/json", Data: f.Data}
		switch {
		case p.kept[f.Path]:
			return nil
		case f.Base:
			out.Key = p.baseKey
		case strings.HasPrefix(f.Path, "d/"):
			// A block is keyed by its bytes: a publish changes the last
			// alone, and keeping the others costs a stat, not a write.
			sum := sha256.Sum256(f.Data)
			out.Key = r.keys.memo("search block", hex.EncodeToString(sum[:]))
			if r.keep(out.Path, out.Key) {
				return nil
			}
		}
		return r.emit(out)
	})
	if err != nil {
		return err
	}
	if p.baseKey != "" && !p.baseKept {
		r.opts.Memos.Search.set(p.baseKey, st.BaseFacts.Encode())
	}
	digits := "latin"
	if r.site.Config.Dates.Format().Digits == arabic.ArabicDigits {
		digits = "arabic"
	}
	data := &Page{
		Kind:         "search",
		Title:        "البحث",
		Description:  r.site.Config.Description,
		Permalink:    r.abs(searchURL),
		RelPermalink: r.rel(searchURL),
		Site:         r.siteData,
		Feeds:        r.feeds,
		Search:       &SearchData{DataURL: r.rel(searchDataURL), Count: st.Documents, Digits: digits, Years: r.articleYears()},
	}
	return r.page(strings.TrimPrefix(searchURL, "/")+"index.html", "search page", searchLayout, data)
}

// articleYears are the years of the articles, newest first, in the
// site's time zone. They are found once per site model: a rerender after
// a body edit (the only other caller) does not move any date, and finding
// them again cost a dev-server rebuild 10 ms at 100,000 articles.
func (r *renderer) articleYears() []int {
	if r.years == nil {
		r.years = r.findYears()
	}
	return r.years
}

func (r *renderer) findYears() []int {
	loc := location(r.site.Config)
	seen := map[int]bool{}
	var years []int
	for _, a := range r.site.Articles {
		if y := a.Date.In(loc).Year(); !seen[y] {
			seen[y] = true
			years = append(years, y)
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
	return years
}

// inlineTags are the elements that may sit inside a word
// (و<strong>الكاظمي</strong>); every other tag separates words.
var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "code": true, "del": true,
	"em": true, "i": true, "ins": true, "kbd": true, "mark": true, "q": true, "s": true,
	"small": true, "span": true, "strong": true, "u": true,
}

// htmlText is the text of rendered HTML: tags removed, a space where a
// tag other than an inline one stood (paragraphs, cells, a footnote
// number), the contents of script and style elements left out, and
// character references decoded.
func htmlText(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) / 2)
	for len(b) > 0 {
		lt := bytes.IndexByte(b, '<')
		if lt < 0 {
			sb.Write(b)
			break
		}
		sb.Write(b[:lt])
		b = b[lt:]
		gt := bytes.IndexByte(b, '>')
		if gt < 0 {
			break
		}
		closing := gt > 1 && b[1] == '/'
		name := tagName(b[1:gt])
		b = b[gt+1:]
		if !closing && (name == "script" || name == "style") {
			end := bytes.Index(bytes.ToLower(b), []byte("</"+name))
			if end < 0 {
				break
			}
			b = b[end:]
			continue
		}
		if !inlineTags[name] {
			sb.WriteByte(' ')
		}
	}
	return html.UnescapeString(sb.String())
}

// tagName is the lower-cased element name of a tag's inside ("/p",
// `a href="…"`, "br/").
func tagName(tag []byte) string {
	tag = bytes.TrimPrefix(tag, []byte("/"))
	end := bytes.IndexAny(tag, " \t\n\r/")
	if end >= 0 {
		tag = tag[:end]
	}
	return strings.ToLower(string(tag))
}

// readablePath keeps the link rel percent-encoded but writes the letters
// it encodes beyond ASCII (Arabic) as themselves, as an IRI does: the
// search index stays half the size and readable, yet "%" and "?" in a
// slug stay escaped, so the path reads back as the same link (search.js
// decodes and encodes each segment again).
func readablePath(rel string) string {
	var b strings.Builder
	for i := 0; i < len(rel); {
		// A run of escaped bytes beyond ASCII: written as text when it is
		// whole UTF-8, else left as it was.
		j := i
		var run []byte
		for j+2 < len(rel) && rel[j] == '%' {
			c, err := strconv.ParseUint(rel[j+1:j+3], 16, 8)
			if err != nil || c < utf8.RuneSelf {
				break
			}
			run = append(run, byte(c))
			j += 3
		}
		switch {
		case j > i && utf8.Valid(run):
			b.Write(run)
			i = j
		case j > i:
			b.WriteString(rel[i:j])
			i = j
		default:
			b.WriteByte(rel[i])
			i++
		}
	}
	return b.String()
}
