// Command spelling measures what search's spelling rules merge in a
// vocabulary: which different words the hamza-seat fold makes one term,
// and which terms of the vocabulary each alternation of a query (ث/ت,
// ظ/ض, أميركي/أمريكي) reaches from another. It reads word lists (a
// Hunspell .dic: one word a line, flags after "/") and Markdown folders
// (every word of every .md file) and prints counts and examples:
//
//	go run ./bench/spelling /usr/share/hunspell/ar.dic bench/corpus-10000/content
//
// The figures are in docs/search.md ("Spelling variants").
package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/sahifa/sahifa/internal/arabic"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: spelling FILE.dic|FOLDER…")
		os.Exit(2)
	}
	for _, src := range os.Args[1:] {
		words, err := read(src)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		report(src, words)
	}
}

// read returns the words of src and how often each is seen.
func read(src string) (map[string]int, error) {
	words := map[string]int{}
	st, err := os.Stat(src)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		f, err := os.Open(src)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w, _, _ := strings.Cut(strings.TrimSpace(sc.Text()), "/")
			if w != "" {
				words[w]++
			}
		}
		return words, sc.Err()
	}
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
			return err
		}
		data, err := os.ReadFile(p)
		for _, w := range strings.Fields(string(data)) {
			words[w]++
		}
		return err
	})
	return words, err
}

// seatless marks ؤ and ئ with letters Fold leaves alone, so that the
// terms Fold made before it took them to ء can be compared with today's.
var (
	seatless = strings.NewReplacer("ؤ", "ŵ", "ئ", "ŷ")
	seated   = strings.NewReplacer("ŵ", "ؤ", "ŷ", "ئ")
)

func report(src string, words map[string]int) {
	terms := map[string]int{}       // term → occurrences
	before := map[string][]string{} // term → the terms it was before the hamza fold
	for w, n := range words {
		now := arabic.SearchTerms(w)
		old := arabic.SearchTerms(seatless.Replace(w))
		for i, t := range now {
			terms[t.Term] += n
			if len(old) == len(now) && !slices.Contains(before[t.Term], old[i].Term) {
				before[t.Term] = append(before[t.Term], old[i].Term)
			}
		}
	}
	fmt.Printf("%s: %d words, %d terms\n", src, len(words), len(terms))

	var merged []string
	for _, olds := range before {
		if len(olds) > 1 {
			sort.Strings(olds)
			merged = append(merged, seated.Replace(strings.Join(olds, "|")))
		}
	}
	sort.Strings(merged)
	fmt.Printf("  ؤ ئ → ء: %d terms were two or more terms before\n", len(merged))
	show(merged)

	pairs := map[string][]string{} // alternation → "t(n)→v(n)"
	for t := range terms {
		equivalent, soundAlike := arabic.SpellingVariants(t)
		for _, v := range append(equivalent, soundAlike...) {
			if a := alternationOf(t, v); terms[v] > 0 {
				pairs[a] = append(pairs[a], fmt.Sprintf("%s(%d)→%s(%d)", t, terms[t], v, terms[v]))
			}
		}
	}
	for _, a := range arabic.Alternations() {
		list := pairs[a.A+"/"+a.B]
		sort.Strings(list)
		fmt.Printf("  %s/%s: %d terms reach another indexed term\n", a.A, a.B, len(list))
		show(list)
	}
}

// alternationOf names the alternation that turns term t into its
// variant v.
func alternationOf(t, v string) string {
	for _, a := range arabic.Alternations() {
		for _, p := range [][2]string{{a.A, a.B}, {a.B, a.A}} {
			for i := 0; i+len(p[0]) <= len(t); i++ {
				if strings.HasPrefix(t[i:], p[0]) && t[:i]+p[1]+t[i+len(p[0]):] == v {
					return a.A + "/" + a.B
				}
			}
		}
	}
	panic("no alternation turns " + t + " into " + v)
}

// show prints up to 30 of list, evenly spaced, so that a long list is
// sampled through, not only at its first letter.
func show(list []string) {
	const most = 30
	step := max(1, (len(list)+most-1)/most)
	for i := 0; i < len(list); i += step {
		fmt.Println("    " + list[i])
	}
}
