package deploy

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"gocloud.dev/blob"
	"gocloud.dev/blob/memblob"
)

func recordState(n int) State {
	s := State{}
	for i := range n {
		s[fmt.Sprintf("2024/01/%02d/خبر-%d/index.html", i%28+1, i)] = Object{Size: int64(i), SHA256: fmt.Sprint(i), MD5: "m", Header: "h"}
	}
	return s
}

// objects is every object of b, key → bytes.
func objects(t *testing.T, b *blob.Bucket) map[string]string {
	t.Helper()
	out := map[string]string{}
	ctx := context.Background()
	for it := b.List(nil); ; {
		o, err := it.Next(ctx)
		if err != nil {
			break
		}
		data, err := b.ReadAll(ctx, o.Key)
		if err != nil {
			t.Fatal(err)
		}
		out[o.Key] = string(data)
	}
	return out
}

// The record is kept in parts: it reads back as written, with or without
// the local copies; one changed file rewrites its part and the index
// alone; a site that shrinks drops the parts past its count.
func TestRecordParts(t *testing.T) {
	ctx := context.Background()
	b := memblob.OpenBucket(nil)
	defer b.Close()
	cache := filepath.Join(t.TempDir(), "record")
	read := func(cache string) record {
		t.Helper()
		raw, err := b.ReadAll(ctx, StateKey)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := readRecord(ctx, b, raw, cache)
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}

	s := recordState(1000)
	if err := writeRecord(ctx, b, s, record{}, cache); err != nil {
		t.Fatal(err)
	}
	first := objects(t, b)
	if want := partsFor(1000) + 1; len(first) != want || partsFor(1000) != 8 {
		t.Fatalf("%d objects for 1,000 files, want %d parts and the index", len(first), want-1)
	}
	rec := read(cache)
	if !maps.Equal(rec.state, s) {
		t.Fatal("the record read back differs")
	}
	if fresh := read(t.TempDir()); !maps.Equal(fresh.state, s) {
		t.Fatal("the record read without local copies differs")
	}

	// One file changed: its part and the index are written, nothing else.
	s2 := maps.Clone(s)
	changed := "2024/01/05/خبر-4/index.html"
	s2[changed] = Object{Size: 9, SHA256: "new"}
	if err := writeRecord(ctx, b, s2, rec, cache); err != nil {
		t.Fatal(err)
	}
	second := objects(t, b)
	var rewritten []string
	for k, v := range second {
		if first[k] != v {
			rewritten = append(rewritten, k)
		}
	}
	if want := []string{StateKey, partKey(partOf(changed, 8))}; len(rewritten) != 2 || !(rewritten[0] == want[0] && rewritten[1] == want[1] || rewritten[0] == want[1] && rewritten[1] == want[0]) {
		t.Errorf("one changed file rewrote %q, want %q", rewritten, want)
	}

	// A deploy cut short after writing a part, before the index: the
	// part, newer than the index, is read as it is.
	rec2 := read(cache)
	s3 := maps.Clone(s2)
	s3[changed] = Object{Size: 10, SHA256: "newer"}
	i := partOf(changed, 8)
	part := State{}
	for p, o := range s3 {
		if partOf(p, 8) == i {
			part[p] = o
		}
	}
	if err := b.WriteAll(ctx, partKey(i), EncodeState(part), nil); err != nil {
		t.Fatal(err)
	}
	if got := read(t.TempDir()).state[changed]; got.SHA256 != "newer" {
		t.Errorf("a part newer than the index read as %+v", got)
	}

	// The site shrinks to one part: the parts past it go.
	small := recordState(10)
	if err := writeRecord(ctx, b, small, rec2, cache); err != nil {
		t.Fatal(err)
	}
	if got := objects(t, b); len(got) != 2 {
		t.Errorf("a record of 10 files is %d objects, want one part and the index", len(got))
	}
	if got := read(cache); !maps.Equal(got.state, small) {
		t.Error("the shrunk record reads back differently")
	}
}

// A damaged part is an error that names the part, not the index.
func TestRecordDamagedPart(t *testing.T) {
	ctx := context.Background()
	b := memblob.OpenBucket(nil)
	defer b.Close()
	if err := writeRecord(ctx, b, recordState(10), record{}, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if err := b.WriteAll(ctx, partKey(0), []byte("not gzip"), nil); err != nil {
		t.Fatal(err)
	}
	raw, err := b.ReadAll(ctx, StateKey)
	if err != nil {
		t.Fatal(err)
	}
	_, err = readRecord(ctx, b, raw, t.TempDir())
	if err == nil || !strings.HasPrefix(err.Error(), partKey(0)+":") {
		t.Errorf("a damaged part: %v, want an error naming %s", err, partKey(0))
	}
}
