// "张伟这个月拜访了几次客户": interactions per colleague over a period, within the asker's visibility.
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

// Counted by hand from the sample's interactions.csv (asked at 2026-11-24 10:00 Asia/Shanghai).
describe('activity counts', () => {
  it('one colleague this month, by type and accounts touched', async () => {
    const r = await ask(app, 'u_chen', '张伟这个月拜访了几次客户');
    // 张伟 in November up to the 24th: I017 meeting (A400, 11-05), I006 meeting and I007 email (A100).
    expect(r.text).toBe('张伟在 2026-11-01 至 2026-11-24 共记录 3 次互动(会议 2、邮件 1),涉及 2 个客户。\n• 中建华东工程集团:2 次,最近 2026-11-19\n• 北方路桥建设有限公司:1 次,最近 2026-11-05');
  });

  it('the whole team last month, busiest first, in English too', async () => {
    const r = await ask(app, 'u_chen', '团队上个月有多少次互动');
    expect(r.text.split('\n')).toEqual([
      '团队在 2026-10-01 至 2026-10-31 共记录 5 次互动,涉及 4 个客户:',
      '• 李娜:3 次(拜访 2、会议 1),3 个客户',
      '• 张伟:1 次(宴请 1),1 个客户',
      '• 赵敏:1 次(拜访 1),1 个客户',
    ]);
    expect((await ask(app, 'u_chen', 'How many visits did my team make last month?')).text.split('\n')[0]).toBe('Your team logged 5 interaction(s) from 2026-10-01 to 2026-10-31 with 4 account(s):');
  });

  it('the asker themself, and only what the asker may see', async () => {
    expect((await ask(app, 'u_zhang', '我这个月拜访了几次客户')).text.split('\n')[0]).toBe('你在 2026-11-01 至 2026-11-24 共记录 3 次互动(会议 2、邮件 1),涉及 2 个客户。');
    // 张伟 sees none of 李娜's accounts: her October visits are not counted for him.
    const team = await ask(app, 'u_zhang', '团队上个月有多少次互动');
    expect(team.text).not.toContain('李娜');
  });

  it('an account named makes it a count at that account', async () => {
    const r = await ask(app, 'u_chen', '上个月我们见了几次中建华东');
    expect((r.data as { tool?: string } | undefined)?.tool).not.toBe('team_activity');
    expect(r.text.split('\n')[0]).toBe('中建华东工程集团在 2026-10-01 至 2026-10-31 期间的互动记录(2条):');
  });

  it('who logged the most: a ranking of everyone the asker sees, the busiest named first', async () => {
    const expected = [
      '在 2026-10-01 至 2026-10-31,互动最多的是李娜(3 次)。',
      '团队在 2026-10-01 至 2026-10-31 共记录 5 次互动,涉及 4 个客户:',
      '• 李娜:3 次(拜访 2、会议 1),3 个客户',
      '• 张伟:1 次(宴请 1),1 个客户',
      '• 赵敏:1 次(拜访 1),1 个客户',
    ];
    for (const q of ['上个月谁拜访最多', '上个月团队里谁拜访客户最多', '上个月拜访次数排名']) {
      const r = await ask(app, 'u_chen', q);
      expect((r.data as { tool?: string } | undefined)?.tool, q).toBe('team_activity');
      expect(r.text.split('\n'), q).toEqual(expected);
    }
    expect((await ask(app, 'u_chen', 'Who visited the most customers last month?')).text.split('\n')[0]).toBe('李娜 logged the most interactions from 2026-10-01 to 2026-10-31 (3).');
    // A tie names everyone on top.
    expect((await ask(app, 'u_chen', '这个月谁拜访最多')).text.split('\n')[0]).toBe('在 2026-11-01 至 2026-11-24,互动最多的是张伟(3 次)。');
  });

  it('an account named or referred to is a ranking at that account, not the team', async () => {
    const r = await ask(app, 'u_chen', '谁和中建华东联系最多');
    expect((r.data as { tool?: string } | undefined)?.tool).toBe('account_activity');
  });
});
