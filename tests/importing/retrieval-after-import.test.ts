// What an import does to retrieval passages: it re-chunks exactly the rows the upsert reports as
// new or changed (an edited row in an otherwise unchanged file touches one passage), and a big
// import writes passages without vectors that keyword search already finds and re-embedding fills.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/index.ts';
import { importDir } from '../../src/importing/import-dir.ts';
import { hashEmbedder, HASH_EMBEDDER_ID } from '../../src/retrieval/hash-embedder.ts';
import { indexImportedSources } from '../../src/retrieval/indexer.ts';
import { pendingEmbeddings, reembed } from '../../src/retrieval/reembed.ts';
import { searchHistory } from '../../src/retrieval/search.ts';
import { sampleDb } from '../helpers/db.ts';
import { SAMPLE_DIR, TEST_TZ } from '../helpers/paths.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(async () => {
  await db.close();
});

type ChunkRow = { id: number; source_id: string; content: string; embedder: string | null };
const chunkRows = async () => (await db.query<ChunkRow>('SELECT id, source_id, content, embedder FROM chunks ORDER BY source_table, source_id, chunk_index')).rows;
const found = async (text: string) => (await searchHistory(db, hashEmbedder(), { userId: 'u_li', text })).passages.map((p) => p.sourceId);

describe('passages after an import', () => {
  it('an edited row in an otherwise unchanged file rewrites only its own passage, embedded at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kam-imp-'));
    cpSync(SAMPLE_DIR, dir, { recursive: true });
    const file = join(dir, 'tickets.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('矿用自卸车发动机故障', '矿用自卸车发动机故障，液压泵异响'));
    const before = await chunkRows();

    const counts = await importDir(db, dir, TEST_TZ);
    expect(counts.find((c) => c.file === 'tickets.csv')).toMatchObject({ inserted: 0, updated: 1 });

    const after = await chunkRows();
    const changed = after.filter((a) => !before.some((b) => b.id === a.id));
    expect(changed.map((c) => c.source_id)).toEqual(['T003']);
    expect(changed[0].content).toContain('液压泵异响');
    expect(changed[0].embedder).toBe(HASH_EMBEDDER_ID);
    expect(after.length).toBe(before.length);
    expect(await found('液压泵异响')).toEqual(['T003']);
  });

  it('a big import writes passages without vectors: keyword search finds them, re-embedding fills them in', async () => {
    const indexes = async () => (await db.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE tablename = 'chunks' ORDER BY 1`)).rows;
    const before = await indexes();
    await db.query('DELETE FROM chunks');
    const ids = async (table: string) => (await db.query<{ id: string }>(`SELECT id FROM ${table}`)).rows.map((r) => r.id);
    const changed = new Map([
      ['interactions', await ids('interactions')],
      ['tickets', await ids('tickets')],
    ] as const);
    const r = await db.transaction((tx) => indexImportedSources(tx, new Map(changed), { tz: TEST_TZ, inlineEmbedMax: 0 }));
    expect(r.passages).toBeGreaterThan(0);
    expect((await chunkRows()).every((c) => c.embedder === null)).toBe(true);
    // Its secondary indexes were set aside for the load and are back, the same.
    expect(await indexes()).toEqual(before);
    expect(await found('发动机')).toContain('T003');

    expect((await pendingEmbeddings(db, hashEmbedder())).pending).toBe(r.passages);
    await reembed(db, hashEmbedder());
    expect((await pendingEmbeddings(db, hashEmbedder())).pending).toBe(0);
    expect((await chunkRows()).every((c) => c.embedder === HASH_EMBEDDER_ID)).toBe(true);
    expect(await found('发动机')).toContain('T003');
  });
});
