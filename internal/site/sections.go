package site

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sahifa/sahifa/internal/content"
	"github.com/sahifa/sahifa/internal/diag"
)

// Section is a folder directly under content/ with published articles:
// content/economy/… is the section /economy/, as in Hugo. Its name,
// description and place in menus come from its _index.md.
type Section struct {
	// Folder is the folder's name, which is also the URL's segment.
	Folder      string
	Name        string
	Description string
	Weight      int
	// RelPermalink is "/economy/": the section's front page.
	RelPermalink string
	Articles     []*Article // newest first, the section's subfolders included
	Pagers       []Pager
	// meta is what its _index.md says (its path and aliases, for claims).
	meta content.SectionMeta
}

// sectionOf is the folder of content/ that an article is filed in, or ""
// for an article at the top of content/ or in a folder that is not a
// section (IsSectionFolder).
func sectionOf(p *content.Page) string {
	f := section(p)
	if !IsSectionFolder(f) {
		return ""
	}
	return f
}

// IsSectionFolder reports whether a folder under content/ makes a
// section. A folder named by a number is how archives are often stored
// (content/2021/…), by year: its URL is the date archive's, and it is
// storage, not a subject.
func IsSectionFolder(folder string) bool {
	if folder == "" {
		return false
	}
	return strings.Trim(folder, "0123456789") != ""
}

// buildSections groups the (newest first) articles by section, named and
// ordered by metas; a section without an _index.md is named after its
// folder, with a warning saying how to name it.
func (s *Site) buildSections(metas []content.SectionMeta) {
	byFolder := map[string]*Section{}
	for _, a := range s.Articles {
		f := sectionOf(a.Page)
		if f == "" {
			continue
		}
		sec := byFolder[f]
		if sec == nil {
			sec = &Section{Folder: f, Name: f, RelPermalink: "/" + f + "/"}
			byFolder[f] = sec
			s.Sections = append(s.Sections, sec)
		}
		sec.Articles = append(sec.Articles, a)
		a.Section = sec
	}
	named := map[string]bool{}
	for _, m := range metas {
		sec := byFolder[m.Folder]
		if sec == nil {
			continue // no published article: no page yet
		}
		named[m.Folder] = true
		sec.Description, sec.Weight, sec.meta = m.Description, m.Weight, m
		if m.Title != "" {
			sec.Name = m.Title
		}
	}
	for _, sec := range s.Sections {
		sec.Pagers = Paginate(sec.Articles, sec.Articles, s.Config.Paginate, sec.RelPermalink)
		if !named[sec.Folder] {
			s.Warnings = append(s.Warnings, diag.Warning{Path: "content/" + sec.Folder + "/",
				Msg: fmt.Sprintf("section without %s: it is called %q; to give it a name readers see, add content/%s/%s with title: (and description:, weight:)",
					content.SectionFile, sec.Folder, sec.Folder, content.SectionFile)})
		}
	}
	sort.SliceStable(s.Sections, func(i, j int) bool { return sectionBefore(s.Sections[i], s.Sections[j]) })
}

// sectionBefore orders sections as menus list them: weighted ones first,
// lightest first (Hugo's rule), then by folder name so the order never
// depends on the file system.
func sectionBefore(a, b *Section) bool {
	if (a.Weight != 0) != (b.Weight != 0) {
		return a.Weight != 0
	}
	if a.Weight != b.Weight {
		return a.Weight < b.Weight
	}
	return a.Folder < b.Folder
}

// claimSections claims each section's pages and feeds.
func (s *Site) claimSections(claims claims) []error {
	var errs []error
	for _, sec := range s.Sections {
		source := "the section content/" + sec.Folder + "/"
		for _, pg := range sec.Pagers {
			if err := claims.claim(pg.OutputPath, source); err != nil {
				errs = append(errs, sectionClash(sec, err))
			}
		}
		for _, feed := range []string{SectionRSS, SectionAtom} {
			if err := claims.claim(strings.TrimPrefix(sec.RelPermalink, "/")+feed, "the feed of "+source); err != nil {
				errs = append(errs, sectionClash(sec, err))
			}
		}
	}
	return errs
}

// sectionAliases claims each section's aliases after every page's own
// URL, and adds their redirects.
func (s *Site) sectionAliases(claims claims) []error {
	var errs []error
	for _, sec := range s.Sections {
		errs = append(errs, s.indexAliases(claims, sec.meta, sec.Name, sec.RelPermalink)...)
	}
	return errs
}

// indexAliases claims the aliases an _index.md gives the page at rel
// called title, and adds their redirects.
func (s *Site) indexAliases(claims claims, m content.SectionMeta, title, rel string) []error {
	var errs []error
	for _, from := range m.Aliases {
		out := OutputPath(from)
		if prev, ok := claims.owner(out); ok {
			errs = append(errs, diag.Errorf(m.Path, m.AliasesLine, 0, "alias %q collides with %s; choose another", from, prev))
			continue
		}
		claims[out] = m.Path
		s.Aliases = append(s.Aliases, Alias{OutputPath: out, Title: title, RelPermalink: rel})
	}
	return errs
}

// A section's feeds, beside its front page: /economy/index.xml and
// /economy/atom.xml.
const (
	SectionRSS  = "index.xml"
	SectionAtom = "atom.xml"
)

func sectionClash(sec *Section, err error) error {
	return fmt.Errorf("%w; rename the folder content/%s/, whose URL is /%s/", err, sec.Folder, sec.Folder)
}
