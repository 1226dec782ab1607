package site

import (
	"math"
	"sort"

	"github.com/sahifa/sahifa/internal/cores"
)

// relatedWindow bounds how many postings of one tag are read per article:
// the ones just older than the article in that tag's (date-ordered) list.
// Rare tags are read whole; a tag on half the archive contributes only the
// coverage nearest in time before the story, and keeps the work linear in
// the site's size.
const relatedWindow = 128

// relate fills each article's Related with up to n earlier articles
// sharing its tags, scored by the sum of the shared tags' inverse document
// frequency (a rare tag in common says more than a common one), ties going
// to the newer article. It uses the tags' posting lists, an inverted index,
// so no pair of articles without a shared tag is ever looked at.
//
// Only earlier coverage counts, and the frequencies are those of the
// archive as it stood when the article was published (the articles as old
// as it or older): an article's related list depends on nothing published
// after it, so publishing never rewrites an older article's page
// (docs/output.md).
func relate(articles []*Article, tags *Taxonomy, n int) {
	if n <= 0 || tags == nil || len(articles) < 2 {
		return
	}
	index := make(map[*Article]int, len(articles))
	for i, a := range articles {
		index[a] = i
	}
	postings := make(map[*Term][]int, len(tags.Terms)) // article indices, ascending (newest first)
	for _, t := range tags.Terms {
		list := make([]int, len(t.Articles))
		for i, a := range t.Articles {
			list[i] = index[a]
		}
		postings[t] = list
	}

	cores.Each(len(articles), func() func(i int) {
		score := make([]float64, len(articles))
		var touched []int
		return func(i int) {
			touched = touched[:0]
			// The archive as it stood at article i: it and every older one.
			archive := float64(len(articles) - i)
			for _, t := range articles[i].Terms[tags.Name] {
				list := postings[t]
				at := sort.SearchInts(list, i)
				older := list[at+1 : min(len(list), at+1+relatedWindow)]
				idf := math.Log(1 + archive/float64(len(list)-at))
				for _, j := range older {
					if score[j] == 0 {
						touched = append(touched, j)
					}
					score[j] += idf
				}
			}
			top := best(touched, score, n)
			rel := make([]*Article, len(top))
			for k, j := range top {
				rel[k] = articles[j]
			}
			articles[i].Related = rel
			for _, j := range touched {
				score[j] = 0
			}
		}
	})
}

// best returns the n candidates with the highest score, ties to the lower
// index (the newer article), best first. A bounded insertion keeps it
// linear in the candidates: n is small (5) and candidates are hundreds.
func best(cands []int, score []float64, n int) []int {
	top := make([]int, 0, n+1)
	for _, j := range cands {
		pos := len(top)
		for pos > 0 && better(j, top[pos-1], score) {
			pos--
		}
		if pos >= n {
			continue
		}
		top = append(top, 0)
		copy(top[pos+1:], top[pos:])
		top[pos] = j
		if len(top) > n {
			top = top[:n]
		}
	}
	return top
}

func better(a, b int, score []float64) bool {
	if score[a] != score[b] {
		return score[a] > score[b]
	}
	return a < b
}
