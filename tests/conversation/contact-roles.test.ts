// "西山矿业的采购主管是谁", "中建华东采购部门的联系人", "who is the chief engineer at …": the
// contacts of one account in a title or department — was a search for a person named 心主任,
// every contact, or the account overview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { rolePhrase } from '../../src/conversation/tools/contact-lookup.ts';
import { sampleDb } from '../helpers/db.ts';
import { ask, testApp } from './helpers.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await sampleDb();
  app = testApp(db);
});
afterAll(() => db.close());

const names = (text: string) => [...text.matchAll(/^• (\S+?)[(( ]/gm)].map((m) => m[1]);

describe('contacts in a role at one account', () => {
  it('reads the role out of the question', () => {
    expect(rolePhrase('的采购中心主任是谁')).toBe('采购中心主任');
    expect(rolePhrase('采购部门的联系人')).toBe('采购');
    expect(rolePhrase('谁是的采购负责人')).toBe('采购');
    expect(rolePhrase('who is the chief engineer at')).toBe('总工');
    expect(rolePhrase('的客户经理是谁')).toBeUndefined();
    expect(rolePhrase('有哪些联系人')).toBeUndefined();
  });

  it('finds the title as asked, else the function, and says the role in the heading', async () => {
    const exact = await ask(app, 'u_li', '西山矿业的采购主管是谁');
    expect((exact.data as { tool: string }).tool).toBe('contact_lookup');
    expect(exact.text.split('\n')[0]).toBe('西山矿业集团职务或部门为「采购主管」的联系人(1位):');
    expect(names(exact.text)).toEqual(['吴刚']);
    const dept = await ask(app, 'u_zhang', '中建华东采购部门的联系人');
    expect(names(dept.text)).toEqual(['周强']);
    const head = await ask(app, 'u_zhang', '谁是中建华东的设备负责人');
    expect(names(head.text)).toEqual(['孙丽']);
  });

  it('in English, and says so when nobody holds the role', async () => {
    const en = await ask(app, 'u_zhang', 'Who is the chief engineer at Beifang Luqiao?');
    expect(names(en.text)).toEqual(['何军']);
    const none = await ask(app, 'u_li', '西山矿业的财务是谁');
    expect(none.text).toBe('西山矿业集团的联系人里没有职务或部门为「财务」的,发"西山矿业集团有哪些联系人"可以看全部。');
  });

  it('leaves our own team roles to the account team', async () => {
    expect((await ask(app, 'u_li', '江南港务的客户经理是谁?')).data).toMatchObject({ tool: 'account_team' });
  });
});
