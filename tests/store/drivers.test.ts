// The same migrations and store queries over both drivers: PGlite direct, and `pg` against
// PGlite served by @electric-sql/pglite-socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, type Db } from '../../db/index.ts';
import { importDir } from '../../src/importing/import-dir.ts';
import { exportDir } from '../../src/importing/export-dir.ts';
import { visibleAccountIds } from '../../src/domain/visibility.ts';
import type { User, TeamMember } from '../../src/domain/types.ts';
import { embedText, hashEmbedder } from '../../src/retrieval/hash-embedder.ts';
import { hnswEfSearch, indexName, indexSpec, ivfLists, vectorIndexFor } from '../../src/retrieval/vector-index.ts';
import { vectorMode } from '../../src/retrieval/search.ts';
import { resolveScope, vectorRanked } from '../../src/store/chunk-search.ts';
import { createVectorIndex, dropVectorIndex } from '../../src/store/chunks.ts';
import { dateArray, flatLists, float4Array, int4Array, textArray, timestamptzArray } from '../../src/store/binary-arrays.ts';
import { emptyDb } from '../helpers/db.ts';
import { overPg } from '../helpers/pg-socket.ts';
import { SAMPLE_DIR, TEST_TZ } from '../helpers/paths.ts';

const drivers: [string, () => Promise<{ db: Db; stop(): Promise<void> }>][] = [
  ['pglite', async () => { const db = await emptyDb(); return { db, stop: () => db.close() }; }],
  ['pg over pglite-socket', async () => {
    const embedded = await emptyDb();
    const served = await overPg(embedded);
    return { db: served.db, stop: async () => { await served.stop(); await embedded.close(); } };
  }],
];

