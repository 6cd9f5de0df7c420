// Delivery: retries with backoff through a failing channel, resume after a restart, per-recipient
// rate limit, and recipients without a platform identity marked undeliverable (never dropped).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Db } from '../../db/index.ts';
import type { Adapter, Recipient, Reply } from '../../src/chat/types.ts';
import { PlatformError } from '../../src/errors.ts';
import { drainOutbox, type DrainResult } from '../../src/outbox/worker.ts';
import { backoffMs } from '../../src/outbox/policy.ts';
import { DEFAULT_OUTBOX_SETTINGS } from '../../src/outbox/settings.ts';
import { claimDue, enqueue, listOutbox } from '../../src/store/outbox.ts';
import { emptyDb } from '../helpers/db.ts';

let db: Db;
const log = pino({ level: 'silent' });
const reply = (text: string): Reply => ({ lang: 'zh', text });

function channel(platform: Adapter['platform'], behaviour: (r: Recipient) => void = () => {}) {
  const sent: string[] = [];
  const adapter: Adapter = {
    platform,
    canReach: (r) => (platform === 'feishu' ? !!r.feishuOpenId : true),
    async send(r, msg) {
      behaviour(r);
      sent.push(`${r.userId}:${msg.text}`);
    },
  };
  return { adapter, sent };
}

beforeAll(async () => {
  db = await emptyDb();
  await db.query(`INSERT INTO users (id, name, role, feishu_open_id) VALUES ('a', 'A', 'sales', 'ou_a'), ('b', 'B', 'sales', 'ou_b'), ('nobody', 'N', 'admin', NULL)`);
});
afterAll(() => db.close());

const T0 = new Date('2026-11-24T10:00:00Z');
const plus = (s: number) => new Date(T0.getTime() + s * 1000);
const statusOf = async (key: string) => (await db.query<{ status: string; attempts: number; last_error: string | null; platform: string | null }>('SELECT status, attempts, last_error, platform FROM outbox WHERE dedup_key = $1', [key])).rows[0];

describe('backoff', () => {
  it('doubles from the base and is capped', () => {
    const s = { ...DEFAULT_OUTBOX_SETTINGS, backoffBaseSeconds: 30, backoffMaxSeconds: 100 };
    expect([1, 2, 3, 4].map((n) => backoffMs(n, s) / 1000)).toEqual([30, 60, 100, 100]);
  });
});

