// The insights in chat: health explained, the weekly briefing, alert lists and acknowledgement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { sweepAlerts } from '../../src/insights/alerts/sweep.ts';
import { sampleDb } from '../helpers/db.ts';
import { ask, testApp, everything } from '../conversation/helpers.ts';
import { at } from './helpers.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await sampleDb();
  app = testApp(db);
});
afterAll(() => db.close());

describe('health in chat', () => {
  it('"为什么西山矿业的健康分这么低?" answers with the score and its components', async () => {
    const r = await ask(app, 'u_li', '为什么西山矿业的健康分这么低?');
    expect(r.text).toContain('西山矿业集团');
    expect(r.text).toMatch(/健康分:\d+/);
    for (const part of ['关键层', '普遍层', '组织层', 'RFM', '高层互动近度 25 分', '2026-09-30', '建议分级']) expect(r.text).toContain(part);
    expect((r.data as any).health.layers).toHaveLength(4);
  });
  it('answers in English and keeps other users out', async () => {
    const en = await ask(app, 'u_li', 'Why is the health score of Xishan Mining so low?');
    expect(en.text).toContain('Key layer');
    const other = await ask(app, 'u_zhang', '西山矿业的健康分');
    expect(everything(other)).not.toContain('健康分:');
  });
});

describe('weekly briefing in chat', () => {
  it('"本周简报" gives a salesperson their accounts', async () => {
    const r = await ask(app, 'u_zhang', '本周简报');
    expect(r.text).toContain('本周客户简报');
    expect((r.data as any).accounts.map((a: any) => a.accountId).sort()).toEqual(['A100', 'A101', 'A102', 'A400', 'A600']);
  });
  it('"我团队这周怎么样" gives a manager the whole team with each person\'s activity', async () => {
    const r = await ask(app, 'u_chen', '我团队这周怎么样');
    expect(r.text).toContain('本周团队简报');
    expect((r.data as any).accounts).toHaveLength(8);
    expect((r.data as any).people.length).toBe(4);
  });
  it('"weekly briefing" answers in English', async () => {
    const r = await ask(app, 'u_chen', 'weekly briefing');
    expect(r.text).toContain("Weekly team briefing");
  });
});

describe('alerts in chat', () => {
  it('lists the alerts firing on the user\'s accounts', async () => {
    const r = await ask(app, 'u_zhang', '我有哪些预警?');
    expect((r.data as any).alerts.map((a: any) => `${a.rule}/${a.accountId}`)).toEqual(['decision_chain_gap/A400']);
  });
  it('acknowledges by button and by "收到"', async () => {
    const { alerts } = await sweepAlerts(db, { at: at('2026-11-24T10:00:00'), lang: 'zh' });
    const mine = alerts.filter((a) => a.recipients.includes('u_li'));
    const first = mine[0];
    const button = await ask(app, 'u_li', '', { action: { action: 'alert.ack', value: { alert_id: String(first.id) } } });
    expect((button.data as any).acknowledged).toEqual([first.id]);
    const notMine = await ask(app, 'u_zhang', '', { action: { action: 'alert.ack', value: { alert_id: String(first.id) } } });
    expect(notMine.text).toContain('找不到这条预警');
    const text = await ask(app, 'u_li', '收到');
    expect((text.data as any).acknowledged).toHaveLength(mine.length - 1);
    const again = await ask(app, 'u_li', '收到');
    expect(again.text).toContain('没有需要确认的预警');
  });
});
