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
import { FeishuEmulator, feishuCallback, messageEvent } from '../emulators/feishu.ts';
import { SlackEmulator, dmEvent, slackEvent } from '../emulators/slack.ts';
import { WecomEmulator, wecomCallback, wecomTextXml } from '../emulators/wecom.ts';
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