describe('drainOutbox', () => {
  it('retries a transient failure with backoff and delivers once the channel recovers, after a restart', async () => {
    await enqueue(db, [{ recipientId: 'a', kind: 'alert', payload: { reply: reply('hello') }, dedupKey: 'k1' }], T0);
    let down = true;
    const feishu = channel('feishu', () => {
      if (down) throw new PlatformError('timeout', 'feishu', 'ETIMEDOUT', true);
    });
    const fallback = channel('console');
    const opts = { settings: DEFAULT_OUTBOX_SETTINGS, adapters: [feishu.adapter], fallback: fallback.adapter, log, lang: 'zh' as const };
    expect((await drainOutbox(db, { ...opts, now: T0 })).retried).toBe(1);
    expect(await statusOf('k1')).toMatchObject({ status: 'pending', attempts: 1, last_error: 'timeout' });
    // Not due before the backoff (30 s) has passed.
    expect((await drainOutbox(db, { ...opts, now: plus(29) })).sent).toBe(0);
    expect((await drainOutbox(db, { ...opts, now: plus(31) })).retried).toBe(1);
    down = false;
    // A "restarted" worker (new adapters, same database) picks the pending row up when due (60 s later).
    const restarted = channel('feishu');
    const r = await drainOutbox(db, { ...opts, adapters: [restarted.adapter], now: plus(92) });
    expect(r.sent).toBe(1);
    expect(restarted.sent).toEqual(['a:hello']);
    expect(fallback.sent).toEqual([]);
    expect(await statusOf('k1')).toMatchObject({ status: 'sent', attempts: 3, platform: 'feishu' });
  });

  it('takes back a row left "sending" by a crashed worker once its lease expires', async () => {
    await enqueue(db, [{ recipientId: 'a', kind: 'alert', payload: { reply: reply('crash') }, dedupKey: 'k2' }], T0);
    await db.query(`UPDATE outbox SET status = 'sending', next_attempt_at = $1 WHERE dedup_key = 'k2'`, [plus(100)]);
    const ch = channel('feishu');
    const opts = { settings: DEFAULT_OUTBOX_SETTINGS, adapters: [ch.adapter], fallback: channel('console').adapter, log, lang: 'zh' as const };
    expect((await drainOutbox(db, { ...opts, now: plus(99) })).sent).toBe(0);
    expect((await drainOutbox(db, { ...opts, now: plus(101) })).sent).toBe(1);
  });

  it('fails for good on a permanent error or after the last attempt, and keeps the row', async () => {
    await enqueue(db, [{ recipientId: 'b', kind: 'alert', payload: { reply: reply('x') }, dedupKey: 'k3' }], T0);
    const bad = channel('feishu', () => {
      throw new PlatformError('user not found', 'feishu', 99991663, false);
    });
    await drainOutbox(db, { now: T0, settings: DEFAULT_OUTBOX_SETTINGS, adapters: [bad.adapter], fallback: channel('console').adapter, log, lang: 'zh' });
    expect(await statusOf('k3')).toMatchObject({ status: 'failed', attempts: 1, last_error: 'user not found' });
    expect((await listOutbox(db, ['failed'])).length).toBe(1);
  });

  it('marks a recipient without any platform identity (or unknown) undeliverable', async () => {
    await enqueue(
      db,
      [
        { recipientId: 'nobody', kind: 'briefing', payload: { reply: reply('x') }, dedupKey: 'k4' },
        { recipientId: 'ghost', kind: 'alert', payload: { reply: reply('x') }, dedupKey: 'k5' },
      ],
      T0,
    );
    const r = await drainOutbox(db, { now: plus(200), settings: DEFAULT_OUTBOX_SETTINGS, adapters: [], fallback: channel('console').adapter, log, lang: 'en' });
    expect(r.undeliverable).toBe(2);
    expect((await statusOf('k4')).last_error).toContain('no platform identity');
    expect((await statusOf('k5')).status).toBe('undeliverable');
  });

  it('falls back to the console channel when no platform adapter can reach the recipient', async () => {
    await enqueue(db, [{ recipientId: 'b', kind: 'alert', payload: { reply: reply('fb') }, dedupKey: 'k6' }], T0);
    const fallback = channel('console');
    await drainOutbox(db, { now: plus(300), settings: DEFAULT_OUTBOX_SETTINGS, adapters: [], fallback: fallback.adapter, log, lang: 'zh' });
    expect(fallback.sent).toEqual(['b:fb']);
    expect(await statusOf('k6')).toMatchObject({ status: 'sent', platform: 'console' });
  });

  it('holds back a recipient over the per-minute rate limit without counting an attempt', async () => {
    await enqueue(db, [1, 2, 3].map((i) => ({ recipientId: 'b', kind: 'alert' as const, payload: { reply: reply(`r${i}`) }, dedupKey: `r${i}` })), plus(400));
    const ch = channel('feishu');
    const settings = { ...DEFAULT_OUTBOX_SETTINGS, ratePerMinute: 2 };
    const r = await drainOutbox(db, { now: plus(1000), settings, adapters: [ch.adapter], fallback: channel('console').adapter, log, lang: 'zh' });
    expect([r.sent, r.postponed]).toEqual([2, 1]);
    expect(await statusOf('r3')).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await drainOutbox(db, { now: plus(1061), settings, adapters: [ch.adapter], fallback: channel('console').adapter, log, lang: 'zh' })).sent).toBe(1);
  });

  it('two workers: rows another worker took over once the first worker\'s lease ran out (a long batch) go out once', async () => {
    await enqueue(db, [1, 2, 3].map((i) => ({ recipientId: 'a', kind: 'alert' as const, payload: { reply: reply(`slow${i}`) }, dedupKey: `slow${i}` })), plus(2000));
    const sent: string[] = [];
    const common = { settings: DEFAULT_OUTBOX_SETTINGS, fallback: channel('console').adapter, log, lang: 'zh' as const };
    const other = channel('feishu');
    let time = plus(2000);
    let second: DrainResult | undefined;
    // The first worker's platform is slow: 55 s for its first push; during its second, a worker
    // elsewhere drains at a time the batch's original lease (60 s) has run out.
    const slow: Adapter = {
      platform: 'feishu',
      canReach: (r) => !!r.feishuOpenId,
      async send(_r, msg) {
        sent.push(`first:${msg.text}`);
        if (msg.text === 'slow1') time = plus(2055);
        if (msg.text === 'slow2') second = await drainOutbox(db, { ...common, adapters: [other.adapter], now: plus(2061) });
      },
    };
    const first = await drainOutbox(db, { ...common, adapters: [slow], now: plus(2000), clock: () => time });
    for (const m of other.sent) sent.push(`second:${m.replace(/^a:/, '')}`);
    expect(sent).toEqual(['first:slow1', 'first:slow2', 'second:slow3']);
    expect([first.sent, second?.sent]).toEqual([2, 1]);
    for (const k of ['slow1', 'slow2', 'slow3']) expect(await statusOf(k)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('claims running at once (workers of several instances) never hand one row to two of them', async () => {
    await enqueue(db, Array.from({ length: 200 }, (_, i) => ({ recipientId: 'a', kind: 'alert' as const, payload: { reply: reply(`c${i}`) }, dedupKey: `claim${i}` })), plus(3000));
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimDue(db, plus(3000), 50, 60_000, `worker${i}`)));
    const ids = claims.flat().map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(50);
    expect(new Set(ids).size).toBe(ids.length);
    await db.query("UPDATE outbox SET status = 'sent' WHERE dedup_key LIKE 'claim%'");
  });
});
