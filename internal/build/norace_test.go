//go:build !race

package build

// raceEnabled is true in tests built with -race.
const raceEnabled = false
