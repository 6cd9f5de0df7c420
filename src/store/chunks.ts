// SQL of retrieval's write side: reading the records that are chunked, writing chunks in
// multi-row batches, embeddings, and the vector indexes' DDL. Searching is in chunk-search.ts.
import { canCopyIn, copyIn, isPool, onOneConnection, type Db } from '../../db/index.ts';
import { dateArray, float4Array, flatLists, int4Array, textArray, timestamptzArray } from './binary-arrays.ts';
import { copyCell, dropSecondaryIndexes, recreateIndexes } from './import-export.ts';
import type { IsoDate } from '../domain/time.ts';
import type { SourceRecord, SourceTable } from '../domain/passage-sources.ts';

// ---------- source records ----------

const SOURCE_SQL: Record<SourceTable, string> = {
  interactions: `SELECT 'interactions' AS "table", i.id, i.account_id, i.user_id, i.occurred_at, i.summary, i.next_step, i.next_step_due, r.text AS raw_text
    FROM interactions i LEFT JOIN raw_messages r ON r.id = i.raw_message_id`,
  tickets: `SELECT 'tickets' AS "table", t.id, t.account_id, t.kind, t.severity, t.opened_at, t.summary FROM tickets t`,
  contracts: `SELECT 'contracts' AS "table", t.id, t.account_id, t.kind, t.signed_at, t.start_date, t.end_date, t.amount, t.status FROM contracts t`,
  opportunities: `SELECT 'opportunities' AS "table", t.id, t.account_id, t.name, t.stage, t.amount, t.expected_close, t.owner_id, t.updated_at FROM opportunities t`,
};
const ID_COLUMN: Record<SourceTable, string> = { interactions: 'i.id', tickets: 't.id', contracts: 't.id', opportunities: 't.id' };

/** The records with these ids (missing ids are simply absent). */
export async function sourceRecordsByIds(db: Db, table: SourceTable, ids: string[]): Promise<SourceRecord[]> {
  if (!ids.length) return [];
  const r = await db.query<SourceRecord>(`${SOURCE_SQL[table]} WHERE ${ID_COLUMN[table]} = ANY($1::text[])`, [textArray(ids)]);
  return r.rows;
}

/** One page of a table's records in id order (keyset pagination for bulk chunking). */
export async function sourceRecordsPage(db: Db, table: SourceTable, afterId: string | null, limit: number): Promise<SourceRecord[]> {
  const id = ID_COLUMN[table];
  const r = await db.query<SourceRecord>(
    `${SOURCE_SQL[table]} WHERE ($1::text IS NULL OR ${id} COLLATE "C" > $1) ORDER BY ${id} COLLATE "C" LIMIT $2`,
    [afterId, limit],
  );
  return r.rows;
}

/** The source-hash lookup: $1 the source table, $2 the source ids (exported for its plan's test). */
export const SOURCE_HASHES_SQL = 'SELECT source_id, source_hash FROM chunks WHERE source_table = $1 AND source_id = ANY($2::text[]) AND chunk_index = 0';

/** source id → hash of what its chunks were built from. */
export async function sourceHashes(db: Db, table: SourceTable, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await db.query<{ source_id: string; source_hash: string | null }>(SOURCE_HASHES_SQL, [table, textArray(ids)]);
  return new Map(r.rows.map((x) => [x.source_id, x.source_hash ?? '']));
}

/** Whether any passage of this source table exists (one probe of the unique key's first column). */
export async function hasSourceChunks(db: Db, table: SourceTable): Promise<boolean> {
  const r = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM chunks WHERE source_table = $1) AS any', [table]);
  return r.rows[0].any;
}

// ---------- writing chunks ----------

export interface NewChunk {
  accountId: string;
  sourceTable: SourceTable;
  sourceId: string;
  chunkIndex: number;
  content: string;
  occurredAt: Date | null;
  occurredOn: IsoDate | null;
  authorId: string | null;
  sourceHash: string;
  grams: number[];
  /** Null for a passage written without its vector (a bulk import): re-embedding fills it in. */
  embedder: string | null;
  dim: number | null;
  embedding: number[] | null;
}

export async function deleteSourceChunks(db: Db, table: SourceTable, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const r = await db.query(`DELETE FROM chunks WHERE source_table = $1 AND source_id = ANY($2::text[])`, [table, textArray(ids)]);
  return r.affectedRows ?? 0;
}

