// Messages that are not account questions: help, gibberish, empty and huge texts, unknown users,
// platform identities; and the raw capture of every message before anything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { MAX_TEXT_LENGTH } from '../../src/conversation/engine.ts';
import { sampleDb } from '../helpers/db.ts';
import { ask, everything, testApp } from './helpers.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await sampleDb();
  app = testApp(db);
});
afterAll(() => db.close());

async function lastRaw() {
  const r = await db.query<{ text: string; user_id: string | null; platform: string; platform_user_id: string }>('SELECT text, user_id, platform, platform_user_id FROM raw_messages ORDER BY id DESC LIMIT 1');
  return r.rows[0];
}

describe('help', () => {
  for (const text of ['你能做什么?', '帮助', '怎么用', 'help', 'What can you do?', '?']) {
    it(`"${text}" lists what can be asked, with examples from the tools`, async () => {
      const r = await ask(app, 'u_zhang', text);
      const zh = /[\u4e00-\u9fff]/.test(text) || text === '?';
      expect(r.text).toContain(zh ? '可以回答这些问题' : 'Here is what you can ask');
      // The tools' examples, in the asker's own accounts (tests/conversation/personal-examples.test.ts).
      expect(r.text).toMatch(zh ? /• \S+最近一次高层拜访是什么时候\?/ : /• When did we last meet an executive at \S.*\?/);
      expect((r.data as any).reason).toBe('asked');
    });
  }

  it('an empty message gets help in the default language', async () => {
    const r = await ask(app, 'u_zhang', '   ');
    expect(r.lang).toBe('zh');
    expect(r.text).toContain('可以回答这些问题');
  });

  it('KAM_LANG=en answers an empty or language-less message in English', async () => {
    const en = testApp(db, { KAM_LANG: 'en' });
    expect((await ask(en, 'u_zhang', '')).text).toContain('Here is what you can ask');
    expect((await ask(en, 'u_zhang', '12345')).lang).toBe('en');
  });
});

describe('not understood', () => {
  for (const text of ['asdkjh qwpoeiru', '今天天气不错', '嗯嗯', 'lorem ipsum dolor', '!!!!', '🙂']) {
    it(`"${text}" gets a short help reply, not an error`, async () => {
      const r = await ask(app, 'u_zhang', text);
      expect(r.text.length).toBeLessThan(800);
      expect(r.text).not.toMatch(/error|exception|stack|undefined|null/i);
      expect((r.data as any).reason ?? (r.data as any).problem).toBeTruthy();
    });
  }
  it('answers gibberish in the language it is written in', async () => {
    expect((await ask(app, 'u_zhang', 'asdkjh qwpoeiru')).text).toContain("didn't quite get that");
    expect((await ask(app, 'u_zhang', '今天天气不错')).text).toContain('没太明白');
  });
});

describe('huge messages', () => {
  it(`refuses more than ${MAX_TEXT_LENGTH} characters politely, without processing, but keeps the raw text`, async () => {
    const text = '中建华东的合同什么时候到期?' + '很'.repeat(MAX_TEXT_LENGTH);
    const r = await ask(app, 'u_zhang', text);
    expect(r.text).toContain(String(MAX_TEXT_LENGTH));
    expect(r.text).not.toContain('CT-A100-2024');
    expect((r.data as any).error).toBe('too_long');
    expect((await lastRaw()).text).toBe(text);
  });
  it(`accepts exactly ${MAX_TEXT_LENGTH} characters`, async () => {
    const q = '中建华东的合同什么时候到期?';
    const r = await ask(app, 'u_zhang', q + ' '.repeat(MAX_TEXT_LENGTH - q.length));
    expect(r.text).toContain('CT-A100-2024');
  });
});

describe('NUL characters', () => {
  it('are dropped: the message is stored and answered like any other (PostgreSQL text cannot hold them)', async () => {
    const r = await ask(app, 'u_zhang\u0000', '中建华东的合同\u0000什么时候到期?');
    expect(r.text).toContain('CT-A100-2024');
    const raw = await lastRaw();
    expect(raw.text).toBe('中建华东的合同什么时候到期?');
    expect(raw.user_id).toBe('u_zhang');
  });
});

describe('who is asking', () => {
  it('an unknown user id gets a registration hint and nothing else', async () => {
    const r = await ask(app, 'u_nobody', '中建华东的合同什么时候到期?');
    expect(r.text).toContain('u_nobody');
    expect(everything(r)).not.toContain('CT-A100');
    expect((r.data as any).error).toBe('unknown_user');
    const raw = await lastRaw();
    expect(raw.text).toBe('中建华东的合同什么时候到期?');
    expect(raw.user_id).toBeNull();
  });

  it('maps platform identities (Feishu open_id, WeCom userid, Slack user id) to users', async () => {
    const f = await ask(app, undefined, '中建华东的合同什么时候到期?', { platform: 'feishu', platformUserId: 'ou_zhang_demo' });
    expect(f.text).toContain('CT-A100-2024');
    expect((await lastRaw()).user_id).toBe('u_zhang');
    const w = await ask(app, undefined, '江南港务的合同什么时候到期?', { platform: 'wecom', platformUserId: 'lina' });
    expect(w.text).toContain('2027-01-10');
    const s = await ask(app, undefined, 'Jiangnan Port contracts', { platform: 'slack', platformUserId: 'U0LI' });
    expect(s.text).toContain('2027-01-10');
  });

  it('an unknown platform user is shown their platform id and asked to get registered', async () => {
    const r = await ask(app, undefined, 'Jiangnan Port contracts', { platform: 'slack', platformUserId: 'U0STRANGER' });
    expect(r.lang).toBe('en');
    expect(r.text).toContain('U0STRANGER');
    expect(r.text).toContain('registered');
    expect(everything(r)).not.toMatch(/江南|CT-A300/);
  });

  it('stores every message raw before answering, with the user it came from', async () => {
    await ask(app, 'u_li', '西山矿业有哪些未解决的工单?');
    const raw = await lastRaw();
    expect(raw).toMatchObject({ text: '西山矿业有哪些未解决的工单?', user_id: 'u_li', platform: 'cli', platform_user_id: 'u_li' });
  });
});
