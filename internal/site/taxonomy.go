package site

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/content"
)

// Taxonomy is one way of grouping articles ("tags", "sections",
// "authors"), with a page per term and an index of all terms.
type Taxonomy struct {
	Name  string // plural, as in URLs and front matter: "tags"
	Terms []*Term
	// RelPermalink is the index page: "/tags/".
	RelPermalink string
	OutputPath   string
}

// Term is one value of a taxonomy, such as the tag العراق.
type Term struct {
	// Key is the normalised form (arabic.Fold) that decides which
	// spellings are one term: إيران and ايران, with or without harakat.
	Key string
	// Name is the spelling used most often, ties to the first in Unicode
	// order, so the choice does not depend on file order.
	Name         string
	RelPermalink string
	Articles     []*Article // newest first
	Pagers       []Pager
	spellings    map[string]int
}

// TermKey is the key under which spellings of a term are merged: folded
// letters, no harakat or tatweel, single spaces.
func TermKey(s string) string {
	return strings.Join(strings.Fields(arabic.Fold(s)), " ")
}

// termsOf returns a page's values for a taxonomy: Tags for "tags", a list
// (or a single text) in front matter under the taxonomy's name otherwise.
func termsOf(p *content.Page, taxonomy string) []string {
	if taxonomy == "tags" {
		return p.Tags
	}
	switch v := p.Params[taxonomy].(type) {
	case string:
		if strings.TrimSpace(v) != "" {
			return []string{strings.TrimSpace(v)}
		}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
				out = append(out, strings.TrimSpace(s))
			}
		}
		return out
	}
	return nil
}

// buildTaxonomy groups the (newest first) articles by their terms.
func buildTaxonomy(name string, articles []*Article, perPage int) *Taxonomy {
	tx := &Taxonomy{Name: name, RelPermalink: "/" + name + "/"}
	tx.OutputPath = OutputPath(tx.RelPermalink)
	byKey := map[string]*Term{}
	for _, a := range articles {
		seen := map[string]bool{}
		for _, raw := range termsOf(a.Page, name) {
			key := TermKey(raw)
			if key == "" || seen[key] {
				continue // the same tag twice in one article counts once
			}
			seen[key] = true
			t := byKey[key]
			if t == nil {
				t = &Term{Key: key, spellings: map[string]int{}}
				byKey[key] = t
				tx.Terms = append(tx.Terms, t)
			}
			t.spellings[raw]++
			t.Articles = append(t.Articles, a)
			if a.Terms == nil {
				a.Terms = map[string][]*Term{}
			}
			a.Terms[name] = append(a.Terms[name], t)
		}
	}
	// Terms that differ only in what a slug drops ("C++" and "C") get
	// numbered slugs, first come first served in key order, rather than
	// failing the build over a reader-invisible clash.
	sort.Slice(tx.Terms, func(i, j int) bool { return tx.Terms[i].Key < tx.Terms[j].Key })
	used := map[string]bool{}
	for _, t := range tx.Terms {
		t.Name = mostUsed(t.spellings)
		base := arabic.Slugify(t.Name, 0)
		if base == "" {
			base = "term"
		}
		slug := base
		for n := 2; used[slug]; n++ {
			slug = fmt.Sprintf("%s-%d", base, n)
		}
		used[slug] = true
		t.RelPermalink = tx.RelPermalink + slug + "/"
		t.Pagers = Paginate(t.Articles, t.Articles, perPage, t.RelPermalink)
	}
	// The index lists the busiest terms first, as readers scan for them.
	sort.Slice(tx.Terms, func(i, j int) bool {
		a, b := tx.Terms[i], tx.Terms[j]
		if len(a.Articles) != len(b.Articles) {
			return len(a.Articles) > len(b.Articles)
		}
		return a.Key < b.Key
	})
	return tx
}

func mostUsed(spellings map[string]int) string {
	best, n := "", 0
	for s, c := range spellings {
		if c > n || (c == n && s < best) {
			best, n = s, c
		}
	}
	return best
}
