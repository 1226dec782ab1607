package feed_test

import (
	"net/url"
	"testing"

	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/corpus"
	"github.com/sahifa/sahifa/internal/feed"
	"github.com/sahifa/sahifa/internal/markdown"
)

// corpusChannel is the home feed of the benchmark site: 50 articles (the
// default feeds.limit) with their full HTML, as a build writes it.
func corpusChannel(b *testing.B) feed.Channel {
	b.Helper()
	const base = "https://bench.example/"
	md := markdown.New()
	ch := feed.Channel{Title: "صحيفة المقياس", Description: "موقع تجريبي", Link: base, SelfURL: base + "index.xml", Language: "ar", Generator: "sahifa"}
	for _, a := range corpus.Articles(50, 1) {
		p, err := content.Parse(a.ContentPath(), a.Markdown(), content.Options{})
		if err != nil {
			b.Fatal(err)
		}
		res, err := md.Render(p.Body)
		if err != nil {
			b.Fatal(err)
		}
		u := base + a.Date.Format("2006/01/02/") + url.PathEscape(a.Slug) + "/"
		ch.Items = append(ch.Items, feed.Item{
			Title: a.Title, URL: u, Summary: a.Description, ContentHTML: string(res.HTML),
			Published: a.Date, Updated: a.Date, Categories: a.Tags,
		})
	}
	return ch
}

// BenchmarkFeeds measures writing the home feed of 50 full-text articles
// in each format.
func BenchmarkFeeds(b *testing.B) {
	ch := corpusChannel(b)
	for _, f := range []struct {
		name   string
		encode func(feed.Channel) ([]byte, error)
	}{{"RSS", feed.RSS}, {"Atom", feed.Atom}, {"JSON", feed.JSONFeed}} {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f.encode(ch); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
