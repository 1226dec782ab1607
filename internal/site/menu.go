package site

import (
	"strings"

	"github.com/sahifa/sahifa/internal/config"
	"github.com/sahifa/sahifa/internal/diag"
)

// MainMenu is the menu the masthead shows.
const MainMenu = "main"

// MenuItem is a link of a menu.
type MenuItem struct {
	Name string
	// URL is a site path ("/economy/") or, for a link off the site, a
	// full URL; External tells which.
	URL      string
	External bool
	Children []*MenuItem
}

// buildMenus resolves the configured menus; the main menu, unless
// configured, lists the sections in their order.
func (s *Site) buildMenus(cfg config.Config) []error {
	s.Menus = map[string][]*MenuItem{}
	if _, ok := cfg.Menus[MainMenu]; !ok {
		for _, sec := range s.Sections {
			s.Menus[MainMenu] = append(s.Menus[MainMenu], &MenuItem{Name: sec.Name, URL: sec.RelPermalink})
		}
	}
	var errs []error
	for name, entries := range cfg.Menus {
		items := map[string]*MenuItem{}
		var top []*MenuItem
		for _, e := range entries {
			it, err := s.menuItem(e)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			items[e.Identifier] = it
			if e.Parent == "" {
				top = append(top, it)
			}
		}
		// Children in their menu's order, under parents the config
		// checked; a child whose parent failed is reported with it.
		for _, e := range entries {
			if parent, ok := items[e.Parent]; ok && e.Parent != "" && items[e.Identifier] != nil {
				parent.Children = append(parent.Children, items[e.Identifier])
			}
		}
		s.Menus[name] = top
	}
	return errs
}

// menuItem makes a configured entry into a link: its url as written (a
// site path gains its leading "/"), or the URL of the page its pageRef
// names.
func (s *Site) menuItem(e config.MenuEntry) (*MenuItem, error) {
	if e.URL != "" {
		if isExternal(e.URL) {
			return &MenuItem{Name: e.Name, URL: e.URL, External: true}, nil
		}
		return &MenuItem{Name: e.Name, URL: "/" + strings.TrimPrefix(e.URL, "/")}, nil
	}
	ref := strings.Trim(e.PageRef, "/")
	ref = strings.TrimPrefix(ref, "content/")
	var folders []string
	for _, sec := range s.Sections {
		if sec.Folder == ref {
			return &MenuItem{Name: e.Name, URL: sec.RelPermalink}, nil
		}
		folders = append(folders, sec.Folder)
	}
	file := "content/" + ref
	if !strings.HasSuffix(file, ".md") {
		file += ".md"
	}
	for _, a := range s.Articles {
		if a.Path == file {
			return &MenuItem{Name: e.Name, URL: a.RelPermalink}, nil
		}
	}
	hint := " (sections: " + strings.Join(folders, ", ") + ")"
	if near := diag.Closest(ref, folders); near != "" {
		hint = " (did you mean \"" + near + "\"?)"
	} else if len(folders) == 0 {
		hint = " (the site has no sections)"
	}
	return nil, diag.Errorf(e.File, e.Line, e.Col, "menu entry %q: pageRef %q names no section and no published article%s; "+
		"write a section's folder (\"economy\") or an article's file under content/ (\"economy/budget.md\")", e.Name, e.PageRef, hint)
}

// isExternal reports whether a menu URL leaves the site: it has a scheme
// (https:, mailto:) or is protocol-relative.
func isExternal(u string) bool {
	if strings.HasPrefix(u, "//") {
		return true
	}
	i := strings.IndexAny(u, ":/?#")
	return i > 0 && u[i] == ':'
}
