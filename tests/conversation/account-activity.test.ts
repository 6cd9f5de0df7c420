// "谁和西山矿业联系最多", "who has been in touch with X the most": interactions at one account per
// colleague, most first, over a period (the last 12 months by default), on what the asker may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
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

// Counted by hand from the sample's interactions.csv (asked at 2026-11-24 10:00 Asia/Shanghai):
// A200: 李娜 I008 visit, I010 call, I011 visit, I012 im (11-18); 王磊 I009 meeting (08-04).
// A100: 张伟 I001 visit, I002 email, I004 dinner, I006 meeting, I007 email (11-19); 王磊 I003; 赵敏 I005.
describe('who has been in touch with an account the most', () => {
  it('per colleague, most first, by type and with the latest, over the last 12 months', async () => {
    const r = await ask(app, 'u_chen', '谁和西山矿业联系最多');
    expect(tool(r)).toBe('account_activity');
    expect(r.text.split('\n')).toEqual([
      '近一年(2025-11-24 至 2026-11-24),和西山矿业集团联系最多的是李娜(4 次)。',
      '西山矿业集团的 5 次互动,按同事:',
      '• 李娜:4 次(拜访 2、电话 1、即时消息 1),最近一次 2026-11-18',
      '• 王磊:1 次(会议 1),最近一次 2026-08-04',
    ]);
    expect(r.citations?.[0]).toMatchObject({ source: 'account', id: 'A200' });
  });

  it('in English', async () => {
    const r = await ask(app, 'u_li', 'who has been in touch with Xishan Mining the most');
    expect(r.text.split('\n')[0]).toBe('李娜 has been in touch with 西山矿业集团 the most in the last 12 months (2025-11-24 to 2026-11-24) (4 interaction(s)).');
    expect(tool(await ask(app, 'u_li', 'Who visits Jiangnan Port most often?'))).toBe('account_activity');
  });

  it('over the period named', async () => {
    const r = await ask(app, 'u_chen', '这个月谁和中建华东联系最多');
    expect(r.text.split('\n')).toEqual([
      '2026-11-01 至 2026-11-24,和中建华东工程集团联系最多的是张伟(2 次)。',
      '中建华东工程集团的 2 次互动,按同事:',
      '• 张伟:2 次(邮件 1、会议 1),最近一次 2026-11-19',
    ]);
    expect((await ask(app, 'u_chen', '上个月谁和中建华东联系最多')).text.split('\n')[0]).toBe('2026-10-01 至 2026-10-31,和中建华东工程集团联系最多的是张伟、赵敏(各 1 次)。');
  });

  it('other phrasings and a follow-up about the last account', async () => {
    expect((await ask(app, 'u_li', '哪位同事跑西山矿业最勤')).text).toContain('联系最多的是李娜');
    await ask(app, 'u_chen', '中建华东怎么样', { chatId: 'touch-follow' });
    const r = await ask(app, 'u_chen', '谁跟他们联系得最多', { chatId: 'touch-follow' });
    expect(r.text.split('\n')[0]).toBe('近一年(2025-11-24 至 2026-11-24),和中建华东工程集团联系最多的是张伟(5 次)。');
    expect(r.text).toContain('• 赵敏:1 次(拜访 1),最近一次 2026-10-28');
  });

  it('no interactions in the period, said so', async () => {
    const r = await ask(app, 'u_chen', '上个月谁和兴业建材联系最多');
    expect(r.text).toBe('2026-10-01 至 2026-10-31,兴业建材有限公司没有任何互动记录。');
  });

  it('an account the asker may not see does not exist', async () => {
    const r = await ask(app, 'u_zhang', '谁和西山矿业联系最多');
    expect(everything(r)).not.toContain('李娜');
    expect(r.text).toContain('没有找到名为"西山矿业"的客户');
  });

  it('"the latest interaction" is still the latest one', async () => {
    expect(tool(await ask(app, 'u_li', '西山矿业最近一次联系是什么时候'))).toBe('last_interaction');
    expect(tool(await ask(app, 'u_chen', '团队上个月有多少次互动'))).toBe('team_activity');
  });
});
