// The weekly briefing on the sample data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { buildBriefing } from '../../src/insights/briefings/build.ts';
import { briefingReply } from '../../src/insights/briefings/render.ts';
import { pushWeeklyBriefings } from '../../src/insights/briefings/push.ts';
import { sampleDb } from '../helpers/db.ts';
import { SAMPLE_AT, TEST_TZ } from '../helpers/paths.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(() => db.close());

const opts = (week: string, now = SAMPLE_AT) => ({ week: new Date(`${week}T12:00:00+08:00`), now, tz: TEST_TZ, lang: 'zh' as const });

describe('team briefing of u_chen, week of 2026-11-24', () => {
  it('covers every team account, ranked by risk, with alerts and what comes due', async () => {
    const b = await buildBriefing(db, { kind: 'team', userId: 'u_chen' }, opts('2026-11-24'));
    expect(b.week).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(b.asOf).toBe('2026-11-24T10:00:00+08:00');
    expect(b.accounts.map((a) => a.accountId).sort()).toEqual(['A100', 'A101', 'A102', 'A200', 'A300', 'A400', 'A500', 'A600']);
    const a300 = b.accounts.find((a) => a.accountId === 'A300')!;
    expect(a300.alerts.map((x) => x.rule).sort()).toEqual(['complaint_open', 'contract_expiry', 'exec_silence']);
    expect(a300.due.map((d) => `${d.date} ${d.text}`)).toEqual(['2026-11-24 安排工程师48小时内到场', '2026-11-30 准备三年期服务合同方案']);
    expect(a300.lastInteraction).toMatchObject({ date: '2026-11-22', byName: '赵敏' });
    // Accounts with alerts come before quiet ones.
    const firstQuiet = b.accounts.findIndex((a) => !a.alerts.length);
    expect(b.accounts.slice(firstQuiet).every((a) => !a.alerts.length)).toBe(true);
    expect(b.people?.map((p) => p.userId)).toEqual(['u_li', 'u_wang', 'u_zhang', 'u_zhao']);
    const text = briefingReply(b, 'zh').text;
    for (const name of ['中建华东工程集团', '西山矿业集团', '江南港务集团', '北方路桥建设有限公司', '蓝海新能源科技有限公司', '兴业建材有限公司']) expect(text).toContain(name);
  });

  it('shows the week’s interactions by whom and with whom (week of 2026-11-17)', async () => {
    const b = await buildBriefing(db, { kind: 'team', userId: 'u_chen' }, opts('2026-11-17'));
    expect(b.asOf).toBe('2026-11-22T23:59:59+08:00');
    const a100 = b.accounts.find((a) => a.accountId === 'A100')!;
    expect(a100.interactions.map((i) => [i.id, i.byName, i.with])).toEqual([['I007', '张伟', ['孙丽']]]);
    expect(a100.pipeline).toEqual([]);
    // P100 was updated on Sunday 2026-11-15: a pipeline change of the week before.
    const before = await buildBriefing(db, { kind: 'team', userId: 'u_chen' }, opts('2026-11-12'));
    expect(before.accounts.find((a) => a.accountId === 'A100')!.pipeline.map((p) => `${p.id} ${p.stage}`)).toEqual(['P100 negotiation']);
    const li = b.people!.find((p) => p.userId === 'u_li')!;
    expect(li).toMatchObject({ interactions: 1, accounts: 1, executiveMeetings: 0 });
    const zhao = b.people!.find((p) => p.userId === 'u_zhao')!;
    expect(zhao).toMatchObject({ interactions: 1, byType: { call: 1 } });
  });

  it("a salesperson's briefing covers only their accounts", async () => {
    const b = await buildBriefing(db, { kind: 'user', userId: 'u_zhang' }, opts('2026-11-24'));
    expect(b.accounts.map((a) => a.accountId).sort()).toEqual(['A100', 'A101', 'A102', 'A400', 'A600']);
    expect(b.people).toBeUndefined();
  });

  it('the Monday push reaches every salesperson and manager once per week', async () => {
    const monday = new Date('2026-11-30T08:30:00+08:00');
    const n = await pushWeeklyBriefings(db, { now: monday, tz: TEST_TZ, lang: 'zh' });
    // u_chen (team), u_zhang, u_li, u_wang, u_zhao; the admin gets none.
    expect(n).toBe(5);
    expect(await pushWeeklyBriefings(db, { now: monday, tz: TEST_TZ, lang: 'zh' })).toBe(0);
    const row = (await db.query<{ payload: any }>(`SELECT payload FROM outbox WHERE recipient_id = 'u_chen' AND kind = 'briefing'`)).rows[0];
    expect(row.payload.reply.data.week).toEqual({ start: '2026-11-23', end: '2026-11-29' });
  });
});
