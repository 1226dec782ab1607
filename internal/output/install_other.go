//go:build !unix

package output

// installAt reports false: install does the work through os.Root.
func (j *journal) installAt(p, name string) (bool, error) { return false, nil }
