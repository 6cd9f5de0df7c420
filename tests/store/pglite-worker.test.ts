// The embedded database in a worker thread (db/pglite-worker.mjs), as `kam start` runs it: the
// same rows, errors, transactions and binary parameters as in-process, and while a long statement
// runs in the worker, this thread's event loop (an HTTP ack, a health check) is not held.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { type Db, openPglite, migrate, urgent } from '../../db/index.ts';
import { int4Array } from '../../src/store/binary-arrays.ts';

describe.skipIf(process.env.KAM_TEST_DATABASE_URL)('PGlite in a worker thread', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite(undefined, { worker: true });
    await migrate(db);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('returns rows with the shared parsers and binary array parameters', async () => {
    const r = await db.query<{ n: number; d: string; big: number; xs: number[]; at: Date }>(
      "SELECT 2::numeric + 1 AS n, '2026-11-24'::date AS d, 9007199254740::int8 AS big, $1::int4[] AS xs, '2026-01-02T03:04:05Z'::timestamptz AS at",
      [int4Array([3, 1, 2])],
    );
    expect(r.rows).toEqual([{ n: 3, d: '2026-11-24', big: 9007199254740, xs: [3, 1, 2], at: new Date('2026-01-02T03:04:05Z') }]);
  });

  it('passes a database error with its code and constraint', async () => {
    await db.exec('CREATE TABLE w_t (id int PRIMARY KEY)');
    await db.query('INSERT INTO w_t VALUES (1)');
    const err = await db.query('INSERT INTO w_t VALUES (1)').catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: '23505', constraint: 'w_t_pkey' });
  });

  it('runs a transaction on one session, in order, and rolls it back on error', async () => {
    await db.exec('CREATE TABLE w_tx (n int)');
    const order: string[] = [];
    const inTx = db.transaction(async (tx) => {
      await tx.query('INSERT INTO w_tx VALUES (1)');
      order.push('tx insert');
      // Nested calls join the outer transaction.
      await tx.transaction((t) => t.query('INSERT INTO w_tx VALUES (2)'));
      const seen = await tx.query<{ c: number }>('SELECT count(*)::int AS c FROM w_tx');
      order.push(`tx sees ${seen.rows[0].c}`);
      throw new Error('give up');
    });
    // Queued behind the transaction: it never sees the uncommitted rows.
    const outside = db.query<{ c: number }>('SELECT count(*)::int AS c FROM w_tx').then((r) => order.push(`outside sees ${r.rows[0].c}`));
    await expect(inTx).rejects.toThrow('give up');
    await outside;
    expect(order).toEqual(['tx insert', 'tx sees 2', 'outside sees 0']);
    const ok = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO w_tx VALUES (3)');
      return 'done';
    });
    expect(ok).toBe('done');
    expect((await db.query('SELECT n FROM w_tx')).rows).toEqual([{ n: 3 }]);
  });

  it('has pgvector', async () => {
    const r = await db.query<{ d: number }>("SELECT '[1,0]'::vector <-> '[0,0]'::vector AS d");
    expect(r.rows[0].d).toBe(1);
  });

  it('answers HTTP while a long statement runs in the worker', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const events: string[] = [];
    try {
      // In-process, pg_sleep holds the whole thread: the request would be read only after it.
      const long = db.query('SELECT pg_sleep(3)').then(() => events.push('long statement done'));
      await new Promise((r) => setTimeout(r, 50));
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      events.push(`http ${await res.text()}`);
      await long;
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect(events).toEqual(['http ok', 'long statement done']);
  }, 60_000);

  it('keeps the urgent lane: an urgent statement overtakes queued ones', async () => {
    const order: string[] = [];
    const queued = Array.from({ length: 5 }, (_, i) => db.query('SELECT pg_sleep(0.01)').then(() => order.push(`normal ${i}`)));
    const fast = urgent(db).query('SELECT 1').then(() => order.push('urgent'));
    await Promise.all([...queued, fast]);
    expect(order.indexOf('urgent')).toBeLessThanOrEqual(1);
  });
});
