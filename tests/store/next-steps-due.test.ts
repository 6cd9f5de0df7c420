// nextStepsDue over the sample data: every step due in a period, or (notFollowedUp) only those no
// later interaction at the account followed, filtered before the row limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { nextStepsDue } from '../../src/store/interactions.ts';
import { sampleDb } from '../helpers/db.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(() => db.close());

const NOW = new Date('2026-11-24T10:00:00+08:00');

describe('nextStepsDue', () => {
  it('lists every step due in the period, followed up or not', async () => {
    const rows = await nextStepsDue(db, 'u_chen', '2025-11-24', '2026-11-23', NOW);
    expect(rows.map((r) => r.id)).toEqual(['I008', 'I001', 'I003', 'I019', 'I006']);
    expect(rows.find((r) => r.id === 'I006')?.followed_up).toBe(true);
  });

  it('with notFollowedUp, only the steps no later interaction followed', async () => {
    const rows = await nextStepsDue(db, 'u_chen', '2025-11-24', '2026-11-23', NOW, undefined, { notFollowedUp: true });
    expect(rows.map((r) => [r.id, r.followed_up])).toEqual([['I019', false]]);
  });

  it('stays within what the user may see', async () => {
    expect(await nextStepsDue(db, 'u_zhang', '2025-11-24', '2026-11-23', NOW, undefined, { notFollowedUp: true })).toEqual([]);
    expect(await nextStepsDue(db, 'u_zhang', '2025-11-24', '2026-11-23', NOW, 'A500', { notFollowedUp: true })).toEqual([]);
  });
});