describe.each(drivers)('store over %s', (_name, open) => {
  let db: Db;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, stop } = await open());
    await migrate(db);
    await importDir(db, SAMPLE_DIR, TEST_TZ);
  });
  afterAll(() => stop());

  it('has every migration recorded and re-running them is a no-op', async () => {
    expect(await migrate(db)).toEqual([]);
    const r = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(r.rows[0].version).toBe('001_init');
  });

  it('returns dates as strings, amounts as numbers, instants as Dates', async () => {
    const r = await db.query("SELECT end_date, amount FROM contracts WHERE id = 'CT-A300-01'");
    expect(r.rows[0]).toEqual({ end_date: '2027-01-10', amount: 12000000 });
    const t = await db.query<{ opened_at: Date }>("SELECT opened_at FROM tickets WHERE id = 'T004'");
    expect(t.rows[0].opened_at.toISOString()).toBe('2026-11-22T01:00:00.000Z');
  });

  it('rolls a failed transaction back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("UPDATE accounts SET tier = 'C' WHERE id = 'A100'");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const r = await db.query("SELECT tier FROM accounts WHERE id = 'A100'");
    expect(r.rows[0].tier).toBe('S');
  });

  it('visible_account_ids agrees with the pure visibility rule for every user', async () => {
    const users = (await db.query<User>('SELECT * FROM users')).rows;
    const team = (await db.query<TeamMember>('SELECT * FROM account_team')).rows;
    const accounts = (await db.query<{ id: string; parent_id: string | null }>('SELECT id, parent_id FROM accounts')).rows;
    for (const u of [...users.map((x) => x.id), 'u_unknown']) {
      const sql = (await db.query<{ account_id: string }>('SELECT account_id FROM visible_account_ids($1)', [u])).rows.map((r) => r.account_id).sort();
      expect(sql, u).toEqual([...visibleAccountIds(u, users, team, accounts)].sort());
    }
    const zhang = (await db.query<{ account_id: string }>('SELECT account_id FROM visible_account_ids($1) ORDER BY 1', ['u_zhang'])).rows.map((r) => r.account_id);
    expect(zhang).toEqual(['A100', 'A101', 'A102', 'A400', 'A600']);
    const chen = (await db.query('SELECT count(*)::int AS n FROM visible_account_ids($1)', ['u_chen'])).rows[0].n;
    expect(chen).toBe(8);
  });

  it('takes binary array parameters (integer, real, text, date, timestamptz; nulls) and slices flat lists', async () => {
    const ints = [0, -1, 2147483647, -2147483648, 59];
    const r = await db.query<{ i: number[]; e: number[]; f: number[] }>('SELECT $1::integer[] AS i, $2::integer[] AS e, $3::real[] AS f', [
      int4Array(ints),
      int4Array([]),
      float4Array([0.5, -0.25, 1e-3]),
    ]);
    expect(r.rows[0].i).toEqual(ints);
    expect(r.rows[0].e).toEqual([]);
    expect(r.rows[0].f.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([0.5, -0.25, 0.001]);
    const texts = ['中建华东', '', null, 'a"b\\c,{d}', '😀 emoji'];
    const instants = [new Date('2026-11-20T01:02:03.456Z'), null, new Date('1999-12-31T23:59:59Z')];
    const dates = ['2027-01-10', null, '1998-02-28'];
    const t = await db.query<{ t: (string | null)[]; i: (Date | null)[]; d: (string | null)[]; n: (number | null)[] }>(
      'SELECT $1::text[] AS t, $2::timestamptz[] AS i, $3::date[]::text[] AS d, $4::integer[] AS n',
      [textArray(texts), timestamptzArray(instants), dateArray(dates), int4Array([7, null])],
    );
    expect(t.rows[0].t).toEqual(texts);
    expect(t.rows[0].i.map((x) => x?.toISOString() ?? null)).toEqual(instants.map((x) => x?.toISOString() ?? null));
    expect(t.rows[0].d).toEqual(dates);
    expect(t.rows[0].n).toEqual([7, null]);
    const lists = flatLists([[1, 2], null, [], [3]]);
    const sliced = await db.query<{ n: number; s: number[] }>(
      'SELECT n::int, ($1::integer[])[lo:hi] AS s FROM unnest($2::integer[], $3::integer[]) WITH ORDINALITY AS x(lo, hi, n) ORDER BY n',
      [int4Array(lists.flat), int4Array(lists.lo), int4Array(lists.hi)],
    );
    expect(sliced.rows.map((x) => x.s)).toEqual([[1, 2], [], [], [3]]);
  });

  it('stores each passage vector as its embedding, at unit length', async () => {
    // Vectors travel as binary real[] (both drivers): stored exactly as the embedder made them.
    const r = await db.query<{ content: string; v: string }>(
      "SELECT content, embedding::text AS v FROM chunks WHERE source_table = 'interactions' ORDER BY source_id, chunk_index LIMIT 20",
    );
    expect(r.rows.length).toBe(20);
    for (const row of r.rows) {
      const stored: number[] = JSON.parse(row.v);
      const expected = embedText(row.content);
      expect(stored.length).toBe(expected.length);
      expect(Math.max(...stored.map((x, i) => Math.abs(x - expected[i])))).toBeLessThan(1e-6);
      expect(Math.abs(Math.hypot(...stored) - 1)).toBeLessThan(1e-5);
    }
  });

  it('searches through an IVFFlat index (every list probed) with the hits of an exact scan, for every user', async () => {
    // The big-scope path: index-driven, settings in one round trip, admins unfiltered, others filtered.
    const embedder = hashEmbedder();
    const rows = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM chunks WHERE embedder = $1`, [embedder.id])).rows[0].n;
    const spec = indexSpec(embedder.id, 256, rows);
    await createVectorIndex(db, spec);
    try {
      const probes = ivfLists(rows);
      expect(await vectorIndexFor(db, embedder.id, 256)).toEqual({ method: 'ivfflat', lists: probes });
      expect(await vectorIndexFor(db, embedder.id, 128)).toBeNull();
      let compared = 0;
      for (const userId of ['u_admin', 'u_li', 'u_zhang', 'nobody']) {
        const { scope } = await resolveScope(db, { userId });
        for (const text of ['矿用自卸车发动机故障停机', '框架协议续签金额', '投诉处理进展']) {
          const [vector] = await embedder.embed([text]);
          const q = { scope, embedder: embedder.id, dim: 256, vector, limit: 8 };
          const exact = await vectorRanked(db, { ...q, mode: { kind: 'exact' } });
          const indexed = await vectorRanked(db, { ...q, mode: { kind: 'ivfflat', probes } });
          expect(indexed.map((h) => h.id), `${userId}: ${text}`).toEqual(exact.map((h) => h.id));
          compared += exact.length;
        }
      }
      expect(compared).toBeGreaterThan(40);
    } finally {
      await dropVectorIndex(db, spec.name);
    }
  });

  it('searches through an HNSW index (a candidate list longer than the table) with the hits of an exact scan, for every user', async () => {
    // The server's kind of index: search reads its method from the catalog and sets hnsw.ef_search
    // in the query's transaction; with ef_search above the row count the graph walk finds them all.
    const embedder = hashEmbedder();
    const rows = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM chunks WHERE embedder = $1`, [embedder.id])).rows[0].n;
    expect(rows).toBeLessThan(1000);
    const name = indexName(embedder.id, 256);
    await createVectorIndex(db, { name, embedder: embedder.id, dim: 256, method: 'hnsw', options: 'm = 16, ef_construction = 200' });
    try {
      expect(await vectorIndexFor(db, embedder.id, 256)).toEqual({ method: 'hnsw', m: 16 });
      // A big scope goes through it with the candidate list measured for its m.
      expect(await vectorMode(db, embedder.id, 256, false, rows)).toEqual({ kind: 'hnsw', efSearch: hnswEfSearch(16) });
      let compared = 0;
      for (const userId of ['u_admin', 'u_li', 'u_zhang', 'nobody']) {
        const { scope } = await resolveScope(db, { userId });
        for (const text of ['矿用自卸车发动机故障停机', '框架协议续签金额', '投诉处理进展']) {
          const [vector] = await embedder.embed([text]);
          const q = { scope, embedder: embedder.id, dim: 256, vector, limit: 8 };
          const exact = await vectorRanked(db, { ...q, mode: { kind: 'exact' } });
          const indexed = await vectorRanked(db, { ...q, mode: { kind: 'hnsw', efSearch: 1000 } });
          expect(indexed.map((h) => h.id), `${userId}: ${text}`).toEqual(exact.map((h) => h.id));
          compared += exact.length;
        }
      }
      expect(compared).toBeGreaterThan(40);
    } finally {
      await dropVectorIndex(db, name);
    }
  });

  it('exports the same bytes as the other driver', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kam-drv-'));
    await exportDir(db, dir, TEST_TZ);
    const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    expect(files['tickets.csv']).toContain('T004,A300,complaint,high,2026-11-22T09:00:00+08:00,,正面吊频繁报警停机影响码头作业');
    expect(files['accounts.csv']).toContain('A100,中建华东工程集团,中建华东;华东工程,,建筑工程,华东,S,high,u_zhang,2019-03-01');
  });
});
