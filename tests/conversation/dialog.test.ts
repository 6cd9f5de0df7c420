// Follow-ups that refer to the previous account, asking back when an account is ambiguous (with
// buttons), answering the choice, and the 30-minute expiry of chat context.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { CHOOSE_ACCOUNT } from '../../src/conversation/clarify.ts';
import { sampleDb } from '../helpers/db.ts';
import { SAMPLE_AT } from '../helpers/paths.ts';
import { ask, everything, testApp } from './helpers.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await sampleDb();
  app = testApp(db);
  // A second "西山" account on u_li's team makes "西山" ambiguous for u_li (and only for u_li).
  await db.query(`INSERT INTO accounts (id, name, aliases, tier, owner_id) VALUES ('A700', '西山水泥有限公司', '{西山水泥}', 'B', 'u_li')`);
  await db.query(`INSERT INTO account_team (account_id, user_id, team_role) VALUES ('A700', 'u_li', 'AR')`);
  await db.query(`INSERT INTO contracts (id, account_id, kind, end_date, amount) VALUES ('CT-A700-01', 'A700', 'purchase', '2027-03-31', 2000000)`);
});
afterAll(() => db.close());

const minutes = (n: number) => new Date(SAMPLE_AT.getTime() + n * 60000);

describe('follow-ups use the last account of the chat', () => {
  it('"那他们的工单呢?" after a question about 江南港务', async () => {
    await ask(app, 'u_li', '江南港务的合同什么时候到期?', { chatId: 'f1' });
    const r = await ask(app, 'u_li', '那他们的工单呢?', { chatId: 'f1', at: minutes(2) });
    expect(r.text).toContain('江南港务集团');
    expect(r.text).toContain('T004');
  });

  it('"and their contracts?" after an English question', async () => {
    await ask(app, 'u_li', 'Tell me about Jiangnan Port', { chatId: 'f2' });
    const r = await ask(app, 'u_li', 'and their contracts?', { chatId: 'f2', at: minutes(1) });
    expect(r.lang).toBe('en');
    expect(r.text).toContain('CT-A300-01');
  });

  it('"那他们的合同呢?" follows the last account, not an earlier one', async () => {
    await ask(app, 'u_zhang', '中建华东的关键决策人是谁?', { chatId: 'f3' });
    await ask(app, 'u_zhang', '北方路桥的决策人是谁?', { chatId: 'f3', at: minutes(1) });
    const r = await ask(app, 'u_zhang', '那他们的合同呢?', { chatId: 'f3', at: minutes(2) });
    expect(r.text).toContain('CT-A400-01');
    expect(r.text).not.toContain('CT-A100-2024');
  });

  it('forgets the account after 30 minutes and asks which one', async () => {
    await ask(app, 'u_li', '江南港务的合同什么时候到期?', { chatId: 'f4' });
    const r = await ask(app, 'u_li', '那他们的工单呢?', { chatId: 'f4', at: minutes(31) });
    expect(r.text).not.toContain('T004');
    expect((r.data as any).problem).toBe('account_missing');
    expect(r.text).toContain('哪个客户');
  });

  it('keeps context per chat and per user', async () => {
    await ask(app, 'u_li', '江南港务的合同什么时候到期?', { chatId: 'f5' });
    const other = await ask(app, 'u_li', '那他们的工单呢?', { chatId: 'f6', at: minutes(1) });
    expect(other.text).not.toContain('T004');
  });

  it('"他们的预算执行呢" works without 那', async () => {
    await ask(app, 'u_li', 'Xishan Mining contracts', { chatId: 'f7' });
    const r = await ask(app, 'u_li', '他们今年的预算执行呢?', { chatId: 'f7', at: minutes(1) });
    expect(r.text).toContain('40%');
  });
});

