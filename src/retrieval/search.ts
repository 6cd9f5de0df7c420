// Hybrid search over account history: a vector ranker (cosine over the active embedder's chunks)
// and a keyword ranker (shared character bigrams / words, grouped by concept), each restricted in
// SQL to the acting user's visible accounts (and optionally one account and a date range), merged
// by reciprocal rank fusion. A passage must clear a relevance bar, so "nothing found" is an answer.
import { allReads, type Db } from '../../db/index.ts';
import type { IsoDate } from '../domain/time.ts';
import { keywordRanked, resolveScope, vectorRanked, type ChunkHit } from '../store/chunk-search.ts';
import type { Embedder } from './embedder.ts';
import { termHash } from './grams.ts';
import { analyzeQuery } from './query.ts';
import { reciprocalRankFusion } from './rrf.ts';
import { CITATION_SOURCE, type SourceTable } from '../domain/passage-sources.ts';
import { hnswEfSearch, ivfProbes, vectorIndexFor } from './vector-index.ts';

/** Scopes up to this many passages are scanned exactly (measured: fast, and recall 1.0). */
export const EXACT_SCAN_MAX = 20_000;
/** Candidates each ranker contributes to the fusion. */
export const CANDIDATES = 40;
/** A passage matching this share of the query's concepts (at least one) is relevant by keywords. */
export const MIN_CONCEPT_SHARE = 0.5;

export interface SearchRequest {
  userId: string;
  text: string;
  /** Only this account (already resolved and visible to the user). */
  accountId?: string;
  /** Names to drop from the question before matching (the account's name and aliases). */
  names?: string[];
  from?: IsoDate;
  to?: IsoDate;
  limit?: number;
}

export interface Passage {
  source: (typeof CITATION_SOURCE)[SourceTable];
  sourceTable: SourceTable;
  sourceId: string;
  chunkIndex: number;
  accountId: string;
  accountName: string;
  date: IsoDate | null;
  occurredAt: Date | null;
  authorId: string | null;
  authorName: string | null;
  content: string;
  /** Fusion score, and what each ranker said. */
  score: number;
  similarity: number | null;
  matchedConcepts: number;
}

export interface SearchResult {
  topic: string;
  concepts: number;
  mode: 'exact' | 'ivfflat' | 'hnsw';
  passages: Passage[];
}

function toPassage(h: ChunkHit, score: number, similarity: number | null, matched: number): Passage {
  return {
    source: CITATION_SOURCE[h.source_table],
    sourceTable: h.source_table,
    sourceId: h.source_id,
    chunkIndex: h.chunk_index,
    accountId: h.account_id,
    accountName: h.account_name,
    date: h.occurred_on,
    occurredAt: h.occurred_at,
    authorId: h.author_id,
    authorName: h.author_name,
    content: h.content,
    score,
    similarity,
    matchedConcepts: matched,
  };
}

export async function searchHistory(db: Db, embedder: Embedder, req: SearchRequest): Promise<SearchResult> {
  const q = analyzeQuery(req.text, req.names);
  const limit = req.limit ?? 5;
  if (!q.groups.length) return { topic: q.topic, concepts: 0, mode: 'exact', passages: [] };
  const [vector] = await embedder.embed([q.embedText]);
  const dim = vector.length;

  const { scope, size, total } = await resolveScope(db, { userId: req.userId, accountId: req.accountId, from: req.from, to: req.to });
  const small = size < EXACT_SCAN_MAX;
  const mode = await vectorMode(db, embedder.id, dim, small, total);
  const minConcepts = Math.max(1, Math.ceil(MIN_CONCEPT_SHARE * q.groups.length));
  // The two rankers at once on a server pool (the admin path's p95 is their maximum, not their sum).
  const [byVector, byKeyword] = await allReads(db, [
    async () => (size ? await vectorRanked(db, { scope, embedder: embedder.id, dim, vector, limit: CANDIDATES, mode }) : []),
    () => keywordRanked(db, { scope, groups: q.groups.map((g) => g.map(termHash)), minMatched: minConcepts, limit: CANDIDATES, small }),
  ] as const);

  const similarity = new Map(byVector.map((h) => [h.id, h.score]));
  const matched = new Map(byKeyword.map((h) => [h.id, h.score]));
  const fused = reciprocalRankFusion<ChunkHit>([byVector, byKeyword], (h) => h.id);
  const passages: Passage[] = [];
  const seenSources = new Set<string>();
  for (const f of fused) {
    const sim = similarity.get(f.item.id) ?? null;
    const hits = matched.get(f.item.id) ?? 0;
    if (hits < minConcepts && (sim ?? 0) < embedder.relevantFrom) continue;
    // One passage per record: the best one cites it.
    const key = `${f.item.source_table}:${f.item.source_id}`;
    if (seenSources.has(key)) continue;
    seenSources.add(key);
    passages.push(toPassage(f.item, f.score, sim, hits));
    if (passages.length >= limit) break;
  }
  return { topic: q.topic, concepts: q.groups.length, mode: mode.kind, passages };
}

/**
 * How the vector ranker reads a scope: small scopes exactly; big ones through the approximate
 * index of this embedder and dimension when there is one (IVFFlat probed for the lists it was
 * built with, HNSW with its candidate list), else exactly too.
 */
export async function vectorMode(
  db: Db,
  embedder: string,
  dim: number,
  small: boolean,
  total: number,
): Promise<{ kind: 'exact' } | { kind: 'ivfflat'; probes: number } | { kind: 'hnsw'; efSearch: number }> {
  const index = small ? null : await vectorIndexFor(db, embedder, dim);
  if (!index) return { kind: 'exact' };
  return index.method === 'hnsw' ? { kind: 'hnsw', efSearch: hnswEfSearch(index.m) } : { kind: 'ivfflat', probes: ivfProbes(total, index.lists) };
}
