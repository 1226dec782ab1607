package markdown

import (
	"bytes"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// BundleFile is a file of the page's bundle (the files beside a Hugo
// leaf bundle's index.md) as the page links it.
type BundleFile struct {
	// URL is where it is published, absolute: the page's feed entries
	// carry the same HTML, and a feed reader resolves no relative link.
	URL string
	// Srcset, Sizes, Width and Height are an image's sizes (those of
	// URL), as its featured image has them; empty for another file.
	Srcset, Sizes string
	Width, Height int
}

// LocalLink is a link or image of a document to a file beside it.
type LocalLink struct {
	Name  string // the file, relative to the document's folder: "photo.jpg", "docs/a.pdf"
	Line  int    // in the document, from 1
	Image bool
}

// BundleName is the file a link destination names in the document's
// folder or below, cleaned and unescaped ("./my%20photo.jpg" is
// "my photo.jpg"), and whether it names one: a URL with a scheme, a
// site path ("/…"), a fragment, a folder ("next/") or a path out of the
// folder ("../x.jpg") does not.
func BundleName(dest string) (string, bool) {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	if dest == "" || strings.HasPrefix(dest, "/") || strings.HasSuffix(dest, "/") || strings.Contains(dest, "\\") {
		return "", false
	}
	if u, err := url.Parse(dest); err != nil || u.Scheme != "" || u.Host != "" {
		return "", false
	}
	name, err := url.PathUnescape(dest)
	if err != nil {
		return "", false
	}
	name = path.Clean(name)
	if name == "." || name == ".." || strings.HasPrefix(name, "../") || !strings.Contains(path.Base(name), ".") {
		return "", false // a page's folder, not a file
	}
	return name, true
}

// LocalLinks lists the links and images of src that name a file beside
// it (BundleName), in order, for warnings about missing files. A
// document without "](" or "]:" costs a byte scan.
func LocalLinks(src []byte) []LocalLink {
	if !bytes.Contains(src, []byte("](")) && !bytes.Contains(src, []byte("]:")) {
		return nil
	}
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	var out []LocalLink
	walkLinks(doc, func(n ast.Node, dest *[]byte) {
		if name, ok := BundleName(string(*dest)); ok {
			_, image := n.(*ast.Image)
			out = append(out, LocalLink{Name: name, Line: destLine(src, n, *dest), Image: image})
		}
	})
	return out
}

// destLine is the line a link's destination is written on: the first
// after the start of its block that holds it (goldmark keeps no position
// for inline nodes).
func destLine(src []byte, n ast.Node, dest []byte) int {
	start := 0
	for b := n.Parent(); b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			start = b.Lines().At(0).Start
			break
		}
	}
	if i := bytes.Index(src[start:], dest); i >= 0 {
		start += i
	}
	return lineOf(src, start)
}

// bundleKey is where RenderPage leaves the page's bundle for the
// transformer, in the parser's context of one document.
var bundleKey = parser.NewContextKey()

// bundleTransformer points a document's links and images to files of its
// bundle at the files as published: an image at its sizes.
type bundleTransformer struct{}

func (bundleTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	find, _ := pc.Get(bundleKey).(func(string) (BundleFile, bool))
	if find == nil {
		return
	}
	walkLinks(doc, func(n ast.Node, dest *[]byte) {
		f, ok := bundleFile(find, *dest)
		if !ok {
			return
		}
		*dest = withSuffix(f.URL, *dest)
		if n, isImage := n.(*ast.Image); isImage {
			if f.Srcset != "" {
				n.SetAttributeString("srcset", []byte(f.Srcset))
				n.SetAttributeString("sizes", []byte(f.Sizes))
				n.SetAttributeString("width", []byte(strconv.Itoa(f.Width)))
				n.SetAttributeString("height", []byte(strconv.Itoa(f.Height)))
			}
			n.SetAttributeString("loading", []byte("lazy"))
		}
	})
}

func bundleFile(find func(string) (BundleFile, bool), dest []byte) (BundleFile, bool) {
	name, ok := BundleName(string(dest))
	if !ok {
		return BundleFile{}, false
	}
	return find(name)
}

// withSuffix keeps a destination's fragment (a PDF's #page=3) on its
// new URL.
func withSuffix(u string, dest []byte) []byte {
	if i := bytes.IndexByte(dest, '#'); i >= 0 {
		return append([]byte(u), dest[i:]...)
	}
	return []byte(u)
}

// bundleFile is the file of the page's bundle a shortcode's param names.
func (run *shortcodeRun) bundleFile(dest string) (BundleFile, bool) {
	if run.page.Bundle == nil {
		return BundleFile{}, false
	}
	return bundleFile(run.page.Bundle, []byte(dest))
}