describe('ambiguous accounts are asked back with buttons', () => {
  it('asks which 西山 with one button per candidate, then answers the chosen one (button)', async () => {
    const q = await ask(app, 'u_li', '西山的合同什么时候到期?', { chatId: 'd1' });
    expect((q.data as any).problem).toBe('ambiguous_account');
    expect(q.buttons?.map((b) => b.label).sort()).toEqual(['西山水泥有限公司', '西山矿业集团']);
    expect(q.buttons?.every((b) => b.action === CHOOSE_ACCOUNT)).toBe(true);
    const cement = q.buttons!.find((b) => b.label === '西山水泥有限公司')!;
    const r = await ask(app, 'u_li', '', { chatId: 'd1', at: minutes(1), action: { action: cement.action, value: cement.value } });
    expect(r.text).toContain('CT-A700-01');
    expect(r.text).toContain('2027-03-31');
  });

  it('takes a typed choice: a number or the name', async () => {
    const q = await ask(app, 'u_li', '西山有哪些未解决的工单?', { chatId: 'd2' });
    const order = q.buttons!.map((b) => b.label);
    const r = await ask(app, 'u_li', String(order.indexOf('西山矿业集团') + 1), { chatId: 'd2', at: minutes(1) });
    expect(r.text).toContain('T003');
    const q2 = await ask(app, 'u_li', 'Xishan contracts', { chatId: 'd3' });
    expect(q2.lang).toBe('en');
    expect((q2.data as any).problem).toBe('ambiguous_account');
    const r2 = await ask(app, 'u_li', '西山矿业', { chatId: 'd3', at: minutes(1) });
    expect(r2.text).toContain('CT-A200-SA');
  });

  it('a new question instead of a choice is answered as a new question', async () => {
    await ask(app, 'u_li', '西山的合同什么时候到期?', { chatId: 'd4' });
    const r = await ask(app, 'u_li', '江南港务有哪些未解决的工单?', { chatId: 'd4', at: minutes(1) });
    expect(r.text).toContain('T004');
  });

  it('never offers an account the user may not see', async () => {
    const r = await ask(app, 'u_zhang', '西山的合同什么时候到期?', { chatId: 'd5' });
    expect(everything(r)).not.toContain('西山矿业集团');
    expect(everything(r)).not.toContain('西山水泥有限公司');
    expect((r.data as any).problem).toBe('account_not_found');
  });

  it('a button pressed after the context expired still answers for the chosen account', async () => {
    const r = await ask(app, 'u_li', '', { chatId: 'd6', action: { action: CHOOSE_ACCOUNT, value: { accountId: 'A300' } } });
    expect(r.text).toContain('江南港务集团');
  });

  it('a forged button for an invisible account reveals nothing', async () => {
    const r = await ask(app, 'u_zhang', '', { chatId: 'd7', action: { action: CHOOSE_ACCOUNT, value: { accountId: 'A200' } } });
    expect(everything(r)).not.toContain('西山矿业');
    expect(everything(r)).not.toContain('A200');
  });
});

describe('questions that need an account but name none', () => {
  it('offers the user\'s accounts as buttons', async () => {
    const r = await ask(app, 'u_li', '合同什么时候到期?', { chatId: 'n1' });
    // Without an account, contracts lists those ending soon.
    expect(r.text).toContain('CT-A300-01');
    const q = await ask(app, 'u_li', '关键决策人是谁?', { chatId: 'n2' });
    expect((q.data as any).problem).toBe('account_missing');
    expect(q.buttons?.map((b) => b.label)).toContain('江南港务集团');
    const jn = q.buttons!.find((b) => b.label === '江南港务集团')!;
    const r2 = await ask(app, 'u_li', '', { chatId: 'n2', at: minutes(1), action: { action: jn.action, value: jn.value } });
    expect(r2.text).toContain('郑涛');
  });
});

describe('questions about the whole book ignore the last account', () => {
  it('"我的商机有哪些?" after a question about one account lists all of them', async () => {
    await ask(app, 'u_li', '江南港务的合同什么时候到期?', { chatId: 'b1' });
    const r = await ask(app, 'u_li', '我的商机有哪些?', { chatId: 'b1', at: minutes(1) });
    expect(r.text).toContain('P200');
    expect(r.text).toContain('P500');
  });
  it('"all open tickets" after a question about one account', async () => {
    await ask(app, 'u_li', 'Jiangnan Port contracts', { chatId: 'b2' });
    const r = await ask(app, 'u_li', 'all open tickets', { chatId: 'b2', at: minutes(1) });
    expect(r.text).toContain('T003');
    expect(r.text).toContain('T004');
  });
});
