#!/usr/bin/env node
// Retrieval benchmark (`npm run bench:retrieval`, or `node --import tsx bench/retrieval.mjs
// --chunks=100000`): a generated history of N interactions over N/100 accounts goes through the
// product's own import step (compose → split → embed → keyword grams → multi-row insert), then the
// vector index (IVFFlat) is built, then hybrid search runs as a salesperson (20 accounts: exact scan) and as
// an admin (everything: approximate index), with recall@10 of the index against an exact scan.
// Options: --chunks=N (default 20000), --queries=N (default 60), --compare (also build and measure
// the alternative HNSW indexes; --only=hnsw), --dir=PATH (database on disk instead of in memory, for 1M runs).
// On a server (DATABASE_URL): --keep leaves database kam_bench_retrieval in place, --reuse loads nothing
// when it already holds N passages (so several index variants can be measured on one 1M load), and
// --variants='ivfflat:lists=1000:probes=40,80;hnsw:m=16,ef_construction=64:ef=40,100' builds and
// measures each variant (build time, recall@10, vector query p50/p95, the whole admin hybrid search
// with the knob search picks) after the product's own index; --mwm=1GB (maintenance_work_mem for the
// variants' builds), --workers=N (parallel build workers), --leave-last (the last variant stays as the
// index search uses instead of rebuilding the product's), --db=NAME (database kam_bench_NAME, default retrieval;
// without --keep/--reuse it is dropped and made anew, so name a kept one apart), --searches-only (no exact scans, no recall).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDatabase, engineLabel, machine, openBenchDb, percentile } from './lib.mjs';
import { QUERIES, corpus, makeText, prng } from './retrieval/corpus.mjs';
import { hashEmbedder } from '../src/retrieval/hash-embedder.ts';
import { syncTables } from '../src/retrieval/indexer.ts';
import { CANDIDATES, EXACT_SCAN_MAX, MIN_CONCEPT_SHARE, searchHistory } from '../src/retrieval/search.ts';
import { termHash } from '../src/retrieval/grams.ts';
import { ensureVectorIndexes, hnswEfSearch, indexName, indexSpec, ivfProbes, vectorIndexFor } from '../src/retrieval/vector-index.ts';
import { analyzeQuery } from '../src/retrieval/query.ts';
import { createVectorIndex, dropVectorIndex, vectorExpr } from '../src/store/chunks.ts';
import { onOneConnection } from '../db/index.ts';
import { keywordRanked, resolveScope, vectorRanked } from '../src/store/chunk-search.ts';
import { refreshPlannerStatistics } from '../src/store/planner-statistics.ts';

const arg = (name, dflt) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : dflt;
};
const flag = (name) => process.argv.includes(`--${name}`);
const N = Number(arg('chunks', '20000'));
const QN = Number(arg('queries', '60'));
const ACCOUNTS = Math.max(20, Math.round(N / 100));
const TZ = 'Asia/Shanghai';
const ms = (t0) => performance.now() - t0;
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const log = (...a) => console.log(...a);

// DATABASE_URL set: on that PostgreSQL server (database kam_bench_retrieval, dropped at the end).
const server = Boolean(process.env.DATABASE_URL);
const dir = server ? undefined : (arg('dir', null) ?? (N > 300000 ? mkdtempSync(join(tmpdir(), 'kam-bench-retrieval-')) : undefined));
const keep = server && (flag('keep') || flag('reuse'));
const bench = keep
  ? await (async () => {
      const target = await benchDatabase(arg('db', 'retrieval'), { keep: flag('reuse') });
      const db = await target.open();
      return { db, done: () => db.close() };
    })()
  : await openBenchDb(arg('db', 'retrieval'), { dir });
const db = bench.db;
const reused = flag('reuse') && Number((await db.query('SELECT count(*)::int AS n FROM chunks')).rows[0].n) >= N;
log(`retrieval bench: ${N} interactions over ${ACCOUNTS} accounts, ${QN} queries; ${machine()}; ${await engineLabel(db)}, database ${server ? 'on the server' : dir ? `on disk (${dir})` : 'in memory'}`);

