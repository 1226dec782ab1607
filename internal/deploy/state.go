package deploy

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// StateKey is the index of the record in which a deploy says what it
// uploaded (record.go), so the next deploy knows what the bucket holds
// without listing it: after one publish it reads this one object and
// uploads what changed.
const StateKey = ".sahifa-deploy.json.gz"

// Object is what the state records about one uploaded file.
type Object struct {
	Size   int64  `json:"size"`   // of the local file
	SHA256 string `json:"sha256"` // of the local file, hex
	// MD5 is of the bytes stored (gzipped when the header says so), hex,
	// which is what S3 lists as the ETag: --verify compares the two.
	MD5 string `json:"md5"`
	// Header is Header.Sum of what the object was stored with.
	Header string `json:"header"`
}

// State is what the bucket holds, by site path.
type State map[string]Object

type stateFile struct {
	Version int   `json:"version"`
	Objects State `json:"objects"`
}

const stateVersion = 1

// EncodeState serialises s, one part of the record (gzip-compressed
// JSON, keys in order, so equal states are equal bytes).
func EncodeState(s State) []byte {
	return gzipJSON(stateFile{Version: stateVersion, Objects: s})
}

// DecodeState reads what EncodeState wrote.
func DecodeState(data []byte) (State, error) { return decodeState(StateKey, data) }

// decodeState is DecodeState for the object called name, which errors name.
func decodeState(name string, data []byte) (State, error) {
	var f stateFile
	if err := gunzipJSON(name, data, &f); err != nil {
		return nil, err
	}
	if f.Version != stateVersion {
		return nil, fmt.Errorf("%s: version %d, this sahifa reads %d", name, f.Version, stateVersion)
	}
	if f.Objects == nil {
		f.Objects = State{}
	}
	return f.Objects, nil
}

// stateID names one version of the state object, "" for none: a journal
// applies only to the state it started from.
func stateID(data []byte) string {
	if data == nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// The journal is a local file in the site's cache, one JSON line per
// upload or deletion done, so a deploy that was killed or failed knows,
// when run again, what it already did: the state object is written only
// at the end, when everything succeeded.
type journalEntry struct {
	Base   string  `json:"base,omitempty"`   // first line: the state it extends
	Target string  `json:"target,omitempty"` // first line: the target's URL
	Put    string  `json:"put,omitempty"`
	Object *Object `json:"object,omitempty"`
	Delete string  `json:"delete,omitempty"`
}

// applyJournal replays the journal at path onto s when it extends the
// state base of target; it returns how many entries it applied.
func applyJournal(path, base, target string, s State) (int, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for i := 0; sc.Scan(); i++ {
		var e journalEntry
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			break // a line cut short by a kill: what came before holds
		}
		if i == 0 {
			if e.Base != base || e.Target != target {
				return 0, nil // someone deployed since: the state says more
			}
			continue
		}
		switch {
		case e.Put != "" && e.Object != nil:
			s[e.Put] = *e.Object
		case e.Delete != "":
			delete(s, e.Delete)
		default:
			continue
		}
		n++
	}
	return n, sc.Err()
}

// journal appends entries; safe for use by one goroutine at a time (the
// caller holds a lock).
type journal struct {
	f *os.File
	w *bufio.Writer
}

func openJournal(path, base, target string, keep bool) (*journal, error) {
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if keep {
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if err != nil {
		return nil, err
	}
	j := &journal{f: f, w: bufio.NewWriter(f)}
	if !keep {
		j.add(journalEntry{Base: base, Target: target})
	}
	return j, nil
}

// add writes e through to the file, so a kill right after an upload
// loses at most the line being written.
func (j *journal) add(e journalEntry) error {
	line, _ := json.Marshal(e)
	j.w.Write(append(line, '\n'))
	return j.w.Flush()
}

func (j *journal) Close() error {
	return errors.Join(j.w.Flush(), j.f.Close())
}

var _ io.Closer = (*journal)(nil)
