// Recording and pushing: the same alert is never pushed twice; escalation goes one level up once;
// acknowledgement stops it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { sweepAlerts } from '../../src/insights/alerts/sweep.ts';
import { escalateAlerts } from '../../src/insights/alerts/escalate.ts';
import { acknowledgeAlert, acknowledgeRecent } from '../../src/insights/alerts/acknowledge.ts';
import { loadTunables } from '../../src/insights/settings.ts';
import { sampleDb } from '../helpers/db.ts';
import { TEST_TZ } from '../helpers/paths.ts';
import { at } from './helpers.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(() => db.close());

const count = async (sql: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`)).rows[0].n;

describe('sweepAlerts', () => {
  it('dry run records nothing', async () => {
    const r = await sweepAlerts(db, { at: at('2026-11-24T10:00:00'), lang: 'zh', dryRun: true });
    expect(r.alerts.length).toBeGreaterThanOrEqual(8);
    expect(await count('alerts')).toBe(0);
    expect(await count('outbox')).toBe(0);
  });

  it('records each alert once with one outbox row per recipient; a second run adds nothing', async () => {
    const first = await sweepAlerts(db, { at: at('2026-11-24T10:00:00'), lang: 'zh' });
    const rows = first.alerts.reduce((n, a) => n + a.recipients.length, 0);
    expect(await count('alerts')).toBe(first.alerts.length);
    expect(await count(`outbox WHERE kind = 'alert'`)).toBe(rows);
    const second = await sweepAlerts(db, { at: at('2026-11-24T10:00:00'), lang: 'zh' });
    expect(second.alerts).toEqual([]);
    // Later the same day nothing new fires either: same keys.
    const later = await sweepAlerts(db, { at: at('2026-11-24T17:00:00'), lang: 'zh' });
    expect(later.alerts).toEqual([]);
    expect(await count('alerts')).toBe(first.alerts.length);
    expect(await count('outbox')).toBe(rows);
  });

  it('a new occurrence is a new alert: A300 exec_silence reaching 45 days goes to AR and manager', async () => {
    const r = await sweepAlerts(db, { at: at('2026-12-04T10:00:00'), lang: 'zh' });
    const a300 = r.alerts.find((a) => a.rule === 'exec_silence' && a.accountId === 'A300');
    expect(a300?.recipients.sort()).toEqual(['u_chen', 'u_li']);
  });
});

describe('escalation and acknowledgement', () => {
  it('escalates an unacknowledged complaint one level above its highest recipient, once, after the delay', async () => {
    await db.query(`INSERT INTO users (id, name, role) VALUES ('u_vp', 'VP', 'manager')`);
    await db.query(`UPDATE users SET manager_id = 'u_vp' WHERE id = 'u_chen'`);
    const tunables = await loadTunables(db);
    const opts = (local: string) => ({ now: new Date(`${local}+08:00`), pushAt: new Date(`${local}+08:00`), tunables, lang: 'zh' as const, tz: TEST_TZ });
    // complaint_open fired 2026-11-24 10:00; the default delay is 24 h.
    expect((await escalateAlerts(db, opts('2026-11-25T09:59:00'))).filter((e) => e.rule === 'complaint_open')).toEqual([]);
    const esc = (await escalateAlerts(db, opts('2026-11-25T10:00:00'))).filter((e) => e.rule === 'complaint_open');
    expect(esc.map((e) => [e.accountId, e.to])).toEqual([['A300', 'u_vp']]);
    expect(await count(`outbox WHERE kind = 'escalation' AND recipient_id = 'u_vp'`)).toBe(1);
    expect((await escalateAlerts(db, opts('2026-11-26T10:00:00'))).filter((e) => e.rule === 'complaint_open')).toEqual([]);
  });

  it('does not escalate an acknowledged alert, nor one whose cause is gone', async () => {
    const tunables = await loadTunables(db);
    const id = (await db.query<{ id: number }>(`SELECT id FROM alerts WHERE rule = 'exec_silence' AND account_id = 'A300' AND period = 'ar'`)).rows[0].id;
    const acked = await acknowledgeAlert(db, id, 'u_li', new Date('2026-11-24T11:00:00+08:00'));
    expect(acked.map((a) => a.id)).toEqual([id]);
    // Not a recipient: refused.
    expect(await acknowledgeAlert(db, id, 'u_zhang', new Date())).toEqual([]);
    const now = new Date('2026-11-28T10:00:00+08:00');
    const esc = await escalateAlerts(db, { now, pushAt: now, tunables, lang: 'zh', tz: TEST_TZ });
    expect(esc.find((e) => e.alertId === id)).toBeUndefined();
  });

  it('"收到" acknowledges what was recently sent to the user', async () => {
    const acked = await acknowledgeRecent(db, 'u_zhang', new Date('2026-11-24T12:00:00+08:00'));
    expect(acked.map((a) => `${a.rule}/${a.accountId}`)).toEqual(['decision_chain_gap/A400']);
    expect(await acknowledgeRecent(db, 'u_zhang', new Date('2026-11-24T12:00:00+08:00'))).toEqual([]);
  });
});