// ---------- source data: users, accounts, team, interactions ----------
if (reused) log('--reuse: the database already holds the passages; loading skipped');
else {
  const t0 = performance.now();
  await db.query(`INSERT INTO users (id, name, role, manager_id) VALUES ('admin', 'Admin', 'admin', NULL), ('mgr', 'Manager', 'manager', NULL), ('sales', 'Sales', 'sales', 'mgr')`);
  const ids = Array.from({ length: ACCOUNTS }, (_, i) => `A${i}`);
  for (let i = 0; i < ids.length; i += 5000) {
    const part = ids.slice(i, i + 5000);
    await db.query(`INSERT INTO accounts (id, name, owner_id) SELECT id, '客户' || id, 'admin' FROM unnest($1::text[]) id`, [part]);
  }
  // The salesperson is on 20 accounts spread across the range.
  const step = Math.floor(ACCOUNTS / 20);
  await db.query(`INSERT INTO account_team (account_id, user_id, team_role) SELECT 'A' || (g * $1), 'sales', 'AR' FROM generate_series(0, 19) g`, [step]);
  let batch = [];
  const flush = async () => {
    if (!batch.length) return;
    await db.query(
      `INSERT INTO interactions (id, account_id, user_id, occurred_at, type, summary)
       SELECT id, 'A' || acc, 'sales', '2024-01-01T09:00:00+08:00'::timestamptz + make_interval(days => d), 'visit', s
       FROM unnest($1::text[], $2::int[], $3::int[], $4::text[]) AS x(id, acc, d, s)`,
      [batch.map((c) => `I${c.i}`), batch.map((c) => c.account), batch.map((c) => c.i % 1000), batch.map((c) => c.text)],
    );
    batch = [];
  };
  for (const c of corpus(N, { accounts: ACCOUNTS })) {
    batch.push(c);
    if (batch.length >= 5000) await flush();
  }
  await flush();
  log(`source rows written in ${fmt(ms(t0) / 1000)} s (not part of retrieval)`);
}

// ---------- embedding throughput (the offline embedder alone) ----------
if (!reused) {
  const sample = [...corpus(Math.min(N, 50000), { accounts: ACCOUNTS, seed: 9 })].map((c) => c.text);
  const e = hashEmbedder();
  const t0 = performance.now();
  await e.embed(sample);
  const s = ms(t0) / 1000;
  log(`offline embedder: ${sample.length} texts (avg ${Math.round(sample.reduce((a, t) => a + t.length, 0) / sample.length)} chars) in ${fmt(s)} s = ${Math.round(sample.length / s)} texts/s`);
}

// ---------- the import step: chunk + embed + insert, then the index ----------
let importSeconds;
let indexSeconds;
let indexed = false;
if (reused) {
  const t0 = performance.now();
  const built = await ensureVectorIndexes(db);
  indexed = true;
  log(`vector index (--reuse): ${built.join(', ') || 'already there'} (${fmt(ms(t0) / 1000)} s)`);
} else {
  let t0 = performance.now();
  let last = 0;
  const r = await db.transaction((tx) =>
    syncTables(tx, ['interactions'], {
      tz: TZ,
      buildIndexes: false,
      onProgress: (p) => {
        if (p.scanned - last >= 100000) {
          last = p.scanned;
          log(`  … ${p.scanned} records, ${Math.round(p.scanned / (ms(t0) / 1000))}/s`);
        }
      },
    }),
  );
  importSeconds = ms(t0) / 1000;
  log(`import step (compose, split, embed, grams, multi-row insert): ${r.passages} passages in ${fmt(importSeconds)} s = ${Math.round(r.passages / importSeconds)} passages/s`);
  t0 = performance.now();
  const again = await db.transaction((tx) => syncTables(tx, ['interactions'], { tz: TZ, buildIndexes: false }));
  log(`re-import of unchanged records: ${again.scanned} checked, ${again.changed} changed, in ${fmt(ms(t0) / 1000)} s`);
  await refreshPlannerStatistics(db); // what kam import does: ANALYZE, and merge the GIN pending list
  t0 = performance.now();
  const built = await ensureVectorIndexes(db);
  indexed = built.length > 0;
  indexSeconds = ms(t0) / 1000;
  const spec = indexSpec('hash-ngram-v1', 256, N);
  log(`vector index build: ${built.join(', ') || '(none: below the threshold)'} (${spec.method} ${spec.options}) in ${fmt(indexSeconds)} s`);
  log(`index ready: ${fmt(importSeconds + indexSeconds)} s after the records were in the database`);
}

// ---------- queries ----------
const rand = prng(11);
const queries = [...QUERIES];
while (queries.length < QN) {
  const t = makeText(rand, 'interaction');
  const start = Math.floor(rand() * Math.max(1, t.length - 10));
  queries.push(t.slice(start, start + 6 + Math.floor(rand() * 6)));
}
const embedder = hashEmbedder();

