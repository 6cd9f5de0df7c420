// When chunks get an approximate-nearest-neighbour index, and which. Measured on PGlite (see
// bench/RESULTS.md, "Retrieval"): below ~20,000 passages of one embedder an exact scan is fast
// enough and an index only slows writes; above it, an index per (embedder, dimension), built once
// after a bulk load — never grown row by row during one, where each insert costs milliseconds.
import type { Db } from '../../db/index.ts';
import { analyzeChunks, createVectorIndex, dropVectorIndex, embedderGroups, vectorIndexOptions, vectorIndexStates, type VectorIndexSpec } from '../store/chunks.ts';

/** Passages of one embedder from which an index pays off. */
export const INDEX_MIN_ROWS = 20_000;
/**
 * Largest group whose index is (re)built inside the loading transaction. Bigger ones are built
 * right after, outside it (the background job of kam start, or kam reindex), so a big import does
 * not hold the database for minutes; until then searches over big scopes scan exactly.
 */
export const INLINE_INDEX_MAX_ROWS = 50_000;
/** Sources changed in one load from which its end refreshes the planner's statistics, and re-embedding sets its target index aside. */
export const BULK_LOAD_SOURCES = 2_000;

/**
 * The index: IVFFlat with 1.25 √rows lists (at most 1,000), searched through 16 % of them, or
 * enough to read ~8,000 vectors in smaller tables (at most 125 lists). Measured on the offline
 * embedder's vectors (bench/RESULTS.md, "Retrieval"): at 100,000 passages it builds in ~16 s
 * against ~104 s for HNSW (m 12, ef_construction 48), where HNSW gave recall@10 0.91 even at
 * ef_search 200 — hashed n-gram vectors are nearly uniform in direction, which suits coarse
 * partitioning better than a proximity graph. Finer lists read fewer vectors for the same recall,
 * at the cost of build time: 316 lists with 79 probes gave recall 0.973 in 23 / 27 ms (p50 / p95),
 * 400 with 64 0.972 in 15 / 19 ms. Smaller tables need a larger share for the same recall: at
 * 30,000, 217 lists with 35 probes gave 0.94, with 58 0.965. At 1,000,000 passages, 1,000 lists
 * with 125 probes gave 0.993.
 */
export function ivfLists(rows: number): number {
  return Math.max(10, Math.min(1000, Math.round(1.25 * Math.sqrt(rows))));
}

/** Probes for a table of `rows` passages whose index has `lists` lists (built for fewer rows, or by an older rule). */
export function ivfProbes(rows: number, lists = ivfLists(rows)): number {
  const share = Math.max(0.16, 8000 / Math.max(1, rows));
  return Math.max(10, Math.min(125, lists, Math.ceil(share * lists)));
}

/**
 * HNSW candidate list (hnsw.ef_search) for an HNSW index built with `m` links per node — one an
 * operator built, or a later embedder's (the product builds IVFFlat, see indexSpec). Measured on a
 * PostgreSQL 15 server at 100,000 passages (bench/RESULTS.md, "Retrieval on the server"): m 32 needs
 * 200 for recall@10 0.975 (0.938 at 100), m 16 needs 400 for 0.965 (0.943 at 200); pgvector's
 * default 40 gave 0.79–0.85. At 1,000,000 an m 16 graph reached only 0.757 at 400 (and took 248 s
 * to build): these nearly uniform hashed vectors are not what a proximity graph is good at.
 */
export function hnswEfSearch(m: number): number {
  return m >= 32 ? 200 : 400;
}

export function indexName(embedder: string, dim: number): string {
  const slug = embedder.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 40);
  return `chunks_vec_${slug}_${dim}`;
}

/**
 * The index the product builds, on either engine. On a PostgreSQL server with native pgvector
 * (bench/RESULTS.md, "Retrieval on the server") IVFFlat stays the choice: at 100,000 passages it
 * built in 5.9 s against 22 s (HNSW m 16, ef_construction 64) and 73 s (m 32, 128), for the same
 * recall at about the same query time; at 1,000,000 it built in 33–40 s and reached 0.95 at 40
 * probes, 0.983 at 125, where HNSW (m 16, ef_construction 64) took 248 s and stopped at 0.757.
 */
