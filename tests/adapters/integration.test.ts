// The adapters with the real conversation engine and the real outbox worker, on the sample data:
// a question asked on each platform is answered with the figures EXPECTED.md fixes, and alerts in
// the outbox reach each recipient through their platform.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { buildAdapters, type PlatformAdapters } from '../../adapters/index.ts';
import type { AppContext } from '../../src/app.ts';
import { handleMessage } from '../../src/conversation/engine.ts';
import { getAdapters, registerAdapter, unregisterAdapter } from '../../src/delivery/registry.ts';
import { sweepAlerts } from '../../src/insights/alerts/sweep.ts';
import { drainWithRegistry } from '../../src/outbox/drain.ts';
import { asOfNow } from '../../src/insights/health/compute.ts';
import { enqueue } from '../../src/store/outbox.ts';
import { sampleDb } from '../helpers/db.ts';
import { SAMPLE_AT } from '../helpers/paths.ts';
import { cardActionEvent, FeishuEmulator, feishuCallback, messageEvent } from '../emulators/feishu.ts';
import { SlackEmulator, dmEvent, slackEvent, slackForm } from '../emulators/slack.ts';
import { WecomEmulator, wecomCallback, wecomCardEventXml, wecomTextXml } from '../emulators/wecom.ts';
import { appWith, webhookServer } from './helpers.ts';

