package images

import "sync"

// budget bounds the pixels decoded at once across goroutines, so a build
// that meets many large photos decodes them in turn instead of holding all
// of them in memory together. A request larger than the whole budget waits
// until it runs alone.
type budget struct {
	mu   sync.Mutex
	cond sync.Cond
	cap  int64
	used int64
}

func newBudget(capacity int64) *budget {
	b := &budget{cap: max(capacity, 1)}
	b.cond.L = &b.mu
	return b
}

func (b *budget) acquire(n int64) {
	n = min(n, b.cap)
	b.mu.Lock()
	for b.used+n > b.cap {
		b.cond.Wait()
	}
	b.used += n
	b.mu.Unlock()
}

func (b *budget) release(n int64) {
	n = min(n, b.cap)
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}
