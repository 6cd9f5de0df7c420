// Group chats bound to an account or a team on all four platforms: binding from the chat (with its
// rights), the alert sweep (`kam alerts`) posting the account's alert with its AR @-mentioned in
// each platform's syntax, the Monday briefing job posting the team briefing, acknowledging in the
// group, and @-questions answered within what every member may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Db } from '../../db/index.ts';
import type { InboundMessage } from '../../src/chat/types.ts';
import { buildAdapters } from '../../adapters/index.ts';
import type { AppContext } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { handleMessage } from '../../src/conversation/engine.ts';
import { logChannel } from '../../src/delivery/log-channel.ts';
import { sweepAlerts } from '../../src/insights/alerts/sweep.ts';
import { pushWeeklyBriefings } from '../../src/insights/briefings/push.ts';
import { DEFAULT_OUTBOX_SETTINGS } from '../../src/outbox/settings.ts';
import { drainOutbox } from '../../src/outbox/worker.ts';
import { listBindings } from '../../src/store/group-bindings.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDir } from '../../src/importing/export-dir.ts';
import { importDir } from '../../src/importing/import-dir.ts';
import { sampleDb } from '../helpers/db.ts';
import { TEST_TZ } from '../helpers/paths.ts';
import { DingtalkEmulator, dingtalkSign, robotMessage } from '../emulators/dingtalk.ts';
import { FeishuEmulator } from '../emulators/feishu.ts';
import { SlackEmulator } from '../emulators/slack.ts';
import { WecomEmulator } from '../emulators/wecom.ts';
import { at } from '../insights/helpers.ts';
import { webhookServer } from '../adapters/helpers.ts';
import { drainPaced } from './world.ts';

const NOW = new Date('2026-11-24T10:00:00+08:00');
const MONDAY = new Date('2026-11-30T08:30:00+08:00');
const DT = { clientId: 'dinggroupkey', clientSecret: 'made-up-group-secret' };
const CHATS = { feishu: 'oc_a200group', wecom: 'wrA200chat', slack: 'C0A200', dingtalk: 'cidA200==' } as const;

let db: Db;
let app: AppContext;
let feishu: FeishuEmulator;
let wecom: WecomEmulator;
let slack: SlackEmulator;
let dingtalk: DingtalkEmulator;
let adapters: ReturnType<typeof buildAdapters>;

beforeAll(async () => {
  db = await sampleDb();
  await db.query(`UPDATE users SET dingtalk_user_id = 'dt_' || substr(id, 3) WHERE id <> 'u_admin'`);
  feishu = await new FeishuEmulator({ appId: 'cli_groups', appSecret: 'fs-secret', botOpenId: 'ou_bot' }).start();
  wecom = await new WecomEmulator({ corpId: 'wwgroups', secret: 'wc-secret' } as never).start();
  slack = await new SlackEmulator({ botToken: 'xoxb-groups', botUserId: 'UBOT', botId: 'BBOT' }).start();
  dingtalk = await new DingtalkEmulator(DT).start();
  app = {
    db,
    log: pino({ level: 'silent' }),
    config: loadConfig({
      KAM_DEMO: 'false',
      TZ: TEST_TZ,
      KAM_LANG: 'zh',
      FEISHU_APP_ID: 'cli_groups',
      FEISHU_APP_SECRET: 'fs-secret',
      FEISHU_VERIFICATION_TOKEN: 'vt',
      FEISHU_BASE_URL: feishu.url,
      WECOM_CORP_ID: 'wwgroups',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'wc-secret',
      WECOM_TOKEN: 'QDG6eK',
      WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
      WECOM_BASE_URL: wecom.url,
      SLACK_BOT_TOKEN: 'xoxb-groups',
      SLACK_SIGNING_SECRET: 'slack-secret',
      SLACK_API_URL: `${slack.url}/api/`,
      DINGTALK_CLIENT_ID: DT.clientId,
      DINGTALK_CLIENT_SECRET: DT.clientSecret,
      DINGTALK_MODE: 'webhook',
      DINGTALK_API_URL: dingtalk.url,
    }),
  };
  adapters = buildAdapters(app, (msg) => handleMessage(app, msg), { clock: () => NOW });
}, 60000);

afterAll(async () => {
  for (const e of [feishu, wecom, slack, dingtalk]) await e.stop();
  await db.close();
});

function inGroup(platform: InboundMessage['platform'], platformUserId: string, text: string, chatId: string, eventId: string): InboundMessage {
  return { platform, platformUserId, chatId, chatType: 'group', mentioned: true, text, receivedAt: NOW, eventId };
}

const drainAt = (now: Date) =>
  drainOutbox(db, { now, settings: { ...DEFAULT_OUTBOX_SETTINGS, ratePerMinute: 1000 }, adapters: adapters.list, fallback: logChannel(app.log), log: app.log, lang: 'zh' });
