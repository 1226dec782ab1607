//go:build unix

package output

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// A commit installs files in more folders than the process may hold
// open: installAt keeps open only the folders around the file at hand.
func TestCommitMoreFoldersThanOpenFiles(t *testing.T) {
	var lim unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_NOFILE, &lim); err != nil {
		t.Skip(err)
	}
	low := lim
	low.Cur = 128
	if err := unix.Setrlimit(unix.RLIMIT_NOFILE, &low); err != nil {
		t.Skip(err)
	}
	defer unix.Setrlimit(unix.RLIMIT_NOFILE, &lim)

	dest := t.TempDir()
	tx, err := Begin(dest, manifestOpt(t))
	if err != nil {
		t.Fatal(err)
	}
	const n = 400
	for i := range n {
		p := fmt.Sprintf("2024/%02d/%03d/خبر-%d/index.html", i%12+1, i, i)
		if err := tx.Write(File{Path: p, Data: []byte(fmt.Sprint(i))}); err != nil {
			t.Fatal(err)
		}
	}
	st, err := tx.Commit()
	if err != nil || st.Written != n {
		t.Fatalf("Commit = %+v, %v; want %d files written", st, err, n)
	}
	got, err := os.ReadFile(filepath.Join(dest, "2024", "05", "004", "خبر-4", "index.html"))
	if err != nil || string(got) != "4" {
		t.Fatalf("installed file = %q, %v", got, err)
	}
}
