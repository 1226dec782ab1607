// Package importer turns parsed seeds into Markdown articles with front
// matter, and decides, for each seed, whether its Markdown may be written:
// nothing an editor changed by hand is overwritten without --force.
package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/sahifa/sahifa/internal/frontmatter"
	"github.com/sahifa/sahifa/internal/seed"
)

// Front matter keys the importer writes that Hugo does not define; the
// two hashes are exported for the WordPress importer, which writes them
// by the same no-clobber rule (Decide).
const (
	keySource     = "source"
	KeySourceHash = "source_sha256"
	// KeyImportHash fingerprints the Markdown file as the importer wrote
	// it (with this key's value blanked), so a later import can tell an
	// untouched file (safe to refresh) from one an editor changed.
	KeyImportHash = "import_sha256"
	// keyEditorTags marks tags an editor wrote: imports keep them.
	keyEditorTags = "editor_tags"
)

// Article is everything the importer writes for one seed.
type Article struct {
	Seed       seed.Article
	SourcePath string    // "seeds/NAME.txt", slash path from the site root
	SourceHash string    // hex SHA-256 of the seed's bytes
	Date       time.Time // the seed's date at the site's default time and zone; zero if none
	Tags       []string
	// EditorTags says Tags were written by an editor, not the tagger.
	EditorTags bool
	// Image is the file name of the seed's picture, copied beside the
	// Markdown (front matter image); "" for none.
	Image string
}

// slugWords matches site.SlugWords; importer cannot import site (it sits
// below it), and an 8-word cap is part of the import format too.
const slugWords = 8

// Markdown renders a as a Markdown file: YAML front matter, then the body
// with subheadings as "##" and every character that means something in
// Markdown escaped, so the text renders exactly as written.
func Markdown(a Article) ([]byte, error) {
	s := a.Seed
	fields := []frontmatter.Field{{Key: "title", Value: s.Title}}
	if s.Lede != "" {
		fields = append(fields, frontmatter.Field{Key: "description", Value: s.Lede})
	}
	if !a.Date.IsZero() {
		fields = append(fields, frontmatter.Field{Key: "date", Value: a.Date})
	}
	for _, kv := range [][2]string{{"dateline", s.Dateline}, {"agency", s.Agency}, {"caption", s.Caption}, {"image", a.Image}} {
		if kv[1] != "" {
			fields = append(fields, frontmatter.Field{Key: kv[0], Value: kv[1]})
		}
	}
	if len(a.Tags) > 0 {
		tags := make([]any, len(a.Tags))
		for i, t := range a.Tags {
			tags[i] = t
		}
		fields = append(fields, frontmatter.Field{Key: "tags", Value: tags})
		if a.EditorTags {
			fields = append(fields, frontmatter.Field{Key: keyEditorTags, Value: true})
		}
	}
	if slug := arabic.Slugify(s.Title, slugWords); slug != "" {
		fields = append(fields, frontmatter.Field{Key: "slug", Value: slug})
	}
	fields = append(fields,
		frontmatter.Field{Key: keySource, Value: a.SourcePath},
		frontmatter.Field{Key: KeySourceHash, Value: a.SourceHash},
		frontmatter.Field{Key: KeyImportHash, Value: ""},
	)
	fm, err := frontmatter.EncodeYAML(fields)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	b.Write(fm)
	b.WriteString("---\n")
	for _, blk := range s.Body {
		b.WriteByte('\n')
		if blk.Kind == seed.Subheading {
			b.WriteString("## ")
		}
		b.WriteString(EscapeMarkdown(blk.Text))
		b.WriteByte('\n')
	}
	return StampImportHash(b.Bytes()), nil
}

// importHashLine is how the fingerprint line looks before it is filled in.
const importHashLine = KeyImportHash + `: ""` + "\n"

// StampImportHash fills in the import_sha256 value: the hash of the file
// with that value empty. Every importer stamps its Markdown with it.
func StampImportHash(md []byte) []byte {
	sum := sha256.Sum256(md)
	return bytes.Replace(md, []byte(importHashLine), []byte(KeyImportHash+`: "`+hex.EncodeToString(sum[:])+`"`+"\n"), 1)
}

// Untouched reports whether md is still exactly what the importer wrote:
// its import_sha256 matches its own text with that value emptied. A file
// without the key was not written by the importer, so it counts as edited.
func Untouched(md []byte) bool {
	prefix := []byte("\n" + KeyImportHash + `: "`)
	i := bytes.Index(md, prefix)
	if i < 0 {
		return false
	}
	start := i + len(prefix)
	end := bytes.IndexByte(md[start:], '"')
	if end != 64 {
		return false
	}
	recorded := string(md[start : start+end])
	blank := make([]byte, 0, len(md))
	blank = append(blank, md[:start]...)
	blank = append(blank, md[start+end:]...)
	sum := sha256.Sum256(blank)
	return hex.EncodeToString(sum[:]) == recorded
}

// SourceHashOf returns the source_sha256 recorded in md, or "".
func SourceHashOf(md []byte) string {
	h, _ := recorded(md, KeySourceHash)
	return h
}

// recorded returns the text of a front matter line `key: "text"` as the
// importer writes it, and whether md has one. The text is the value when
// it needs no YAML escapes, as hex fingerprints do not.
func recorded(md []byte, key string) (string, bool) {
	prefix := []byte("\n" + key + `: "`)
	i := bytes.Index(md, prefix)
	if i < 0 {
		return "", false
	}
	rest := md[i+len(prefix):]
	end := bytes.IndexByte(rest, '"')
	if end < 0 {
		return "", false
	}
	return string(rest[:end]), true
}

// EscapeMarkdown backslash-escapes what Markdown would read as markup, so
// seed text renders literally: emphasis and code marks, link brackets,
// raw HTML, entity references, tables and strikethrough; and at the start
// of a line, headings, quotes, list markers and thematic breaks. Backslash
// escapes are CommonMark's own mechanism for any ASCII punctuation.
func EscapeMarkdown(s string) string {
	if strings.Contains(s, "\n") {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = EscapeMarkdown(l)
		}
		return strings.Join(lines, "\n")
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '&':
			b.WriteByte('\\')
		case '-', '+', '=':
			if strings.TrimSpace(s[:i]) == "" {
				b.WriteByte('\\')
			}
		case '.', ')':
			// "1. text" and "1) text" at the start are ordered list items.
			if head := strings.TrimSpace(s[:i]); head != "" && isDigits(head) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
