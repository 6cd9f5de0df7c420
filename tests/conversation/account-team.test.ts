// "江南港务的客户经理是谁?": the iron triangle of one account, by role, within visibility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { titleForms } from '../../src/nlu/contacts.ts';
import { sampleDb } from '../helpers/db.ts';
import { ask, testApp } from './helpers.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await sampleDb();
  app = testApp(db);
});
afterAll(() => db.close());

describe('account team questions', () => {
  it('names the role asked about first, then the whole triangle and the owner, citing the account', async () => {
    const r = await ask(app, 'u_li', '江南港务的客户经理是谁?');
    expect(r.text.split('\n')[0]).toBe('江南港务集团的客户经理是李娜。');
    expect(r.text).toContain('• 交付经理(FR):赵敏');
    expect(r.text).toContain('• 解决方案专家(SR):未指定');
    expect(r.text).toContain('铁三角还缺:解决方案专家。');
    expect((r.data as { tool: string }).tool).toBe('account_team');
    expect(r.citations?.map((c) => [c.source, c.id])).toEqual([['account', 'A300']]);
  });

  it('says a role is vacant when nobody holds it', async () => {
    const r = await ask(app, 'u_li', '江南港务的售前是谁');
    expect(r.text.split('\n')[0]).toBe('江南港务集团还没有指定解决方案专家。');
  });

  it('understands other phrasings, English, and a follow-up about the same account', async () => {
    expect((await ask(app, 'u_li', '西山矿业谁负责交付')).text.split('\n')[0]).toBe('西山矿业集团的交付经理是赵敏。');
    expect((await ask(app, 'u_zhang', '中建华东的铁三角')).text).toContain('• 交付经理(FR):赵敏');
    const en = await ask(app, 'u_li', 'Who is the delivery manager of Xishan Mining?', { chatId: 'team-follow' });
    expect(en.text.split('\n')[0]).toBe('The delivery manager of 西山矿业集团 is 赵敏.');
    const next = await ask(app, 'u_li', '那他们的售前是谁?', { chatId: 'team-follow' });
    expect(next.text.split('\n')[0]).toBe('西山矿业集团的解决方案专家是王磊。');
  });

  it('reveals nothing of an account the asker may not see', async () => {
    const r = await ask(app, 'u_zhang', '西山矿业的客户经理是谁?');
    for (const s of ['西山矿业集团', '李娜', 'A200']) expect(r.text).not.toContain(s);
  });

  it('a role scope over the asker\'s accounts stays a list ("我负责交付的客户")', async () => {
    const r = await ask(app, 'u_zhao', '我负责交付的客户有哪些?');
    expect((r.data as { tool: string }).tool).toBe('account_list');
    expect(r.text).toContain('西山矿业集团');
  });
});

describe('surname + title forms', () => {
  it('a role word is not a person (客户经理 is no Mr. Hu), a surname before 经理 is', () => {
    expect(titleForms('江南港务的客户经理是谁')).toEqual([]);
    expect(titleForms('项目经理和交付经理')).toEqual([]);
    expect(titleForms('孙经理的电话').map((f) => f.text)).toEqual(['孙经理']);
    expect(titleForms('客户孙经理').map((f) => f.text)).toEqual(['孙经理']);
  });
});
