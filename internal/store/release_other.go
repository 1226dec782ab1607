//go:build !linux

package store

// Release does nothing here: see release_linux.go.
func (s *Store) Release() {}
