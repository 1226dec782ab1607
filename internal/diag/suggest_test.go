package diag

import "testing"

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "tags", 4},
		{"tag", "tags", 1},
		{"titel", "title", 1}, // a swap is one edit
		{"biuld", "build", 1},
		{"descripton", "description", 1},
		{"paginat", "paginate", 1},
		{"kitten", "sitting", 3},
		{"عنوان", "عنوا", 1}, // runes, not bytes
		{"ca", "abc", 3},     // optimal string alignment: no edit of a swapped pair
	}
	for _, c := range cases {
		if got := EditDistance(c.a, c.b); got != c.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := EditDistance(c.b, c.a); got != c.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d (symmetric)", c.b, c.a, got, c.want)
		}
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"title", "tags", "date", "description", "publishDate", "url", "alt", "weight"}
	cases := []struct{ typed, want string }{
		{"tag", "tags"},
		{"titel", "title"},
		{"dat", "date"},
		{"descripton", "description"},
		{"PublishDat", "publishDate"}, // case ignored, candidate's spelling kept
		{"publish_date", "publishDate"},
		{"title", ""}, // the same key is no suggestion
		{"Title", "title"},
		{"dateline", ""}, // far from every key: a site's own param
		{"agency", ""},
		{"lang", ""}, // two edits from "tags" and "date": too many for a short name
		{"uri", "url"},
		{"weihgt", "weight"},
	}
	for _, c := range cases {
		if got := Closest(c.typed, keys); got != c.want {
			t.Errorf("Closest(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
	// Ties go to the first in sort order, whatever the order given.
	if a, b := Closest("cat", []string{"hat", "bat"}), Closest("cat", []string{"bat", "hat"}); a != "bat" || b != "bat" {
		t.Errorf("tie: got %q and %q, want bat", a, b)
	}
}

// The command line's suggestions (sub-commands and flags) follow the
// same rule.
func TestClosestCommands(t *testing.T) {
	commands := []string{"build", "serve", "import", "new", "version", "help"}
	for _, c := range []struct {
		typed string
		known []string
		want  string
	}{
		{"biuld", commands, "build"},
		{"BUILD", commands, "build"},
		{"serv", commands, "serve"},
		{"nwe", commands, "new"},
		{"imprt", commands, "import"},
		{"deploy", commands, ""},
		{"se", commands, ""},
		{"x", commands, ""},
		{"", commands, ""},
		{"destinaton", []string{"destination", "debounce"}, "destination"},
		{"عنوا", []string{"عنوان"}, "عنوان"}, // runes, not bytes
		{"sa", []string{"so", "se"}, "se"},   // a tie goes to the first in sort order
	} {
		if got := Closest(c.typed, c.known); got != c.want {
			t.Errorf("Closest(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
}
