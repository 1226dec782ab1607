package render

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sahifa/sahifa/internal/feed"
)

// notInPageKey are the fields of template data that a page's key does not
// write, each with what stands for it in the key instead. Any other
// exported field, including one added later, must change the key
// (TestPageKeyCoversEveryField).
var notInPageKey = map[string]string{
	"Page.Site": "in the global key (newKeys)",
	// An article's file gives these, given the config (in the global
	// key); its hash, Article.source, is in the key.
	"Article.Title":       "source",
	"Article.Description": "source",
	"Article.Summary":     "source: the summary or description, else the body's start",
	"Article.Date":        "source",
	"Article.Lastmod":     "source",
	"Article.Tags":        "source",
	"Article.Dateline":    "source",
	"Article.Agency":      "source",
	"Article.Caption":     "source",
	"Article.ReadingTime": "source: the body's word count",
	"Article.Words":       "source: the body's word count",
	"Article.Draft":       "source",
	"Article.Params":      "source",
	"Article.Breaking":    "source",
	"Article.Correction":  "source (its date read in the site's zone, in the global key)",
}

// keyRenderer is a renderer that has hashed nothing yet: shared sums
// are kept by pointer, and the tests change values in place.
func keyRenderer() *renderer {
	r := &renderer{keys: keys{global: []byte("global")}}
	r.keyBufs.New = func() any { return new(keyData) }
	return r
}

// TestPageKeyCoversEveryField changes, one at a time, every field of a
// page's template data that a template can read, at any depth, and
// checks that the page's key changes: a field added to Page, Article,
// Pager or any type they hold fails here until keydata.go writes it (or
// notInPageKey says what stands for it).
func TestPageKeyCoversEveryField(t *testing.T) {
	p := &Page{}
	fillValue(reflect.ValueOf(p).Elem(), map[reflect.Type]bool{}, new(int))
	// The unexported source is what the fields notInPageKey lists come from.
	p.Article.source = "file hash"
	for _, e := range p.Pager.Articles {
		e.source = "file hash"
	}
	keyOf := func() string { return keyRenderer().pageKey("layout", p, "extra") }
	base := checkEveryField(t, reflect.ValueOf(p).Elem(), "Page", notInPageKey, keyOf)
	for _, e := range []*Article{p.Article, p.Pager.Articles[0]} {
		e.source = "another file hash"
		if keyOf() == base {
			t.Errorf("the article's file hash is not in the key")
		}
		e.source = "file hash"
	}
}

// TestFeedKeyCoversEveryField is TestPageKeyCoversEveryField for feeds:
// every field of a channel and its items is in the feed's key.
func TestFeedKeyCoversEveryField(t *testing.T) {
	ch := &feed.Channel{}
	fillValue(reflect.ValueOf(ch).Elem(), map[reflect.Type]bool{}, new(int))
	checkEveryField(t, reflect.ValueOf(ch).Elem(), "Channel", nil, func() string { return keyRenderer().feedKey("index.xml", ch) })
}

// checkEveryField changes each field under v in turn (but those skip
// names, "Type.Field") and fails when key does not change with it. It
// returns the key of v as it was.
func checkEveryField(t *testing.T, v reflect.Value, name string, skip map[string]string, key func() string) string {
	t.Helper()
	base := key()
	if base == "" {
		t.Fatal("no key")
	}
	checked := 0
	eachField(v, name, skip, func(path string, change func() (undo func())) {
		undo := change()
		if key() == base {
			t.Errorf("changing %s leaves the key as it was", path)
		}
		undo()
		if key() != base {
			t.Fatalf("undoing a change to %s did not restore the key", path)
		}
		checked++
	})
	t.Logf("%d changes checked", checked)
	return base
}

// TestNotInPageKeyNamesFields keeps the exceptions true: each names a
// field that exists.
func TestNotInPageKeyNamesFields(t *testing.T) {
	types := map[string]reflect.Type{"Page": reflect.TypeFor[Page](), "Article": reflect.TypeFor[Article]()}
	for name := range notInPageKey {
		typ, field, _ := strings.Cut(name, ".")
		if _, ok := types[typ].FieldByName(field); !ok {
			t.Errorf("notInPageKey: %s is not a field", name)
		}
	}
}

var timeType = reflect.TypeFor[time.Time]()

// fillValue sets every exported field under v to a value of its own: a
// different string or number each, true, a set pointer, a slice of one
// element. A slice of a struct type already being filled (a year's
// months) is left empty, so filling ends.
func fillValue(v reflect.Value, filling map[reflect.Type]bool, n *int) {
	*n++
	switch {
	case v.Type() == timeType:
		v.Set(reflect.ValueOf(time.Date(2020, 1, 1, 0, 0, *n, 0, time.UTC))) // eachField changes the zone
	case v.Kind() == reflect.String:
		v.SetString("s" + strings.Repeat("x", *n))
	case v.CanInt():
		v.SetInt(int64(*n))
	case v.Kind() == reflect.Bool:
		v.SetBool(true)
	case v.Kind() == reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
	case v.Kind() == reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillValue(v.Elem(), filling, n)
	case v.Kind() == reflect.Slice:
		if filling[v.Type().Elem()] {
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fillValue(v.Index(0), filling, n)
	case v.Kind() == reflect.Struct:
		filling[v.Type()] = true
		defer delete(filling, v.Type())
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillValue(v.Field(i), filling, n)
			}
		}
	}
}

// eachField calls check with a way to change each exported field under v
// but those skip names (path names it), and to undo the change: a value changed in place, a
// pointer unset, a slice emptied or given an element.
func eachField(v reflect.Value, path string, skip map[string]string, check func(path string, change func() (undo func()))) {
	set := func(v reflect.Value, to reflect.Value) func() (undo func()) {
		return func() func() {
			old := reflect.New(v.Type()).Elem()
			old.Set(v)
			v.Set(to)
			return func() { v.Set(old) }
		}
	}
	switch {
	case v.Type() == timeType:
		t := v.Interface().(time.Time)
		check(path+" (instant)", set(v, reflect.ValueOf(t.Add(time.Nanosecond))))
		check(path+" (zone offset)", set(v, reflect.ValueOf(t.In(time.FixedZone("UTC", 3*3600)))))
		check(path+" (zone name)", set(v, reflect.ValueOf(t.In(time.FixedZone("GMT", 0)))))
	case v.Kind() == reflect.String:
		check(path, set(v, reflect.ValueOf(v.String()+"y").Convert(v.Type())))
	case v.CanInt():
		check(path, set(v, reflect.ValueOf(v.Int()+1).Convert(v.Type())))
	case v.Kind() == reflect.Bool:
		check(path, set(v, reflect.ValueOf(!v.Bool())))
	case v.Kind() == reflect.Pointer:
		check(path+" (unset)", set(v, reflect.Zero(v.Type())))
		eachField(v.Elem(), path, skip, check)
	case v.Kind() == reflect.Slice:
		if v.Len() == 0 {
			check(path+" (an element added)", set(v, reflect.MakeSlice(v.Type(), 1, 1)))
			return
		}
		check(path+" (emptied)", set(v, reflect.Zero(v.Type())))
		el := v.Index(0)
		if el.Kind() == reflect.Pointer {
			el = el.Elem() // lists hold no nil entries
		}
		eachField(el, path+"[0]", skip, check)
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.IsExported() && skip[v.Type().Name()+"."+f.Name] == "" {
				eachField(v.Field(i), path+"."+f.Name, skip, check)
			}
		}
	default:
		check(path+" (a kind this test cannot change)", func() func() { return func() {} })
	}
}
