// Keeping chunks in step with their sources: a note written in a transaction is searchable at once,
// an undo removes it, re-importing unchanged files embeds nothing, and a new embedding model
// re-embeds everything (OpenAI-compatible endpoint: batched, retried, dimension from the response).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { importDir } from '../../src/importing/import-dir.ts';
import { hashEmbedder, HASH_EMBEDDER_ID } from '../../src/retrieval/hash-embedder.ts';
import { reindexSource, removeSource, syncTables } from '../../src/retrieval/indexer.ts';
import { openAiEmbedder } from '../../src/retrieval/openai-embedder.ts';
import { pendingEmbeddings, reembed } from '../../src/retrieval/reembed.ts';
import { searchHistory } from '../../src/retrieval/search.ts';
import { startFakeEmbeddings, type FakeEmbeddings } from '../emulators/fake-embeddings.ts';
import { sampleDb } from '../helpers/db.ts';
import { SAMPLE_DIR, TEST_TZ } from '../helpers/paths.ts';

let db: Db;
let fake: FakeEmbeddings;
beforeAll(async () => {
  db = await sampleDb();
  fake = await startFakeEmbeddings(8);
});
afterAll(async () => {
  await fake.close();
  await db.close();
});

const chunkRows = async () => (await db.query<{ id: number; source_id: string; embedder: string; dim: number }>('SELECT id, source_id, embedder, dim FROM chunks ORDER BY id')).rows;
const found = async (userId: string, text: string) => (await searchHistory(db, hashEmbedder(), { userId, text })).passages.map((p) => p.sourceId);

describe('chunks of the sample import', () => {
  it('has one passage per record of the four sources, each with embedder and dimension', async () => {
    const r = await db.query<{ source_table: string; n: number }>('SELECT source_table, count(*)::int AS n FROM chunks GROUP BY 1 ORDER BY 1');
    expect(r.rows).toEqual([
      { source_table: 'contracts', n: 4 },
      { source_table: 'interactions', n: 20 },
      { source_table: 'opportunities', n: 4 },
      { source_table: 'tickets', n: 5 },
    ]);
    expect(new Set((await chunkRows()).map((c) => `${c.embedder}/${c.dim}`))).toEqual(new Set([`${HASH_EMBEDDER_ID}/256`]));
  });

  it('re-importing the same files rewrites no chunk', async () => {
    const before = await chunkRows();
    await importDir(db, SAMPLE_DIR, TEST_TZ);
    expect(await chunkRows()).toEqual(before);
  });
});

describe('reindexSource / removeSource inside the writer transaction', () => {
  it('makes a note searchable the moment it commits, and an undo removes it', async () => {
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO interactions (id, account_id, user_id, occurred_at, type, contact_ids, summary, source) VALUES ('I-NEW', 'A400', 'u_zhang', '2026-11-24T18:00:00+08:00', 'visit', '{C4001}', '拜访何军总工和新任总经理高远,高总担心桥梁架设设备交付周期。', 'chat')`,
      );
      expect(await reindexSource(tx, 'interactions', 'I-NEW', { tz: TEST_TZ })).toBe(1);
    });
    expect(await found('u_zhang', '桥梁架设设备交付周期')).toContain('I-NEW');
    expect(await found('u_li', '桥梁架设设备交付周期')).not.toContain('I-NEW');
    const row = (await db.query('SELECT occurred_on, author_id, account_id FROM chunks WHERE source_id = $1', ['I-NEW'])).rows[0];
    expect(row).toEqual({ occurred_on: '2026-11-24', author_id: 'u_zhang', account_id: 'A400' });

    await db.transaction(async (tx) => {
      await tx.query(`DELETE FROM interactions WHERE id = 'I-NEW'`);
      await removeSource(tx, 'interactions', 'I-NEW');
    });
    expect(await found('u_zhang', '桥梁架设设备交付周期')).not.toContain('I-NEW');
  });

  it('an edit replaces the passage; a sync drops chunks whose record is gone', async () => {
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE tickets SET summary = '矿用自卸车变速箱漏油' WHERE id = 'T003'`);
      await reindexSource(tx, 'tickets', 'T003', { tz: TEST_TZ });
    });
    expect(await found('u_li', '变速箱漏油')).toEqual(['T003']);
    expect(await found('u_li', '发动机故障')).toEqual([]);
    await db.query(`DELETE FROM opportunities WHERE id = 'P500'`);
    const r = await db.transaction((tx) => syncTables(tx, ['opportunities'], { tz: TEST_TZ }));
    expect(r).toEqual({ scanned: 3, changed: 0, passages: 0 });
    expect((await chunkRows()).some((c) => c.source_id === 'P500')).toBe(false);
  });
});

describe('changing the embedding model', () => {
  it('re-embeds every passage through the endpoint in batches, retrying failures, then search uses it', async () => {
    // The fake's toy vectors are all alike: only keyword matches should count as relevant.
    const embedder = openAiEmbedder({ model: 'fake-embed', baseUrl: fake.url, apiKey: 'k', batchSize: 10, maxRetries: 2, relevantFrom: 0.999 });
    expect(embedder.dim()).toBeUndefined();
    const before = await pendingEmbeddings(db, embedder);
    expect(before.pending).toBe(before.total);
    fake.failNext(1, 429);
    const seen: number[] = [];
    const r = await reembed(db, embedder, { batchSize: 10, onProgress: (p) => seen.push(p.done) });
    expect(r).toMatchObject({ embedder: 'openai:fake-embed', dim: 8, done: before.total, pending: before.total });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(before.total);
    expect(fake.batches.every((b) => b.length <= 10)).toBe(true);
    expect(new Set((await chunkRows()).map((c) => `${c.embedder}/${c.dim}`))).toEqual(new Set(['openai:fake-embed/8']));
    expect((await pendingEmbeddings(db, embedder)).pending).toBe(0);
    // Vectors are stored normalized.
    const norm = (await db.query<{ n: number }>('SELECT max(abs(vector_norm(embedding) - 1)) AS n FROM chunks')).rows[0].n;
    expect(norm).toBeLessThan(1e-4);
    // Keyword matches still work, and the vector ranker now compares 8-dimensional vectors.
    expect((await searchHistory(db, embedder, { userId: 'u_li', text: '正面吊报警', accountId: 'A300' })).passages.map((p) => p.sourceId).sort()).toEqual(['I015', 'T004']);
  });

  it('refuses a model whose dimension changes between responses, and fails on an unreachable endpoint', async () => {
    const other = await startFakeEmbeddings(8);
    const e = openAiEmbedder({ model: 'x', baseUrl: other.url, apiKey: 'k' });
    expect((await e.embed(['a', 'b']))[0]).toHaveLength(8);
    expect(e.dim()).toBe(8);
    other.setDim(4);
    await expect(e.embed(['c'])).rejects.toThrow('returned 4 dimensions after 8');
    await other.close();
    await expect(openAiEmbedder({ model: 'x', baseUrl: other.url, apiKey: 'k', maxRetries: 0, timeoutMs: 2000 }).embed(['a'])).rejects.toThrow();
  });
});
