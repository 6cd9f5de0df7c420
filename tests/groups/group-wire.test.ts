// Group chats through each platform's wire (issue 19): an @-question in a bound group arrives as
// the platform sends it (a signed, encrypted Feishu event whose bot mention has user_id null; a
// signed Slack app_mention; a signed DingTalk group robot callback with isInAtList) and is answered
// in the group when every member may see the account, privately with a notice in the group when not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { dingtalkSign, robotMessage } from '../emulators/dingtalk.ts';
import { feishuCallback, messageEvent } from '../emulators/feishu.ts';
import { mentionEvent, slackEvent } from '../emulators/slack.ts';
import { webhookServer } from '../adapters/helpers.ts';
import { CHATS, DT, FEISHU, groupWorld, SLACK_SECRET, type GroupWorld } from './world.ts';

const NOW = new Date('2026-11-24T10:00:00+08:00');
const clock = NOW;
let w: GroupWorld;
let server: FastifyInstance;

beforeAll(async () => {
  w = await groupWorld(() => clock);
  server = await webhookServer(w.adapters);
}, 60000);

afterAll(async () => {
  await server.close();
  await w.stop();
});

const PUBLIC_Q = '西山矿业的合同什么时候到期?';
// 王磊 also works on 中建华东, which 李娜 (a member of the 西山矿业 group) may not see.
const PRIVATE_Q = '中建华东的合同什么时候到期?';

/** The private answers queued for a user, and what the drain then delivered. */
async function privateAnswers(userId: string) {
  const { rows } = await w.db.query<{ payload: any; status: string }>("SELECT payload, status FROM outbox WHERE kind = 'answer' AND recipient_id = $1 ORDER BY id", [userId]);
  return rows;
}

describe('an @-question in a bound group, through the platform callback', () => {
  it('Feishu: a signed group message @-mentioning the bot (its user_id null) is answered in the group, or privately with a notice', async () => {
    const ask = async (id: string, question: string) => {
      const event = messageEvent({
        token: FEISHU.token,
        createTime: NOW.getTime(),
        eventId: `ev_${id}`,
        messageId: `om_${id}`,
        senderOpenId: 'ou_wang_demo',
        chatType: 'group',
        chatId: CHATS.feishu,
        text: `@_user_1 ${question}`,
        // What Feishu sends for the bot: an open_id, no user_id (null).
        mentions: [{ key: '@_user_1', openId: 'ou_bot', name: 'KAM', userId: null }],
      });
      const signed = feishuCallback(event, { encryptKey: FEISHU.encryptKey, timestamp: Math.floor(NOW.getTime() / 1000) });
      const res = await server.inject({ method: 'POST', url: '/webhooks/feishu', headers: signed.headers, body: signed.body });
      expect(res.statusCode).toBe(200);
      await w.adapters.feishu!.work.idle();
      return w.feishu.calls(`/open-apis/im/v1/messages/om_${id}/reply`).map((r) => r.body.content as string);
    };
    const [own] = await ask('pub1', PUBLIC_Q);
    expect(own).toContain('西山矿业');
    expect(own).not.toContain('已私信回复你');

    const [notice] = await ask('priv1', PRIVATE_Q);
    expect(notice).toContain('已私信回复你');
    expect(notice).not.toContain('中建华东');
    const [answer] = await privateAnswers('u_wang');
    expect(answer.payload.reply.text).toContain('中建华东');
    await w.drain(NOW);
    expect((await privateAnswers('u_wang'))[0].status).toBe('sent');
  });

  it('Slack: a signed app_mention in the channel is answered in its thread, or privately with a notice', async () => {
    const ask = async (id: string, question: string) => {
      const payload = mentionEvent(`Ev${id}`, 'U0WANG', `<@UBOT> ${question}`, CHATS.slack);
      const ts = `1700000000.${id.padStart(6, '0')}`;
      Object.assign(payload.event, { ts, event_ts: ts });
      const signed = slackEvent(SLACK_SECRET, Math.floor(NOW.getTime() / 1000), payload);
      expect((await server.inject({ method: 'POST', url: '/webhooks/slack', headers: signed.headers, body: signed.body })).statusCode).toBe(200);
      await w.adapters.slack!.work.idle();
      return w.slack.posts.filter((p) => p.channel === CHATS.slack && p.thread_ts === ts).map((p) => `${p.text}\n${JSON.stringify(p.blocks)}`);
    };
    const [own] = await ask('101', PUBLIC_Q);
    expect(own).toContain('西山矿业');
    expect(own).not.toContain('已私信回复你');

    const [notice] = await ask('102', PRIVATE_Q);
    expect(notice).toContain('已私信回复你');
    expect(notice).not.toContain('中建华东');
    expect((await privateAnswers('u_wang')).map((r) => r.payload.reply.text).filter((t: string) => t.includes('中建华东'))).toHaveLength(2);
  });

  it('DingTalk: a signed group robot callback (conversationType 2, isInAtList) is answered in the group, or privately with a notice', async () => {
    const ask = async (id: string, question: string) => {
      const msg = { ...robotMessage({ msgId: `dt-${id}`, staffId: 'dt_wang', text: question, group: CHATS.dingtalk }), isInAtList: true, conversationType: '2' };
      const res = await server.inject({ method: 'POST', url: '/webhooks/dingtalk', headers: { 'content-type': 'application/json', ...dingtalkSign(DT.clientSecret, NOW.getTime()) }, payload: JSON.stringify(msg) });
      expect(res.statusCode).toBe(200);
      await w.adapters.dingtalk!.work.idle();
      return w.dingtalk.cards.filter((c) => c.body.openConversationId === CHATS.dingtalk).map((c) => JSON.stringify(c.card)).at(-1)!;
    };
    const own = await ask('pub', PUBLIC_Q);
    expect(own).toContain('西山矿业');
    expect(own).not.toContain('已私信回复你');

    const notice = await ask('priv', PRIVATE_Q);
    expect(notice).toContain('已私信回复你');
    expect(notice).not.toContain('中建华东');
    expect((await privateAnswers('u_wang')).filter((r) => r.payload.reply.text.includes('中建华东'))).toHaveLength(3);
  });
});
