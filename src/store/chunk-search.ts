// SQL of hybrid search's two rankers (vector and keyword), scoped by the acting user's visible
// accounts inside each query.
import type { Db } from '../../db/index.ts';
import type { IsoDate } from '../domain/time.ts';
import type { SourceTable } from '../domain/passage-sources.ts';
import { float4Array } from './binary-arrays.ts';
import { checkedLiteral, vectorExpr } from './chunks.ts';
import { visibleTo } from './visible.ts';

export interface ChunkScope {
  userId: string;
  /**
   * The user's visible account ids, resolved once per search by `resolveScope` (the same SQL rule,
   * visible_account_ids); the queries then filter by this array. Without it each query applies
   * visible_account_ids itself.
   */
  visibleIds?: string[];
  /**
   * The user sees every account (an admin): the visibility filter would keep every row, so it is
   * left out, and `resolveScope` does not list the accounts.
   */
  everyAccount?: boolean;
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
 * Either way the visibility filter is part of the query; for a user who sees every account (an
 * admin) it would keep every row, so their scope reads `chunks` unfiltered.
 */
function scopedFrom(s: ChunkScope, params: unknown[], small: boolean): { from: string; where: string[] } {
  if (s.everyAccount && !s.accountId) return { from: 'chunks c', where: filters(s, params, 'c') };
  params.push(s.visibleIds ?? s.userId);
  const visible = s.visibleIds ? `unnest($${params.length}::text[]) v(account_id)` : `visible_account_ids($${params.length}) v`;
  if (small) {
    const inner = filters(s, params, 'c0');
    return {
      // OFFSET 0 keeps the planner from pulling the subquery up into a plain join (and then
      // choosing a scan of the whole table): each visible account is an index lookup.
      from: `${visible} CROSS JOIN LATERAL (SELECT c0.* FROM chunks c0 WHERE c0.account_id = v.account_id${inner.map((w) => ` AND ${w}`).join('')} OFFSET 0) c`,
      where: [],
    };
  }
  const where = s.visibleIds ? `c.account_id = ANY($${params.length}::text[])` : visibleTo('c.account_id', params.length);
  return { from: 'chunks c', where: [where, ...filters(s, params, 'c')] };
}

export interface ResolvedScope {
  /** visibleIds is empty when everyAccount is set (an admin's accounts are not listed). */
  scope: ChunkScope & { visibleIds: string[] };
  /** About how many chunks the scope holds (exact for one account); only used to pick a plan. */
  size: number;
  /** About how many chunks there are in all. */
  total: number;
}

/**
 * The user's visible accounts (one call of visible_account_ids for the whole search; none for an
 * admin, who sees every account by its first rule) and the scope's size: visible accounts × average
 * chunks per account (planner statistics), or an exact count for one account.
 */
export async function resolveScope(db: Db, scope: ChunkScope): Promise<ResolvedScope> {
  // Who is asking, first: planning visible_account_ids alone cost ~1 ms, which an admin never needs
  // (other users pay a second, small round trip for it; measured scope p50 unchanged at ~2.5 ms).
  const me = await db.query<{ admin: boolean; chunks: number }>(
    `SELECT EXISTS (SELECT 1 FROM users WHERE id = $1 AND role = 'admin') AS admin,
            (SELECT reltuples FROM pg_class WHERE oid = 'chunks'::regclass)::float8 AS chunks`,
    [scope.userId],
  );
  const { admin } = me.rows[0];
  let { chunks } = me.rows[0];
  // Never analyzed (a small, new database): count instead.
  if (chunks < 0) chunks = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM chunks')).rows[0].n;
  let visibleIds: string[] = [];
  let accounts = 0;
  if (!admin) {
    const r = await db.query<{ ids: string[] | null; accounts: number }>(
      `SELECT (SELECT array_agg(account_id) FROM visible_account_ids($1)) AS ids, (SELECT count(*) FROM accounts)::int AS accounts`,
      [scope.userId],
    );
    visibleIds = r.rows[0].ids ?? [];
    accounts = r.rows[0].accounts;
  }
  if (scope.accountId) {
    const one = admin || visibleIds.includes(scope.accountId) ? [scope.accountId] : [];
    const n = one.length ? (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM chunks WHERE account_id = $1`, [scope.accountId])).rows[0].n : 0;
    return { scope: { ...scope, visibleIds: one }, size: n, total: Math.max(n, chunks) };
  }
  if (admin) return { scope: { ...scope, visibleIds: [], everyAccount: true }, size: chunks, total: chunks };
  return { scope: { ...scope, visibleIds }, size: accounts ? Math.round((visibleIds.length * chunks) / accounts) : 0, total: chunks };
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
  const params: unknown[] = [float4Array(q.vector), q.limit];
  const exact = q.mode.kind === 'exact';
  const { from, where } = scopedFrom(q.scope, params, exact);
  // The index is partial on (embedder, dim) and covers the typed expression; literals let the
  // planner match the predicate. The exact path orders by the untyped column, which no index covers.
  const dist = exact ? `(c.embedding <=> $1::real[]::vector)` : `${vectorExpr(d, 'c.')} <=> $1::real[]::${d > 2000 ? 'halfvec' : 'vector'}(${d})`;
  // The few best ids are read back through the primary key (= ANY(ARRAY(...))): joined as a
  // subquery, the planner hash-joined them against a scan of the whole table (measured).
  const sql = `SELECT ${HIT_COLS}, 1 - (h.embedding <=> $1::real[]::vector) AS score
    FROM chunks h ${HIT_JOINS}
    WHERE h.id = ANY(ARRAY(SELECT c.id FROM ${from} WHERE ${[`c.embedder = ${e}`, `c.dim = ${d}`, ...where].join(' AND ')} ORDER BY ${dist} LIMIT $2))
    ORDER BY score DESC, h.id`;
  if (q.mode.kind === 'exact') return (await db.query<ChunkHit>(sql, params)).rows;
  const mode = q.mode;
  return db.transaction(async (tx) => {
    // The planner, unsure how selective visibility is, may prefer sorting the whole table: this
    // path exists only because an index scan is the better plan for this scope, so insist on it.
    // Visibility filters run after the index hands out candidates: keep scanning until enough pass.
    // One round trip for all the settings.
    const index =
      mode.kind === 'hnsw'
        ? `SET LOCAL hnsw.ef_search = ${Math.max(10, Math.min(1000, Math.round(mode.efSearch)))}; SET LOCAL hnsw.iterative_scan = relaxed_order`
        : `SET LOCAL ivfflat.probes = ${Math.max(1, Math.min(1000, Math.round(mode.probes)))}; SET LOCAL ivfflat.iterative_scan = relaxed_order`;
    await tx.exec(`SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off; ${index}`);
    return (await tx.query<ChunkHit>(sql, params)).rows;
  });
}

/** Passages a big-scope keyword search scores at most. */
export const KEYWORD_CANDIDATES = 500;

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
  // A passage matching at least m of n concepts contains a term of one of any n − m + 1 of them:
  // a big scope asks the GIN index for the terms of the rarest n − m + 1 only (the common ones
  // cost the most to read and add no candidate).
  const candidateTerms = !q.small && q.minMatched > 1 ? rarestCover(groups, q.minMatched, await gramFrequencies(db)) : groups.flat();
  const params: unknown[] = [candidateTerms, q.minMatched, q.limit];
  const slots = groups.map((g) => {
    params.push(g);
    return `$${params.length}::integer[]`;
  });
  const { from, where } = scopedFrom(q.scope, params, q.small);
  // One array overlap per concept, summed: no per-row subquery.
  const scoreOf = (alias: string) => slots.map((s) => `(${alias}.grams && ${s})::int`).join(' + ');
  const score = scoreOf('c');
  const candidates = `c.grams && $1::integer[]`;
  // In a big scope a common word can match a large share of all passages; score only the first
  // KEYWORD_CANDIDATES the GIN index hands out (the vector ranker covers the rest of the field).
  const scored = q.small
    ? `SELECT c.id, (${score}) AS score, c.occurred_on FROM ${from} WHERE ${[candidates, ...where].join(' AND ')}`
    : `SELECT c.id, (${score}) AS score, c.occurred_on FROM (SELECT c.* FROM ${from} WHERE ${[candidates, ...where].join(' AND ')} LIMIT ${KEYWORD_CANDIDATES}) c`;
  // OFFSET 0 keeps the filter out of the scoring query: pushed down, it computed every score twice.
  const inner = `SELECT * FROM (${scored} OFFSET 0) s WHERE s.score >= $2`;
  const sql = `SELECT ${HIT_COLS}, (${scoreOf('h')}) AS score FROM chunks h ${HIT_JOINS}
     WHERE h.id = ANY(ARRAY(SELECT id FROM (${inner}) best ORDER BY score DESC, occurred_on DESC NULLS LAST, id DESC LIMIT $3))
     ORDER BY score DESC, h.occurred_on DESC NULLS LAST, h.id DESC`;
  if (q.small) return (await db.query<ChunkHit>(sql, params)).rows;
  return db.transaction(async (tx) => {
    // Expecting many matches, the planner may read the whole table until the candidate limit is
    // reached (measured at 100,000 passages: ~100 ms); the GIN index hands out the same
    // candidates from a few hundred pages (~10-30 ms).
    await tx.query('SET LOCAL enable_seqscan = off');
    return (await tx.query<ChunkHit>(sql, params)).rows;
  });
}

interface GramFrequencies {
  /** Share of passages holding the term, for the most common terms (planner statistics). */
  common: Map<number, number>;
  /** Every other term is rarer than this. */
  floor: number;
  at: number;
}

const frequencyCache = new WeakMap<Db, GramFrequencies>();
const FREQUENCY_TTL_MS = 60_000;

/** The most common keyword terms and their frequencies, from ANALYZE's statistics of chunks.grams. */
async function gramFrequencies(db: Db): Promise<GramFrequencies> {
  const cached = frequencyCache.get(db);
  if (cached && Date.now() - cached.at < FREQUENCY_TTL_MS) return cached;
  const r = await db.query<{ elems: number[] | null; freqs: number[] | null }>(
    `SELECT most_common_elems::text::integer[] AS elems, most_common_elem_freqs AS freqs
       FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'chunks' AND attname = 'grams'`,
  );
  const { elems, freqs } = r.rows[0] ?? { elems: null, freqs: null };
  const common = new Map<number, number>();
  for (const [i, e] of (elems ?? []).entries()) common.set(e, freqs![i]);
  // most_common_elem_freqs ends with the minimum, the maximum and the null share.
  const floor = freqs && freqs.length > 3 ? freqs[freqs.length - 3] : 0;
  const result = { common, floor, at: Date.now() };
  frequencyCache.set(db, result);
  return result;
}

/** The terms of the n − m + 1 rarest concept groups (by summed term frequency). */
function rarestCover(groups: number[][], minMatched: number, f: GramFrequencies): number[] {
  const share = (g: number[]) => g.reduce((sum, t) => sum + (f.common.get(t) ?? f.floor / 2), 0);
  const ranked = groups.map((g) => ({ g, share: share(g) })).sort((a, b) => a.share - b.share);
  return ranked.slice(0, groups.length - minMatched + 1).flatMap((x) => x.g);
}
