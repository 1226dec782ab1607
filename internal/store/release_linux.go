package store

import (
	"os"

	"golang.org/x/sys/unix"
)

// Release drops the store file's pages from the process's memory: they
// stay in the system's file cache and are mapped again when read. Opening
// the store walks every page of the file (bbolt rebuilds its free list:
// NoFreelistSync) and restoring the articles reads a third of it, and the
// pages stayed mapped to the end of the build: at 100,000 articles a
// gigabyte of the build's resident memory.
func (s *Store) Release() {
	fi, err := os.Stat(s.db.Path())
	if err != nil || fi.Size() == 0 {
		return
	}
	// Through the system call rather than a slice of the mapping: bbolt
	// gives the mapping's address alone. Dropping pages of a shared file
	// mapping loses nothing, so a failure is only memory not released.
	unix.Syscall(unix.SYS_MADVISE, s.db.Info().Data, uintptr(fi.Size()), unix.MADV_DONTNEED)
}
