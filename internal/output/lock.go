package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// DestLock is one process's claim on a destination folder, so two builds
// never stage, rename and remove files in it at once. It is an advisory
// lock of the operating system on a file in the cache folder (never in
// the destination, where it would be deployed): the kernel releases it
// when the process ends, however it ends, so a killed build leaves no
// stale lock behind. The file stays; it holds the pid of the last holder,
// which a build that finds the lock taken names in its message.
type DestLock struct {
	f *os.File
}

// ErrBusy is wrapped by the error of LockDest when another process holds
// the lock.
var ErrBusy = errors.New("destination locked")

// BusyError says which process holds the lock on Dest (PID 0 when it has
// not written its pid yet).
type BusyError struct {
	Dest string
	PID  int
}

func (e *BusyError) Error() string {
	who := ""
	if e.PID > 0 {
		who = fmt.Sprintf(" (pid %d)", e.PID)
	}
	return fmt.Sprintf("another sahifa build is writing %s%s; wait for it to finish, or build into another folder with -d", e.Dest, who)
}

func (e *BusyError) Unwrap() error { return ErrBusy }

// LockDest takes the lock in file (created with its folder if missing)
// for destination dest, which is only named in the error. It does not
// wait: when another process holds the lock it returns a *BusyError.
func LockDest(file, dest string) (*DestLock, error) {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return nil, fmt.Errorf("output: lock: %w", err)
	}
	f, err := os.OpenFile(file, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("output: lock: %w", err)
	}
	held, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("output: lock %s: %w", file, err)
	}
	if !held {
		f.Close()
		return nil, &BusyError{Dest: dest, PID: lockHolder(file)}
	}
	// The pid only feeds a message, so failing to write it is no error.
	if f.Truncate(0) == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &DestLock{f: f}, nil
}

// lockHolder reads the pid the holder wrote into file, 0 if none.
func lockHolder(file string) int {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}

// Unlock releases the lock. The file stays: removing it could let a
// second process lock a file a third is about to replace.
func (l *DestLock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close() // closing releases the lock
	l.f = nil
	return err
}
