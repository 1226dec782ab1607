package render

import (
	"encoding/binary"
	"time"

	"github.com/sahifa/sahifa/internal/feed"
)

// keyData is what the key of a page or a feed hashes, written field by
// field from its data. Encoding the data as JSON did the same through
// reflection and string escaping, and cost more than rendering the few
// pages a publish changes (docs/performance.md). Every value is written
// with its length or a fixed form, so different data never write the
// same bytes. A new field of a type here must be written too:
// TestPageKeyCoversEveryField and TestFeedKeyCoversEveryField fail until
// it is (or until they say why the field need not be).
type keyData []byte

func (d *keyData) str(s string) {
	*d = binary.AppendUvarint(*d, uint64(len(s)))
	*d = append(*d, s...)
}

func (d *keyData) int(n int) { *d = binary.AppendVarint(*d, int64(n)) }

func (d *keyData) bool(b bool) {
	if b {
		*d = append(*d, 1)
	} else {
		*d = append(*d, 0)
	}
}

// has writes whether a pointer is set, and says so.
func (d *keyData) has(set bool) bool {
	d.bool(set)
	return set
}

// time writes the instant and the zone, whose name and offset a template
// can show.
func (d *keyData) time(t time.Time) {
	zone, offset := t.Zone()
	*d = binary.AppendVarint(*d, t.Unix())
	d.int(t.Nanosecond())
	d.int(offset)
	d.str(zone)
}

// each writes the length of a list and each of its items.
func each[T any](d *keyData, items []T, write func(*keyData, *T)) {
	d.int(len(items))
	for i := range items {
		write(d, &items[i])
	}
}

// sum writes the hash of data hashed once for many pages.
func (d *keyData) sum(s *[32]byte) { *d = append(*d, s[:]...) }

func (d *keyData) termLink(t *TermLink) {
	d.str(t.Name)
	d.str(t.URL)
	d.int(t.Count)
	d.str(t.FeedURL)
}

func (d *keyData) taxonomy(td *TaxonomyData) {
	d.str(td.Name)
	d.str(td.Title)
	d.str(td.URL)
	each(d, td.Terms, (*keyData).termLink)
}

func (d *keyData) period(p *PeriodLink) {
	d.int(p.Year)
	d.int(p.Month)
	d.time(p.Date)
	d.str(p.URL)
	d.str(p.YearURL)
	d.int(p.Count)
	each(d, p.Months, (*keyData).period)
}

func (d *keyData) archive(ad *ArchiveData) {
	d.str(ad.URL)
	each(d, ad.Years, (*keyData).period)
}

func (d *keyData) search(s *SearchData) {
	d.str(s.DataURL)
	d.int(s.Count)
	d.str(s.Digits)
	d.int(len(s.Years))
	for _, y := range s.Years {
		d.int(y)
	}
}

func (d *keyData) feed(f *FeedLink) {
	d.str(f.Type)
	d.str(f.Title)
	d.str(f.URL)
}

func (d *keyData) image(im *Image) {
	d.str(im.Src)
	d.str(im.Srcset)
	d.str(im.Sizes)
	d.int(im.Width)
	d.int(im.Height)
	d.str(im.Alt)
	d.str(im.Caption)
	d.str(im.OG.URL)
	d.int(im.OG.Width)
	d.int(im.OG.Height)
	d.str(im.OG.Type)
}

// article writes what an article's page, or its entry on a list, is
// made from: its file (source, the hash of its front matter and body,
// from which the title, dates, summary, word count and the rest come,
// given the config in the global key), its URL, and what comes from
// elsewhere: its tags' names and links (a term's name is its most common
// spelling across the archive), its section (named by its _index.md),
// its picture (made from an image file), and on its page, the related
// articles.
func (d *keyData) article(a *Article) {
	d.str(a.source)
	d.str(a.Permalink)
	d.str(a.RelPermalink)
	each(d, a.TagLinks, (*keyData).termLink)
	if d.has(a.Section != nil) {
		d.section(a.Section)
	}
	// Author pages' addresses come from the taxonomy, not the file.
	each(d, a.Authors, (*keyData).author)
	if d.has(a.Image != nil) {
		d.image(a.Image)
	}
	each(d, a.Related, (*keyData).related)
	// Empty on lists, and while an article's page is keyed: its Markdown
	// is rendered only if the page is (the body's key stands for it).
	d.str(string(a.Content))
}

func (d *keyData) section(s *SectionLink) {
	d.str(s.Name)
	d.str(s.Description)
	d.str(s.URL)
	d.str(s.FeedURL)
	d.str(s.AtomURL)
	d.int(s.Count)
}

func (d *keyData) sectionBlock(b *SectionBlock) {
	if d.has(b.Section != nil) {
		d.section(b.Section)
	}
	each(d, b.Articles, func(d *keyData, a **Article) { d.article(*a) })
}

func (d *keyData) author(a *AuthorLink) {
	d.str(a.Name)
	d.str(a.URL)
	d.str(a.Permalink)
	d.bool(a.Organization)
}

func (d *keyData) related(rel *RelatedLink) {
	d.str(rel.Title)
	d.str(rel.URL)
	d.time(rel.Date)
	d.str(rel.Dateline)
}

func (d *keyData) pageLink(l *PageLink) {
	d.int(l.Number)
	d.str(l.URL)
	d.bool(l.Current)
	d.bool(l.Gap)
}

func (d *keyData) channel(ch *feed.Channel) {
	d.str(ch.Title)
	d.str(ch.Description)
	d.str(ch.Link)
	d.str(ch.SelfURL)
	d.str(ch.Language)
	d.str(ch.Generator)
	each(d, ch.Items, (*keyData).item)
}

func (d *keyData) item(it *feed.Item) {
	d.str(it.Title)
	d.str(it.URL)
	d.str(it.Summary)
	d.str(it.ContentHTML)
	d.time(it.Published)
	d.time(it.Updated)
	d.int(len(it.Categories))
	for _, c := range it.Categories {
		d.str(c)
	}
	d.str(it.Author)
}
