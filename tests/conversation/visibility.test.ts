// Every tool, run directly with the ids and names of an account the user may not see, answers as if
// it did not exist; lists across accounts never include it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { getUser } from '../../src/store/users.ts';
import { runTool } from '../../src/conversation/run-tool.ts';
import { tools } from '../../src/conversation/tools/index.ts';
import type { TurnContext } from '../../src/conversation/types.ts';
import { sampleDb } from '../helpers/db.ts';
import { SAMPLE_AT } from '../helpers/paths.ts';
import { testApp } from './helpers.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await sampleDb();
  app = testApp(db);
});
afterAll(() => db.close());

const SECRETS = ['西山矿业集团', 'A200', 'CT-A200', 'T003', 'P200', '马振华', '钱芳', '吴刚', 'C200', 'I008', 'I010', '13900002001'];

async function turnFor(userId: string): Promise<TurnContext> {
  const user = (await getUser(db, userId))!;
  return {
    app,
    user,
    msg: { platform: 'cli', platformUserId: userId, userId, chatId: 'vis', chatType: 'p2p', mentioned: true, text: '', receivedAt: SAMPLE_AT },
    now: SAMPLE_AT,
    tz: 'Asia/Shanghai',
    lang: 'zh',
    chatKey: 'vis',
    rawMessageId: 0,
    context: {},
  };
}

describe('u_zhang (not on 西山矿业\'s team)', () => {
  for (const tool of tools) {
    for (const account of ['A200', '西山矿业', '西山矿业集团', 'Xishan Mining']) {
      it(`${tool.name} with account "${account}" reveals nothing`, async () => {
        const turn = await turnFor('u_zhang');
        const input = { account, name: tool.name === 'contact_lookup' ? '马振华' : undefined };
        const run = await runTool(turn, tool, input);
        const seen = JSON.stringify(run.kind === 'ok' ? { reply: run.reply, output: run.output } : run.kind === 'account_problem' ? run.problem.mention : run.message);
        // Echoing what the user typed is no leak; anything more is.
        const echo = seen.split(JSON.stringify(account).slice(1, -1)).join('');
        for (const s of SECRETS) expect(echo, `${tool.name} leaked ${s}`).not.toContain(s);
      });
    }
  }

  it('lists across accounts never include it', async () => {
    const turn = await turnFor('u_zhang');
    for (const [name, input] of [
      ['account_list', { scope: 'team', silentDays: 0, executiveOnly: false }],
      ['tickets', {}],
      ['opportunities', {}],
      ['contracts', { withinDays: 3650 }],
      ['contact_lookup', { name: '马' }],
    ] as const) {
      const run = await runTool(turn, tools.find((x) => x.name === name)!, input);
      expect(run.kind, name).toBe('ok');
      const seen = JSON.stringify(run.kind === 'ok' ? run.output : null);
      for (const s of SECRETS) expect(seen, `${name} leaked ${s}`).not.toContain(s);
    }
  });

  it('the manager sees it through his reports', async () => {
    const turn = await turnFor('u_chen');
    const run = await runTool(turn, tools.find((x) => x.name === 'contracts')!, { account: '西山矿业' });
    expect(run.kind === 'ok' && JSON.stringify(run.output)).toContain('CT-A200-SA');
  });
});
