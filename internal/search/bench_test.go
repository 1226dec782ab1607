package search

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkAdd measures analysing one article for the index: the sample
// seed, about 1,000 words.
func BenchmarkAdd(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "seeds", "000_17373629d0573b0f.txt"))
	if err != nil {
		b.Fatal(err)
	}
	title, text, _ := strings.Cut(string(data), "\n")
	b.SetBytes(int64(len(data)))
	bl := NewBuilder()
	for b.Loop() {
		bl.Add(Document{Path: "/x/", Title: title, Date: time.Now(), Text: text})
	}
}
