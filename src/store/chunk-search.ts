// SQL of hybrid search's two rankers (vector and keyword), scoped by the acting user's visible
// accounts inside each query.
import type { Db } from '../../db/index.ts';
import type { IsoDate } from '../domain/time.ts';
import type { SourceTable } from '../retrieval/sources.ts';
import { checkedLiteral, vectorExpr, vectorLiteral } from './chunks.ts';
import { visibleTo } from './visible.ts';

export interface ChunkScope {
  userId: string;
  accountId?: string;
  from?: IsoDate;
  to?: IsoDate;
}

function filters(s: ChunkScope, params: unknown[], alias: string): string[] {
  const where: string[] = [];
  if (s.accountId) {
    params.push(s.accountId);
    where.push(`${alias}.account_id = $${params.length}`);
  }
  if (s.from) {
    params.push(s.from);
    where.push(`${alias}.occurred_on >= $${params.length}::date`);
  }
  if (s.to) {
    params.push(s.to);
    where.push(`${alias}.occurred_on <= $${params.length}::date`);
  }
  return where;
}

/**
 * The FROM clause of a scoped search, aliased `c`. Small scopes walk the visible accounts and read
 * each one's chunks through the account index (LATERAL: the planner cannot swap it for a scan of
 * the whole table); big scopes read `chunks` directly so the vector or GIN index can drive.
 * Either way the visibility filter is part of the query.
 */
function scopedFrom(s: ChunkScope, params: unknown[], small: boolean): { from: string; where: string[] } {
  params.push(s.userId);
  const user = `$${params.length}`;
  if (small) {
    const inner = filters(s, params, 'c0');
    return {
      // OFFSET 0 keeps the planner from pulling the subquery up into a plain join (and then
      // choosing a scan of the whole table): each visible account is an index lookup.
      from: `visible_account_ids(${user}) v CROSS JOIN LATERAL (SELECT c0.* FROM chunks c0 WHERE c0.account_id = v.account_id${inner.map((w) => ` AND ${w}`).join('')} OFFSET 0) c`,
      where: [],
    };
  }
  return { from: 'chunks c', where: [visibleTo('c.account_id', params.length), ...filters(s, params, 'c')] };
}

/**
 * About how many chunks the scope holds: visible accounts in scope × average chunks per account
 * (planner statistics), or an exact count for one account. Cheap, and only used to pick a plan.
 */
