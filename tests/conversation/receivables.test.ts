// "中建华东的回款情况", "has X paid": payments are not in the CRM data the assistant holds; the answer
// says so and offers the account's contracts and orders instead, never an overview or a guess.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { FORMATS } from '../../src/domain/csv-format.ts';
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

describe('receivables', () => {
  it('the import format carries no payment data (else answer from it)', () => {
    const columns = FORMATS.flatMap((f) => f.columns.map((c) => `${f.file}:${c.name}`));
    expect(columns.filter((c) => /pay|paid|receiv|invoice|collect|balance|回款/.test(c))).toEqual([]);
  });

  it('says the data is not held, then gives the contracts and last year\'s orders it has', async () => {
    const r = await ask(app, 'u_zhang', '中建华东的回款情况');
    expect(tool(r)).toBe('receivables');
    const lines = r.text.split('\n');
    expect(lines[0]).toContain('我这里没有回款和应收账款的数据');
    expect(lines[0]).toContain('中建华东工程集团');
    // Sample: CT-A100-2024 framework, 30,000,000, active; orders 2025-11-24..2026-11-24: O-2026-001..003 = 17,000,000.
    expect(lines).toContain('• 生效中的合同 1 份,合计 3,000万');
    expect(lines).toContain('  · CT-A100-2024 框架协议,2026-12-31 到期,3,000万');
    expect(lines).toContain('• 近一年(2025-11-24 至 2026-11-24)订单 3 笔,合计 1,700万;最近一次 2026-10-15 备件及服务包 400万');
    expect(r.citations?.map((c) => c.id)).toContain('CT-A100-2024');
    expect(r.text).not.toContain('概况');
  });

  for (const [user, q] of [
    ['u_zhang', 'has 中建华东 paid'],
    ['u_zhang', 'Has Zhongjian Huadong paid yet?'],
    ['u_li', 'any overdue invoices at Jiangnan Port?'],
    ['u_li', 'Jiangnan Port receivables'],
  ] as const) {
    it(`"${q}" in English`, async () => {
      const r = await ask(app, user, q);
      expect(tool(r)).toBe('receivables');
      expect(r.text).toMatch(/^I hold no payment or receivables data/);
      expect(r.text).toMatch(/active contract\(s\), ¥\d/);
    });
  }

  for (const [user, q] of [
    ['u_li', '江南港务付款了吗'],
    ['u_li', '西山矿业还欠我们多少钱'],
    ['u_zhang', '兴业建材的尾款结清了吗'],
    ['u_li', '应收账款'],
  ] as const) {
    it(`"${q}"`, async () => {
      const r = await ask(app, user, q);
      expect(tool(r)).toBe('receivables');
      expect(r.text).toMatch(/^我这里没有回款和应收账款的数据/);
    });
  }

  it('an amount never recorded is said so, not summed as zero', async () => {
    // CT-A200-SA (the strategic agreement of A200) has no amount.
    const r = await ask(app, 'u_li', '西山矿业的回款');
    expect(r.text).toContain('• 生效中的合同 1 份,金额未登记');
    expect(r.text).not.toContain('¥0');
  });

  it('a follow-up asks about the account talked about; without any, the general answer', async () => {
    await ask(app, 'u_zhang', '中建华东怎么样', { chatId: 'recv-follow' });
    expect((await ask(app, 'u_zhang', '那回款呢', { chatId: 'recv-follow' })).text).toContain('CT-A100-2024');
    const general = await ask(app, 'u_li', '应收账款');
    expect(general.text.split('\n')[1]).toContain('说出客户名称');
  });

  it('what was said about payments stays a search of the history', async () => {
    expect(tool(await ask(app, 'u_zhang', '中建华东提到过付款周期吗'))).toBe('search_history');
    expect(tool(await ask(app, 'u_zhang', 'When did we last discuss installment payments?'))).toBe('search_history');
  });

  it('an account the asker may not see does not exist', async () => {
    const r = await ask(app, 'u_zhang', '西山矿业的回款');
    expect(everything(r)).not.toContain('CT-A200-SA');
    expect(r.text).toContain('没有找到名为"西山矿业"的客户');
  });
});
