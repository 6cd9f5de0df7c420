#!/usr/bin/env node
// Where a hybrid search's time goes, on a database left by `bench/retrieval.mjs --dir=PATH`:
// `node --import tsx bench/search-probe.mjs --dir=PATH`. Times each step of searchHistory for a
// salesperson (exact path) and an admin (index path) over the benchmark's queries.
import { openDatabase, openPglite } from '../db/index.ts';
import { percentile } from './lib.mjs';
import { QUERIES, makeText, prng } from './retrieval/corpus.mjs';
import { hashEmbedder } from '../src/retrieval/hash-embedder.ts';
import { analyzeQuery } from '../src/retrieval/query.ts';
import { termHash } from '../src/retrieval/grams.ts';
import { keywordRanked, resolveScope, vectorRanked } from '../src/store/chunk-search.ts';
import { searchHistory, vectorMode, EXACT_SCAN_MAX } from '../src/retrieval/search.ts';

// Or, with DATABASE_URL, the server database that URL names (one bench/retrieval.mjs filled).
const dir = process.argv.find((a) => a.startsWith('--dir='))?.slice(6);
if (!dir && !process.env.DATABASE_URL) throw new Error('--dir=PATH of a retrieval benchmark database (or DATABASE_URL) is required');
const db = process.env.DATABASE_URL ? await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '' }) : await openPglite(dir);
const embedder = hashEmbedder();
const rand = prng(11);
const queries = [...QUERIES];
while (queries.length < 60) {
  const t = makeText(rand, 'interaction');
  const start = Math.floor(rand() * Math.max(1, t.length - 10));
  queries.push(t.slice(start, start + 6 + Math.floor(rand() * 6)));
}
const stat = (xs) => {
  xs.sort((a, b) => a - b);
  return `p50 ${percentile(xs, 50).toFixed(1)} / p95 ${percentile(xs, 95).toFixed(1)} ms`;
};
for (const user of ['sales', 'admin']) {
  const t = { estimate: [], vector: [], keyword: [], whole: [] };
  await searchHistory(db, embedder, { userId: user, text: '预热' });
  for (const text of queries) {
    const q = analyzeQuery(text);
    const [vector] = await embedder.embed([q.embedText]);
    let t0 = performance.now();
    const { scope, size, total } = await resolveScope(db, { userId: user });
    t.estimate.push(performance.now() - t0);
    const small = size < EXACT_SCAN_MAX;
    const mode = await vectorMode(db, embedder.id, vector.length, small, total);
    t0 = performance.now();
    await vectorRanked(db, { scope, embedder: embedder.id, dim: vector.length, vector, limit: 40, mode });
    t.vector.push(performance.now() - t0);
    const minMatched = Math.max(1, Math.ceil(0.5 * q.groups.length));
    t0 = performance.now();
    await keywordRanked(db, { scope, groups: q.groups.map((g) => g.map(termHash)), minMatched, limit: 40, small });
    t.keyword.push(performance.now() - t0);
    t0 = performance.now();
    await searchHistory(db, embedder, { userId: user, text, limit: 10 });
    t.whole.push(performance.now() - t0);
  }
  console.log(user, Object.entries(t).map(([k, v]) => `${k} ${stat(v)}`).join('; '));
}
await db.close();
