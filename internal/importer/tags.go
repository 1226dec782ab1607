package importer

import (
	"github.com/sahifa/sahifa/internal/frontmatter"
)

// EditorTags returns the tags written in a Markdown file's front matter,
// and whether it has any.
func EditorTags(md []byte) ([]string, bool) {
	tags, _ := frontTags(md)
	return tags, len(tags) > 0
}

// HasEditorTags reports whether md says its tags were written by an
// editor (editor_tags: true), so imports must keep them.
func HasEditorTags(md []byte) bool {
	_, marked := frontTags(md)
	return marked
}

// frontTags reads the tags and the editor_tags mark of a Markdown file.
func frontTags(md []byte) (tags []string, marked bool) {
	doc, err := frontmatter.Split("", md)
	if err != nil {
		return nil, false
	}
	fields, err := frontmatter.Decode("", doc)
	if err != nil {
		return nil, false
	}
	for _, f := range fields {
		switch f.Key {
		case "tags":
			list, _ := f.Value.([]any)
			for _, v := range list {
				if s, ok := v.(string); ok {
					tags = append(tags, s)
				}
			}
		case keyEditorTags:
			marked, _ = f.Value.(bool)
		}
	}
	return tags, marked
}