/** Posts into one group are paced per chat: the drain runs again a second later while rows wait. */
const drain = (now: Date) => drainPaced(db, now, drainAt);

describe('binding a group chat', () => {
  it('refuses someone outside the account team, binds for a team member (DingTalk, through the signed callback) and a manager above', async () => {
    const refused = await handleMessage(app, inGroup('feishu', 'ou_zhang_demo', '绑定 西山矿业', CHATS.feishu, 'e1'));
    expect(refused.text).toContain('没有找到你能看到的客户或经理');

    const server = await webhookServer({ dingtalk: adapters.dingtalk });
    const msg = robotMessage({ msgId: 'bind-dt-1', staffId: 'dt_li', text: '绑定 西山矿业', group: CHATS.dingtalk });
    expect((await server.inject({ method: 'POST', url: '/webhooks/dingtalk', headers: { 'content-type': 'application/json', ...dingtalkSign(DT.clientSecret, NOW.getTime()) }, payload: JSON.stringify(msg) })).statusCode).toBe(200);
    await adapters.dingtalk!.work.idle();
    await server.close();
    const [bound] = dingtalk.cards;
    expect(bound.body.openConversationId).toBe(CHATS.dingtalk);
    expect(JSON.stringify(bound.card)).toContain('已将本群绑定到客户「西山矿业集团」');

    for (const p of ['feishu', 'slack'] as const) {
      const r = await handleMessage(app, inGroup(p, p === 'feishu' ? 'ou_chen_demo' : 'U0CHEN', 'bind 西山矿业', CHATS[p], `bind-${p}`));
      expect(r.data).toMatchObject({ bound: { kind: 'account', id: 'A200' } });
    }
    // WeCom delivers no group messages to a self-built app: its appchat is bound by the operator (kam teams bind).
    const { bindGroup } = await import('../../src/groups/bind.ts');
    await bindGroup(db, { platform: 'wecom', chatId: CHATS.wecom, target: { kind: 'account', id: 'A200' }, name: '西山矿业集团', now: NOW, lang: 'zh' });
    const team = await handleMessage(app, inGroup('slack', 'U0CHEN', '绑定 陈志强的团队', 'C0TEAM', 'bind-team'));
    expect(team.data).toMatchObject({ bound: { kind: 'team', id: 'u_chen' } });
    expect((await listBindings(db)).map((b) => `${b.platform}:${b.chatId}:${b.target.id}`)).toEqual([
      `dingtalk:${CHATS.dingtalk}:A200`,
      `feishu:${CHATS.feishu}:A200`,
      'slack:C0A200:A200',
      'slack:C0TEAM:u_chen',
      `wecom:${CHATS.wecom}:A200`,
    ]);
  });
});

describe('what goes to the bound groups', () => {
  it("the alert sweep posts the account's alerts in each group with the AR @-mentioned in the platform's syntax", async () => {
    const { alerts } = await sweepAlerts(db, { at: at('2026-11-24T10:00'), lang: 'zh' });
    const a200 = alerts.filter((a) => a.accountId === 'A200');
    expect(a200.length).toBeGreaterThan(0);
    await drain(NOW);

    const feishuCards = feishu.calls('/open-apis/im/v1/messages').filter((r) => r.query.receive_id_type === 'chat_id' && r.body.receive_id === CHATS.feishu);
    expect(feishuCards.length).toBe(a200.length);
    expect(feishuCards[0].body.content).toContain('<at id=ou_li_demo></at>');
    const slackPosts = slack.posts.filter((p) => p.channel === CHATS.slack);
    expect(slackPosts.length).toBe(a200.length);
    expect(JSON.stringify(slackPosts[0].blocks)).toContain('<@U0LI>');
    const wecomPosts = wecom.calls('/cgi-bin/appchat/send').filter((r) => r.body.chatid === CHATS.wecom);
    expect(wecomPosts.length).toBe(a200.length);
    expect(wecomPosts[0].body.markdown.content).toContain('<@lina>');
    const dtCards = dingtalk.cards.filter((c) => c.body.openConversationId === CHATS.dingtalk && c.card.header);
    expect(dtCards.length).toBe(a200.length);
    expect(JSON.parse(dtCards[0].body.sendOptions.atUserListJson)).toEqual([{ nickName: '李娜', userId: 'dt_li' }]);
    expect(JSON.stringify(dtCards[0].card)).toContain('@李娜');
    // The team's channel is bound to a team, not to the account: no alert there.
    expect(slack.posts.filter((p) => p.channel === 'C0TEAM')).toHaveLength(0);
    // A second sweep posts nothing again.
    await sweepAlerts(db, { at: at('2026-11-24T10:00'), lang: 'zh' });
    expect((await drainAt(NOW)).sent).toBe(0);
  });

  it('"收到" in the group acknowledges the alerts posted there, recorded as the person who said it', async () => {
    const r = await handleMessage(app, inGroup('slack', 'U0ZHAO', '收到', CHATS.slack, 'ack-1'));
    expect(r.text).toContain('赵敏 已确认收到');
    const { rows } = await db.query<{ acknowledged_by: string }>("SELECT DISTINCT acknowledged_by FROM alerts WHERE account_id = 'A200' AND acknowledged_at IS NOT NULL");
    expect(rows).toEqual([{ acknowledged_by: 'u_zhao' }]);
  });

  it('the Monday briefing job posts the team briefing to the team channel and the account briefing to the account groups', async () => {
    await pushWeeklyBriefings(db, { now: MONDAY, tz: TEST_TZ, lang: 'zh' });
    await drain(MONDAY);
    const teamPost = slack.posts.find((p) => p.channel === 'C0TEAM');
    expect(teamPost.text).toContain('本周团队简报 · 陈志强的团队');
    const accountPost = slack.posts.filter((p) => p.channel === CHATS.slack).at(-1);
    expect(accountPost.text).toContain('本周客户简报 · 西山矿业集团');
    expect(accountPost.text).not.toContain('中建华东');
    expect(dingtalk.cards.some((c) => c.body.openConversationId === CHATS.dingtalk && c.card.header?.title.text === '本周客户简报 · 西山矿业集团')).toBe(true);
    const feishuBriefing = feishu.calls('/open-apis/im/v1/messages').filter((r) => r.body.receive_id === CHATS.feishu && r.body.content.includes('本周客户简报 · 西山矿业集团'));
    expect(feishuBriefing).toHaveLength(1);
    expect(feishuBriefing[0].body.content).not.toContain('中建华东');
    const wecomBriefing = wecom.calls('/cgi-bin/appchat/send').filter((r) => r.body.chatid === CHATS.wecom && r.body.markdown.content.includes('本周客户简报 · 西山矿业集团'));
    expect(wecomBriefing).toHaveLength(1);
    expect(wecomBriefing[0].body.markdown.content).not.toContain('中建华东');
  });
});

