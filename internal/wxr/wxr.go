// Package wxr reads WordPress eXtended RSS (WXR 1.0–1.2), the file
// WordPress's Tools → Export writes, as a stream: the channel's authors,
// categories and tags, then one item at a time. An export of a large
// archive runs to hundreds of megabytes, so nothing but the item being
// read is held, and no single piece of text may pass MaxText.
package wxr

import "time"

// Site is what the channel says before its items: the blog's addresses,
// its authors, categories and tags.
type Site struct {
	Title string
	// Link is the blog's address (<link>); BaseBlogURL and BaseSiteURL are
	// WordPress's wp:base_blog_url and wp:base_site_url.
	Link, BaseBlogURL, BaseSiteURL string
	Version                        string // wp:wxr_version, "1.2"
	Authors                        []Author
	Categories                     []Category
	Tags                           []Tag
}

// Author is a wp:author: a login (what items name in dc:creator) and the
// name readers see.
type Author struct {
	Login, DisplayName string
}

// Category is a wp:category; Parent is the nicename of its parent, "" at
// the top.
type Category struct {
	Nicename, Name, Parent string
}

// Tag is a wp:tag.
type Tag struct {
	Slug, Name string
}

// Term is one <category> of an item: a category (Domain "category") or a
// tag ("post_tag"), or a term of another taxonomy.
type Term struct {
	Domain, Nicename, Name string
}

// Item is one <item>: a post, a page, an attachment or another post type.
type Item struct {
	// Line is where the <item> opens in the export, for messages.
	Line int

	ID     int    // wp:post_id
	Type   string // wp:post_type: post, page, attachment, nav_menu_item …
	Status string // wp:status: publish, draft, pending, future, private, trash, inherit
	Title  string
	Link   string // the permalink as WordPress gave it (percent-encoded)
	GUID   string
	// Name is wp:post_name, the slug, percent-encoded as WordPress stores
	// non-ASCII slugs.
	Name    string
	Creator string // dc:creator: an author's login
	Content string // content:encoded, HTML
	Excerpt string // excerpt:encoded
	// Date and Modified are post_date_gmt and post_modified_gmt; zero when
	// WordPress wrote none (drafts have 0000-00-00 00:00:00). LocalDate
	// is post_date, the blog's wall clock, for drafts without a GMT date.
	Date, Modified, LocalDate time.Time
	Parent                    int // wp:post_parent
	MenuOrder                 int
	Password                  string
	Sticky                    bool
	AttachmentURL             string // wp:attachment_url
	Terms                     []Term
	// Meta is every wp:postmeta, by key: _thumbnail_id,
	// _wp_attachment_image_alt, _wp_attached_file …
	Meta map[string]string
}

// TermsOf returns the item's terms of one domain, in order.
func (it *Item) TermsOf(domain string) []Term {
	var out []Term
	for _, t := range it.Terms {
		if t.Domain == domain {
			out = append(out, t)
		}
	}
	return out
}
