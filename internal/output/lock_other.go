//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows)

package output

import "os"

// tryLock always succeeds where the system offers no advisory lock sahifa
// uses: builds into one folder are then not kept apart.
func tryLock(*os.File) (bool, error) { return true, nil }
