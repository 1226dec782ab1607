package site

import (
	"strconv"
)

// Pager is one page of a paginated list (the home page, a term, an archive
// year or month).
//
// Lists are paginated from their oldest article, so a numbered page keeps
// its articles for good: /page/1/ holds the oldest perPage articles,
// /page/2/ the next perPage, and the newest numbered page the remainder.
// The list's front page (its own URL, Number 0) shows the newest perPage.
// Publishing a newer article then changes the front page and the newest
// numbered page (or starts a new one), never the pages before it, so an
// archive's pages stay byte-identical from one publish to the next and are
// neither uploaded again nor evicted from CDN caches (docs/output.md).
type Pager struct {
	// Number is 0 for the front page, else the page's place counted from
	// the oldest page, 1.
	Number int
	// Articles are the page's articles, newest first.
	Articles []*Article
	// RelPermalink is the page's URL: Base for the front page,
	// Base+"page/N/" for page N.
	RelPermalink string
	OutputPath   string
	// Base is the URL of the front page, from which the others' URLs derive.
	Base string
	// Newer and Older are the numbers of the pages a reader goes to for
	// newer and older articles: 0 for none (Newer is 0 on the newest
	// numbered page: the front page, always linked, has the newest).
	// The front page's Older is the numbered page holding the newest
	// article it does not show.
	Newer, Older int
	// newest is the highest page number. It changes as the list grows, so
	// it is kept from templates and keys: a page that showed it would
	// change on every publish.
	newest int
}

// Near is the numbers of the pages a pager links to besides the front
// page: page 1 (the oldest), and the pages within span of this one, newest
// first. Links never reach past this page's neighbours, so a page's
// navigation changes only when a page within span of it is added.
func (p *Pager) Near(span int) []int {
	// The front page stands just after its Older page, and links only
	// older pages.
	hi, lo := min(p.newest, p.Number+span), max(1, p.Number-span)
	if p.Number == 0 {
		if p.Older == 0 {
			return nil
		}
		hi, lo = p.Older, max(1, p.Older+1-span)
	}
	var ns []int
	for n := hi; n >= lo; n-- {
		ns = append(ns, n)
	}
	if lo > 1 {
		ns = append(ns, 1)
	}
	return ns
}

// PageURL returns the URL of page n of a list whose front page is base
// (n 0 is the front page).
func PageURL(base string, n int) string {
	if n < 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// Paginate makes a list's pages: its front page, showing the first perPage
// of front (the list in the order readers see it first: newest first, or
// pinned articles then the newest on the home page), and the numbered pages
// of chrono (the same articles newest first), counted from the oldest. A
// list that fits on its front page has no numbered pages; an empty list
// still has its front page, so the home page exists.
func Paginate(front, chrono []*Article, perPage int, base string) []Pager {
	if perPage < 1 {
		perPage = 1
	}
	n := len(chrono)
	shown := front[:min(perPage, len(front))]
	frontPage := Pager{Articles: shown[:len(shown):len(shown)], RelPermalink: base, OutputPath: OutputPath(base), Base: base}
	if n <= perPage {
		return []Pager{frontPage}
	}
	newest := (n + perPage - 1) / perPage
	pagers := make([]Pager, 1, newest+1)
	onFront := make(map[*Article]bool, len(shown))
	for _, a := range shown {
		onFront[a] = true
	}
	for i, a := range chrono { // newest first: i counts from the newest
		if !onFront[a] {
			frontPage.Older = (n-1-i)/perPage + 1
			break
		}
	}
	frontPage.newest = newest
	pagers[0] = frontPage
	for num := 1; num <= newest; num++ {
		// Page num holds the articles num*perPage-perPage … num*perPage-1
		// counted from the oldest; chrono counts from the newest.
		hi, lo := n-(num-1)*perPage, max(0, n-num*perPage)
		url := PageURL(base, num)
		p := Pager{
			Number:       num,
			Articles:     chrono[lo:hi:hi],
			RelPermalink: url,
			OutputPath:   OutputPath(url),
			Base:         base,
			Older:        num - 1,
			newest:       newest,
		}
		if num < newest {
			p.Newer = num + 1
		}
		pagers = append(pagers, p)
	}
	return pagers
}
