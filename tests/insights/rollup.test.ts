// Roll-ups across the customer tree on the sample group 中建华东 (A100 with A101 and A102), with
// figures added to the subsidiaries so every sum below is worked out by hand from the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { rollUp } from '../../src/domain/rollup.ts';
import { healthAsOf } from '../../src/insights/health/compute.ts';
import { buildRoadmap } from '../../src/insights/roadmap/build.ts';
import { roadmapReply } from '../../src/insights/roadmap/render.ts';
import { buildRollup, type GroupRollup } from '../../src/insights/rollup/build.ts';
import { loadTunables } from '../../src/insights/settings.ts';
import { ask, everything, testApp } from '../conversation/helpers.ts';
import { sampleDb } from '../helpers/db.ts';
import { SAMPLE_AT } from '../helpers/paths.ts';
import { at } from './helpers.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await sampleDb();
  app = testApp(db);
  await db.query(`INSERT INTO budgets (account_id, year, amount) VALUES ('A101', 2026, 3000000), ('A102', 2026, 2000000)`);
  await db.query(`INSERT INTO orders (id, account_id, order_date, amount, product) VALUES
    ('O-T-1', 'A101', '2026-08-01', 1500000, '装载机'), ('O-T-2', 'A102', '2026-09-10', 500000, '备件')`);
  await db.query(`INSERT INTO opportunities (id, account_id, name, stage, amount, owner_id, updated_at) VALUES
    ('P-T-1', 'A102', '二公司塔吊更新', 'proposal', 2000000, 'u_zhang', '2026-11-01'), ('P-T-2', 'A101', '已输的单', 'lost', 900000, 'u_zhang', '2026-10-01')`);
  await db.query(`INSERT INTO tickets (id, account_id, kind, severity, opened_at, summary) VALUES ('T-T-1', 'A101', 'repair', 'low', '2026-11-20T09:00:00+08:00', '液压油渗漏')`);
  // Someone on the subsidiaries' team but not the group's: sees A101 and A102 only.
  await db.query(`INSERT INTO users (id, name, role) VALUES ('u_sun', '孙悦', 'sales')`);
  await db.query(`INSERT INTO account_team (account_id, user_id, team_role) VALUES ('A101', 'u_sun', 'AR'), ('A102', 'u_sun', 'AR')`);
});
afterAll(() => db.close());

const unit = (r: GroupRollup, id: string) => r.units.find((u) => u.id === id)!;

async function scores(): Promise<Map<string, number>> {
  const health = await healthAsOf(db, at('2026-11-24T10:00:00'), (await loadTunables(db)).health, { accountIds: ['A100', 'A101', 'A102'] });
  return new Map(health.map((h) => [h.accountId, h.score]));
}

