package render

import (
	"maps"
	"slices"
	"testing"
)

// holdingStore is a MemoStore in memory: entries of earlier builds, and
// those a build holds until it saves them.
type holdingStore struct {
	stored, held map[string][]byte
	refuse       bool // Hold fails, as when the file cannot be written
}

func (s *holdingStore) Get(key string) ([]byte, bool) {
	if v, ok := s.held[key]; ok {
		return v, true
	}
	v, ok := s.stored[key]
	return v, ok
}

func (s *holdingStore) GetMany(keys []string) [][]byte {
	out := make([][]byte, len(keys))
	for i, k := range keys {
		out[i], _ = s.Get(k)
	}
	return out
}

func (s *holdingStore) Hold(key string, v []byte) bool {
	if s.refuse {
		return false
	}
	s.held[key] = slices.Clone(v)
	return true
}

// A memo read from the build cache holds no value: it reads them from
// the store, and leaves what it makes with the store until the save (a
// first build of 100,000 articles made 450 MB of search analyses, held to
// its end). What the store cannot hold, it keeps for the save.
func TestStoredMemoHoldsNoValue(t *testing.T) {
	st := &holdingStore{stored: map[string][]byte{"old": []byte("o")}, held: map[string][]byte{}}
	m := StoredMemo(st, false)
	m.set("new", []byte("n"))
	for _, c := range []struct{ key, want string }{{"old", "o"}, {"new", "n"}, {"old", "o"}} {
		if v, ok := m.get(c.key); !ok || string(v) != c.want {
			t.Errorf("get(%s) = %q, %v; want %q", c.key, v, ok, c.want)
		}
	}
	if _, ok := m.get("none"); ok {
		t.Error("an entry nobody made is found")
	}
	for k, v := range m.used {
		if v != nil {
			t.Errorf("the memo holds the value of %s", k)
		}
	}
	if len(m.Added()) != 0 || string(st.held["new"]) != "n" {
		t.Errorf("held %q; memo added %v", st.held, m.Added())
	}
	if !m.InUse("old") || !m.InUse("new") || m.InUse("none") || m.InUseCount() != 2 {
		t.Errorf("in use: %v", slices.Sorted(maps.Keys(m.used)))
	}
	st.refuse = true
	m.set("kept", []byte("k"))
	if v, ok := m.get("kept"); !ok || string(v) != "k" || string(m.Added()["kept"]) != "k" {
		t.Errorf("an entry the store could not hold: get %q, %v; added %q", v, ok, m.Added())
	}
}

// The dev server's first build reads the build cache too, and its next
// build reads the memo from memory: every value read or made is kept.
func TestStoredMemoForNext(t *testing.T) {
	st := &holdingStore{stored: map[string][]byte{"old": []byte("o")}, held: map[string][]byte{}}
	m := StoredMemo(st, true)
	m.get("old")
	m.set("new", []byte("n"))
	if len(st.held) != 0 || string(m.Added()["new"]) != "n" {
		t.Errorf("held by the store %q, added %q: the memo must keep them", st.held, m.Added())
	}
	next := m.Next()
	for _, c := range []struct{ key, want string }{{"old", "o"}, {"new", "n"}} {
		if v, ok := next.get(c.key); !ok || string(v) != c.want {
			t.Errorf("next build: get(%s) = %q, %v; want %q", c.key, v, ok, c.want)
		}
	}
}

// countingStore is a MemoStore that counts its reads and holds nothing.
type countingStore struct {
	values      map[string][]byte
	gets, batch int
}

func (s *countingStore) Get(key string) ([]byte, bool) {
	s.gets++
	v, ok := s.values[key]
	return v, ok
}

func (s *countingStore) GetMany(keys []string) [][]byte {
	s.batch++
	out := make([][]byte, len(keys))
	for i, k := range keys {
		out[i] = s.values[k]
	}
	return out
}

func (s *countingStore) Hold(string, []byte) bool { return false }

// After a prefetch, the entries are read from memory, one batch having
// read them; a key the store lacks is still asked for one by one (it may
// be set later); what was read ahead counts as used once got, and is
// read ahead once.
func TestMemoPrefetch(t *testing.T) {
	st := &countingStore{values: map[string][]byte{"a": []byte("1"), "b": []byte("2"), "d": []byte("4")}}
	m := StoredMemo(st, false)
	m.prefetch([]string{"a", "b", "c"})
	if st.batch != 1 || st.gets != 0 {
		t.Fatalf("prefetch: %d batches, %d gets; want 1 and 0", st.batch, st.gets)
	}
	for k, want := range map[string]string{"a": "1", "b": "2"} {
		if v, ok := m.get(k); !ok || string(v) != want {
			t.Errorf("get(%s) = %q, %v", k, v, ok)
		}
	}
	if st.gets != 0 {
		t.Errorf("%d gets after a prefetch, want 0", st.gets)
	}
	if _, ok := m.get("c"); ok || st.gets != 1 {
		t.Errorf("get(c): found %v, %d gets; want none found, 1 get", ok, st.gets)
	}
	if !m.InUse("a") || m.InUse("c") {
		t.Errorf("in use: a %v, c %v", m.InUse("a"), m.InUse("c"))
	}
	m.prefetch([]string{"d"})
	m.prefetch([]string{"d"})
	if m.InUse("d") || st.batch != 2 {
		t.Errorf("an entry read ahead: in use %v, %d batches; want false, 2", m.InUse("d"), st.batch)
	}
}
