// Passages written inside an import's transaction read back as they were given, whichever way they
// travel: COPY text on a server connection, binary array parameters on PGlite and outside one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { insertChunks, type NewChunk } from '../../src/store/chunks.ts';
import { emptyDb } from '../helpers/db.ts';

let db: Db;
beforeAll(async () => {
  db = await emptyDb();
  await db.query(`INSERT INTO users (id, name, role) VALUES ('u1', 'U', 'sales')`);
  await db.query(`INSERT INTO accounts (id, name, owner_id) VALUES ('a1', 'A', 'u1')`);
});
afterAll(async () => {
  await db.close();
});

const vector = Array.from({ length: 4 }, (_, i) => Math.fround((i + 1) / 3));
const rows: NewChunk[] = [
  {
    accountId: 'a1', sourceTable: 'interactions', sourceId: 'i\t1', chunkIndex: 0,
    content: 'tab\there, back\\slash, line\nbreak, return\r, literal \\N and 价格', occurredAt: new Date('2026-03-04T05:06:07.089Z'),
    occurredOn: '2026-03-04', authorId: 'u1', sourceHash: 'h1', grams: [1, -2, 2147483647, -2147483648], embedder: 'e', dim: 4, embedding: vector,
  },
  {
    accountId: 'a1', sourceTable: 'contracts', sourceId: 'c1', chunkIndex: 1, content: '', occurredAt: null,
    occurredOn: null, authorId: null, sourceHash: 'h2', grams: [], embedder: null, dim: null, embedding: null,
  },
];

async function readBack(): Promise<NewChunk[]> {
  const r = await db.query<Record<string, unknown>>(
    `SELECT account_id, source_table, source_id, chunk_index, content, occurred_at, occurred_on::text, author_id, source_hash, grams, embedder, dim, embedding::text
     FROM chunks ORDER BY id`,
  );
  return r.rows.map((x) => ({
    accountId: x.account_id, sourceTable: x.source_table, sourceId: x.source_id, chunkIndex: x.chunk_index, content: x.content,
    occurredAt: x.occurred_at, occurredOn: x.occurred_on, authorId: x.author_id, sourceHash: x.source_hash, grams: x.grams,
    embedder: x.embedder, dim: x.dim, embedding: x.embedding === null ? null : (JSON.parse(x.embedding as string) as number[]).map(Math.fround),
  })) as NewChunk[];
}

describe('insertChunks', () => {
  it('writes every column unchanged inside a transaction (COPY on a server)', async () => {
    await db.transaction((tx) => insertChunks(tx, rows));
    expect(await readBack()).toEqual(rows);
  });

  it('writes the same outside a transaction (array parameters)', async () => {
    await db.query('DELETE FROM chunks');
    await insertChunks(db, rows);
    expect(await readBack()).toEqual(rows);
  });
});