describe('group roll-up', () => {
  it('sums budget, orders, execution, pipeline and tickets over the group, with each unit\'s share', async () => {
    const r = (await buildRollup(db, 'u_zhang', 'A100', SAMPLE_AT, 'Asia/Shanghai'))!;
    expect(r.partial).toBe(false);
    expect(r.units.map((u) => [u.id, u.depth])).toEqual([['A100', 0], ['A101', 1], ['A102', 1]]);
    // Budgets 20,000,000 + 3,000,000 + 2,000,000; 2026 orders 17,000,000 + 1,500,000 + 500,000.
    expect(r.totals.budget).toBe(25000000);
    expect(r.totals.ordered).toBe(19000000);
    expect(r.totals.execution).toBeCloseTo(19 / 25, 10);
    // 2026-11-24: 327 of 365 days gone = 89.6 %; 76 − 89.6 = −13.6 points.
    expect(r.totals.gapPoints).toBe(-13.6);
    // Open pipeline: P100 12,000,000 + P-T-1 2,000,000 (P-T-2 is lost).
    expect(r.totals.pipelineAmount).toBe(14000000);
    expect(r.totals.pipelineCount).toBe(2);
    // Open tickets: T001 (A100) and T-T-1 (A101).
    expect(r.totals.openTickets).toBe(2);
    expect(unit(r, 'A100').shares.budget).toBeCloseTo(0.8, 10);
    expect(unit(r, 'A101').shares.ordered).toBeCloseTo(1.5 / 19, 10);
    expect(unit(r, 'A102').shares.pipeline).toBeCloseTo(2 / 14, 10);
    expect(unit(r, 'A101').openTickets).toBe(1);
  });

  it('weights health by the last twelve months of revenue', async () => {
    const r = (await buildRollup(db, 'u_zhang', 'A100', SAMPLE_AT, 'Asia/Shanghai'))!;
    const s = await scores();
    // Orders since 2025-11-25: A100 8,000,000 + 5,000,000 + 4,000,000; A101 1,500,000; A102 500,000.
    const expected = Math.round(((s.get('A100')! * 17 + s.get('A101')! * 1.5 + s.get('A102')! * 0.5) / 19) * 10) / 10;
    expect(r.totals.healthWeighting).toBe('revenue');
    expect(r.totals.health).toBe(expected);
    expect(unit(r, 'A101').shares.healthWeight).toBeCloseTo(1.5 / 19, 10);
    expect(unit(r, 'A101').health).toBe(s.get('A101'));
  });

  it('answers "中建华东集团整体预算执行" in chat with the totals and the units', async () => {
    const r = await ask(app, 'u_zhang', '中建华东集团整体预算执行');
    expect((r.data as any).tool).toBe('group_rollup');
    expect(r.text).toContain('中建华东工程集团 集团汇总');
    expect(r.text).toContain('1,900万 / 预算 2,500万 = 76%');
    expect(r.text).toContain('在谈商机 2 个,合计 1,400万');
    expect(r.text).toContain('未结工单 2 个');
    expect(r.text).toContain('中建华东第一工程公司:预算 300万(12%),订单 150万(7.9%)');
    expect(r.text).not.toContain('部分视图');
    const sum = await ask(app, 'u_zhang', '中建华东汇总');
    expect((sum.data as any).tool).toBe('group_rollup');
  });

  it('answers "roll-up for Xishan group" in English', async () => {
    const r = await ask(app, 'u_li', 'roll-up for Xishan group');
    expect((r.data as any).tool).toBe('group_rollup');
    expect(r.text).toContain('Group roll-up of 西山矿业集团');
    expect(r.text).toContain('¥6,000,000 of budget ¥15,000,000 = 40%');
    expect(everything(await ask(app, 'u_zhang', 'roll-up for Xishan group'))).not.toContain('15,000,000');
  });

  it('gives someone who sees only the subsidiaries a roll-up of those, marked partial, without naming the group', async () => {
    const r = (await buildRollup(db, 'u_sun', 'A101', SAMPLE_AT, 'Asia/Shanghai'))!;
    expect(r.partial).toBe(true);
    expect(r.hiddenAbove).toBe(true);
    expect(r.units.map((u) => [u.id, u.depth])).toEqual([['A101', 0], ['A102', 0]]);
    expect(r.totals.budget).toBe(5000000);
    expect(r.totals.ordered).toBe(2000000);
    expect(r.totals.execution).toBeCloseTo(0.4, 10);
    expect(r.totals.pipelineAmount).toBe(2000000);
    expect(r.totals.openTickets).toBe(1);
    const chat = await ask(app, 'u_sun', '华东一公司汇总');
    expect(chat.text).toContain('部分视图');
    expect(chat.text).toContain('200万 / 预算 500万 = 40%');
    expect(everything(chat)).not.toContain('中建华东工程集团');
    expect(everything(chat)).not.toContain('A100');
    expect(await buildRollup(db, 'u_sun', 'A100', SAMPLE_AT, 'Asia/Shanghai')).toBeUndefined();
  });
});

describe('the roadmap\'s current state', () => {
  it('carries the group roll-up for a group, and none for a lone account', async () => {
    const r = (await buildRoadmap(app, { userId: 'u_zhang', accountId: 'A100', now: SAMPLE_AT, tz: 'Asia/Shanghai', lang: 'zh', useLlm: false }))!;
    expect(r.state.group?.units.map((u) => u.id)).toEqual(['A100', 'A101', 'A102']);
    expect(r.state.group?.totals).toMatchObject({ budget: 25000000, ordered: 19000000, pipelineAmount: 14000000, openTickets: 2 });
    const text = roadmapReply(r, 'zh').text;
    expect(text).toContain('中建华东工程集团 集团汇总(2026年,3 家单位)');
    expect(text).toContain('1,900万 / 预算 2,500万 = 76%');
    const lone = (await buildRoadmap(app, { userId: 'u_zhang', accountId: 'A400', now: SAMPLE_AT, tz: 'Asia/Shanghai', lang: 'zh', useLlm: false }))!;
    expect(lone.state.group).toBeNull();
  });
});

describe('rollUp (pure)', () => {
  const base = { depth: 0, pipelineAmount: 0, pipelineCount: 0, openTickets: 0 };
  it('leaves orders of units without a budget out of execution and averages health when there was no revenue', () => {
    const r = rollUp(
      [
        { ...base, id: 'a', name: 'a', budget: 1000, ordered: 500, health: 80, revenue12m: 0 },
        { ...base, id: 'b', name: 'b', budget: null, ordered: 300, health: 40, revenue12m: 0 },
        { ...base, id: 'c', name: 'c', budget: null, ordered: 0, health: null, revenue12m: 0 },
      ],
      { year: 2026, yearElapsed: 0.5, partial: false },
    );
    expect(r.totals).toMatchObject({ budget: 1000, budgetedUnits: 1, ordered: 800, orderedAgainstBudget: 500, execution: 0.5, gapPoints: 0, health: 60, healthWeighting: 'equal' });
    expect(r.units.map((u) => u.shares.healthWeight)).toEqual([0.5, 0.5, null]);
    expect(r.units[1].shares.budget).toBeNull();
  });
  it('has no execution and no health when nothing is known', () => {
    const r = rollUp([{ ...base, id: 'a', name: 'a', budget: null, ordered: 0, health: null, revenue12m: 0 }], { year: 2026, yearElapsed: 0.5, partial: true });
    expect(r.totals).toMatchObject({ budget: null, execution: null, gapPoints: null, health: null, healthWeighting: null });
    expect(r.units[0].shares.ordered).toBeNull();
  });
});