/** Forgets what every chunk was built from, so the next sync rebuilds them all. */
export async function clearSourceHashes(db: Db): Promise<void> {
  await db.query(`UPDATE chunks SET source_hash = NULL WHERE source_hash IS NOT NULL`);
}

/** Removes chunks whose source record no longer exists. */
export async function deleteOrphanChunks(db: Db, table: SourceTable): Promise<number> {
  const r = await db.query(`DELETE FROM chunks c WHERE c.source_table = $1 AND NOT EXISTS (SELECT 1 FROM ${table} s WHERE s.id = c.source_id)`, [table]);
  return r.affectedRows ?? 0;
}

/**
 * Inserts chunks as one multi-row statement per call (callers batch a few thousand at a time).
 * Every column goes as a binary array; keyword grams and vectors as flat ones, each row slicing its
 * own (binary-arrays.ts).
 */
export async function insertChunks(db: Db, rows: NewChunk[]): Promise<void> {
  if (!rows.length) return;
  if (canCopyIn(db)) {
    await copyIn(db, COPY_CHUNKS_SQL, copyChunkText(rows));
    return;
  }
  const grams = flatLists(rows.map((r) => r.grams));
  const vectors = flatLists(rows.map((r) => r.embedding));
  await db.query(
    `INSERT INTO chunks (account_id, source_table, source_id, chunk_index, content, occurred_at, occurred_on, author_id, source_hash, grams, embedder, dim, embedding)
     SELECT a, st, si, ci, c, oa, oo, au, h, ($10::integer[])[gl:gu], e, d, CASE WHEN vu >= vl THEN ($13::real[])[vl:vu]::vector END
     FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::timestamptz[], $7::date[], $8::text[], $9::text[], $11::text[], $12::integer[], $14::integer[], $15::integer[], $16::integer[], $17::integer[])
       AS s(a, st, si, ci, c, oa, oo, au, h, e, d, gl, gu, vl, vu)`,
    [
      textArray(rows.map((r) => r.accountId)),
      textArray(rows.map((r) => r.sourceTable)),
      textArray(rows.map((r) => r.sourceId)),
      int4Array(rows.map((r) => r.chunkIndex)),
      textArray(rows.map((r) => r.content)),
      timestamptzArray(rows.map((r) => r.occurredAt)),
      dateArray(rows.map((r) => r.occurredOn)),
      textArray(rows.map((r) => r.authorId)),
      textArray(rows.map((r) => r.sourceHash)),
      int4Array(grams.flat),
      textArray(rows.map((r) => r.embedder)),
      int4Array(rows.map((r) => r.dim)),
      float4Array(vectors.flat),
      int4Array(grams.lo),
      int4Array(grams.hi),
      int4Array(vectors.lo),
      int4Array(vectors.hi),
    ],
  );
}

const COPY_CHUNKS_SQL =
  'COPY chunks (account_id, source_table, source_id, chunk_index, content, occurred_at, occurred_on, author_id, source_hash, grams, embedder, dim, embedding) FROM STDIN';

/**
 * The rows in COPY's text format, for a server connection: cheaper for the server than decoding
 * the array parameters, and no parameter encoding here. Vector elements are written as the float4
 * values the binary path sends (Math.fround), so both paths store the same vectors.
 */
