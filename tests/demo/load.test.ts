// Loading the demo world: it reads as today whatever day it is loaded, every alert rule has
// something to say, health has history, and the first scheduler run pushes the day's alerts and
// this week's briefings to the console channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { evaluateAlerts } from '../../src/insights/alerts/evaluate.ts';
import { asOfNow } from '../../src/insights/health/compute.ts';
import { loadTunables } from '../../src/insights/settings.ts';
import { drainWithRegistry } from '../../src/outbox/drain.ts';
import { clearAllData } from '../../src/store/reset.ts';
import { emptyDb } from '../helpers/db.ts';
import { TEST_TZ } from '../helpers/paths.ts';
import { appOf } from '../insights/helpers.ts';

// A Wednesday morning far from the sample data's dates.
const NOW = new Date('2027-03-17T10:30:00+08:00');
let db: Db;

beforeAll(async () => {
  db = await emptyDb();
  await loadDemo(appOf(db), NOW);
}, 120_000);
afterAll(() => db.close());

describe('loadDemo', () => {
  it('raises every alert rule as of the day it was loaded', async () => {
    const alerts = await evaluateAlerts(db, { at: asOfNow(NOW, TEST_TZ), tunables: await loadTunables(db), lang: 'zh' });
    const rules = new Set(alerts.map((a) => a.rule));
    expect([...rules].sort()).toEqual(['budget_lag', 'complaint_open', 'contract_expiry', 'decision_chain_gap', 'exec_silence', 'health_drop', 'next_step_overdue', 'stalled_opportunity']);
    expect(alerts.length).toBeLessThan(45);
  });

  it('backfills thirteen weeks of health history for every account', async () => {
    const res = await db.query<{ n: number; accounts: number; first: string }>(
      `SELECT count(*)::int AS n, count(DISTINCT account_id)::int AS accounts, min(as_of)::text AS first FROM health_snapshots`,
    );
    expect(res.rows[0].accounts).toBe(32);
    expect(res.rows[0].first <= '2026-12-16').toBe(true);
    expect(res.rows[0].n).toBeGreaterThanOrEqual(32 * 14);
  });

  it('has this week in it: interactions since Monday', async () => {
    const res = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM interactions WHERE occurred_at >= '2027-03-15T00:00:00+08:00'`);
    expect(res.rows[0].n).toBeGreaterThan(3);
  });

  it('records the day\'s alerts and queues this week\'s briefings, which the outbox worker pushes to the console', async () => {
    const app = appOf(db);
    for (let i = 0; i < 5; i++) await drainWithRegistry(app, new Date(NOW.getTime() + i * 61_000));
    const res = await db.query<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM outbox WHERE status = 'sent' AND platform = 'console' GROUP BY kind ORDER BY kind`);
    const byKind = Object.fromEntries(res.rows.map((r) => [r.kind, r.n]));
    expect(byKind.alert).toBeGreaterThan(10);
    expect(byKind.briefing).toBeGreaterThanOrEqual(9);
    const recorded = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts`);
    expect(recorded.rows[0].n).toBeGreaterThan(10);
  });

  it('clearAllData empties every record but keeps the settings', async () => {
    await db.query(`INSERT INTO settings (key, value) VALUES ('exec_silence.days', '21'::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`);
    await clearAllData(db);
    for (const t of ['users', 'accounts', 'interactions', 'alerts', 'outbox', 'health_snapshots', 'chunks']) {
      expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n).toBe(0);
    }
    expect((await db.query(`SELECT 1 FROM settings WHERE key = 'exec_silence.days'`)).rows).toHaveLength(1);
  });
});
