// Health on the sample data: components explain the score, snapshots were backfilled on import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { healthAsOf } from '../../src/insights/health/compute.ts';
import { DEFAULT_HEALTH_SETTINGS } from '../../src/domain/health/settings.ts';
import { backfillDates } from '../../src/insights/health/snapshot.ts';
import { sampleDb } from '../helpers/db.ts';
import { at } from './helpers.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(() => db.close());

describe('health on the sample data', () => {
  it('explains 西山矿业 (A200) by its components', async () => {
    const [h] = await healthAsOf(db, at('2026-11-24T10:00:00'), DEFAULT_HEALTH_SETTINGS, { accountIds: ['A200'] });
    const c = Object.fromEntries(h.layers.flatMap((l) => l.components).map((x) => [x.id, x]));
    expect(c.exec_recency.facts).toEqual({ last_date: '2026-09-30', days: 55 });
    expect(c.exec_recency.score).toBe(25);
    expect(c.decision_chain.facts).toMatchObject({ known: 2, met: 2, decision_makers_known: 1, decision_makers_met: 1 });
    expect(c.resolution_rate.facts).toEqual({ total: 1, resolved: 0 });
    expect(c.strategic_agreement.score).toBe(100);
    expect(c.order_amount.facts).toMatchObject({ amount_12m: 6_000_000, own_yearly_avg: 6_000_000 });
    expect(h.tier.declared).toBe('S');
  });

  it('ranks the healthy S account (A100) above the troubled ones', async () => {
    const hs = await healthAsOf(db, at('2026-11-24T10:00:00'), DEFAULT_HEALTH_SETTINGS);
    const score = (id: string) => hs.find((h) => h.accountId === id)!.score;
    expect(score('A100')).toBeGreaterThan(score('A200'));
    expect(score('A100')).toBeGreaterThan(score('A300'));
    expect(hs.find((h) => h.accountId === 'A100')!.band).toBe('healthy');
  });

  it('visibility scoping: u_zhang does not get A200', async () => {
    const hs = await healthAsOf(db, at('2026-11-24T10:00:00'), DEFAULT_HEALTH_SETTINGS, { viewerId: 'u_zhang' });
    expect(hs.map((h) => h.accountId).sort()).toEqual(['A100', 'A101', 'A102', 'A400', 'A600']);
  });

  it('import backfilled weekly snapshots ending on the latest activity', async () => {
    const res = await db.query<{ as_of: string; n: number }>('SELECT as_of, count(*)::int AS n FROM health_snapshots GROUP BY as_of ORDER BY as_of');
    expect(res.rows.map((r) => r.as_of)).toEqual(backfillDates('2026-11-23'));
    expect(res.rows.every((r) => r.n === 8)).toBe(true);
  });
});

describe('fresh tickets', () => {
  it('an open ticket counts against resolution only once it is 48 hours old', async () => {
    const rate = async (local: string) => {
      const [h] = await healthAsOf(db, at(local), DEFAULT_HEALTH_SETTINGS, { accountIds: ['A100'] });
      return h.layers.flatMap((l) => l.components).find((c) => c.id === 'resolution_rate')!.facts;
    };
    // T001 (A100) opened 2026-11-23 08:00 and still open.
    expect(await rate('2026-11-25T07:59:00')).toEqual({ total: 2, resolved: 2 });
    expect(await rate('2026-11-25T08:00:00')).toEqual({ total: 3, resolved: 2 });
  });
});
