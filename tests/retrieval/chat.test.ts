// The search_history and roadmap tools through the real turn loop (offline engine), in Chinese and
// English, and what a user outside the account's team gets: nothing of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { ask, everything, testApp } from '../conversation/helpers.ts';
import { sampleDb } from '../helpers/db.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await sampleDb();
  app = testApp(db);
});
afterAll(async () => {
  await db.close();
});

describe('search_history in chat', () => {
  it('answers when 西山矿业 last talked about the engine, citing T003 with its date', async () => {
    const r = await ask(app, 'u_li', '上次和西山矿业谈到发动机问题是什么时候?');
    expect(r.text.split('\n')[0]).toBe('上次谈到「发动机」是 2026-11-20(4天前),西山矿业集团 工单 T003:');
    // A ticket's who is its account's owner (李娜 for 西山矿业).
    expect(r.citations).toEqual([{ source: 'ticket', id: 'T003', date: '2026-11-20', accountId: 'A200', author: '李娜', snippet: '报修工单(高):矿用自卸车发动机故障' }]);
  });

  it('reveals nothing of 西山矿业 to a user outside its team', async () => {
    const r = everything(await ask(app, 'u_zhang', '上次和西山矿业谈到发动机问题是什么时候?'));
    for (const s of ['西山矿业集团', 'T003', 'A200', '自卸车', '2026-11-20']) expect(r).not.toContain(s);
  });

  it('finds both records of the crane alarm when asked whether 江南港务 mentioned it', async () => {
    const r = await ask(app, 'u_li', '江南港务有没有提到过正面吊报警?');
    expect(r.citations!.map((c) => c.id).sort()).toEqual(['I015', 'T004']);
    expect(r.text).toContain('「正面吊报警」');
  });

  it('answers in English from Chinese notes', async () => {
    const r = await ask(app, 'u_li', 'When did Xishan Mining mention the engine breakdown?');
    expect(r.text).toContain('The last mention of "engine breakdown" was on 2026-11-20');
    expect(r.citations!.map((c) => c.id)).toEqual(['T003']);
  });

  it('says so when nothing matches', async () => {
    const r = await ask(app, 'u_li', 'what did 江南港务 say about pricing?');
    expect(r.text).toBe('I found nothing about "pricing" in 江南港务集团\'s records.');
    expect(r.citations ?? []).toEqual([]);
  });

  it('does not invent an account it does not know', async () => {
    const r = await ask(app, 'u_li', '康宁体检上次拜访谈了什么?');
    expect(r.text).toContain('康宁体检');
    expect(r.citations ?? []).toEqual([]);
  });
});

describe('roadmap in chat', () => {
  it('builds the roadmap of 中建华东 in Chinese', async () => {
    const r = await ask(app, 'u_zhang', '给中建华东生成关系优化路线图');
    expect(r.text.split('\n')[0]).toBe('中建华东工程集团 关系优化路线图(2026-11-24)');
    expect((r.data as { tool: string; account: { id: string } }).account.id).toBe('A100');
    expect(r.citations!.map((c) => c.id)).toEqual(expect.arrayContaining(['T001', 'CT-A100-2024', 'P100']));
  });

  it('builds the roadmap of Xishan Mining in English, and nothing for an outsider', async () => {
    const r = await ask(app, 'u_li', 'relationship roadmap for Xishan Mining');
    expect(r.text.split('\n')[0]).toBe('Relationship roadmap for 西山矿业集团 (2026-11-24)');
    expect(r.text).toContain('Executive silence for 55 days');
    const hidden = everything(await ask(app, 'u_zhang', 'relationship roadmap for Xishan Mining'));
    for (const s of ['西山矿业集团', 'A200', 'P200', '马振华']) expect(hidden).not.toContain(s);
  });
});
