// Two `kam start` processes on one PostgreSQL server database (KAM_TEST_DATABASE_URL; an embedded
// data dir takes one process only): every passage waiting for the embedder is embedded by exactly
// one of them, in batches, and the due vector index is built once.
import { describe, expect, it } from 'vitest';
import { openPg } from '../../db/index.ts';
import { kamStart } from '../helpers/cli.ts';
import { createDatabase, dropDatabase, serverUrl, testEngine } from '../helpers/server-db.ts';

const lines = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe.skipIf(testEngine() !== 'server')('two kam start instances on one server', () => {
  it('re-embed each waiting passage once and build the vector index once', async () => {
    const name = await createDatabase('sample');
    const url = serverUrl(name);
    const db = await openPg(url);
    const started: Awaited<ReturnType<typeof kamStart>>[] = [];
    try {
      const chunkUpdates = async () => (await db.query<{ n: number }>("SELECT n_tup_upd::int AS n FROM pg_stat_user_tables WHERE relname = 'chunks'")).rows[0].n;
      const updatesBefore = await chunkUpdates();
      await db.query('UPDATE chunks SET embedding = NULL');
      // Load: more passages than one tick of one instance embeds before the other starts.
      await db.query(
        `INSERT INTO chunks (account_id, source_table, source_id, chunk_index, content, occurred_at, author_id)
         SELECT account_id, source_table, source_id || '-copy' || g, chunk_index, content || ' ' || g, occurred_at, author_id
         FROM chunks, generate_series(1, 40) g`,
      );
      const pending = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM chunks WHERE embedding IS NULL')).rows[0].n;
      expect(pending).toBeGreaterThan(1000);
      const updatesOfTest = pending / 41;
      const env = { DATABASE_URL: url, PORT: '0', KAM_REEMBED_BATCH: '10', KAM_REEMBED_INTERVAL_MS: '300', KAM_VECTOR_INDEX_MIN_ROWS: '1' };
      started.push(...(await Promise.all([kamStart([], env), kamStart([], env)])));
      const deadline = Date.now() + 60_000;
      for (;;) {
        const r = await db.query<{ waiting: number; ready: number }>(
          `SELECT (SELECT count(*)::int FROM chunks WHERE embedding IS NULL) AS waiting,
                  (SELECT count(*)::int FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid WHERE c.relname LIKE 'chunks\\_vec\\_%' AND x.indisvalid) AS ready`,
        );
        if (r.rows[0].waiting === 0 && r.rows[0].ready === 1) break;
        if (Date.now() > deadline) throw new Error(`not done in 60 s: ${JSON.stringify(r.rows[0])}\n${started.map((s) => s.output()).join('\n')}`);
        await new Promise((res) => setTimeout(res, 200));
      }
      // A few more ticks of both: nothing left for either to do twice.
      await new Promise((res) => setTimeout(res, 1500));
      const outputs = started.map((s) => lines(s.output()));
      const all = outputs.flat();
      const done = all.filter((l) => l.msg === 're-embedding finished').map((l) => l.done as number);
      expect(done.reduce((s, n) => s + n, 0)).toBe(pending);
      expect(all.filter((l) => l.msg === 'building vector index' || l.msg === 'vector index built')).toHaveLength(1);
      expect(all.filter((l) => l.msg === 're-embedding failed; will retry')).toEqual([]);
      // The server's own count of row updates on chunks (sessions report theirs within seconds):
      // the test's one update of each sample passage, then one re-embedding of every passage.
      const statsBy = Date.now() + 15_000;
      while ((await chunkUpdates()) - updatesBefore < updatesOfTest + pending && Date.now() < statsBy) await new Promise((res) => setTimeout(res, 250));
      await new Promise((res) => setTimeout(res, 1500));
      expect((await chunkUpdates()) - updatesBefore).toBe(updatesOfTest + pending);
    } finally {
      await Promise.all(started.map((s) => s.stop()));
      await db.close();
      await dropDatabase(name);
    }
  }, 150_000);
});
