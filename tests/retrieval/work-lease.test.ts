// Retrieval's background work under a lease: of two instances on one database, one re-embeds each
// waiting passage and builds the index once; the other skips; kam reindex's lease refuses a second
// holder, and an expired holder's lease is taken over. (The first test fails without the lease on a
// server, KAM_TEST_DATABASE_URL, where the two pools truly run side by side.)
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { createLogger, type AppContext } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { startReembedding } from '../../src/retrieval/background.ts';
import { hashEmbedder } from '../../src/retrieval/hash-embedder.ts';
import { pendingEmbeddings } from '../../src/retrieval/reembed.ts';
import { vectorIndexStatus } from '../../src/retrieval/vector-index.ts';
import { withLease } from '../../src/retrieval/work-lease.ts';
import { leaseHolder, takeLease } from '../../src/store/leases.ts';
import { sampleDb } from '../helpers/db.ts';
import { overPg } from '../helpers/pg-socket.ts';

let db: Db | undefined;
let second: Awaited<ReturnType<typeof overPg>> | undefined;
afterEach(async () => {
  await second?.stop();
  await db?.close();
  db = second = undefined;
});

function instance(d: Db, lines: Record<string, unknown>[]): AppContext {
  const stream = new PassThrough();
  stream.on('data', (b: Buffer) => {
    for (const l of b.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
  });
  const config = loadConfig({ KAM_DEMO: 'false', KAM_TIMEZONE: 'Asia/Shanghai', KAM_REEMBED_BATCH: '4', KAM_VECTOR_INDEX_MIN_ROWS: '1' });
  return { db: d, config, log: createLogger('info', stream) };
}

const until = async (cond: () => Promise<boolean>, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('retrieval lease', () => {
  it('two instances re-embed each waiting passage once and build the index once', async () => {
    db = await sampleDb();
    await db.query('UPDATE chunks SET embedding = NULL');
    const { pending } = await pendingEmbeddings(db, hashEmbedder());
    expect(pending).toBeGreaterThan(8);
    // The second instance has its own connections where it can (a second pool on a server).
    second = await overPg(db);
    const logA: Record<string, unknown>[] = [];
    const logB: Record<string, unknown>[] = [];
    const a = startReembedding(instance(db, logA), { intervalMs: 100, owner: 'A' });
    const b = startReembedding(instance(second.db, logB), { intervalMs: 100, owner: 'B' });
    try {
      await until(async () => (await pendingEmbeddings(db!, hashEmbedder())).pending === 0 && (await vectorIndexStatus(db!, 1))[0]?.state === 'ready');
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const all = [...logA, ...logB];
    // One instance took the work up (without the lease both first ticks start on every waiting passage).
    expect(all.filter((l) => l.msg === 're-embedding passages in the background')).toHaveLength(1);
    const done = all.filter((l) => l.msg === 're-embedding finished').map((l) => l.done as number);
    expect(done.reduce((s, n) => s + n, 0)).toBe(pending);
    expect(all.filter((l) => l.msg === 'building vector index' || l.msg === 'vector index built')).toHaveLength(1);
    expect(all.filter((l) => l.msg === 're-embedding failed; will retry')).toEqual([]);
    expect(await leaseHolder(db, 'retrieval')).toBeNull();
  }, 120_000);

  it('a held lease refuses another owner until it is released or runs out', async () => {
    db = await sampleDb();
    let ran = 0;
    const inner = await withLease(db, 'retrieval', 'A', async () => {
      const other = await withLease(db!, 'retrieval', 'B', async () => ++ran);
      expect(other).toMatchObject({ ran: false, holder: { owner: 'A' } });
      return 'a';
    });
    expect(inner).toEqual({ ran: true, value: 'a' });
    expect(ran).toBe(0);
    expect(await withLease(db, 'retrieval', 'B', async () => ++ran)).toEqual({ ran: true, value: 1 });
    // A holder that died: its lease runs out and another owner takes it over.
    expect(await takeLease(db, 'retrieval', 'dead', 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(await leaseHolder(db, 'retrieval')).toBeNull();
    expect(await takeLease(db, 'retrieval', 'C', 60_000)).toBe(true);
    expect(await takeLease(db, 'retrieval', 'D', 60_000)).toBe(false);
  });

  it('renews the lease while the work outlasts its term', async () => {
    db = await sampleDb();
    const out = await withLease(
      db,
      'retrieval',
      'A',
      async (signal) => {
        await new Promise((r) => setTimeout(r, 1200));
        return { aborted: signal.aborted, taken: await takeLease(db!, 'retrieval', 'B', 60_000) };
      },
      { ttlMs: 300 },
    );
    expect(out).toEqual({ ran: true, value: { aborted: false, taken: false } });
  });
});
