import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { safeEqual, withinWindow } from '../../adapters/shared/checks.ts';
import { claimEvent, pruneProcessedEvents } from '../../src/store/processed-events.ts';
import { chooseAdapter, platformIdOf } from '../../adapters/shared/identity.ts';
import { RecipientRateLimiter } from '../../adapters/shared/rate-limit.ts';
import { replySummary } from '../../adapters/shared/reply-queue.ts';
import { splitText, truncate, utf8Bytes } from '../../adapters/shared/split.ts';
import type { Adapter, Recipient } from '../../src/chat/types.ts';
import { emptyDb } from '../helpers/db.ts';

describe('splitText', () => {
  it('keeps lines whole when they fit and cuts an over-long line between characters', () => {
    expect(splitText('aaaa\nbbbb\ncccc', 9)).toEqual(['aaaa\nbbbb', 'cccc']);
    expect(splitText('short', 10)).toEqual(['short']);
    expect(splitText('', 10)).toEqual([]);
    expect(splitText('abcdefghijklmnopqrstuvwxy', 10)).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxy']);
  });

  it('never splits a UTF-8 sequence, surrogate pair or emoji cluster', () => {
    const family = '👨‍👩‍👧';
    const text = `${'中'.repeat(5)}${family}${'文'.repeat(5)}`;
    const parts = splitText(text, 20, utf8Bytes);
    for (const p of parts) {
      expect(utf8Bytes(p)).toBeLessThanOrEqual(20);
      expect(p).not.toMatch(/\uFFFD/);
    }
    expect(parts.join('')).toBe(text);
    expect(parts.some((p) => p.includes(family))).toBe(true);
  });

  it('truncates with an ellipsis within the limit', () => {
    expect(truncate('客户经营助手', 4)).toBe('客户经…');
    expect(truncate('ok', 4)).toBe('ok');
  });
});

describe('replySummary (what kam outbox shows for a parked answer)', () => {
  it('is the title, else the first non-empty line, cut to 80 characters', () => {
    expect(replySummary({ lang: 'zh', title: '西山矿业集团 · 概览', text: '第一行\n第二行' })).toBe('西山矿业集团 · 概览');
    expect(replySummary({ lang: 'zh', text: '\n  \n上次谈到「发动机」是 2026-11-20\n工单 T003' })).toBe('上次谈到「发动机」是 2026-11-20');
    const long = replySummary({ lang: 'zh', text: '长'.repeat(100) });
    expect([...long]).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
    expect(replySummary({ lang: 'en', text: '' })).toBe('');
  });
});

describe('checks', () => {
  const now = new Date(1_700_000_000_000);
  it('accepts ±5 minutes and refuses beyond, in both directions, and junk', () => {
    expect(withinWindow('1700000300', now)).toBe(true);
    expect(withinWindow('1699999700', now)).toBe(true);
    expect(withinWindow('1700000301', now)).toBe(false);
    expect(withinWindow('1699999699', now)).toBe(false);
    expect(withinWindow('17e8', now)).toBe(false);
    expect(withinWindow(undefined, now)).toBe(false);
  });
  it('compares strings exactly', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});

describe('RecipientRateLimiter', () => {
  it('lets `limit` sends through per window for one key, queues the rest in order, and does not hold up other keys', async () => {
    let clock = 0;
    const slept: number[] = [];
    const limiter = new RecipientRateLimiter({
      limit: 2,
      windowMs: 1000,
      clock: () => clock,
      sleep: async (ms) => {
        slept.push(ms);
        clock += ms;
      },
    });
    const order: string[] = [];
    const run = (key: string, label: string) => limiter.schedule(key, async () => void order.push(`${label}@${clock}`));
    await Promise.all([run('a', 'a1'), run('a', 'a2'), run('a', 'a3'), run('b', 'b1'), run('a', 'a4'), run('a', 'a5')]);
    expect(order.filter((o) => o.startsWith('a'))).toEqual(['a1@0', 'a2@0', 'a3@1000', 'a4@1000', 'a5@2000']);
    expect(order).toContain('b1@0');
    expect(slept).toEqual([1000, 1000]);
  });

  it('passes task errors to the caller and keeps the lane going', async () => {
    const limiter = new RecipientRateLimiter({ limit: 5, windowMs: 1000 });
    await expect(limiter.schedule('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.schedule('x', async () => 42)).resolves.toBe(42);
  });
});

describe('identity', () => {
  const li: Recipient = { userId: 'u_li', feishuOpenId: '', wecomUserId: 'lina', slackUserId: 'U0LI' };
  const fake = (platform: Adapter['platform']): Adapter => ({ platform, canReach: (r) => platformIdOf(r, platform) !== undefined, send: async () => {} });
  it('picks the preferred platform when it reaches the user, else the first that does', () => {
    const all = [fake('feishu'), fake('wecom'), fake('slack')];
    expect(chooseAdapter(all, li)?.platform).toBe('wecom');
    expect(chooseAdapter(all, li, 'slack')?.platform).toBe('slack');
    expect(chooseAdapter(all, li, 'feishu')?.platform).toBe('wecom');
    expect(chooseAdapter(all, { userId: 'u_admin' })).toBeUndefined();
  });
});

describe('claimEvent', () => {
  let db: Db;
  beforeAll(async () => {
    db = await emptyDb();
  });
  afterAll(async () => {
    await db.close();
  });
  const now = new Date('2026-11-24T02:00:00Z');

  it('lets exactly one of many concurrent claims of a key win', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => claimEvent(db, 'slack', ['evt:Ev1'], now)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await claimEvent(db, 'feishu', ['evt:Ev1'], now)).toBe(true);
  });

  it('treats an event as seen when any of its keys was seen, and prunes old claims', async () => {
    expect(await claimEvent(db, 'feishu', ['evt:E2', 'msg:M2'], now)).toBe(true);
    expect(await claimEvent(db, 'feishu', ['evt:E3', 'msg:M2'], now)).toBe(false);
    expect(await pruneProcessedEvents(db, new Date(now.getTime() + 1))).toBeGreaterThanOrEqual(4);
    expect(await claimEvent(db, 'feishu', ['evt:E2'], now)).toBe(true);
  });
});
