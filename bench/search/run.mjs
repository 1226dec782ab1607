// Runs the search quality harness's queries (quality_test.go) with the
// site's own scripts (assets/js/search-*.js, loaded by
// internal/search/engine.mjs), against built indexes on disk.
//
// Input (stdin): {"queries": [{"data": index folder,
// "query": text, "year": 0}]}. Output (stdout): for each query, the paths
// of its first ten results, the total, and what it read: the files, their
// bytes, and their bytes gzipped (as a static host sends JSON), each query
// with an empty cache, meta.json included.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { loadEngine } from "../../internal/search/engine.mjs";

const input = JSON.parse(readFileSync(0, "utf8"));
const { Searcher } = loadEngine();

const out = [];
for (const q of input.queries) {
  const read = { files: 0, bytes: 0, gzip: 0 };
  const fetchJSON = async (url) => {
    const data = readFileSync(path.join(q.data, url.split("?")[0]));
    read.files++;
    read.bytes += data.length;
    read.gzip += gzipSync(data, { level: 6 }).length;
    return JSON.parse(data.toString("utf8"));
  };
  const res = await new Searcher("", fetchJSON).search(q.query, 1, 10, "", q.year || 0);
  out.push({ paths: res.results.map((r) => r.path), total: res.total, ...read });
}
process.stdout.write(JSON.stringify(out));
