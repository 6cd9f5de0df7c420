// "中建华东的决策链完整吗?": the chain's answer says which of the five roles nobody holds, first
// when that is what was asked, after the people otherwise.
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

describe('decision chain coverage', () => {
  it('leads with the roles nobody holds when asked whether the chain is complete', async () => {
    const r = await ask(app, 'u_zhang', '中建华东的决策链完整吗?');
    expect((r.data as { tool: string }).tool).toBe('decision_chain');
    const [first, second] = r.text.split('\n');
    expect(first).toBe('决策链缺少:把关者、使用者(没有这类角色的在职联系人)。');
    expect(second).toBe('关键决策人:刘建国。');
  });

  it('lists the gaps after the people otherwise, and in English', async () => {
    const r = await ask(app, 'u_zhang', '中建华东的关键决策人是谁');
    expect(r.text.split('\n')[0]).toBe('关键决策人:刘建国。');
    expect(r.text).toContain('决策链缺少:把关者、使用者');
    const en = await ask(app, 'u_li', 'Any gaps in the decision chain at Jiangnan Port?');
    expect(en.text.split('\n')[0]).toBe('Missing from the chain: influencer, gatekeeper and user (no active contact in that role).');
  });

  it('says so when every role is covered', async () => {
    await db.query(
      `INSERT INTO contacts (id, account_id, name, title, decision_role, level, attitude, active) VALUES
       ('T900', 'A100', '杨帆', '采购专员', 'gatekeeper', 'staff', 'neutral', true), ('T901', 'A100', '陈晨', '项目经理', 'user', 'manager', 'neutral', true)`,
    );
    const r = await ask(app, 'u_zhang', '中建华东的决策链齐全吗');
    expect(r.text.split('\n')[0]).toBe('决策链五类角色都有人:决策者、影响者、评估者、把关者、使用者。');
  });
});
