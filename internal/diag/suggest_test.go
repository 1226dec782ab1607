package diag

import "testing"

func TestClosest(t *testing.T) {
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
		{"se", commands, ""}, // two edits from "new", but only two letters typed
		{"x", commands, ""},
		{"", commands, ""},
		{"destinaton", []string{"destination", "debounce"}, "destination"},
		{"عنوا", []string{"عنوان"}, "عنوان"}, // runes, not bytes
		// A tie goes to the first listed.
		{"sa", []string{"se", "so"}, "se"},
	} {
		if got := Closest(c.typed, c.known); got != c.want {
			t.Errorf("Closest(%q) = %q, want %q", c.typed, got, c.want)
		}
	}
}
