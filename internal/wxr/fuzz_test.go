package wxr

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"

	"github.com/sahifa/sahifa/internal/diag"
)

// FuzzReader: any input ends in io.EOF or an error with the export's
// position, without a panic, and within the item cap: hostile XML
// (entities, deep nesting, endless attributes) is refused, not expanded.
func FuzzReader(f *testing.F) {
	// The fixture's header and first item: the whole file is large enough
	// that minimizing each new input found from it takes the fuzzer minutes.
	if b, err := os.ReadFile(fixture); err == nil {
		if i := bytes.Index(b, []byte("</item>")); i > 0 {
			f.Add(append(b[:i+len("</item>")], "</channel></rss>"...))
		}
	}
	f.Add([]byte(`<rss><channel><item><wp:post_id xmlns:wp="http://wordpress.org/export/1.1/">1</wp:post_id></item></channel></rss>`))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss>&lol2;</rss>`))
	f.Add([]byte(`<rss><channel><item><category domain="post_tag" nicename="x"><![CDATA[a]]]]><![CDATA[>b]]></category></item></channel></rss>`))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1256"?><rss><channel><title>` + "\xc7\xe1" + `</title></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := NewReader(bytes.NewReader(data), "export.xml")
		for n := 0; ; n++ {
			it, err := rd.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				if _, ok := errors.AsType[*diag.SourceError](err); !ok {
					t.Fatalf("error without a position: %v", err)
				}
				if _, again := rd.Next(); again == nil {
					t.Fatal("Next after an error read on")
				}
				return
			}
			if it == nil || n > len(data) {
				t.Fatalf("item %d of a %d-byte input", n, len(data))
			}
		}
	})
}
