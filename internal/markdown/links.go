package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// basePathTransformer prefixes site-relative link and image destinations
// (one leading "/", not the protocol-relative "//") with the base path.
type basePathTransformer struct{ base string }

func (t basePathTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	if t.base == "" {
		return
	}
	walkLinks(doc, func(_ ast.Node, dest *[]byte) { *dest = t.rebase(*dest) })
}

// walkLinks calls f with each link and image below n, in order, and its
// destination, which f may change.
func walkLinks(n ast.Node, f func(n ast.Node, dest *[]byte)) {
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			f(n, &n.Destination)
		case *ast.Image:
			f(n, &n.Destination)
		}
		return ast.WalkContinue, nil
	})
}

func (t basePathTransformer) rebase(dest []byte) []byte {
	if len(dest) == 0 || dest[0] != '/' || bytes.HasPrefix(dest, []byte("//")) || bytes.HasPrefix(dest, []byte(t.base+"/")) {
		return dest
	}
	return append([]byte(t.base), dest...)
}
