// The alert rules on the sample data: exactly EXPECTED.md's table, each rule at its boundaries,
// and rules reading live data (a new executive or decision maker clears the alert).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { evaluateAlerts } from '../../src/insights/alerts/evaluate.ts';
import { loadTunables, setTunable, resetTunable } from '../../src/insights/settings.ts';
import { sampleDb } from '../helpers/db.ts';
import { at } from './helpers.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(() => db.close());

async function fired(local: string) {
  const alerts = await evaluateAlerts(db, { at: at(local), tunables: await loadTunables(db), lang: 'zh' });
  return alerts;
}
const pairs = (alerts: Awaited<ReturnType<typeof fired>>, rule?: string) =>
  alerts.filter((a) => !rule || a.rule === rule).map((a) => `${a.rule}/${a.accountId}:${[...a.recipients].sort().join(',')}`).sort();

describe('the sample data at 2026-11-24 10:00', () => {
  it('fires exactly the eight rule/account pairs of EXPECTED.md, to exactly those recipients', async () => {
    const alerts = (await fired('2026-11-24T10:00:00')).filter((a) => a.rule !== 'health_drop');
    expect(pairs(alerts)).toEqual(
      [
        'exec_silence/A200:u_chen,u_li',
        'exec_silence/A300:u_li',
        'contract_expiry/A300:u_chen,u_li',
        'budget_lag/A200:u_li',
        'complaint_open/A300:u_chen,u_li,u_zhao',
        'next_step_overdue/A500:u_li',
        'decision_chain_gap/A400:u_zhang',
        'stalled_opportunity/A200:u_li',
      ].sort(),
    );
  });
  it('names the facts in each message', async () => {
    const alerts = await fired('2026-11-24T10:00:00');
    const msg = (rule: string, acc: string) => alerts.find((a) => a.rule === rule && a.accountId === acc)!.message;
    expect(msg('exec_silence', 'A200')).toContain('55');
    expect(msg('exec_silence', 'A200')).toContain('2026-09-30');
    expect(msg('contract_expiry', 'A300')).toContain('2027-01-10');
    expect(msg('budget_lag', 'A200')).toContain('40%');
    expect(msg('complaint_open', 'A300')).toContain('T004');
    expect(msg('next_step_overdue', 'A500')).toContain('发送储能设备报价');
    expect(msg('stalled_opportunity', 'A200')).toContain('35');
    expect(alerts.every((a) => a.action.length > 0)).toBe(true);
  });
  it('health_drop, if it fires, goes to the AR manager about a real fall', async () => {
    for (const a of (await fired('2026-11-24T10:00:00')).filter((x) => x.rule === 'health_drop')) {
      expect(a.recipients).toEqual(['u_chen']);
      expect(Number(a.facts.drop)).toBeGreaterThanOrEqual(15);
    }
  });
});

describe('rule boundaries on the sample data', () => {
  it('exec_silence: A300 (last executive meeting 2026-10-20 11:00) at 29, 30 and 31 days', async () => {
    expect(pairs(await fired('2026-11-18T12:00:00'), 'exec_silence')).not.toContain('exec_silence/A300:u_li');
    expect(pairs(await fired('2026-11-19T12:00:00'), 'exec_silence')).toContain('exec_silence/A300:u_li');
    expect(pairs(await fired('2026-11-20T12:00:00'), 'exec_silence')).toContain('exec_silence/A300:u_li');
  });
  it('exec_silence: A200 (last 2026-09-30) reaches the manager at 45 days', async () => {
    expect(pairs(await fired('2026-11-13T12:00:00'), 'exec_silence')).toContain('exec_silence/A200:u_li');
    expect(pairs(await fired('2026-11-14T12:00:00'), 'exec_silence')).toContain('exec_silence/A200:u_chen,u_li');
  });
  it('next_step_overdue: I015 due 2026-11-24 is not overdue that day, is the day after', async () => {
    expect(pairs(await fired('2026-11-24T23:00:00'), 'next_step_overdue')).toEqual(['next_step_overdue/A500:u_li']);
    expect(pairs(await fired('2026-11-25T09:00:00'), 'next_step_overdue')).toEqual(['next_step_overdue/A300:u_zhao', 'next_step_overdue/A500:u_li']);
  });
  it('complaint_open: T004 (high) at 24 h; T001 (medium) not at 24 h, at 48 h', async () => {
    expect(pairs(await fired('2026-11-23T08:59:00'), 'complaint_open')).toEqual([]);
    expect(pairs(await fired('2026-11-23T09:00:00'), 'complaint_open')).toEqual(['complaint_open/A300:u_chen,u_li,u_zhao']);
    expect(pairs(await fired('2026-11-24T08:00:00'), 'complaint_open')).not.toContain('complaint_open/A100:u_chen,u_zhang,u_zhao');
    expect(pairs(await fired('2026-11-25T08:00:00'), 'complaint_open')).toContain('complaint_open/A100:u_chen,u_zhang,u_zhao');
  });
  it('stalled_opportunity: P200 (updated 2026-10-20) at 20, 21 and 22 days', async () => {
    expect(pairs(await fired('2026-11-09T10:00:00'), 'stalled_opportunity')).toEqual([]);
    expect(pairs(await fired('2026-11-10T10:00:00'), 'stalled_opportunity')).toEqual(['stalled_opportunity/A200:u_li']);
    expect(pairs(await fired('2026-11-11T10:00:00'), 'stalled_opportunity')).toEqual(['stalled_opportunity/A200:u_li']);
  });
  it('a changed threshold applies without code: exec_silence.days 60 silences A300', async () => {
    await setTunable(db, 'exec_silence.days', '60', new Date());
    try {
      expect(pairs(await fired('2026-11-24T10:00:00'), 'exec_silence')).toEqual([]);
    } finally {
      await resetTunable(db, 'exec_silence.days');
    }
  });
});

describe('rules read live data', () => {
  it('an interaction with a (new) executive clears exec_silence; a met decision maker clears decision_chain_gap', async () => {
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO contacts (id, account_id, name, title, decision_role, level, source) VALUES ('C4002', 'A400', '高远', '总经理', 'decision_maker', 'executive', 'chat')`);
      await tx.query(
        `INSERT INTO interactions (id, account_id, user_id, occurred_at, type, contact_ids, summary, source)
         VALUES ('X1', 'A400', 'u_zhang', '2026-11-24T15:00:00+08:00', 'visit', '{C4001,C4002}', '拜访', 'chat'),
                ('X2', 'A300', 'u_li', '2026-11-24T15:00:00+08:00', 'visit', '{C3001}', '拜访郑总', 'chat')`,
      );
    });
    const after = await fired('2026-11-24T18:00:00');
    expect(pairs(after, 'decision_chain_gap')).toEqual([]);
    expect(pairs(after, 'exec_silence')).toEqual(['exec_silence/A200:u_chen,u_li']);
    await db.query(`DELETE FROM interactions WHERE id IN ('X1', 'X2')`);
    await db.query(`DELETE FROM contacts WHERE id = 'C4002'`);
  });
});
