package server

import (
	"bytes"
	"strings"
	"testing"
)

func TestInject(t *testing.T) {
	const tag = "<script x></script>"
	cases := []struct{ in, want string }{
		{"<html><body><p>نص</p></body></html>", "<html><body><p>نص</p>" + tag + "</body></html>"},
		{"<HTML><BODY>x</BODY></HTML>", "<HTML><BODY>x" + tag + "</BODY></HTML>"},
		{"<html><body>x</body>\n</html>\n", "<html><body>x" + tag + "</body>\n</html>\n"},
		// Minified pages may leave out the optional end tags.
		{"<!doctype html><title>x</title><p>نص", "<!doctype html><title>x</title><p>نص" + tag},
		{"<p>x</html>", "<p>x" + tag + "</html>"},
		{"", tag},
		// The last </body> counts, not one quoted earlier.
		{`<pre>&lt;/body></pre><p>"</body"</p></body>`, `<pre>&lt;/body></pre><p>"</body"</p>` + tag + `</body>`},
	}
	for _, c := range cases {
		in := []byte(c.in)
		got := Inject(in, tag)
		if string(got) != c.want {
			t.Errorf("Inject(%q) = %q, want %q", c.in, got, c.want)
		}
		if string(in) != c.in {
			t.Errorf("Inject modified its input %q", c.in)
		}
	}
	// The page's buffer is never written to, even with spare capacity.
	page := make([]byte, 0, 100)
	page = append(page, "<body></body>"...)
	Inject(page, tag)
	if !bytes.Equal(page[:cap(page)][13:14], []byte{0}) {
		t.Error("Inject wrote into the spare capacity of its input")
	}
}

func TestScriptTag(t *testing.T) {
	got := ScriptTag([]string{"2021/توافق/index.html", `a"b<c>.html`}, "ab12-3")
	want := `<script src="/_sahifa/live.js" data-build="ab12-3" data-paths="[&#34;2021/توافق/index.html&#34;,&#34;a\&#34;b\u003cc\u003e.html&#34;]"></script>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if strings.Contains(ScriptTag(nil, "x"), "null") {
		t.Error("nil paths give null, want []")
	}
}
