// Example questions (help, small talk) name the asker's own accounts and contacts, never the
// sample's or accounts they may not see, and every example offered is one the engine answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { visibleAccountNames } from '../../src/store/accounts.ts';
import { sampleDb } from '../helpers/db.ts';
import { ask, testApp } from './helpers.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await sampleDb();
  app = testApp(db);
  await db.query(`INSERT INTO users (id, name, role) VALUES ('u_newcomer', '新同事', 'sales')`);
});
afterAll(() => db.close());

const bullets = (text: string) => text.split('\n').filter((l) => l.startsWith('• ')).map((l) => l.slice(2));

async function namesOf(userId: string) {
  const all = (await db.query<{ id: string; name: string; aliases: string[] }>('SELECT id, name, aliases FROM accounts')).rows;
  const visible = new Set((await visibleAccountNames(db, userId)).map((a) => a.id));
  const words = (a: { name: string; aliases: string[] }) => [a.name, ...a.aliases].filter((w) => w.length >= 3);
  return { visible: all.filter((a) => visible.has(a.id)).flatMap(words), hidden: all.filter((a) => !visible.has(a.id)).flatMap(words) };
}

describe('example questions', () => {
  for (const [user, text] of [
    ['u_wang', '你能做什么?'],
    ['u_wang', 'help'],
    ['u_zhang', '你能做什么?'],
  ] as const) {
    it(`${user} "${text}": every example names an account ${user} sees and none they do not`, async () => {
      const { visible, hidden } = await namesOf(user);
      expect(hidden.length).toBeGreaterThan(0);
      const r = await ask(app, user, text);
      const examples = bullets(r.text);
      expect(examples.length).toBeGreaterThan(10);
      expect(examples.filter((e) => visible.some((n) => e.includes(n))).length).toBeGreaterThan(5);
      for (const name of hidden) expect(r.text).not.toContain(name);
      expect(r.text).not.toMatch(/[{}]/);
    });
  }

  it('each example offered to a salesperson or a manager is answered, not met with help or a question back', async () => {
    const unanswered: string[] = [];
    for (const user of ['u_wang', 'u_chen']) {
      for (const lang of ['你能做什么?', 'help']) {
        for (const example of bullets((await ask(app, user, lang)).text)) {
          const r = await ask(app, user, example, { chatId: `examples-${user}-${example}` });
          if (/没太明白|didn't quite get|哪个客户|Which account do you mean|找不到|could not find/.test(r.text)) unanswered.push(`${user} ${example} → ${r.text.slice(0, 80)}`);
        }
      }
    }
    expect(unanswered).toEqual([]);
  });

  it('a user with no accounts is offered only questions that need none, and the note hint names no account', async () => {
    const r = await ask(app, 'u_newcomer', '你能做什么?');
    const examples = bullets(r.text);
    expect(examples.length).toBeGreaterThan(3);
    const { hidden } = await namesOf('u_newcomer');
    for (const name of hidden) expect(r.text).not.toContain(name);
    expect(r.text).toContain('今天拜访了某客户的王总');
    const hello = await ask(app, 'u_newcomer', '你好');
    for (const name of hidden) expect(hello.text).not.toContain(name);
    expect(hello.text).not.toMatch(/[{}]/);
  });

  it('small talk offers examples in the greeter\'s accounts', async () => {
    const { visible, hidden } = await namesOf('u_wang');
    const r = await ask(app, 'u_wang', 'hello');
    expect(visible.some((n) => r.text.includes(n))).toBe(true);
    for (const name of hidden) expect(r.text).not.toContain(name);
  });
});
