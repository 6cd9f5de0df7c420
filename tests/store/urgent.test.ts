// The embedded database runs one statement at a time; a statement marked urgent (a webhook's
// dedup insert, which its ack waits on) goes before every ordinary one still waiting, without
// breaking into a running transaction. Over the pg driver `urgent` is the database itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urgent, type Db } from '../../db/index.ts';
import { StatementQueue } from '../../db/statement-queue.ts';
import { claimEvent } from '../../src/store/processed-events.ts';
import { emptyDb } from '../helpers/db.ts';

let db: Db;
beforeAll(async () => {
  db = await emptyDb();
});
afterAll(() => db.close());

// The queue is the embedded database's; on a server (CI's second pass) statements run side by side.
describe.skipIf(process.env.KAM_TEST_DATABASE_URL)('urgent statements on the embedded database', () => {
  it('an urgent statement overtakes the ordinary ones queued before it', async () => {
    const done: string[] = [];
    const ordinary = Array.from({ length: 20 }, (_, i) => db.query('SELECT pg_sleep(0.005), $1::int AS i', [i]).then(() => done.push(`q${i}`)));
    const claimed = claimEvent(urgent(db), 'feishu', ['ev-urgent-1'], new Date('2026-11-24T02:00:00Z')).then((first) => done.push(`dedup:${first}`));
    await Promise.all([...ordinary, claimed]);
    // Only the statement already running when it arrived finished before it.
    expect(done.indexOf('dedup:true')).toBe(1);
    expect(done.filter((d) => d.startsWith('q'))).toEqual(Array.from({ length: 20 }, (_, i) => `q${i}`));
  });

  it('waits for a running transaction, then goes before what queued behind it', async () => {
    await db.exec('CREATE TEMP TABLE seen (v text)');
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    let finish!: () => void;
    const hold = new Promise<void>((r) => (finish = r));
    const tx = db.transaction(async (t) => {
      await t.query(`INSERT INTO seen VALUES ('tx')`);
      inside();
      await hold;
      await t.query(`INSERT INTO seen VALUES ('tx-end')`);
    });
    await entered;
    const later = db.query(`INSERT INTO seen VALUES ('ordinary')`);
    const first = urgent(db).query(`INSERT INTO seen VALUES ('urgent')`);
    finish();
    await Promise.all([tx, later, first]);
    expect((await db.query<{ v: string }>('SELECT v FROM seen')).rows.map((r) => r.v)).toEqual(['tx', 'tx-end', 'urgent', 'ordinary']);
  });

  it('the queue hands its slot on in order, urgent waiters first, and frees it when idle', async () => {
    const q = new StatementQueue();
    const order: string[] = [];
    let release!: () => void;
    const first = q.run(false, () => new Promise<void>((r) => (release = () => (order.push('first'), r()))));
    const a = q.run(false, async () => void order.push('a'));
    const b = q.run(true, async () => void order.push('b'));
    const c = q.run(false, async () => void order.push('c'));
    expect(q.waiting).toBe(3);
    release();
    await Promise.all([first, a, b, c]);
    expect(order).toEqual(['first', 'b', 'a', 'c']);
    expect(q.waiting).toBe(0);
    await q.run(false, async () => void order.push('idle'));
    expect(order.at(-1)).toBe('idle');
  });
});
