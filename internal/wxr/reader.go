package wxr

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/sahifa/sahifa/internal/diag"
)

// MaxText is the most one piece of text (a post's HTML, a title) may
// weigh, and MaxItem one whole item. The largest post of a real archive is
// a few hundred kilobytes; the caps keep hostile input from filling memory.
const (
	MaxText = 16 << 20
	MaxItem = 64 << 20
)

// Reader reads a WXR export as a stream. It is not safe for concurrent use.
type Reader struct {
	name  string // the export's path, for messages
	dec   *xml.Decoder
	guard *guard
	site  Site
	depth int // elements open above the one being read, outside items
	// lastStart is the start tag fields last read, for its attributes.
	lastStart xml.StartElement
	err       error
}

// NewReader reads the export from r; name is its path in messages.
func NewReader(r io.Reader, name string) *Reader {
	g := &guard{r: r, limit: MaxItem}
	dec := xml.NewDecoder(g)
	dec.Strict = true
	// HTML's named characters (&nbsp; in an old title) are a fixed table
	// of single characters; entities a document declares are never
	// expanded, and a DOCTYPE is refused outright (next).
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charset.NewReaderLabel
	return &Reader{name: name, dec: dec, guard: g}
}

// Site is what the channel has said so far: WordPress writes the blog's
// addresses, authors, categories and tags before the first item.
func (r *Reader) Site() Site { return r.site }

// Next returns the next item, or io.EOF after the last. A broken export
// is an error with the line it breaks at; every call after it returns it
// again.
func (r *Reader) Next() (*Item, error) {
	if r.err != nil {
		return nil, r.err
	}
	it, err := r.next()
	if err != nil {
		r.err = err
	}
	return it, err
}

