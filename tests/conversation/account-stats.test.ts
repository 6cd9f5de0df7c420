// "S级客户的健康分平均多少", "我的客户平均健康分是多少", "what is the average health score of my A-tier
// accounts": one figure averaged or added up over a group of accounts, within the asker's visibility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { sampleDb } from '../helpers/db.ts';
import { ask, everything, testApp } from './helpers.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await sampleDb();
  app = testApp(db);
});
afterAll(() => db.close());
const tool = (r: { data?: unknown }) => (r.data as { tool?: string } | undefined)?.tool;
const data = (r: { data?: unknown }) => r.data as { accounts: number; average?: number; sum?: number; values: { account: { id: string }; value: number }[]; missing: { id: string }[] };

// Sample (asked 2026-11-24): budgets 2026 A100 20,000,000, A200 15,000,000, A300 8,000,000,
// A400 5,000,000; 2026 orders A100 17,000,000, A200 6,000,000, A300 6,800,000, A400 4,900,000.
describe('averages and totals over accounts', () => {
  it('health over a tier, with the count and each account', async () => {
    const r = await ask(app, 'u_chen', 'S级客户的健康分平均多少');
    expect(tool(r)).toBe('account_stats');
    const d = data(r);
    expect(d.values.map((v) => v.account.id).sort()).toEqual(['A100', 'A200']);
    expect(d.average).toBeCloseTo((d.values[0].value + d.values[1].value) / 2, 6);
    expect(r.text.split('\n')[0]).toBe(`你可见的S级客户的平均健康分是 ${Math.round(d.average! * 10) / 10}(共 2 个客户)。`);
    expect(r.citations?.map((c) => c.id).sort()).toEqual(['A100', 'A200']);
  });

  it('"my accounts" are the asker\'s own; in English with a tier', async () => {
    const mine = data(await ask(app, 'u_zhang', '我的客户平均健康分是多少'));
    expect(mine.values.map((v) => v.account.id).sort()).toEqual(['A100', 'A101', 'A102', 'A400', 'A600']);
    const en = await ask(app, 'u_zhang', 'what is the average health score of my A-tier accounts');
    expect(tool(en)).toBe('account_stats');
    expect(data(en).values.map((v) => v.account.id)).toEqual(['A400']);
    expect(en.text.split('\n')[0]).toMatch(/^The average health score of your tier A accounts is \d+(\.\d)? \(over 1 account\(s\)\)\.$/);
  });

  it('budgets: the average over the accounts that have one, naming those that do not', async () => {
    const r = await ask(app, 'u_chen', '李娜的客户平均预算是多少');
    expect(r.text.split('\n')).toEqual([
      '李娜负责的客户2026年的平均预算是 1,150万(共 2 个客户,合计 2,300万)。',
      '• 西山矿业集团 1,500万',
      '• 江南港务集团 800万',
      '1 个客户没有预算数据,未计入:蓝海新能源科技有限公司',
    ]);
  });

  it('budget execution: per account and overall', async () => {
    const r = await ask(app, 'u_chen', 'S级客户平均预算执行率');
    expect(r.text.split('\n')).toEqual([
      '你可见的S级客户2026年的平均预算执行率是 62.5%(共 2 个客户)。',
      '合计:已下单 2,300万 / 预算 3,500万,整体执行率 65.7%(时间进度 89.6%)。',
      '• 中建华东工程集团 85%',
      '• 西山矿业集团 40%',
    ]);
  });

  it('a total of orders this year', async () => {
    const r = await ask(app, 'u_zhang', '我的客户今年订单合计多少');
    expect(r.text.split('\n')[0]).toBe('你负责的客户2026年(截至 2026-11-24)的订单金额合计 2,190万(共 5 个客户,平均每个 438万)。');
  });

  it('a figure nobody in the group has is said so; a figure not held is named', async () => {
    expect((await ask(app, 'u_chen', 'C级客户的平均预算')).text).toBe('你可见的C级客户2026年都没有预算数据(1 个客户),无法计算平均值。');
    expect((await ask(app, 'u_chen', 'average budget of tier C accounts')).text).toBe('None of the tier C accounts you can see (1) has budget data in 2026, so there is no average to give.');
    expect((await ask(app, 'u_chen', '我的客户平均员工数')).text).toMatch(/^我没能认出要算哪个指标。能按客户求平均或合计的有:健康分、订单金额/);
  });

  it('only what the asker may see', async () => {
    const r = await ask(app, 'u_zhang', 'S级客户的健康分平均多少');
    expect(data(r).values.map((v) => v.account.id)).toEqual(['A100']);
    expect(everything(r)).not.toContain('西山矿业');
  });

  it('counts, one account, and activity are still answered by their tools', async () => {
    expect(tool(await ask(app, 'u_chen', '团队一共有多少个客户'))).toBe('account_list');
    expect(tool(await ask(app, 'u_zhang', '中建华东今年订单合计多少'))).not.toBe('account_stats');
    expect(tool(await ask(app, 'u_chen', '团队上个月有多少次互动'))).toBe('team_activity');
    expect(tool(await ask(app, 'u_chen', '团队这个月平均每人拜访几次'))).toBe('team_activity');
  });
});
