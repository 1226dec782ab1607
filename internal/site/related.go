package site

import (
	"math"
	"runtime"
	"sort"
	"sync"
)

// relatedWindow bounds how many postings of one tag are read per article,
// on each side of the article's own place in that tag's (date-ordered)
// list. Rare tags are read whole; a tag on half the archive contributes
// only its articles nearest in time, which are the ones a reader of this
// story most likely wants, and keeps the work linear in the site's size.
const relatedWindow = 64

// relate fills each article's Related with up to n articles sharing its
// tags, scored by the sum of the shared tags' inverse document frequency
// (a rare tag in common says more than a common one), ties going to the
// newer article. It uses the tags' posting lists, an inverted index, so
// no pair of articles without a shared tag is ever looked at.
func relate(articles []*Article, tags *Taxonomy, n int) {
	if n <= 0 || tags == nil || len(articles) < 2 {
		return
	}
	index := make(map[*Article]int, len(articles))
	for i, a := range articles {
		index[a] = i
	}
	type posting struct {
		idf  float64
		list []int // article indices, ascending (newest first)
	}
	postings := make(map[*Term]*posting, len(tags.Terms))
	total := float64(len(articles))
	for _, t := range tags.Terms {
		p := &posting{idf: math.Log(1 + total/float64(len(t.Articles))), list: make([]int, len(t.Articles))}
		for i, a := range t.Articles {
			p.list[i] = index[a]
		}
		postings[t] = p
	}

	jobs := make(chan int, 256)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			score := make([]float64, len(articles))
			var touched []int
			for i := range jobs {
				touched = touched[:0]
				for _, t := range articles[i].Terms[tags.Name] {
					p := postings[t]
					at := sort.SearchInts(p.list, i)
					lo, hi := max(0, at-relatedWindow), min(len(p.list), at+relatedWindow+1)
					for _, j := range p.list[lo:hi] {
						if j == i {
							continue
						}
						if score[j] == 0 {
							touched = append(touched, j)
						}
						score[j] += p.idf
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
		}()
	}
	for i := range articles {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
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
