// "明天去见西山矿业的马振华,需要注意什么?": a brief before a visit — standing, the person (role,
// attitude, what was said last time), recent contact, what is in progress, the gaps to mind.
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

const tool = (r: { data?: unknown }) => (r.data as { tool?: string } | undefined)?.tool;

describe('visit preparation', () => {
  it('briefs on the person to be met, with what was said last time, and cites it', async () => {
    const r = await ask(app, 'u_li', '明天去见西山矿业的马振华,需要注意什么?');
    expect(tool(r)).toBe('visit_prep');
    const lines = r.text.split('\n');
    expect(lines[0]).toBe('拜访准备:西山矿业集团');
    expect(lines[2]).toBe('对象:马振华(总经理),决策者,高层,态度中立');
    expect(lines[3]).toMatch(/^上次接触 2026-09-30\(\d+天前\):电话沟通马总，马总提到竞争对手三一给出更低报价/);
    expect(r.text).toContain('• 商机「矿用挖掘机更新项目」方案阶段,850万,预计 2027-01-31 成交');
    expect(r.text).toContain('需要注意:');
    // The open complaint and the executive silence are the first things to mind.
    expect(r.text).toMatch(/需要注意:\n• 未关闭报修工单 T003\(高\):矿用自卸车发动机故障/);
    expect(r.text).toMatch(/• 高层沉默 \d+ 天:上次高层互动是 2026-09-30,与马振华/);
    expect(r.citations?.[0]).toMatchObject({ source: 'interaction', id: 'I010' });
  });

  it('works without a person, and in English', async () => {
    const zh = await ask(app, 'u_li', '帮我准备一下明天拜访西山矿业的要点');
    expect(tool(zh)).toBe('visit_prep');
    expect(zh.text).not.toContain('对象:');
    expect(zh.text).toContain('最近沟通:\n• 2026-11-18 即时消息(钱芳):微信沟通钱芳处长');
    const en = await ask(app, 'u_li', 'Prepare me for my visit to Xishan Mining tomorrow');
    expect(tool(en)).toBe('visit_prep');
    expect(en.text.split('\n')[0]).toBe('Visit preparation: 西山矿业集团');
    expect(en.text).toContain('Watch out for:');
  });

  it('leaves other questions to their tools', async () => {
    expect(tool(await ask(app, 'u_li', '给西山矿业生成关系优化路线图'))).not.toBe('visit_prep');
    expect(tool(await ask(app, 'u_li', '有哪些客户需要注意'))).not.toBe('visit_prep');
    expect(tool(await ask(app, 'u_li', '西山矿业最近一次拜访是什么时候'))).toBe('last_interaction');
  });

  it('never shows an account the asker may not see', async () => {
    const r = await ask(app, 'u_zhang', '明天拜访西山矿业要准备什么');
    expect(tool(r)).not.toBe('visit_prep');
    expect(r.text).not.toContain('马振华');
  });
});
