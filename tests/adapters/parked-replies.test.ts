// An answer the platform will not take even after the adapter's retries is parked in the outbox
// (transient errors) and the outbox worker delivers it later, once; a permanent refusal is logged
// with the platform's code and not retried. Per platform, against the emulators failing on demand.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { FeishuAdapter } from '../../adapters/feishu/index.ts';
import { SlackAdapter } from '../../adapters/slack/index.ts';
import { WecomAdapter } from '../../adapters/wecom/index.ts';
import { WECOM_MESSAGE_BYTES } from '../../adapters/wecom/render.ts';
import { parkReply } from '../../adapters/shared/reply-queue.ts';
import type { Adapter } from '../../src/chat/types.ts';
import { logChannel } from '../../src/delivery/log-channel.ts';
import { DEFAULT_OUTBOX_SETTINGS } from '../../src/outbox/settings.ts';
import { drainOutbox } from '../../src/outbox/worker.ts';
import { listOutbox } from '../../src/store/outbox.ts';
import { emptyDb } from '../helpers/db.ts';
import { FeishuEmulator, feishuCallback, messageEvent } from '../emulators/feishu.ts';
import { SlackEmulator, dmEvent, mentionEvent, slackEvent } from '../emulators/slack.ts';
import { WecomEmulator, wecomCallback, wecomTextXml } from '../emulators/wecom.ts';
import type { PlatformEmulator } from '../emulators/platform-base.ts';
import { capturingLog, FakeEngine, quietLog, webhookServer } from './helpers.ts';

