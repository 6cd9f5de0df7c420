// Phrasings salespeople use that the offline engine misread: counts over a period, "who should I
// visit", and an aspect particle glued to an unknown name.
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

describe('how many times', () => {
  it('"上个月我们见了几次中建华东" counts last month\'s interactions, not the latest one', async () => {
    const r = await ask(app, 'u_zhang', '上个月我们见了几次中建华东');
    // The sample has two interactions with A100 in October 2026 (2026-10-08 dinner, 2026-10-28 visit).
    expect(r.text.split('\n')[0]).toBe('中建华东工程集团在 2026-10-01 至 2026-10-31 期间的互动记录(2条):');
  });

  it('without a period, the last 90 days; in English too', async () => {
    expect((await ask(app, 'u_zhang', '中建华东最近拜访了几次')).text.split('\n')[0]).toMatch(/^中建华东工程集团在 2026-08-26 至 2026-11-24 期间的互动记录\(\d+条\):$/);
    expect((await ask(app, 'u_li', 'How many times did we meet Xishan Mining last month?')).text.split('\n')[0]).toMatch(/^Interactions with 西山矿业集团 from 2026-10-01 to 2026-10-31 \(\d+\):$/);
  });
});

describe('who to visit', () => {
  for (const text of ['我这周该去拜访谁?', '这周应该重点跟进哪些客户', 'Who should I focus on this week?']) {
    it(`"${text}" ranks the asker's accounts, most at risk first`, async () => {
      // A follow-up context about one account must not narrow it.
      await ask(app, 'u_zhang', '中建华东怎么样', { chatId: `visit-${text}` });
      const r = await ask(app, 'u_zhang', text, { chatId: `visit-${text}` });
      expect(tool(r)).toBe('account_list');
      const scores = [...r.text.matchAll(/(?:健康分|health) (\d+)/g)].map((m) => Number(m[1]));
      expect(scores.length).toBeGreaterThan(2);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
      expect(r.text).not.toContain('西山矿业');
    });
  }
});

describe('unknown names', () => {
  it('"最近谁拜访过江南港务" (not visible): the name without the particle', async () => {
    expect((await ask(app, 'u_zhang', '最近谁拜访过江南港务')).text).toContain('没有找到名为"江南港务"的客户');
  });
});

describe('a note and the next steps', () => {
  it('a next step logged this minute is among the next steps asked for the same minute', async () => {
    const note = await ask(app, 'u_li', '刚和江南港务的冯雪通了电话,正面吊的问题已经解决了,下周五前要给她发维保报价', { chatId: 'steps-now' });
    expect(note.text).toContain('下一步:给她发维保报价(截止 2026-12-04)');
    const r = await ask(app, 'u_li', '江南港务下一步是什么', { chatId: 'steps-now' });
    expect(r.text).toContain('2026-12-04 江南港务集团:给她发维保报价');
  });
});

describe('named periods for contracts', () => {
  it('"哪些客户的合同明年到期" lists contracts ending next year only', async () => {
    const r = await ask(app, 'u_chen', '哪些客户的合同明年到期');
    expect(r.text.split('\n')[0]).toBe('2027年到期的合同有 1 份:');
    expect(r.text).toContain('CT-A300-01');
    expect(r.text).not.toContain('CT-A100-2024'); // ends 2026-12-31
    expect((await ask(app, 'u_chen', 'Which contracts end next year?')).text.split('\n')[0]).toBe('1 contract(s) ending in 2027:');
    // A number of days stays a number of days.
    expect((await ask(app, 'u_chen', '未来60天有哪些合同到期')).text.split('\n')[0]).toBe('未来 60 天内到期的合同有 2 份:');
  });
});

describe('competitors', () => {
  it('are answered from what notes recorded on the account, and say how to record them when none are', async () => {
    const none = await ask(app, 'u_li', '西山矿业的竞争对手有哪些?', { chatId: 'rivals' });
    expect(none.text).toContain('西山矿业集团的拜访记录里还没有提到竞品');
    await ask(app, 'u_li', '今天拜访西山矿业的吴刚,三一和徐工都在报价', { chatId: 'rivals-note' });
    const r = await ask(app, 'u_li', '西山矿业的竞品', { chatId: 'rivals' });
    expect(r.text.split('\n')[0]).toBe('西山矿业集团的拜访记录里提到过的竞品(2 个):');
    expect(r.text).toContain('• 三一:最近 2026-11-24');
    expect((await ask(app, 'u_zhang', '西山矿业的竞争对手有哪些?')).text).not.toContain('三一');
  });

  it('"有没有人提到过三一" searches every visible account, even right after another account was discussed', async () => {
    await ask(app, 'u_li', '江南港务怎么样', { chatId: 'anyone' });
    const r = await ask(app, 'u_li', '有没有人提到过三一', { chatId: 'anyone' });
    expect(r.text.split('\n')[0]).toMatch(/^关于「三一」找到 \d+ 条相关记录:$/);
    expect(r.text).toContain('I010');
  });
});

describe('plans', () => {
  it('"帮我写一份西山矿业的拜访计划" gets the relationship roadmap', async () => {
    expect((await ask(app, 'u_li', '帮我写一份西山矿业的拜访计划')).text.split('\n')[0]).toMatch(/^西山矿业集团 关系优化路线图/);
    expect((await ask(app, 'u_li', '江南港务下一步怎么推进?')).text.split('\n')[0]).toMatch(/^江南港务集团 关系优化路线图/);
  });
});

describe('contacts by attitude, and a named account over a ranking', () => {
  it('"西山矿业谁反对我们" lists the contacts recorded as opponents; supporters and English too', async () => {
    const opp = await ask(app, 'u_li', '西山矿业谁反对我们');
    expect(opp.text.split('\n')[0]).toBe('西山矿业集团态度为「反对」的联系人(1位):');
    expect(opp.text).toContain('吴刚');
    expect(opp.text).not.toContain('钱芳');
    const sup = await ask(app, 'u_li', '西山矿业的联系人里谁是支持我们的');
    expect(sup.text.split('\n')).toHaveLength(2);
    expect(sup.text).toContain('钱芳');
    expect((await ask(app, 'u_li', 'Who opposes us at Xishan Mining?')).text.split('\n')[0]).toBe('Contacts at 西山矿业集团 recorded as opponent (1):');
    // Without an attitude, every contact.
    expect((await ask(app, 'u_li', '西山矿业有哪些联系人')).text.split('\n')[0]).toBe('西山矿业集团的联系人(3位):');
  });

  it('"北方路桥最大的一笔订单" answers with that account\'s orders, not a ranking of the portfolio', async () => {
    const r = await ask(app, 'u_zhang', '北方路桥最大的一笔订单');
    expect(r.text.split('\n')[0]).toMatch(/^北方路桥建设有限公司/);
    expect(r.text).not.toContain('中建华东');
  });
});