function* copyChunkText(rows: NewChunk[]): Generator<string> {
  let buf = '';
  for (const r of rows) {
    buf +=
      `${copyCell(r.accountId)}\t${copyCell(r.sourceTable)}\t${copyCell(r.sourceId)}\t${r.chunkIndex}\t${copyCell(r.content)}\t` +
      `${r.occurredAt ? r.occurredAt.toISOString() : '\\N'}\t${r.occurredOn ?? '\\N'}\t${copyCell(r.authorId)}\t${copyCell(r.sourceHash)}\t` +
      `{${r.grams.join(',')}}\t${copyCell(r.embedder)}\t${r.dim ?? '\\N'}\t${r.embedding ? `[${r.embedding.map(Math.fround).join(',')}]` : '\\N'}\n`;
    if (buf.length >= 1 << 16) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

// ---------- bulk loads ----------

/**
 * Drops chunks' secondary indexes (keyword grams, account, account + date; not the key or the
 * unique constraint, not vector indexes, which vector-index.ts manages) and returns their
 * definitions. Building them once after a big load is several times cheaper than growing them
 * row by row (the GIN index over 130,000 passages: under 1 s against ~4 s).
 */
export async function dropSecondaryChunkIndexes(db: Db): Promise<string[]> {
  return dropSecondaryIndexes(db, 'chunks', 'chunks_vec_');
}

export async function recreateChunkIndexes(db: Db, definitions: string[]): Promise<void> {
  if (!definitions.length) return;
  // CREATE INDEX refuses a table with pending (deferred) foreign-key checks: run them now.
  await db.query('SET CONSTRAINTS ALL IMMEDIATE');
  await recreateIndexes(db, definitions);
}

// ---------- re-embedding ----------

/** Chunks not yet embedded by this embedder (and dimension), in id order. */
export async function chunksToEmbed(db: Db, embedder: string, dim: number | undefined, afterId: number, limit: number): Promise<{ id: number; content: string }[]> {
  const r = await db.query<{ id: number; content: string }>(
    `SELECT id, content FROM chunks
     WHERE id > $1 AND (embedder IS DISTINCT FROM $2 OR ($3::integer IS NOT NULL AND dim IS DISTINCT FROM $3) OR embedding IS NULL)
     ORDER BY id LIMIT $4`,
    [afterId, embedder, dim ?? null, limit],
  );
  return r.rows;
}

export async function countChunksToEmbed(db: Db, embedder: string, dim: number | undefined): Promise<{ total: number; pending: number }> {
  const r = await db.query<{ total: number; pending: number }>(
    `SELECT count(*)::int AS total,
       count(*) FILTER (WHERE embedder IS DISTINCT FROM $1 OR ($2::integer IS NOT NULL AND dim IS DISTINCT FROM $2) OR embedding IS NULL)::int AS pending
     FROM chunks`,
    [embedder, dim ?? null],
  );
  return r.rows[0];
}

export async function setEmbeddings(db: Db, embedder: string, dim: number, rows: { id: number; embedding: number[] }[]): Promise<void> {
  if (!rows.length) return;
  const vectors = flatLists(rows.map((r) => r.embedding));
  await db.query(
    `UPDATE chunks c SET embedder = $1, dim = $2, embedding = ($4::real[])[s.lo:s.hi]::vector
     FROM unnest($3::bigint[], $5::integer[], $6::integer[]) AS s(id, lo, hi) WHERE c.id = s.id`,
    [embedder, dim, rows.map((r) => r.id), float4Array(vectors.flat), int4Array(vectors.lo), int4Array(vectors.hi)],
  );
}

export async function chunkCount(db: Db, embedder?: string, dim?: number): Promise<number> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM chunks WHERE ($1::text IS NULL OR embedder = $1) AND ($2::integer IS NULL OR dim = $2)`,
    [embedder ?? null, dim ?? null],
  );
  return r.rows[0].n;
}

/** Refreshes the planner's statistics (PGlite runs no autovacuum; after a bulk load they are stale). */
export async function analyzeChunks(db: Db): Promise<void> {
  await db.query('ANALYZE chunks');
}

/** Embedded chunks per (embedder, dimension). */
export async function embedderGroups(db: Db): Promise<{ embedder: string; dim: number; rows: number }[]> {
  const r = await db.query<{ embedder: string; dim: number; rows: number }>(
    `SELECT embedder, dim, count(*)::int AS rows FROM chunks WHERE embedding IS NOT NULL AND embedder IS NOT NULL AND dim IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return r.rows;
}

// ---------- vector indexes ----------

/** Embedder ids and dimensions go into DDL and index predicates as literals: allow only safe ones. */
export function checkedLiteral(embedder: string, dim: number): { e: string; d: number } {
  if (!/^[A-Za-z0-9:._/-]{1,100}$/.test(embedder)) throw new Error(`unsafe embedder id for SQL: ${embedder}`);
  if (!Number.isInteger(dim) || dim < 1 || dim > 16000) throw new Error(`bad vector dimension: ${dim}`);
  return { e: `'${embedder}'`, d: dim };
}

export interface VectorIndexSpec {
  name: string;
  embedder: string;
  dim: number;
  /** 'hnsw' or 'ivfflat'; halfvec past 2,000 dimensions (pgvector's limit for vector indexes). */
  method: 'hnsw' | 'ivfflat';
  /** WITH (...) options, e.g. 'm = 16, ef_construction = 64' or 'lists = 316'. */
  options: string;
}

/** The expression a vector index covers and queries must order by to use it. */
export function vectorExpr(dim: number, alias = ''): string {
  const col = `${alias}embedding`;
  return dim > 2000 ? `(${col}::halfvec(${dim}))` : `(${col}::vector(${dim}))`;
}

/**
 * This vector index's access method and storage options (`ivfflat`, `lists=395`), or null when it
 * does not exist or is not valid yet (a concurrent build still running): a catalog lookup by name,
 * as every big-scope search asks.
 */
export async function vectorIndexOptions(db: Db, name: string): Promise<{ method: string; options: string[] } | null> {
  const r = await db.query<{ method: string; options: string[] | null }>(
    `SELECT am.amname AS method, c.reloptions AS options FROM pg_class c JOIN pg_index x ON x.indexrelid = c.oid JOIN pg_am am ON am.oid = c.relam
     WHERE c.relname = $1 AND c.relkind = 'i' AND c.relnamespace = current_schema()::regnamespace AND x.indisvalid`,
    [name],
  );
  return r.rows.length ? { method: r.rows[0].method, options: r.rows[0].options ?? [] } : null;
}

/** Every vector index on chunks (created by this module; prefix chunks_vec_) → valid or not. */
export async function vectorIndexStates(db: Db): Promise<Map<string, 'valid' | 'invalid'>> {
  const r = await db.query<{ name: string; valid: boolean }>(
    `SELECT c.relname AS name, x.indisvalid AS valid FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
     WHERE x.indrelid = 'chunks'::regclass AND c.relname LIKE 'chunks\\_vec\\_%' ORDER BY 1`,
  );
  return new Map(r.rows.map((x) => [x.name, x.valid ? 'valid' : 'invalid']));
}

/** Names of every valid vector index on chunks. */
export async function vectorIndexNames(db: Db): Promise<string[]> {
  return [...(await vectorIndexStates(db))].filter(([, s]) => s === 'valid').map(([n]) => n);
}

export async function createVectorIndex(db: Db, spec: VectorIndexSpec, opts: { concurrently?: boolean } = {}): Promise<void> {
  const { e, d } = checkedLiteral(spec.embedder, spec.dim);
  if (!/^chunks_vec_[a-z0-9_]+$/.test(spec.name) || !/^[a-z_ =0-9,]*$/.test(spec.options)) throw new Error('bad vector index spec');
  const ops = `${d > 2000 ? 'halfvec' : 'vector'}_cosine_ops`;
  const ddl = (how: string) =>
    `CREATE INDEX ${how} IF NOT EXISTS ${spec.name} ON chunks USING ${spec.method} (${vectorExpr(d)} ${ops})` +
    (spec.options ? ` WITH (${spec.options})` : '') +
    ` WHERE embedder = ${e} AND dim = ${d}`;
  // The default 64 MB made an HNSW build of 100,000 rows several times slower.
  const memory = `SET maintenance_work_mem = '512MB'`;
  if (opts.concurrently && isPool(db)) {
    // On a server, outside any transaction: writes and searches go on while it builds (a plain
    // CREATE INDEX held a chat note 7 s). It cannot run in a transaction block, so the memory
    // setting goes on the same connection first and is reset after.
    await onOneConnection(db, async (s) => {
      await s.query(memory);
      try {
        await s.query(ddl('CONCURRENTLY'));
      } finally {
        await s.query('RESET maintenance_work_mem');
      }
    });
    return;
  }
  await db.transaction(async (tx) => {
    await tx.query(memory.replace('SET', 'SET LOCAL'));
    // Inside an import, chunk rows may still have deferred foreign-key checks queued, and
    // Postgres refuses CREATE INDEX on a table with pending trigger events: run them now.
    await tx.query('SET CONSTRAINTS ALL IMMEDIATE');
    await tx.query(ddl(''));
  });
}

export async function dropVectorIndex(db: Db, name: string, opts: { concurrently?: boolean } = {}): Promise<void> {
  if (!/^chunks_vec_[a-z0-9_]+$/.test(name)) throw new Error('bad vector index name');
  await db.query(`DROP INDEX ${opts.concurrently && isPool(db) ? 'CONCURRENTLY ' : ''}IF EXISTS ${name}`);
}