async function timeSearch(userId) {
  const times = [];
  let hits = 0;
  let mode = '';
  for (const q of queries) {
    const t0 = performance.now();
    const r = await searchHistory(db, embedder, { userId, text: q, limit: 10 });
    times.push(ms(t0));
    hits += r.passages.length;
    mode = r.mode;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1), avgHits: hits / queries.length, mode };
}

/**
 * recall@10 of the index against an exact scan, as search uses it: the index hands out 40
 * candidates, re-ranked by exact distance, of which the best 10 count. Ties at the 10th distance
 * count as found.
 */
const exactCache = new Map();
async function vectorRecall(mode) {
  let recall = 0;
  const times = [];
  for (const q of queries) {
    const [vector] = await embedder.embed([analyzeQuery(q).embedText || q]);
    const base = { scope: { userId: 'admin' }, embedder: embedder.id, dim: vector.length, vector, limit: 10 };
    // Timed before the exact scan, which reads the whole table through the buffers.
    const t0 = performance.now();
    const approx = (await vectorRanked(db, { ...base, limit: 40, mode })).slice(0, 10);
    times.push(ms(t0));
    if (!exactCache.has(q)) exactCache.set(q, await vectorRanked(db, { ...base, mode: { kind: 'exact' } }));
    const exact = exactCache.get(q);
    const bar = (exact.at(-1)?.score ?? -1) - 1e-6;
    recall += Math.min(exact.length, approx.filter((h) => h.score >= bar).length) / Math.max(1, exact.length);
  }
  times.sort((a, b) => a - b);
  return { recall: recall / queries.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function exactScanTimes() {
  const times = [];
  for (const q of queries.slice(0, 20)) {
    const [vector] = await embedder.embed([analyzeQuery(q).embedText || q]);
    const t0 = performance.now();
    await vectorRanked(db, { scope: { userId: 'admin' }, embedder: embedder.id, dim: vector.length, vector, limit: 10, mode: { kind: 'exact' } });
    times.push(ms(t0));
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

for (const [who, user] of [
  ['sales user (20 accounts)', 'sales'],
  ['admin (all accounts)', 'admin'],
]) {
  await searchHistory(db, embedder, { userId: user, text: '预热' });
  const r = await timeSearch(user);
  // The same queries again: the pages they read are now in PGlite's buffers or the OS cache.
  const again = await timeSearch(user);
  log(`hybrid search as ${who}: p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, max ${fmt(r.max)} ms (${r.mode} vector path, ${r.avgHits.toFixed(1)} passages per answer); same queries again: p50 ${fmt(again.p50)} ms, p95 ${fmt(again.p95)} ms`);
}
// The keyword ranker alone (GIN on grams) over the admin's scope, as search runs it beside the vector one.
{
  const { scope, size } = await resolveScope(db, { userId: 'admin' });
  const times = [];
  for (const text of queries) {
    const q = analyzeQuery(text);
    if (!q.groups.length) continue;
    const t0 = performance.now();
    await keywordRanked(db, { scope, groups: q.groups.map((g) => g.map(termHash)), minMatched: Math.max(1, Math.ceil(MIN_CONCEPT_SHARE * q.groups.length)), limit: CANDIDATES, small: size < EXACT_SCAN_MAX });
    times.push(ms(t0));
  }
  times.sort((a, b) => a - b);
  log(`keyword ranker alone, admin (all accounts): p50 ${fmt(percentile(times, 50))} ms, p95 ${fmt(percentile(times, 95))} ms`);
}
// The floor under every vector query: the same round trips (a transaction, its SET LOCAL settings,
// one statement) doing no work — on a loaded machine mostly scheduling delay.
{
  const times = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    await db.transaction(async (tx) => {
      await tx.exec('SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off; SET LOCAL ivfflat.probes = 10');
      await tx.query('SELECT $1::int AS x', [i]);
    });
    times.push(ms(t0));
  }
  times.sort((a, b) => a - b);
  log(`round-trip floor (transaction + settings + one trivial statement): p50 ${fmt(percentile(times, 50))} ms, p95 ${fmt(percentile(times, 95))} ms`);
}
// --searches-only: the searches and floors above, without the exact scans recall needs (minutes at 1M).
const searchesOnly = flag('searches-only');
if (!searchesOnly) {
  const exactAll = await exactScanTimes();
  log(`exact vector scan over all ${N} passages: p50 ${fmt(exactAll.p50)} ms, p95 ${fmt(exactAll.p95)} ms`);
}
const productIndex = indexed && !searchesOnly ? await vectorIndexFor(db, embedder.id, 256) : null;
if (productIndex?.method === 'ivfflat') {
  for (const probes of [10, ivfProbes(N, productIndex.lists)]) {
    const r = await vectorRecall({ kind: 'ivfflat', probes });
    log(`IVFFlat probes=${probes}${probes === ivfProbes(N, productIndex.lists) ? ' (what search uses)' : ''}: recall@10 ${r.recall.toFixed(3)}, vector query p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms`);
  }
} else if (productIndex?.method === 'hnsw') {
  for (const efSearch of [40, hnswEfSearch(productIndex.m)]) {
    const r = await vectorRecall({ kind: 'hnsw', efSearch });
    log(`HNSW ef_search=${efSearch}${efSearch === hnswEfSearch(productIndex.m) ? ' (what search uses)' : ''}: recall@10 ${r.recall.toFixed(3)}, vector query p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms`);
  }
}

// ---------- alternatives, for the record ----------
if (flag('compare')) {
  const name = indexName(embedder.id, 256);
  await dropVectorIndex(db, name);
  const only = arg('only', null);
  const alternatives = [
    { label: 'HNSW m=16 ef_construction=64 (pgvector default)', spec: { method: 'hnsw', options: 'm = 16, ef_construction = 64' }, modes: [{ kind: 'hnsw', efSearch: 40 }, { kind: 'hnsw', efSearch: 100 }] },
    { label: 'HNSW m=8 ef_construction=32', spec: { method: 'hnsw', options: 'm = 8, ef_construction = 32' }, modes: [{ kind: 'hnsw', efSearch: 100 }, { kind: 'hnsw', efSearch: 200 }] },
    { label: 'HNSW m=12 ef_construction=48', spec: { method: 'hnsw', options: 'm = 12, ef_construction = 48' }, modes: [{ kind: 'hnsw', efSearch: 40 }, { kind: 'hnsw', efSearch: 200 }] },
  ];
  for (const alt of alternatives.filter((a) => !only || a.spec.method === only)) {
    const t0 = performance.now();
    await createVectorIndex(db, { name, embedder: embedder.id, dim: 256, ...alt.spec });
    log(`${alt.label}: built in ${fmt(ms(t0) / 1000)} s`);
    for (const mode of alt.modes) {
      const r = await vectorRecall(mode);
      log(`  ${JSON.stringify(mode)}: recall@10 ${r.recall.toFixed(3)}, p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms`);
    }
    await dropVectorIndex(db, name);
  }
}

// ---------- variants (server index choice) ----------
const variants = arg('variants', null);
if (variants) {
  const name = indexName(embedder.id, 256);
  await dropVectorIndex(db, name);
  const list = variants.split(';').filter(Boolean);
  for (const [i, v] of list.entries()) {
    const [method, options, knob] = v.split(':');
    const values = (knob?.split('=')[1] ?? '').split(',').filter(Boolean).map(Number);
    const t0 = performance.now();
    await onOneConnection(db, async (s) => {
      await s.query(`SET maintenance_work_mem = '${arg('mwm', '512MB')}'`);
      if (arg('workers', null)) await s.query(`SET max_parallel_maintenance_workers = ${Number(arg('workers'))}`);
      await s.query(`CREATE INDEX ${name} ON chunks USING ${method} (${vectorExpr(256)} vector_cosine_ops) WITH (${options}) WHERE embedder = '${embedder.id}' AND dim = 256`);
      await s.query('RESET maintenance_work_mem; RESET max_parallel_maintenance_workers');
    });
    const build = ms(t0) / 1000;
    const la = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    log(`${method} (${options}): built in ${fmt(build)} s (load ${la})`);
    for (const x of values) {
      const mode = method === 'hnsw' ? { kind: 'hnsw', efSearch: x } : { kind: 'ivfflat', probes: x };
      await vectorRecall(mode); // warm the index pages
      const r = await vectorRecall(mode);
      log(`  ${method === 'hnsw' ? 'ef_search' : 'probes'}=${x}: recall@10 ${r.recall.toFixed(3)}, vector query p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms`);
    }
    // The whole hybrid search through this index, with the setting search itself picks for it.
    await searchHistory(db, embedder, { userId: 'admin', text: '预热' });
    const h = await timeSearch('admin');
    log(`  hybrid search as admin (${h.mode}): p50 ${fmt(h.p50)} ms, p95 ${fmt(h.p95)} ms, max ${fmt(h.max)} ms`);
    if (!(flag('leave-last') && i === list.length - 1)) await dropVectorIndex(db, name);
  }
  if (!flag('leave-last')) await ensureVectorIndexes(db);
}

await bench.done();
if (dir && !arg('dir', null)) rmSync(dir, { recursive: true, force: true });
