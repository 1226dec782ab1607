package render

import "testing"

// countingStore is a MemoStore that counts its reads.
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

// After a prefetch, the entries are read from memory, one batch having
// read them; a key the store lacks is still asked for one by one (it may
// be set later), and what was read ahead counts as used once got.
func TestMemoPrefetch(t *testing.T) {
	st := &countingStore{values: map[string][]byte{"a": []byte("1"), "b": []byte("2")}}
	m := StoredMemo(st)
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
	// Entries already in memory are not read again.
	m.prefetch([]string{"a", "b"})
	if st.batch != 1 {
		t.Errorf("a second prefetch of known keys read the store")
	}
	// Read ahead but not asked for: not in use, so collected; read
	// ahead once.
	st.values["d"] = []byte("4")
	m.prefetch([]string{"d"})
	m.prefetch([]string{"d"})
	if m.InUse("d") || st.batch != 2 {
		t.Errorf("an entry read ahead: in use %v, %d batches; want false, 2", m.InUse("d"), st.batch)
	}
}
