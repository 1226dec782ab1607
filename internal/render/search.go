package render

import (
	"bytes"
	"html"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sahifa/sahifa/internal/arabic"
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

// searchDocument is an article as the search index takes it, but for
// its Text: the body's text, which the caller reads from the rendered
// HTML (the Markdown source would need a second parse, and
// Result.PlainText is only the start): the text readers see, without
// markup, link targets or image addresses.
func (r *renderer) searchDocument(a *site.Article, e *Article) search.Document {
	df := r.site.Config.Dates.Format()
	local := a.Date.In(location(r.site.Config))
	return search.Document{
		Path:     readablePath(e.RelPermalink),
		Title:    a.Title,
		Date:     a.Date,
		DateText: df.Short(local),
		DateISO:  local.Format(time.RFC3339),
		Summary:  e.Summary,
		Tags:     a.Tags,
	}
}

// keepSearch decides, before the articles are rendered, whether the
// search index the last build wrote can stay: its key covers every
// article's indexed fields and body. When it stays, no article is added
// to the index (or rendered for it).
func (r *renderer) keepSearch() {
	if r.search == nil {
		return
	}
	// Each article's indexed fields as searchDocument gives them, and its
	// body's key for the text (and for a summary taken from the body).
	type doc struct {
		search.Document
		Body string
	}
	docs := make([]doc, len(r.site.Articles))
	for i, a := range r.site.Articles {
		docs[i] = doc{r.searchDocument(a, r.entries[a]), r.bodyKeys[a]}
	}
	r.searchKey = r.keys.of(searchDataURL, docs)
	if r.opts.Reuse != nil && r.searchKey != "" && r.opts.Reuse.KeepAll(strings.TrimPrefix(searchDataURL, "/"), r.searchKey) {
		r.searchKept, r.search = true, nil
	}
}

// writeSearch builds the search index from the articles added while they
// were rendered, emits it under /search/data/, and renders the search
// page.
func (r *renderer) writeSearch() error {
	if r.search == nil && !r.searchKept {
		return nil
	}
	dataDir := strings.TrimPrefix(searchDataURL, "/")
	st := search.Stats{Documents: len(r.site.Articles)}
	if !r.searchKept {
		var err error
		st, err = r.search.Build(search.Options{}, func(f search.File) error {
			return r.emitKeyed(output.File{Path: dataDir + f.Path, MediaType: "application/json", Data: f.Data}, r.searchKey)
		})
		if err != nil {
			return err
		}
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
		Search:       &SearchData{DataURL: r.rel(searchDataURL), Count: st.Documents, Digits: digits},
	}
	return r.page(strings.TrimPrefix(searchURL, "/")+"index.html", "search page", searchLayout, data)
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
