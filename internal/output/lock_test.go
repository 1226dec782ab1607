package output

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// holdLockEnv makes the test binary, started again as a child, hold the
// lock in the file it names until it is killed.
const holdLockEnv = "SAHIFA_TEST_HOLD_LOCK"

func TestMain(m *testing.M) {
	if file := os.Getenv(holdLockEnv); file != "" {
		if _, err := LockDest(file, "public"); err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(2)
		}
		os.Stdout.WriteString("locked\n")
		select {} // until killed
	}
	os.Exit(m.Run())
}

func TestLockDestBusy(t *testing.T) {
	file := filepath.Join(t.TempDir(), ".sahifa-cache", "lock-x")
	first, err := LockDest(file, "public")
	if err != nil {
		t.Fatal(err)
	}
	_, err = LockDest(file, "public")
	var busy *BusyError
	if !errors.As(err, &busy) || busy.PID != os.Getpid() || !errors.Is(err, ErrBusy) {
		t.Fatalf("second LockDest = %v, want busy with pid %d", err, os.Getpid())
	}
	if want := "another sahifa build is writing public ("; !strings.Contains(err.Error(), want) {
		t.Errorf("message %q lacks %q", err, want)
	}
	if err := first.Unlock(); err != nil {
		t.Fatal(err)
	}
	again, err := LockDest(file, "public")
	if err != nil {
		t.Fatalf("LockDest after Unlock = %v", err)
	}
	again.Unlock()
}

// TestLockOfKilledProcessTakenOver: a build killed while holding the lock
// (here a child process, killed with SIGKILL) does not block the next.
func TestLockOfKilledProcessTakenOver(t *testing.T) {
	file := filepath.Join(t.TempDir(), "lock-x")
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), holdLockEnv+"="+file)
	child.Stderr = os.Stderr
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer child.Process.Kill()
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "locked\n" {
		child.Wait()
		t.Fatalf("child did not take the lock: %q", line)
	}
	var busy *BusyError
	if _, err := LockDest(file, "public"); !errors.As(err, &busy) || busy.PID != child.Process.Pid {
		t.Fatalf("LockDest while the child holds it = %v, want busy with pid %d", err, child.Process.Pid)
	}
	if err := child.Process.Kill(); err != nil { // SIGKILL: no chance to unlock
		t.Fatal(err)
	}
	child.Wait()
	l, err := LockDest(file, "public")
	if err != nil {
		t.Fatalf("LockDest after the holder was killed = %v", err)
	}
	l.Unlock()
	if got := lockHolder(file); got != os.Getpid() {
		t.Errorf("lock file names pid %d, want %d", got, os.Getpid())
	}
}