func (r *Reader) next() (*Item, error) {
	for {
		tok, err := r.token()
		if err == io.EOF {
			if r.depth != 0 {
				return nil, r.errorf("the file ends inside an element: the export was cut short; export it again")
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.Directive:
			if strings.HasPrefix(strings.TrimSpace(string(t)), "DOCTYPE") {
				return nil, r.errorf("the file declares a DOCTYPE, which WordPress exports never do; it is refused, as its entities could expand without end")
			}
		case xml.StartElement:
			if r.depth == 0 && t.Name.Local != "rss" {
				return nil, r.errorf("<%s> opens the file, not <rss>: this is not a WordPress export (Tools → Export in WordPress writes one)", t.Name.Local)
			}
			switch key(t.Name) {
			case "rss", "channel":
				r.depth++
				continue
			case "item":
				return r.item(t)
			}
			if err := r.channelField(t); err != nil {
				return nil, err
			}
		case xml.EndElement:
			r.depth--
		}
	}
}

// channelField reads one element of the channel other than an item.
func (r *Reader) channelField(t xml.StartElement) error {
	s := &r.site
	var err error
	switch key(t.Name) {
	case "title":
		s.Title, err = r.text()
	case "link":
		s.Link, err = r.text()
	case "wp:base_site_url":
		s.BaseSiteURL, err = r.text()
	case "wp:base_blog_url":
		s.BaseBlogURL, err = r.text()
	case "wp:wxr_version":
		s.Version, err = r.text()
	case "wp:author":
		var a Author
		err = r.fields(func(k string) error {
			switch k {
			case "wp:author_login":
				return r.textTo(&a.Login)
			case "wp:author_display_name":
				return r.textTo(&a.DisplayName)
			}
			return r.dec.Skip()
		})
		s.Authors = append(s.Authors, a)
	case "wp:category":
		var c Category
		err = r.fields(func(k string) error {
			switch k {
			case "wp:category_nicename":
				return r.textTo(&c.Nicename)
			case "wp:cat_name":
				return r.textTo(&c.Name)
			case "wp:category_parent":
				return r.textTo(&c.Parent)
			}
			return r.dec.Skip()
		})
		s.Categories = append(s.Categories, c)
	case "wp:tag":
		var tg Tag
		err = r.fields(func(k string) error {
			switch k {
			case "wp:tag_slug":
				return r.textTo(&tg.Slug)
			case "wp:tag_name":
				return r.textTo(&tg.Name)
			}
			return r.dec.Skip()
		})
		s.Tags = append(s.Tags, tg)
	default:
		err = r.dec.Skip()
	}
	return r.wrap(err)
}

// item reads one <item> whose start tag was just read.
func (r *Reader) item(start xml.StartElement) (*Item, error) {
	line, _ := r.dec.InputPos()
	it := &Item{Line: line, Meta: map[string]string{}}
	var local, gmt, modified string
	err := r.fields(func(k string) error {
		switch k {
		case "title":
			return r.textTo(&it.Title)
		case "link":
			return r.textTo(&it.Link)
		case "guid":
			return r.textTo(&it.GUID)
		case "dc:creator":
			return r.textTo(&it.Creator)
		case "content:encoded":
			return r.textTo(&it.Content)
		case "excerpt:encoded":
			return r.textTo(&it.Excerpt)
		case "wp:post_id":
			return r.intTo(&it.ID)
		case "wp:post_parent":
			return r.intTo(&it.Parent)
		case "wp:menu_order":
			return r.intTo(&it.MenuOrder)
		case "wp:post_type":
			return r.textTo(&it.Type)
		case "wp:status":
			return r.textTo(&it.Status)
		case "wp:post_name":
			return r.textTo(&it.Name)
		case "wp:post_password":
			return r.textTo(&it.Password)
		case "wp:attachment_url":
			return r.textTo(&it.AttachmentURL)
		case "wp:post_date":
			return r.textTo(&local)
		case "wp:post_date_gmt":
			return r.textTo(&gmt)
		case "wp:post_modified_gmt":
			return r.textTo(&modified)
		case "wp:is_sticky":
			var s string
			err := r.textTo(&s)
			it.Sticky = strings.TrimSpace(s) == "1"
			return err
		case "category":
			return r.term(it)
		case "wp:postmeta":
			return r.meta(it)
		}
		return r.dec.Skip()
	})
	if err != nil {
		return nil, r.wrap(err)
	}
	it.Date, it.Modified, it.LocalDate = wpDate(gmt), wpDate(modified), wpDate(local)
	it.Type, it.Status = strings.TrimSpace(it.Type), strings.TrimSpace(it.Status)
	return it, nil
}

// term reads an item's <category domain="…" nicename="…">Name</category>,
// whose start tag was just read.
func (r *Reader) term(it *Item) error {
	tm := Term{Domain: "category"}
	for _, a := range r.lastStart.Attr {
		switch a.Name.Local {
		case "domain":
			tm.Domain = a.Value
		case "nicename":
			tm.Nicename = a.Value
		}
	}
	if err := r.textTo(&tm.Name); err != nil {
		return err
	}
	it.Terms = append(it.Terms, tm)
	return nil
}

// meta reads a wp:postmeta's key and value.
func (r *Reader) meta(it *Item) error {
	var k, v string
	err := r.fields(func(name string) error {
		switch name {
		case "wp:meta_key":
			return r.textTo(&k)
		case "wp:meta_value":
			return r.textTo(&v)
		}
		return r.dec.Skip()
	})
	if k != "" {
		it.Meta[k] = v
	}
	return err
}

// wpDate reads WordPress's "2006-01-02 15:04:05" as UTC; "0000-00-00
// 00:00:00" (a draft never published) and anything else unreadable is
// zero.
func wpDate(s string) time.Time {
	t, err := time.Parse(time.DateTime, strings.TrimSpace(s))
	if err != nil || t.Year() < 1 {
		return time.Time{}
	}
	return t
}

// key names an element by its namespace's usual prefix: "wp:post_id",
// "content:encoded", "title". WordPress has moved its namespace's URL
// with each version (export/1.0/ … 1.2/); an undeclared prefix is taken
// at its word.
func key(n xml.Name) string {
	s := n.Space
	switch {
	case s == "":
		return n.Local
	case strings.HasPrefix(s, "http://wordpress.org/export/") && strings.HasSuffix(s, "/excerpt/"):
		s = "excerpt"
	case strings.HasPrefix(s, "http://wordpress.org/export/"):
		s = "wp"
	case s == "http://purl.org/rss/1.0/modules/content/":
		s = "content"
	case s == "http://purl.org/dc/elements/1.1/":
		s = "dc"
	}
	return s + ":" + n.Local
}

// fields calls fn with the key of each child element of the element just
// opened, which must read or skip it, until that element closes.
func (r *Reader) fields(fn func(key string) error) error {
	start := r.dec.InputOffset()
	for {
		tok, err := r.token()
		if err != nil {
			return err
		}
		if r.dec.InputOffset()-start > MaxItem {
			return r.errorf("an element runs past %d MB; a WordPress export holds no such thing", MaxItem>>20)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			r.lastStart = t
			if err := fn(key(t.Name)); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// textTo reads the text of the element just opened into s.
func (r *Reader) textTo(s *string) error {
	var err error
	*s, err = r.text()
	return err
}

// intTo reads a number; a blank one is 0.
func (r *Reader) intTo(n *int) error {
	s, err := r.text()
	if err != nil {
		return err
	}
	s = strings.TrimSpace(s)
	if s == "" {
		*n = 0
		return nil
	}
	if *n, err = strconv.Atoi(s); err != nil {
		return r.errorf("%q is not a number", s)
	}
	return nil
}

// text reads the character data of the element just opened, until it
// closes; elements inside it are skipped.
func (r *Reader) text() (string, error) {
	var b strings.Builder
	for {
		tok, err := r.token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if b.Len()+len(t) > MaxText {
				return "", r.errorf("a text runs past %d MB; a WordPress export holds no such thing", MaxText>>20)
			}
			b.Write(t)
		case xml.StartElement:
			if err := r.dec.Skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

// token reads the next token, marking for the guard where it ended.
func (r *Reader) token() (xml.Token, error) {
	tok, err := r.dec.Token()
	r.guard.mark = r.dec.InputOffset()
	if err != nil && err != io.EOF {
		return nil, r.wrap(err)
	}
	return tok, err
}

// wrap gives a decoder's error the export's name and line.
func (r *Reader) wrap(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := errors.AsType[*diag.SourceError](err); ok {
		return err
	}
	if se, ok := errors.AsType[*xml.SyntaxError](err); ok {
		return diag.Errorf(r.name, se.Line, 0, "not well-formed XML: %s; the export is damaged or was cut short: export it again", se.Msg)
	}
	if errors.Is(err, errTooBig) {
		return r.errorf("one piece of the export runs past %d MB without a tag; a WordPress export holds no such thing", MaxItem>>20)
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	line, _ := r.dec.InputPos()
	return diag.At(r.name, line, 0, err)
}

func (r *Reader) errorf(format string, args ...any) error {
	line, col := r.dec.InputPos()
	return diag.Errorf(r.name, line, col, format, args...)
}

var errTooBig = errors.New("token too big")

// guard stops the decoder reading more than limit bytes past the end of
// the last token it returned: one token (a text, a tag with its
// attributes) is held whole in memory, so it must not grow without end.
type guard struct {
	r          io.Reader
	read, mark int64
	limit      int64
}

func (g *guard) Read(p []byte) (int, error) {
	if g.read-g.mark > g.limit {
		return 0, errTooBig
	}
	n, err := g.r.Read(p)
	g.read += int64(n)
	return n, err
}
