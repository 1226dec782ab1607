// Package search builds the site's search index: static JSON files that
// the browser scripts assets/js/search*.js read, so search works on any
// static host with no server code.
//
// Words are analysed by arabic.SearchTerms (fold, drop stopwords, light
// stem), the same rules the script applies to a query; the script's
// tables are generated from package arabic (see JSTables) and both sides
// are checked against one file of test vectors (testdata/vectors.json).
//
// The index is split so that a query fetches only what it needs:
//
//	meta.json     counts, the first term of every shard, every file's version
//	t/<n>.json    term shards: for each term its documents and weights
//	n/<n>.json    the same terms' next words, fetched for quoted phrases
//	t/<n>.<k>.json, n/<n>.<k>.json  the later tiers of the shard's long lists
//	t/delta.json  the delta: the newest documents' terms, in one file
//	n/delta.json  and their next words
//	d/<n>.json    document blocks: path, title, dates, summary, section, thumbnail
//
// Terms are sorted and cut into shards of about Options.ShardBytes, so a
// query of three words reads three shards whatever the site's size. A
// list longer than Options.Tier is cut into tiers by impact (splitTiers):
// the shard holds its postings of highest weight, and the script reads
// the next tiers only when the results it must show are not certain
// without them, so a word in every story costs about what a rare one does.
//
// The shards hold the base, the oldest documents in a whole multiple of
// Options.Delta; the delta holds the rest, so publishing an article
// rewrites the delta and not the shards of its words, until the delta is
// full and moves into the base. A build whose base holds the same
// documents as the last one's keeps it (BaseFacts, Builder.KeepBase): the
// base's documents are added without their terms and its shards are not
// encoded. The script reads a file at an address
// with the file's own version, a hash listed in meta.json, so unchanged
// files stay cached.
//
// Phrases are checked with next words rather than positions: for each
// document and term, a 16-bit signature of every word that follows it
// (and how many stopwords lie between). A phrase matches a document where
// each of its words is followed by the next one; the first word's list
// alone answers for a pair. Positions of common words would cost several
// times more to download, as each occurrence is its own number, while the
// same next word recurs in document after document and compresses well.
// Documents are numbered oldest first: a new article takes the next
// number and leaves the blocks of older ones unchanged, and on equal
// scores the higher number (the newer article) ranks first.
//
// Weights are BM25 (k1 1.2), computed at build time per document and
// term for each field a reader sees: the title, the lede, the dateline
// and tags (exact fields: a word counts once) and the body with the
// photo's caption. The fields are joined as a disjunction maximum with a
// tie breaker: one title match outweighs a lede match, which outweighs any
// number of body matches of the same word; a weight without a title
// match stays below TitleWeight, so that the script ranks the documents
// with every word of a query in the headline first. They are stored as
// one byte; the script multiplies them by the term's IDF, which it
// derives from the length of the term's list.
//
// A document's block holds all its result shows (path, title, dates,
// summary, section, thumbnail), so a query reads no article page, and
// meta.json the first document of each year, for the filter by year.
package search