const NOW = new Date('2026-11-24T02:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);
const FEISHU_KEY = 'parked-key';
const WECOM_KEYS = { token: 'ptoken', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wwPARKED' };
const SLACK_SECRET = 'parked-secret';
const RETRY = { attempts: 2, delayMs: 5 };

const feishuEmu = new FeishuEmulator({ appId: 'cli_p', appSecret: 's', botOpenId: 'ou_bot' });
const wecomEmu = new WecomEmulator({ corpId: WECOM_KEYS.corpId, secret: 's' });
const slackEmu = new SlackEmulator({ botToken: 'xoxb-p', botUserId: 'UBOT', botId: 'BBOT' });
let db: Db;

beforeAll(async () => {
  db = await emptyDb();
  await Promise.all([feishuEmu.start(), wecomEmu.start(), slackEmu.start()]);
});
afterAll(async () => {
  await Promise.all([feishuEmu.stop(), wecomEmu.stop(), slackEmu.stop()]);
  await db.close();
});
afterEach(async () => {
  for (const e of [feishuEmu, wecomEmu, slackEmu]) e.reset();
  await db.query('DELETE FROM processed_events');
  await db.query('DELETE FROM outbox');
});

function wecomAdapter(engine: FakeEngine, log = quietLog) {
  return new WecomAdapter({
    config: { ...WECOM_KEYS, agentId: '1000002', secret: 's', baseUrl: wecomEmu.url },
    db, log, handler: engine.handler, lang: 'zh', clock: () => NOW, retry: RETRY,
  });
}

interface Case {
  name: 'feishu' | 'wecom' | 'slack';
  emulator: PlatformEmulator;
  sendPath: string | RegExp;
  /** A response the platform gives when it is having a bad moment. */
  transient: { status?: number; body: unknown };
  build(engine: FakeEngine): Adapter & { work: { idle(): Promise<void> }; handleWebhook: any };
  deliver(adapter: any, id: string, text: string): Promise<void>;
  /** The text of each answered send request, in order. */
  texts(): string[];
}

const cases: Case[] = [
  {
    name: 'feishu',
    emulator: feishuEmu,
    sendPath: '/open-apis/im/v1/messages',
    transient: { status: 500, body: { code: 1000004, msg: 'internal error' } },
    build: (engine) =>
      new FeishuAdapter({
        config: { appId: 'cli_p', appSecret: 's', verificationToken: 'tok', encryptKey: FEISHU_KEY, baseUrl: feishuEmu.url, mode: 'webhook' },
        db, log: quietLog, handler: engine.handler, lang: 'zh', clock: () => NOW, retry: RETRY,
      }),
    deliver: async (adapter, id, text) => {
      const cb = feishuCallback(messageEvent({ token: 'tok', eventId: id, messageId: `om_${id}`, senderOpenId: 'ou_asker', chatType: 'p2p', text }), { encryptKey: FEISHU_KEY, timestamp: TS });
      const res = await (await webhookServer({ feishu: adapter })).inject({ method: 'POST', url: '/webhooks/feishu', headers: cb.headers, payload: cb.body });
      expect(res.statusCode).toBe(200);
    },
    texts: () => feishuEmu.accepted('/open-apis/im/v1/messages').map((r) => JSON.parse(r.body.content).elements[0].text.content),
  },
  {
    name: 'wecom',
    emulator: wecomEmu,
    sendPath: '/cgi-bin/message/send',
    transient: { body: { errcode: 45009, errmsg: 'api freq out of limit' } },
    build: (engine) => wecomAdapter(engine),
    deliver: async (adapter, id, text) => {
      const cb = wecomCallback(WECOM_KEYS, wecomTextXml({ corpId: WECOM_KEYS.corpId, from: 'lina', content: text, msgId: id, createTime: TS }), TS);
      const res = await (await webhookServer({ wecom: adapter })).inject({ method: 'POST', url: `/webhooks/wecom?${cb.query}`, headers: { 'content-type': 'text/xml' }, payload: cb.body });
      expect(res.statusCode).toBe(200);
    },
    texts: () => wecomEmu.accepted('/cgi-bin/message/send').map((r) => r.body.markdown.content),
  },
  {
    name: 'slack',
    emulator: slackEmu,
    sendPath: '/api/chat.postMessage',
    transient: { status: 503, body: 'service unavailable' },
    build: (engine) =>
      new SlackAdapter({
        config: { botToken: 'xoxb-p', signingSecret: SLACK_SECRET, apiUrl: `${slackEmu.url}/api/` },
        db, log: quietLog, handler: engine.handler, lang: 'zh', clock: () => NOW, retry: RETRY, rateLimit: { limit: 100, windowMs: 1000 },
      }),
    deliver: async (adapter, id, text) => {
      const ev = slackEvent(SLACK_SECRET, TS, dmEvent(id, 'U0ASK', text, { ts: `1700000002.${id.replace(/\D/g, '').padStart(6, '0')}` }));
      const res = await (await webhookServer({ slack: adapter })).inject({ method: 'POST', url: '/webhooks/slack', headers: ev.headers, payload: ev.body });
      expect(res.statusCode).toBe(200);
    },
    texts: () => slackEmu.accepted('/api/chat.postMessage').map((r) => r.body.text),
  },
];

function drain(adapters: Adapter[], at: Date) {
  return drainOutbox(db, { now: at, settings: DEFAULT_OUTBOX_SETTINGS, adapters, fallback: logChannel(quietLog), log: quietLog, lang: 'zh' });
}

describe.each(cases)('$name: an answer the platform keeps failing', (c) => {
  it('is parked in the outbox and delivered once by the outbox worker', async () => {
    const engine = new FakeEngine();
    const adapter = c.build(engine);
    // More failures than the adapter retries: the answer cannot go out now.
    c.emulator.failNext(c.sendPath, c.transient, RETRY.attempts);
    await c.deliver(adapter, 'ev-park-1', '江南港务合同');
    await adapter.work.idle();
    expect(c.texts()).toEqual([]);
    const parked = await listOutbox(db, ['pending']);
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ kind: 'reply', platform: c.name, attempts: 0 });
    expect(parked[0].payload.pending.parts).toHaveLength(1);
    expect(parked[0].payload.summary).toBe('收到：江南港务合同');

    // Another platform's adapter cannot take it; the row waits for its own.
    const wrong = cases.find((o) => o.name !== c.name)!.build(new FakeEngine());
    expect(await drain([wrong], NOW)).toMatchObject({ sent: 0, retried: 1 });
    expect(c.texts()).toEqual([]);

    const later = new Date(NOW.getTime() + 3600_000);
    expect(await drain([adapter], later)).toMatchObject({ sent: 1, failed: 0 });
    expect(c.texts()).toEqual(['收到：江南港务合同']);
    expect(await drain([adapter], new Date(later.getTime() + 3600_000))).toMatchObject({ sent: 0, retried: 0 });
    expect(c.texts()).toHaveLength(1);
    expect((await listOutbox(db, ['sent']))[0]).toMatchObject({ kind: 'reply', platform: c.name, recipientId: expect.stringMatching(new RegExp(`^${c.name}:`)) });
  });

  it('a failure the adapter retries away is not parked', async () => {
    const engine = new FakeEngine();
    const adapter = c.build(engine);
    c.emulator.failNext(c.sendPath, c.transient, RETRY.attempts - 1);
    await c.deliver(adapter, 'ev-park-2', '你好');
    await adapter.work.idle();
    expect(c.texts()).toEqual(['收到：你好']);
    expect(await listOutbox(db, ['pending', 'sending', 'sent', 'failed'])).toHaveLength(0);
  });
});

