// "我10月份拜访了哪些客户", "Which customers did I visit in October?": one person's activity in a
// period lists the accounts it was with, most first — was the account list of the whole book.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { sampleDb } from '../helpers/db.ts';
import { ask, testApp } from './helpers.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await sampleDb();
  app = testApp(db);
});
afterAll(() => db.close());

describe('which accounts someone was in touch with over a period', () => {
  it('lists the accounts with their count and latest date', async () => {
    const r = await ask(app, 'u_li', '我10月份拜访了哪些客户');
    expect(r.data).toMatchObject({ tool: 'team_activity', scope: 'self' });
    const lines = r.text.split('\n');
    expect(lines[0]).toMatch(/^你在 2026-10-01 至 2026-10-31 共记录 3 次互动\(.*\),涉及 3 个客户。$/);
    // Same count: the latest first (江南港务 at 11:00, 西山矿业 at 10:00 the same day).
    expect(lines.slice(1)).toEqual(['• 江南港务集团:1 次,最近 2026-10-20', '• 西山矿业集团:1 次,最近 2026-10-20', '• 蓝海新能源科技有限公司:1 次,最近 2026-10-12']);
    expect(r.citations?.map((c) => c.id)).toEqual(['A300', 'A200', 'A500']);
  });

  it('in English, and not for the accounts nobody was in touch with', async () => {
    const en = await ask(app, 'u_li', 'Which customers did I visit in October?');
    expect(en.data).toMatchObject({ tool: 'team_activity' });
    expect(en.text).toContain('• 蓝海新能源科技有限公司: 1, latest 2026-10-12');
    const not = await ask(app, 'u_li', '有哪些客户上个月没拜访');
    expect(not.data).not.toMatchObject({ tool: 'team_activity' });
  });
});
