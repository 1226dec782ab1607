package server

import (
	"encoding/json"
	"html"
)

// ScriptPath is where the dev server serves the live-reload script, and
// EventsPath its Server-Sent Events stream. Paths under Reserved belong
// to the dev server, never to the site.
const (
	Reserved   = "/_sahifa/"
	ScriptPath = Reserved + "live.js"
	EventsPath = Reserved + "events"
)

// ScriptTag is the element injected into a page: it loads the live-reload
// script and tells it which site paths the page shows (so it reloads when
// one of them changes) and which build it came from (so it notices builds
// it missed while not connected).
func ScriptTag(paths []string, build string) string {
	if paths == nil {
		paths = []string{}
	}
	p, _ := json.Marshal(paths)
	return `<script src="` + ScriptPath + `" data-build="` + html.EscapeString(build) + `" data-paths="` + html.EscapeString(string(p)) + `"></script>`
}

// Inject returns a copy of page with tag inserted before its closing
// </body> tag, or else before </html>, or else at its end (minified pages
// may leave both out; a script after the last element still joins the
// body). page is not modified: the built site never carries the tag.
func Inject(page []byte, tag string) []byte {
	at := lastIndexFold(page, "</body")
	if at < 0 {
		at = lastIndexFold(page, "</html")
	}
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:at]...)
	out = append(out, tag...)
	return append(out, page[at:]...)
}

// lastIndexFold is the index of the last ASCII-case-insensitive match of
// the lower-case ASCII string s in b, or -1.
func lastIndexFold(b []byte, s string) int {
	for i := len(b) - len(s); i >= 0; i-- {
		match := true
		for j := 0; j < len(s); j++ {
			c := b[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != s[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}