export function indexSpec(embedder: string, dim: number, rows: number): VectorIndexSpec {
  return { name: indexName(embedder, dim), embedder, dim, method: 'ivfflat', options: `lists = ${ivfLists(rows)}` };
}

/**
 * Creates the missing index of every (embedder, dimension) group big enough to need one. Outside a
 * transaction on a server (`concurrently`), the build lets writes and searches go on, and an index
 * a broken concurrent build left invalid is dropped and built again.
 */
export async function ensureVectorIndexes(
  db: Db,
  opts: { minRows?: number; maxRows?: number; concurrently?: boolean; onBuild?: (name: string, rows: number) => void } = {},
): Promise<string[]> {
  const built: string[] = [];
  const indexes = await vectorIndexStates(db);
  for (const g of await embedderGroups(db)) {
    const spec = indexSpec(g.embedder, g.dim, g.rows);
    const state = indexes.get(spec.name);
    if (state === 'valid' || g.rows < (opts.minRows ?? INDEX_MIN_ROWS) || g.rows > (opts.maxRows ?? Infinity)) continue;
    opts.onBuild?.(spec.name, g.rows);
    if (state === 'invalid') await dropVectorIndex(db, spec.name, { concurrently: opts.concurrently });
    await createVectorIndex(db, spec, { concurrently: opts.concurrently });
    built.push(spec.name);
  }
  return built;
}

export interface VectorIndexStatus {
  name: string;
  embedder: string;
  dim: number;
  rows: number;
  /** ready: searches use it; missing: due and not built; invalid: a build failed or is still running. */
  state: 'ready' | 'missing' | 'invalid';
}

/** The index every group big enough to need one should have, and whether it does. */
export async function vectorIndexStatus(db: Db, minRows = INDEX_MIN_ROWS): Promise<VectorIndexStatus[]> {
  const indexes = await vectorIndexStates(db);
  return (await embedderGroups(db))
    .filter((g) => g.rows >= minRows)
    .map((g) => {
      const name = indexName(g.embedder, g.dim);
      const state = indexes.get(name);
      return { name, embedder: g.embedder, dim: g.dim, rows: g.rows, state: state === 'valid' ? 'ready' : state === 'invalid' ? 'invalid' : 'missing' };
    });
}

/** pgvector's defaults, for an index created without the option. */
const DEFAULT_LISTS = 100;
const DEFAULT_M = 16;

/** The index serving this embedder and dimension (IVFFlat with its lists, or HNSW with its m), or null. */
export async function vectorIndexFor(db: Db, embedder: string, dim: number): Promise<{ method: 'ivfflat'; lists: number } | { method: 'hnsw'; m: number } | null> {
  const index = await vectorIndexOptions(db, indexName(embedder, dim));
  if (!index) return null;
  const option = (key: string, dflt: number) => {
    const hit = index.options.map((o) => new RegExp(`^${key}=(\\d+)$`).exec(o)).find(Boolean);
    return hit ? Number(hit[1]) : dflt;
  };
  return index.method === 'hnsw' ? { method: 'hnsw', m: option('m', DEFAULT_M) } : { method: 'ivfflat', lists: option('lists', DEFAULT_LISTS) };
}

export interface BulkLoad {
  /** Tells the load that `n` more sources are about to be rewritten. */
  growing(n: number): Promise<void>;
  /** Sources rewritten so far. */
  readonly seen: number;
}

/**
 * Starts a load. Vector indexes stay in place: dropping one inside the load's transaction would
 * lock every search out until it commits (and leave the table without an index if the rebuild is
 * deferred). Inserting into an IVFFlat index is cheap, and a big import writes its passages
 * without vectors, which the partial index does not cover.
 */
export async function beforeBulkLoad(_db: Db): Promise<BulkLoad> {
  let seen = 0;
  return {
    get seen() {
      return seen;
    },
    async growing(n) {
      seen += n;
    },
  };
}

/** Ends a load: rebuilds what was set aside and indexes groups that grew past the threshold. */
export async function afterBulkLoad(db: Db, load: BulkLoad): Promise<string[]> {
  if (load.seen >= BULK_LOAD_SOURCES) await analyzeChunks(db);
  return ensureVectorIndexes(db, { maxRows: INLINE_INDEX_MAX_ROWS });
}