describe('asking in a bound group', () => {
  it('answers in the group what every member may see, and privately what some may not', async () => {
    const own = await handleMessage(app, inGroup('feishu', 'ou_wang_demo', '西山矿业的合同什么时候到期?', CHATS.feishu, 'q1'));
    expect(own.text).toContain('西山矿业');
    expect(own.data).not.toMatchObject({ private: true });

    // 王磊 also works on 中建华东, which 李娜 (in this group) may not see.
    const other = await handleMessage(app, inGroup('feishu', 'ou_wang_demo', '中建华东的合同什么时候到期?', CHATS.feishu, 'q2'));
    expect(other.data).toMatchObject({ private: true, accounts: ['A100'] });
    expect(other.text).toContain('已私信回复你');
    expect(other.text).not.toContain('中建华东');
    const { rows } = await db.query<{ recipient_id: string; payload: any }>("SELECT recipient_id, payload FROM outbox WHERE kind = 'answer'");
    expect(rows).toHaveLength(1);
    expect(rows[0].recipient_id).toBe('u_wang');
    expect(rows[0].payload.reply.text).toContain('中建华东');

    // In the team's channel only what every member of 陈志强's team sees is answered in place.
    const team = await handleMessage(app, inGroup('slack', 'U0CHEN', '中建华东的合同什么时候到期?', 'C0TEAM', 'q3'));
    expect(team.data).toMatchObject({ private: true });
  });
});

describe('bindings in kam export / import', () => {
  it('round-trips group_bindings.csv byte for byte, and refuses a row bound to both an account and a team', async () => {
    const a = mkdtempSync(join(tmpdir(), 'kam-groups-a-'));
    await exportDir(db, a, TEST_TZ);
    const csv = readFileSync(join(a, 'group_bindings.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('platform,chat_id,account_id,manager_id,bound_by,bound_at');
    expect(csv).toContain(`dingtalk,${CHATS.dingtalk},A200,,u_li,2026-11-24T10:00:00+08:00`);
    await db.query('DELETE FROM group_bindings');
    const only = mkdtempSync(join(tmpdir(), 'kam-groups-b-'));
    writeFileSync(join(only, 'group_bindings.csv'), csv);
    await importDir(db, only, TEST_TZ);
    const b = mkdtempSync(join(tmpdir(), 'kam-groups-c-'));
    await exportDir(db, b, TEST_TZ);
    expect(readFileSync(join(b, 'group_bindings.csv'), 'utf8')).toBe(csv);

    const bad = mkdtempSync(join(tmpdir(), 'kam-groups-d-'));
    writeFileSync(join(bad, 'group_bindings.csv'), 'platform,chat_id,account_id,manager_id\nslack,C9,A200,u_chen\n');
    await expect(importDir(db, bad, TEST_TZ)).rejects.toMatchObject({ problems: ['group_bindings.csv:2: set exactly one of account_id, manager_id'] });
  });
});