const TS = Math.floor(SAMPLE_AT.getTime() / 1000);
const FEISHU = { encryptKey: 'it-encrypt-key', token: 'it-token' };
const WECOM = { token: 'itToken', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wwITCORP' };
const SLACK_SECRET = 'it-signing-secret';

let db: Db;
let app: AppContext;
let adapters: PlatformAdapters;
const feishuEmu = new FeishuEmulator({ appId: 'cli_it', appSecret: 'it-secret', botOpenId: 'ou_bot' });
const wecomEmu = new WecomEmulator({ corpId: WECOM.corpId, secret: 'it-wecom-secret' });
const slackEmu = new SlackEmulator({ botToken: 'xoxb-it', botUserId: 'UBOT', botId: 'BBOT' });

beforeAll(async () => {
  db = await sampleDb();
  await Promise.all([feishuEmu.start(), wecomEmu.start(), slackEmu.start()]);
  app = appWith(db, {
    FEISHU_APP_ID: 'cli_it',
    FEISHU_APP_SECRET: 'it-secret',
    FEISHU_VERIFICATION_TOKEN: FEISHU.token,
    FEISHU_ENCRYPT_KEY: FEISHU.encryptKey,
    FEISHU_BASE_URL: feishuEmu.url,
    WECOM_CORP_ID: WECOM.corpId,
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: 'it-wecom-secret',
    WECOM_TOKEN: WECOM.token,
    WECOM_ENCODING_AES_KEY: WECOM.encodingAesKey,
    WECOM_BASE_URL: wecomEmu.url,
    SLACK_BOT_TOKEN: 'xoxb-it',
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: `${slackEmu.url}/api/`,
  });
  adapters = buildAdapters(app, (msg) => handleMessage(app, msg), { clock: () => SAMPLE_AT });
});

afterAll(async () => {
  for (const a of adapters.list) await a.stop?.();
  await Promise.all([feishuEmu.stop(), wecomEmu.stop(), slackEmu.stop()]);
  await db.close();
});

describe('a question asked on each platform, answered by the real engine', () => {
  it('Feishu: u_zhang asks for the key decision maker of 中建华东', async () => {
    const server = await webhookServer(adapters);
    const ev = messageEvent({ token: FEISHU.token, senderOpenId: 'ou_zhang_demo', chatType: 'p2p', text: '中建华东的关键决策人是谁?' });
    for (let i = 0; i < 3; i++) expect((await server.inject({ method: 'POST', url: '/webhooks/feishu', ...toInject(feishuCallback(ev, { encryptKey: FEISHU.encryptKey, timestamp: TS })) })).statusCode).toBe(200);
    await adapters.feishu!.work.idle();
    expect(feishuEmu.cards).toHaveLength(1);
    expect(JSON.stringify(feishuEmu.cards[0].card)).toContain('刘建国');
  });

  it('WeCom: u_li asks when the 江南港务 contract expires', async () => {
    const server = await webhookServer(adapters);
    const cb = wecomCallback(WECOM, wecomTextXml({ corpId: WECOM.corpId, from: 'lina', content: '江南港务的合同什么时候到期?', msgId: '77001', createTime: TS }), TS);
    for (let i = 0; i < 3; i++) {
      const res = await server.inject({ method: 'POST', url: `/webhooks/wecom?${cb.query}`, headers: { 'content-type': 'text/xml' }, payload: cb.body });
      expect(res.statusCode).toBe(200);
    }
    await adapters.wecom!.work.idle();
    expect(wecomEmu.sent).toHaveLength(1);
    expect(wecomEmu.sent[0].touser).toBe('lina');
    expect(wecomEmu.sent[0].markdown.content).toContain('2027-01-10');
  });

  it('Slack: u_li asks in English about Xishan Mining', async () => {
    const server = await webhookServer(adapters);
    const ev = slackEvent(SLACK_SECRET, TS, dmEvent('EvIT1', 'U0LI', 'When did we last meet an executive at Xishan Mining?'));
    for (let i = 0; i < 3; i++) expect((await server.inject({ method: 'POST', url: '/webhooks/slack', ...toInject(ev) })).statusCode).toBe(200);
    await adapters.slack!.work.idle();
    expect(slackEmu.posts).toHaveLength(1);
    expect(slackEmu.posts[0].text).toContain('2026-09-30');
    expect(slackEmu.posts[0].text).toContain('马振华');
  });

  it('an unknown person is told their platform id and nothing else', async () => {
    feishuEmu.reset();
    const server = await webhookServer(adapters);
    const ev = messageEvent({ token: FEISHU.token, senderOpenId: 'ou_stranger_1', chatType: 'p2p', text: '中建华东的关键决策人是谁?' });
    await server.inject({ method: 'POST', url: '/webhooks/feishu', ...toInject(feishuCallback(ev, { encryptKey: FEISHU.encryptKey, timestamp: TS })) });
    await adapters.feishu!.work.idle();
    const card = JSON.stringify(feishuEmu.cards[0].card);
    expect(card).toContain('ou_stranger_1');
    expect(card).not.toContain('刘建国');
  });
});

// EXPECTED.md's visit note; each platform saves it, shows Undo, and the press removes it again.
const NOTE = '今天下午拜访了北方路桥的何军总工和新任总经理高远,高总对桥梁架设设备二期方案很感兴趣,预算大约600万,担心交付周期。下周三前发送交付计划。';
const a400Interactions = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM interactions WHERE account_id = 'A400'`)).rows[0].n;

describe('Undo on a saved visit note, per platform', () => {
  it('Feishu: the note is saved with an Undo button; pressing it removes the note and updates the card', async () => {
    feishuEmu.reset();
    const server = await webhookServer(adapters);
    const before = await a400Interactions();
    const ev = messageEvent({ token: FEISHU.token, senderOpenId: 'ou_zhang_demo', chatType: 'p2p', text: NOTE });
    await server.inject({ method: 'POST', url: '/webhooks/feishu', ...toInject(feishuCallback(ev, { encryptKey: FEISHU.encryptKey, timestamp: TS })) });
    await adapters.feishu!.work.idle();
    expect(await a400Interactions()).toBe(before + 1);
    const buttons = feishuEmu.cards.flatMap((c) => c.card.elements.filter((e: any) => e.tag === 'action').flatMap((e: any) => e.actions));
    const undo = buttons.find((b: any) => b.value.kam_action === 'note.undo');
    expect(undo).toBeDefined();
    const press = cardActionEvent({ token: FEISHU.token, operatorOpenId: 'ou_zhang_demo', value: undo.value, messageId: 'om_sent_1', chatId: 'oc_p2p_ou_zhang_demo' });
    const res = await server.inject({ method: 'POST', url: '/webhooks/feishu', ...toInject(feishuCallback(press, { encryptKey: FEISHU.encryptKey, timestamp: TS })) });
    expect(res.statusCode).toBe(200);
    const card = res.json().card;
    expect(card.type).toBe('raw');
    expect(JSON.stringify(card.data)).not.toContain('note.undo');
    await adapters.feishu!.work.idle();
    expect(await a400Interactions()).toBe(before);
  });

  it('WeCom: the Undo button of the template card removes the note and updates the card', async () => {
    wecomEmu.reset();
    const server = await webhookServer(adapters);
    const before = await a400Interactions();
    const cb = wecomCallback(WECOM, wecomTextXml({ corpId: WECOM.corpId, from: 'zhangwei', content: NOTE, msgId: '77100', createTime: TS }), TS);
    await server.inject({ method: 'POST', url: `/webhooks/wecom?${cb.query}`, headers: { 'content-type': 'text/xml' }, payload: cb.body });
    await adapters.wecom!.work.idle();
    expect(await a400Interactions()).toBe(before + 1);
    const card = wecomEmu.sent.find((m) => m.msgtype === 'template_card').template_card;
    const undo = card.button_list.find((b: any) => b.key.startsWith('note.undo'));
    expect(undo).toBeDefined();
    const press = wecomCallback(WECOM, wecomCardEventXml({ corpId: WECOM.corpId, from: 'zhangwei', eventKey: undo.key, taskId: card.task_id, createTime: TS + 5, responseCode: 'rc-undo' }), TS);
    expect((await server.inject({ method: 'POST', url: `/webhooks/wecom?${press.query}`, headers: { 'content-type': 'text/xml' }, payload: press.body })).statusCode).toBe(200);
    await adapters.wecom!.work.idle();
    expect(await a400Interactions()).toBe(before);
    const update = wecomEmu.calls('/cgi-bin/message/update_template_card');
    expect(update).toHaveLength(1);
    expect(update[0].body).toMatchObject({ userids: ['zhangwei'], response_code: 'rc-undo' });
  });

  it('Slack: the Undo button removes the note and the message is updated in place', async () => {
    slackEmu.reset();
    const server = await webhookServer(adapters);
    const before = await a400Interactions();
    await server.inject({ method: 'POST', url: '/webhooks/slack', ...toInject(slackEvent(SLACK_SECRET, TS, dmEvent('EvNote1', 'U0ZHANG', NOTE, { channel: 'D0ZHANG' }))) });
    await adapters.slack!.work.idle();
    expect(await a400Interactions()).toBe(before + 1);
    const buttons = slackEmu.posts.flatMap((p) => (typeof p.blocks === 'string' ? JSON.parse(p.blocks) : p.blocks).filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements));
    const undo = buttons.find((b: any) => JSON.parse(b.value).a === 'note.undo');
    expect(undo).toBeDefined();
    const payload = {
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U0ZHANG' },
      trigger_id: 'trig-undo',
      container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'D0ZHANG', is_ephemeral: false },
      channel: { id: 'D0ZHANG' },
      message: { ts: '1700000000.000001' },
      actions: [{ type: 'button', action_id: undo.action_id, value: undo.value, action_ts: '1700000009.1' }],
    };
    expect((await server.inject({ method: 'POST', url: '/webhooks/slack', ...toInject(slackForm(SLACK_SECRET, TS, { payload: JSON.stringify(payload) })) })).statusCode).toBe(200);
    await adapters.slack!.work.idle();
    expect(await a400Interactions()).toBe(before);
    const updates = slackEmu.calls('/api/chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0].body).toMatchObject({ channel: 'D0ZHANG', ts: '1700000000.000001' });
  });
});

describe('alerts from the outbox', () => {
  it('each alert reaches its recipient on the first configured platform that has their id', async () => {
    feishuEmu.reset();
    const before = [...getAdapters()];
    for (const a of adapters.list) registerAdapter(a);
    try {
      await sweepAlerts(db, { at: asOfNow(SAMPLE_AT, 'Asia/Shanghai'), lang: 'zh' });
      const result = await drainWithRegistry(app, SAMPLE_AT);
      expect(result.sent).toBeGreaterThan(0);
      expect(result.failed + result.undeliverable).toBe(0);
    } finally {
      for (const a of adapters.list) unregisterAdapter(a.platform);
      for (const a of before) registerAdapter(a);
    }
    const pushes = feishuEmu.calls('/open-apis/im/v1/messages').filter((r) => r.query.receive_id_type === 'open_id');
    const toLi = pushes.filter((r) => r.body.receive_id === 'ou_li_demo').map((r) => r.body.content as string);
    // EXPECTED.md: u_li gets (among others) A300's contract expiry and A200's budget lag.
    expect(toLi.some((c) => c.includes('江南港务'))).toBe(true);
    expect(toLi.some((c) => c.includes('西山矿业'))).toBe(true);
    // u_zhang's only alert is A400's decision-chain gap; u_zhao gets A300's complaint as FR.
    const toZhang = pushes.filter((r) => r.body.receive_id === 'ou_zhang_demo').map((r) => r.body.content as string);
    expect(toZhang.length).toBeGreaterThan(0);
    expect(toZhang.every((c) => c.includes('北方路桥'))).toBe(true);
    expect(pushes.some((r) => r.body.receive_id === 'ou_zhao_demo')).toBe(true);
    expect(pushes.some((r) => r.body.receive_id === 'ou_wang_demo')).toBe(false);
  });
});

describe('outbox pushes on WeCom and Slack', () => {
  it.each(['wecom', 'slack'] as const)('%s alone delivers an outbox row to the user it names', async (platform) => {
    const before = [...getAdapters()];
    for (const a of before) unregisterAdapter(a.platform);
    registerAdapter(adapters[platform]!);
    wecomEmu.reset();
    slackEmu.reset();
    try {
      const reply = { lang: 'zh', title: '预警', text: `预警\n${platform} 推送测试：江南港务合同 47 天后到期` };
      await enqueue(db, [{ recipientId: 'u_li', kind: 'alert', payload: { reply }, dedupKey: `it-${platform}` }], SAMPLE_AT);
      const result = await drainWithRegistry(app, SAMPLE_AT);
      expect(result.sent).toBe(1);
    } finally {
      unregisterAdapter(platform);
      for (const a of before) registerAdapter(a);
    }
    if (platform === 'wecom') {
      expect(wecomEmu.sent.map((m) => m.touser)).toEqual(['lina']);
      expect(wecomEmu.sent[0].markdown.content).toContain('wecom 推送测试');
    } else {
      expect(slackEmu.calls('/api/conversations.open')[0].body.users).toBe('U0LI');
      expect(slackEmu.posts.map((p) => p.channel)).toEqual(['D0LI']);
      expect(slackEmu.posts[0].text).toContain('slack 推送测试');
    }
  });
});

function toInject(req: { headers: Record<string, string>; body: string }) {
  return { headers: req.headers, payload: req.body };
}
