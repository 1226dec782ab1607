package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/sahifa/sahifa/internal/diag"
	"github.com/sahifa/sahifa/internal/frontmatter"
	"github.com/sahifa/sahifa/internal/i18n"
)

// SectionFile is the name of a section's own file, as in Hugo: its front
// matter names and describes the section; it is not an article.
const SectionFile = "_index.md"

// SectionMeta is what a section's _index.md says about it.
type SectionMeta struct {
	// Folder is the section's folder under content/ ("economy").
	Folder string
	// Path is the file, for messages: "content/economy/_index.md".
	Path        string
	Title       string
	Description string
	// Weight orders sections in menus: lower first, 0 after every weighted one.
	Weight int
	// Aliases are old URLs of the section's front page (/articles/ for
	// /posts/), each redirecting to it; AliasesLine is their key's line.
	Aliases     []string
	AliasesLine int
	// Image is its picture as written (beside the _index.md, in assets/
	// or static/, or a URL): on its page and in its social previews.
	Image     string
	ImageLine int
}

// LoadSections reads the _index.md of each folder directly under dir of
// fsys, and of each folder directly below those: Folder "tags/hugo" is
// the term hugo's, if the site has a taxonomy tags (Hugo's
// content/tags/hugo/_index.md). Folders without one are not listed (the
// site names sections after the folder, with a warning); a broken file
// is an error at its place, every one of them reported.
func LoadSections(fsys fs.FS, dir string) ([]SectionMeta, []diag.Warning, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	var metas []SectionMeta
	var warns []diag.Warning
	var errs []error
	read := func(folder string) {
		p := path.Join(dir, folder, SectionFile)
		src, err := fs.ReadFile(fsys, p)
		if errors.Is(err, fs.ErrNotExist) {
			return
		}
		if err != nil {
			errs = append(errs, err)
			return
		}
		m, ws, err := ParseSection(p, src)
		warns = append(warns, ws...)
		if err != nil {
			errs = append(errs, err)
			return
		}
		m.Folder = folder
		metas = append(metas, m)
	}
	for _, e := range entries {
		if !e.IsDir() || SkipsDir(e.Name()) {
			continue
		}
		read(e.Name())
		subs, err := fs.ReadDir(fsys, path.Join(dir, e.Name()))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, sub := range subs {
			if sub.IsDir() && !SkipsDir(sub.Name()) {
				read(e.Name() + "/" + sub.Name())
			}
		}
	}
	return metas, warns, errors.Join(errs...)
}

// sectionKeys are the keys a section's front matter uses; others are
// left for themes (as an article's are) but a near miss is warned of.
var sectionKeys = []string{"title", "description", "weight", "aliases", "image"}

// ParseSection decodes a section's (or a term's) _index.md at path: its
// title, description, weight, aliases and image. Its body, if any, is not used yet.
func ParseSection(path string, src []byte) (SectionMeta, []diag.Warning, error) {
	m := SectionMeta{Path: path}
	if isUTF16(src) {
		return m, nil, diag.At(path, 1, 1, i18n.New(i18n.UTF16))
	}
	doc, err := frontmatter.Split(path, src)
	if err != nil {
		return m, nil, err
	}
	fields, err := frontmatter.Decode(path, doc)
	if err != nil {
		return m, nil, err
	}
	var warns []diag.Warning
	var errs []error
	for _, f := range fields {
		var err error
		switch key := strings.ToLower(f.Key); key {
		case "title":
			m.Title, err = str(f.Key, f.Value)
			m.Title = strings.TrimSpace(oneLine(m.Title))
		case "description":
			m.Description, err = str(f.Key, f.Value)
			m.Description = strings.TrimSpace(m.Description)
		case "weight":
			m.Weight, err = integer(f.Key, f.Value)
		case "image":
			m.ImageLine = f.Line
			m.Image, err = str(f.Key, f.Value)
			m.Image = strings.TrimSpace(m.Image)
		case "aliases":
			// A relative alias is beside the section, at the top of
			// the site, as Hugo places it.
			m.AliasesLine = f.Line
			if m.Aliases, err = strList(f.Key, f.Value); err == nil {
				for i, a := range m.Aliases {
					if m.Aliases[i], err = cleanURL(a); err != nil {
						break
					}
				}
			}
		default:
			if near := diag.Closest(key, sectionKeys); near != "" {
				warns = append(warns, diag.Warning{Path: path, Line: f.Line, Col: f.Col,
					Msg: fmt.Sprintf("unknown key %q in a section's %s (did you mean %q?)", f.Key, SectionFile, near)})
			}
		}
		if err != nil {
			errs = append(errs, diag.At(path, f.Line, f.Col, fmt.Errorf("%s: %w", f.Key, err)))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return m, warns, err
	}
	// A term's page (tags/hugo/_index.md) or a subsection's is named
	// after its term or folder as Hugo names it, without a word.
	if m.Title == "" && strings.Count(path, "/") <= 2 {
		warns = append(warns, diag.Warning{Path: path, Line: max(doc.FMLine, 1),
			Msg: "no title; the section is called by its folder's name (add title: with the name readers should see)"})
	}
	return m, warns, nil
}