describe('permanent refusals', () => {
  it('WeCom: an unreachable member is logged with the errcode and not parked', async () => {
    const { log, lines } = capturingLog();
    const adapter = wecomAdapter(new FakeEngine(), log);
    wecomEmu.failNext('/cgi-bin/message/send', { body: { errcode: 81013, errmsg: 'user & party & tag all invalid' } });
    await cases[1].deliver(adapter, '5001', '你好');
    await adapter.work.idle();
    expect(wecomEmu.calls('/cgi-bin/message/send')).toHaveLength(1);
    expect(await listOutbox(db, ['pending', 'sending', 'sent', 'failed'])).toHaveLength(0);
    expect(lines.find((l) => l.event === 'reply_dropped')).toMatchObject({ platform: 'wecom', platformCode: 81013, cause: 'msg:5001' });
  });

  it('Slack: channel_not_found is logged with the error and not parked', async () => {
    const { log, lines } = capturingLog();
    const adapter = new SlackAdapter({
      config: { botToken: 'xoxb-p', signingSecret: SLACK_SECRET, apiUrl: `${slackEmu.url}/api/` },
      db, log, handler: new FakeEngine().handler, lang: 'zh', clock: () => NOW, retry: RETRY,
    });
    slackEmu.failNext('/api/chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    await cases[2].deliver(adapter, 'ev-perm-1', '你好');
    await adapter.work.idle();
    expect(slackEmu.calls('/api/chat.postMessage')).toHaveLength(1);
    expect(await listOutbox(db, ['pending'])).toHaveLength(0);
    expect(lines.find((l) => l.event === 'reply_dropped')).toMatchObject({ platform: 'slack', platformCode: 'channel_not_found' });
  });
});

describe('a long answer that fails part-way', () => {
  const long = Array.from({ length: 60 }, (_, i) => `第${String(i).padStart(2, '0')}行：${'客户经营'.repeat(11)}。`).join('\n');

  it('parks only the unsent parts, and a resend that fails again resumes where it stopped', async () => {
    const engine = new FakeEngine();
    engine.respond = () => ({ lang: 'zh', text: long });
    const adapter = wecomAdapter(engine);
    // Part 1 goes out; part 2 fails on both of the adapter's attempts.
    wecomEmu.failNext('/cgi-bin/message/send', { body: { errcode: -1, errmsg: 'system busy' } }, RETRY.attempts, 1);
    await cases[1].deliver(adapter, '6001', '长回复');
    await adapter.work.idle();
    const first = cases[1].texts();
    expect(first).toHaveLength(1);
    const [row] = await listOutbox(db, ['pending']);
    const total = row.payload.pending.parts.length + 1;
    expect(total).toBeGreaterThanOrEqual(5);

    // The worker gets one more part out, then the platform fails again.
    wecomEmu.failNext('/cgi-bin/message/send', { status: 502, body: 'bad gateway' }, 1, 1);
    expect(await drain([adapter], NOW)).toMatchObject({ sent: 0, retried: 1 });
    expect(cases[1].texts()).toHaveLength(2);
    const [again] = await listOutbox(db, ['pending']);
    expect(again.payload.pending.parts).toHaveLength(total - 2);
    expect(again.attempts).toBe(1);

    expect(await drain([adapter], new Date(NOW.getTime() + 3600_000))).toMatchObject({ sent: 1 });
    const parts = cases[1].texts();
    expect(parts).toHaveLength(total);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(WECOM_MESSAGE_BYTES);
    expect(parts.join('\n')).toBe(long);
  });
});

describe('WeCom appchat (group chats the app created)', () => {
  it('sends a long reply to the group through appchat/send in parts of at most 2,048 bytes, without buttons', async () => {
    const adapter = wecomAdapter(new FakeEngine());
    const long = Array.from({ length: 60 }, (_, i) => `第${String(i).padStart(2, '0')}行：${'团队周报'.repeat(11)}。`).join('\n');
    await adapter.sendToGroup('kamteam01', { lang: 'zh', text: long, buttons: [{ label: '撤销', action: 'note.undo', value: { note: '1' } }] });
    expect(wecomEmu.calls('/cgi-bin/message/send')).toHaveLength(0);
    const sent = wecomEmu.chatSent;
    expect(sent.length).toBeGreaterThanOrEqual(5);
    for (const m of sent) {
      expect(m).toMatchObject({ chatid: 'kamteam01', msgtype: 'markdown', safe: 0 });
      expect(Buffer.byteLength(m.markdown.content, 'utf8')).toBeLessThanOrEqual(WECOM_MESSAGE_BYTES);
    }
    expect(sent.map((m) => m.markdown.content).join('\n')).toBe(long);
    expect(JSON.stringify(sent)).not.toContain('template_card');
  });

  it('reports WeCom errors with the errcode, and a parked group answer goes back to the group', async () => {
    const adapter = wecomAdapter(new FakeEngine());
    wecomEmu.failNext('/cgi-bin/appchat/send', { body: { errcode: 45009, errmsg: 'api freq out of limit' } });
    expect(await adapter.sendToGroup('kamteam01', { lang: 'zh', text: '周报' }).catch((e) => e)).toMatchObject({ platform: 'wecom', code: 45009, transient: true });

    const parts = [{ msgtype: 'markdown', markdown: { content: '第一段' } }, { msgtype: 'markdown', markdown: { content: '第二段' } }];
    await parkReply({ db, log: quietLog, now: NOW, asker: 'lina', cause: 'msg:group-1' }, { platform: 'wecom', target: { chatid: 'kamteam01' }, parts });
    expect(await drain([adapter], NOW)).toMatchObject({ sent: 1 });
    expect(wecomEmu.answered('/cgi-bin/appchat/send').map((r) => [r.body.chatid, r.body.markdown.content])).toEqual([
      ['kamteam01', '第一段'],
      ['kamteam01', '第二段'],
    ]);
    expect(wecomEmu.calls('/cgi-bin/message/send')).toHaveLength(0);
  });
});

describe('parked answers go back where the question was asked', () => {
  it('Feishu: in a group, as a reply to the message that @-mentioned the bot', async () => {
    const adapter = cases[0].build(new FakeEngine()) as FeishuAdapter;
    feishuEmu.failNext(/\/reply$/, { status: 503, body: { code: 1000005, msg: 'busy' } }, RETRY.attempts);
    const ev = messageEvent({ token: 'tok', eventId: 'ev-grp-1', messageId: 'om_grp_1', senderOpenId: 'ou_asker', chatType: 'group', text: '@_user_1 江南港务', mentions: [{ key: '@_user_1', openId: 'ou_bot', name: 'KAM' }] });
    const cb = feishuCallback(ev, { encryptKey: FEISHU_KEY, timestamp: TS });
    await (await webhookServer({ feishu: adapter })).inject({ method: 'POST', url: '/webhooks/feishu', headers: cb.headers, payload: cb.body });
    await adapter.work.idle();
    const [row] = await listOutbox(db, ['pending']);
    expect(row.payload.pending.target).toEqual({ chatId: 'oc_group1', replyTo: 'om_grp_1' });
    expect(await drain([adapter], NOW)).toMatchObject({ sent: 1 });
    const replies = feishuEmu.answered('/open-apis/im/v1/messages/om_grp_1/reply');
    expect(replies).toHaveLength(1);
    expect(JSON.parse(replies[0].body.content).elements[0].text.content).toBe('收到：江南港务');
    // The resend carries the idempotency key of the first attempt, so Feishu drops a double.
    expect(replies[0].body.uuid).toBe(feishuEmu.calls('/open-apis/im/v1/messages/om_grp_1/reply')[0].body.uuid);
  });

  it('Slack: in a channel, in the thread of the mention', async () => {
    const adapter = cases[2].build(new FakeEngine()) as SlackAdapter;
    slackEmu.failNext('/api/chat.postMessage', { body: { ok: false, error: 'ratelimited' } }, RETRY.attempts);
    const ev = slackEvent(SLACK_SECRET, TS, mentionEvent('ev-mention-1', 'U0ASK', '<@UBOT> 江南港务', 'C0TEAM'));
    await (await webhookServer({ slack: adapter })).inject({ method: 'POST', url: '/webhooks/slack', headers: ev.headers, payload: ev.body });
    await adapter.work.idle();
    const [row] = await listOutbox(db, ['pending']);
    expect(row).toMatchObject({ recipientId: 'slack:U0ASK', payload: { pending: { target: { channel: 'C0TEAM', threadTs: '1700000000.000100' } } } });
    expect(await drain([adapter], NOW)).toMatchObject({ sent: 1 });
    expect(slackEmu.answered('/api/chat.postMessage').map((r) => [r.body.channel, r.body.thread_ts, r.body.text])).toEqual([['C0TEAM', '1700000000.000100', '收到：江南港务']]);
  });
});

describe('an access token the platform rejects', () => {
  it('Feishu: a rejected tenant token is fetched anew once and the answer goes out', async () => {
    const adapter = cases[0].build(new FakeEngine()) as FeishuAdapter;
    await cases[0].deliver(adapter, 'ev-tok-1', '一');
    await adapter.work.idle();
    const tokenCalls = feishuEmu.calls('/open-apis/auth/v3/tenant_access_token/internal').length;
    feishuEmu.expireTokens();
    await cases[0].deliver(adapter, 'ev-tok-2', '二');
    await adapter.work.idle();
    expect(feishuEmu.calls('/open-apis/auth/v3/tenant_access_token/internal')).toHaveLength(tokenCalls + 1);
    expect(cases[0].texts()).toEqual(['收到：一', '收到：二']);
    const [first, ...second] = feishuEmu.calls('/open-apis/im/v1/messages').map((r) => [r.headers.authorization, (r.response as { code: number }).code]);
    expect(second).toEqual([
      [first[0], 99991663],
      [expect.not.stringMatching(String(first[0])), 0],
    ]);
    expect(await listOutbox(db, ['pending'])).toHaveLength(0);
  });

  it.each([
    ['feishu', 0, '/open-apis/auth/v3/tenant_access_token/internal'],
    ['wecom', 1, '/cgi-bin/gettoken'],
  ] as const)('%s: when the refresh fails too, the answer is parked and goes out once the token endpoint is back', async (_name, i, tokenPath) => {
    const c = cases[i];
    const adapter = c.build(new FakeEngine());
    await c.deliver(adapter, '7001', '一');
    await adapter.work.idle();
    (c.emulator as FeishuEmulator | WecomEmulator).expireTokens();
    c.emulator.failNext(tokenPath, { status: 502, body: 'bad gateway' }, 10);
    await c.deliver(adapter, '7002', '二');
    await adapter.work.idle();
    expect(c.texts()).toEqual(['收到：一']);
    expect(await listOutbox(db, ['pending'])).toHaveLength(1);
    c.emulator.reset();
    expect(await drain([adapter], NOW)).toMatchObject({ sent: 1 });
    expect(c.texts()).toEqual(['收到：二']);
  });
});
