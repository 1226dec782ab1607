package wordpress

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strconv"
	"strings"

	"github.com/sahifa/sahifa/internal/frontmatter"
	"github.com/sahifa/sahifa/internal/importer"
	"github.com/sahifa/sahifa/internal/wxr"
)

// article is one post or page on its way to Markdown.
type article struct {
	e       *entry
	authors []string
	tags    []string
	// image is the featured picture as the front matter names it: a file
	// beside index.md, or the old address; caption and alt come with it.
	image, caption, alt string
	description         string
	lastmod             string // RFC 3339, "" for none
	body                string
}

// source is what the Markdown records as where it came from, so a
// re-import knows its own files (importer.Decide).
func source(id int) string { return "wordpress:" + strconv.Itoa(id) }

// markdown writes the article: YAML front matter, then the body. Its
// source_sha256 is the hash of everything else in the file, so a re-import
// that would write the same thing writes nothing, and import_sha256 marks
// the file as the import wrote it (an editor's change shows).
func (a article) markdown(taxonomy bool) ([]byte, error) {
	e := a.e
	fields := []frontmatter.Field{{Key: "title", Value: e.title}}
	add := func(k string, v any) { fields = append(fields, frontmatter.Field{Key: k, Value: v}) }
	if a.description != "" {
		add("description", a.description)
	}
	if !e.page && !e.date.IsZero() {
		add("date", e.date)
		if a.lastmod != "" {
			add("lastmod", a.lastmod)
		}
	}
	if e.draft {
		add("draft", true)
	}
	add("slug", e.slug)
	if len(a.authors) > 0 {
		add("authors", list(a.authors))
	}
	if len(e.categories) > 0 && !e.page {
		add("categories", list(e.categories))
	}
	if len(a.tags) > 0 {
		add("tags", list(a.tags))
	}
	if a.image != "" {
		add("image", a.image)
		if a.caption != "" {
			add("caption", a.caption)
		}
		if a.alt != "" {
			add("alt", a.alt)
		}
	}
	if e.alias != "" {
		add("aliases", list([]string{e.alias}))
	}
	add("source", source(e.id))
	fm, err := frontmatter.EncodeYAML(fields)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	b.Write(fm)
	sum := sha256.Sum256(append(append([]byte(nil), b.Bytes()...), a.body...))
	hashes, err := frontmatter.EncodeYAML([]frontmatter.Field{
		{Key: importer.KeySourceHash, Value: hex.EncodeToString(sum[:])},
		{Key: importer.KeyImportHash, Value: ""},
	})
	if err != nil {
		return nil, err
	}
	b.Write(hashes)
	b.WriteString("---\n")
	if a.body != "" {
		b.WriteString("\n" + a.body + "\n")
	}
	return importer.StampImportHash(b.Bytes()), nil
}

func list(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// sourceHash is the source_sha256 a markdown call wrote.
func sourceHash(md []byte) string { return importer.SourceHashOf(md) }

// fill gives the article what the item says beyond the first pass:
// authors, tags, description, lastmod, the featured picture.
func (p *plan) fill(a *article, it *wxr.Item) {
	if name := p.authors[strings.TrimSpace(it.Creator)]; name != "" {
		a.authors = []string{name}
	} else if c := strings.TrimSpace(it.Creator); c != "" {
		a.authors = []string{c}
	}
	for _, t := range it.TermsOf("post_tag") {
		if n := strings.TrimSpace(t.Name); n != "" {
			a.tags = append(a.tags, n)
		}
	}
	a.description = strings.Join(strings.Fields(stripTags(it.Excerpt)), " ")
	if !it.Modified.IsZero() && !a.e.date.IsZero() && it.Modified.After(a.e.date) {
		a.lastmod = it.Modified.In(location(p.cfg)).Format("2006-01-02T15:04:05Z07:00")
	}
}

// stripTags is an excerpt's text without its markup.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.NewReplacer("&nbsp;", " ", "&amp;", "&", "&quot;", `"`, "&#039;", "'", "&lt;", "<", "&gt;", ">").Replace(b.String())
}

// bundleFile is the name of a picture copied beside index.md: the
// upload's own name, extension in lower case.
func bundleFile(rel string) string {
	base := path.Base(rel)
	ext := path.Ext(base)
	return strings.TrimSuffix(base, ext) + strings.ToLower(ext)
}
