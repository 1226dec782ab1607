package site

import (
	"strconv"
)

// Pager is one page of a paginated list.
type Pager struct {
	Number   int // 1-based
	Total    int
	Articles []*Article
	// RelPermalink is the page's URL: base for page 1, base+"page/N/" after.
	RelPermalink string
	OutputPath   string
	// Base is the URL of page 1, from which the others' URLs derive.
	Base string
}

// PageURL returns the URL of page n of a list whose first page is base.
func PageURL(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// Paginate splits articles into pages of perPage under base (which ends in
// "/"). An empty list still has one (empty) page, so the home page exists.
func Paginate(articles []*Article, perPage int, base string) []Pager {
	if perPage < 1 {
		perPage = 1
	}
	total := (len(articles) + perPage - 1) / perPage
	if total == 0 {
		total = 1
	}
	pagers := make([]Pager, total)
	for i := range pagers {
		lo, hi := i*perPage, min((i+1)*perPage, len(articles))
		if lo > hi {
			lo = hi
		}
		url := PageURL(base, i+1)
		pagers[i] = Pager{
			Number:       i + 1,
			Total:        total,
			Articles:     articles[lo:hi:hi],
			RelPermalink: url,
			OutputPath:   OutputPath(url),
			Base:         base,
		}
	}
	return pagers
}
