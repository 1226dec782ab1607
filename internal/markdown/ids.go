package markdown

import (
	"strconv"

	"github.com/sahifa/sahifa/internal/arabic"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// fallbackID names a heading whose text gives no slug (only punctuation
// or emoji). goldmark's "heading" would do, but "section" reads better in
// a URL fragment.
const fallbackID = "section"

// headingIDs is the parser.IDs of one document. goldmark's default keeps
// only ASCII letters and digits, so every Arabic heading became
// "heading", "heading-1", …; this one keeps Arabic letters via
// arabic.Slugify, so "## هجمات متكررة" gets id "هجمات-متكررة".
type headingIDs struct {
	used map[string]bool
	// next is the next suffix to try for a base id, so n headings with
	// the same text cost O(n) rather than O(n²).
	next map[string]int
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Generate implements parser.IDs: the slug of value (no word limit),
// made unique in the document with "-1", "-2", … suffixes.
func (ids *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := arabic.Slugify(string(value), 0)
	if base == "" {
		base = fallbackID
	}
	id := base
	for n := ids.next[base]; ids.used[id]; {
		n++
		id = base + "-" + strconv.Itoa(n)
		ids.next[base] = n
	}
	ids.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs: id is taken (an explicit id attribute).
func (ids *headingIDs) Put(id []byte) {
	ids.used[string(id)] = true
}

// headingIDTransformer gives every heading without an id one generated
// by the context's IDs from the heading's text. It runs after inline
// parsing, so the text is what readers see: "## [بيان](https://x.org)"
// gets "بيان", not a slug of the brackets and the URL.
type headingIDTransformer struct{}

func (headingIDTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var pending []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		// Explicit ids are reserved first, so a generated one never
		// duplicates an id written later in the document.
		if id, ok := h.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				pc.IDs().Put(b)
			}
		} else {
			pending = append(pending, h)
		}
		return ast.WalkSkipChildren, nil
	})
	for _, h := range pending {
		h.SetAttributeString("id", pc.IDs().Generate([]byte(nodeText(h, src)), ast.KindHeading))
	}
}

// headings lists the document's headings with their ids and text.
func headings(doc ast.Node, src []byte) []Heading {
	var hs []Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		var id string
		switch v, _ := h.AttributeString("id"); v := v.(type) {
		case []byte:
			id = string(v)
		case string:
			id = v
		}
		hs = append(hs, Heading{Level: h.Level, ID: id, Text: nodeText(h, src)})
		return ast.WalkSkipChildren, nil
	})
	return hs
}
