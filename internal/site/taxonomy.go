package site

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/diag"
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
	// meta is what its _index.md says (indexes.go).
	meta content.SectionMeta
}

// TermKey is the key under which spellings of a term are merged: folded
// letters, no harakat or tatweel, single spaces.
func TermKey(s string) string {
	return strings.Join(strings.Fields(arabic.Fold(s)), " ")
}

// termsOf returns an article's values for a taxonomy: Tags for "tags"
// (capped already, as they are shown apart from the taxonomy too), the
// names of both author and authors for "authors" (Hugo sites write
// either), a list (or a single text) in front matter under the
// taxonomy's name otherwise.
func termsOf(a *Article, taxonomy string) []string {
	switch taxonomy {
	case "tags":
		return a.Tags // already capped
	case "authors":
		return a.Authors
	}
	switch v := a.Params[taxonomy].(type) {
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

// capTerms keeps the values of the first [limits] tagsPerArticle distinct
// terms of raw, an article's values for taxonomy, in the order written,
// with a warning at the key when it leaves some out. Each term is a page
// and a feed, and each feed item lists the article's tags: without a cap
// one article of 5,000 tags made 5,000 feeds of 5,000 categories each.
func (s *Site) capTerms(p *content.Page, taxonomy string, raw []string) []string {
	limit := s.Config.Limits.TagsPerArticle
	if limit <= 0 { // a Config built by hand
		limit = config.Default().Limits.TagsPerArticle
	}
	if len(raw) <= limit {
		return raw
	}
	var kept []string
	keep, distinct := map[string]bool{}, map[string]bool{}
	for _, t := range raw {
		key := TermKey(t)
		distinct[key] = true
		if keep[key] || len(keep) < limit {
			keep[key] = true
			kept = append(kept, t)
		}
	}
	if len(distinct) > limit {
		line := p.Lines[taxonomy]
		if line == 0 && taxonomy == "authors" {
			line = p.Lines["author"]
		}
		s.Warnings = append(s.Warnings, diag.Warning{Path: p.Path, Line: line,
			Msg: fmt.Sprintf("%d %s; only the first %d are used (raise [limits] tagsPerArticle to keep more)", len(distinct), taxonomy, limit)})
	}
	return kept
}

// buildTaxonomy groups the (newest first) articles by their terms, each
// article's as capTerms leaves them.
func buildTaxonomy(name string, articles []*Article, perPage int, capTerms func(*content.Page, string, []string) []string) *Taxonomy {
	tx := &Taxonomy{Name: name, RelPermalink: "/" + name + "/"}
	tx.OutputPath = OutputPath(tx.RelPermalink)
	byKey := map[string]*Term{}
	// A spelling's key is folded once, not once per article tagged with
	// it: a few thousand spellings, tens of thousands of tags.
	keys := map[string]string{}
	for _, a := range articles {
		seen := map[string]bool{}
		for _, raw := range capTerms(a.Page, name, termsOf(a, name)) {
			key, ok := keys[raw]
			if !ok {
				key = TermKey(raw)
				keys[raw] = key
			}
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