export async function scopeEstimate(db: Db, scope: ChunkScope): Promise<{ scope: number; total: number }> {
  const stats = await db.query<{ chunks: number }>(`SELECT reltuples::float8 AS chunks FROM pg_class WHERE oid = 'chunks'::regclass`);
  if (scope.accountId) {
    const r = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM chunks c WHERE c.account_id = $2 AND c.account_id IN (SELECT account_id FROM visible_account_ids($1))`,
      [scope.userId, scope.accountId],
    );
    return { scope: r.rows[0].n, total: Math.max(r.rows[0].n, stats.rows[0].chunks) };
  }
  const r = await db.query<{ visible: number; accounts: number; chunks: number }>(
    `SELECT (SELECT count(*) FROM visible_account_ids($1))::int AS visible,
            (SELECT count(*) FROM accounts)::int AS accounts,
            (SELECT reltuples FROM pg_class WHERE oid = 'chunks'::regclass)::float8 AS chunks`,
    [scope.userId],
  );
  let { visible, accounts, chunks } = r.rows[0];
  // Never analyzed (a small, new database): count instead.
  if (chunks < 0) chunks = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM chunks')).rows[0].n;
  return { scope: accounts ? Math.round((visible * chunks) / accounts) : 0, total: chunks };
}

export interface ChunkHit {
  id: number;
  account_id: string;
  account_name: string;
  source_table: SourceTable;
  source_id: string;
  chunk_index: number;
  content: string;
  occurred_at: Date | null;
  occurred_on: IsoDate | null;
  author_id: string | null;
  author_name: string | null;
  /** Cosine similarity (vector ranker) or matched query terms (keyword ranker). */
  score: number;
}

// What a hit carries, read for the few ranked ids only (alias h).
const HIT_COLS = `h.id, h.account_id, a.name AS account_name, h.source_table, h.source_id, h.chunk_index, h.content, h.occurred_at, h.occurred_on, h.author_id, u.name AS author_name`;
const HIT_JOINS = `JOIN accounts a ON a.id = h.account_id LEFT JOIN users u ON u.id = h.author_id`;

export interface VectorSearch {
  scope: ChunkScope;
  embedder: string;
  dim: number;
  vector: number[];
  limit: number;
  /** Scan the scope exactly (small scopes) or let the approximate index drive (big ones). */
  mode: { kind: 'exact' } | { kind: 'hnsw'; efSearch: number } | { kind: 'ivfflat'; probes: number };
}

/** Nearest passages by cosine similarity among the scope's chunks of this embedder. */
export async function vectorRanked(db: Db, q: VectorSearch): Promise<ChunkHit[]> {
  const { e, d } = checkedLiteral(q.embedder, q.dim);
  const params: unknown[] = [vectorLiteral(q.vector), q.limit];
  const exact = q.mode.kind === 'exact';
  const { from, where } = scopedFrom(q.scope, params, exact);
  // The index is partial on (embedder, dim) and covers the typed expression; literals let the
  // planner match the predicate. The exact path orders by the untyped column, which no index covers.
  const dist = exact ? `(c.embedding <=> $1::vector)` : `${vectorExpr(d, 'c.')} <=> $1::${d > 2000 ? 'halfvec' : 'vector'}(${d})`;
  const sql = `SELECT ${HIT_COLS}, 1 - (h.embedding <=> $1::vector) AS score
    FROM (SELECT c.id FROM ${from} WHERE ${[`c.embedder = ${e}`, `c.dim = ${d}`, ...where].join(' AND ')} ORDER BY ${dist} LIMIT $2) best
    JOIN chunks h ON h.id = best.id ${HIT_JOINS}
    ORDER BY score DESC, h.id`;
  if (q.mode.kind === 'exact') return (await db.query<ChunkHit>(sql, params)).rows;
  const mode = q.mode;
  return db.transaction(async (tx) => {
    // The planner, unsure how selective visibility is, may prefer sorting the whole table: this
    // path exists only because an index scan is the better plan for this scope, so insist on it.
    await tx.query('SET LOCAL enable_seqscan = off');
    await tx.query('SET LOCAL enable_sort = off');
    // Visibility filters run after the index hands out candidates: keep scanning until enough pass.
    if (mode.kind === 'hnsw') {
      await tx.query(`SET LOCAL hnsw.ef_search = ${Math.max(10, Math.min(1000, Math.round(mode.efSearch)))}`);
      await tx.query(`SET LOCAL hnsw.iterative_scan = relaxed_order`);
    } else {
      await tx.query(`SET LOCAL ivfflat.probes = ${Math.max(1, Math.min(1000, Math.round(mode.probes)))}`);
      await tx.query(`SET LOCAL ivfflat.iterative_scan = relaxed_order`);
    }
    return (await tx.query<ChunkHit>(sql, params)).rows;
  });
}

/** Passages a big-scope keyword search scores at most. */
export const KEYWORD_CANDIDATES = 3000;

export interface KeywordSearch {
  scope: ChunkScope;
  /** Hashed query terms by concept: a passage matches a concept when it contains any of its terms. */
  groups: number[][];
  /** A passage must match at least this many concepts. */
  minMatched: number;
  limit: number;
  /** A small scope is read account by account; a big one lets the GIN index find candidates. */
  small: boolean;
}

/** Passages matching the most query concepts, newest first among equals. */
export async function keywordRanked(db: Db, q: KeywordSearch): Promise<ChunkHit[]> {
  const groups = q.groups.filter((g) => g.length);
  if (!groups.length) return [];
  const params: unknown[] = [groups.flat(), q.minMatched, q.limit];
  const slots = groups.map((g) => {
    params.push(g);
    return `$${params.length}::integer[]`;
  });
  const { from, where } = scopedFrom(q.scope, params, q.small);
  // One array overlap per concept, summed: no per-row subquery. With two or more concepts
  // required, the GIN index is asked for rows holding at least two of them (BitmapAnd/BitmapOr),
  // which keeps common words from flooding the candidates.
  const score = slots.map((s) => `(c.grams && ${s})::int`).join(' + ');
  const pairs: string[] = [];
  if (!q.small && q.minMatched >= 2) for (let i = 0; i < slots.length; i++) for (let j = i + 1; j < slots.length; j++) pairs.push(`(c.grams && ${slots[i]} AND c.grams && ${slots[j]})`);
  const candidates = `c.grams && $1::integer[]` + (pairs.length && pairs.length <= 28 ? ` AND (${pairs.join(' OR ')})` : '');
  // In a big scope a common word can match a large share of all passages; score only the first
  // KEYWORD_CANDIDATES the GIN index hands out (the vector ranker covers the rest of the field).
  const inner = q.small
    ? `SELECT c.id, (${score}) AS score, c.occurred_on FROM ${from} WHERE ${[candidates, `(${score}) >= $2`, ...where].join(' AND ')}`
    : `SELECT c.id, (${score}) AS score, c.occurred_on FROM (SELECT c.* FROM ${from} WHERE ${[candidates, ...where].join(' AND ')} LIMIT ${KEYWORD_CANDIDATES}) c WHERE (${score}) >= $2`;
  const r = await db.query<ChunkHit>(
    `SELECT ${HIT_COLS}, best.score FROM (${inner}
       ORDER BY score DESC, occurred_on DESC NULLS LAST, id DESC LIMIT $3) best
     JOIN chunks h ON h.id = best.id ${HIT_JOINS}
     ORDER BY best.score DESC, h.occurred_on DESC NULLS LAST, h.id DESC`,
    params,
  );
  return r.rows;
}
