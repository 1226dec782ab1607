// Package cores runs independent pieces of work on every core.
package cores

import (
	"runtime"
	"sync"
)

// Each calls a worker's function for every index below n, on as many
// goroutines as there are cores, and returns when all are done. newWorker
// makes one function per goroutine, which may keep scratch space of its
// own; the calls of one worker never overlap.
func Each(n int, newWorker func() func(i int)) {
	jobs := make(chan int, 256)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		do := newWorker()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				do(i)
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}
