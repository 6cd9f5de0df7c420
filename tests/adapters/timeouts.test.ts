// A platform that hangs costs one deadline (KAM_PLATFORM_TIMEOUT_MS), never an answer: the
// answer is parked in the outbox and goes out once the platform answers again; a push through a
// hung platform is retried later. Feishu's `uuid` keeps a resend whose first response was lost
// from showing twice. Per platform, against the emulators hanging on demand.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { FeishuAdapter } from '../../adapters/feishu/index.ts';
import { SlackAdapter } from '../../adapters/slack/index.ts';
import { WecomAdapter } from '../../adapters/wecom/index.ts';
import type { Adapter } from '../../src/chat/types.ts';
import { loadConfig } from '../../src/config.ts';
import { logChannel } from '../../src/delivery/log-channel.ts';
import { DEFAULT_OUTBOX_SETTINGS } from '../../src/outbox/settings.ts';
import { drainOutbox } from '../../src/outbox/worker.ts';
import { enqueue, listOutbox } from '../../src/store/outbox.ts';
import { emptyDb } from '../helpers/db.ts';
import { FeishuEmulator, feishuCallback, messageEvent } from '../emulators/feishu.ts';
import { SlackEmulator, dmEvent, slackEvent } from '../emulators/slack.ts';
import { WecomEmulator, wecomCallback, wecomTextXml } from '../emulators/wecom.ts';
import type { PlatformEmulator } from '../emulators/platform-base.ts';
import { FakeEngine, quietLog, webhookServer } from './helpers.ts';

const NOW = new Date('2026-11-24T02:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);
const FEISHU_KEY = 'timeout-key';
const WECOM_KEYS = { token: 'ttoken', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wwTIMEOUT' };
const SLACK_SECRET = 'timeout-secret';
const RETRY = { attempts: 2, delayMs: 5 };
/** Short, so a hung call gives up quickly here. */
const TIMEOUT_MS = 300;

const feishuEmu = new FeishuEmulator({ appId: 'cli_t', appSecret: 's', botOpenId: 'ou_bot' });
const wecomEmu = new WecomEmulator({ corpId: WECOM_KEYS.corpId, secret: 's' });
const slackEmu = new SlackEmulator({ botToken: 'xoxb-t', botUserId: 'UBOT', botId: 'BBOT' });
let db: Db;

beforeAll(async () => {
  db = await emptyDb();
  await db.query(`INSERT INTO users (id, name, role, feishu_open_id, wecom_userid, slack_user_id) VALUES ('f', 'F', 'sales', 'ou_f', NULL, NULL), ('w', 'W', 'sales', NULL, 'wu', NULL), ('s', 'S', 'sales', NULL, NULL, 'US1')`);
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

const common = (engine: FakeEngine) => ({ db, log: quietLog, handler: engine.handler, lang: 'zh' as const, clock: () => NOW, retry: RETRY, timeoutMs: TIMEOUT_MS });

interface Case {
  name: 'feishu' | 'wecom' | 'slack';
  emulator: PlatformEmulator;
  sendPath: string;
  user: string;
  build(engine: FakeEngine): Adapter & { work: { idle(): Promise<void> } };
  deliver(adapter: any, id: string, text: string): Promise<void>;
  /** Texts the platform accepted (an answer that hung is not among them). */
  texts(): string[];
}

const cases: Case[] = [
  {
    name: 'feishu',
    emulator: feishuEmu,
    sendPath: '/open-apis/im/v1/messages',
    user: 'f',
    build: (engine) => new FeishuAdapter({ ...common(engine), config: { appId: 'cli_t', appSecret: 's', verificationToken: 'tok', encryptKey: FEISHU_KEY, baseUrl: feishuEmu.url, mode: 'webhook' } }),
    deliver: async (adapter, id, text) => {
      const cb = feishuCallback(messageEvent({ token: 'tok', eventId: id, messageId: `om_${id}`, senderOpenId: 'ou_asker', chatType: 'p2p', text }), { encryptKey: FEISHU_KEY, timestamp: TS });
      const res = await (await webhookServer({ feishu: adapter })).inject({ method: 'POST', url: '/webhooks/feishu', headers: cb.headers, payload: cb.body });
      expect(res.statusCode).toBe(200);
    },
    texts: () => feishuEmu.delivered.map((r) => JSON.parse(r.body.content).elements[0].text.content),
  },
  {
    name: 'wecom',
    emulator: wecomEmu,
    sendPath: '/cgi-bin/message/send',
    user: 'w',
    build: (engine) => new WecomAdapter({ ...common(engine), config: { ...WECOM_KEYS, agentId: '1000002', secret: 's', baseUrl: wecomEmu.url } }),
    deliver: async (adapter, id, text) => {
      const cb = wecomCallback(WECOM_KEYS, wecomTextXml({ corpId: WECOM_KEYS.corpId, from: 'lina', content: text, msgId: id, createTime: TS }), TS);
      const res = await (await webhookServer({ wecom: adapter })).inject({ method: 'POST', url: `/webhooks/wecom?${cb.query}`, headers: { 'content-type': 'text/xml' }, payload: cb.body });
      expect(res.statusCode).toBe(200);
    },
    texts: () => wecomEmu.accepted('/cgi-bin/message/send').filter((r) => !r.unanswered).map((r) => r.body.markdown.content),
  },
  {
    name: 'slack',
    emulator: slackEmu,
    sendPath: '/api/chat.postMessage',
    user: 's',
    build: (engine) =>
      new SlackAdapter({ ...common(engine), rateLimit: { limit: 100, windowMs: 1000 }, config: { botToken: 'xoxb-t', signingSecret: SLACK_SECRET, apiUrl: `${slackEmu.url}/api/` } }),
    deliver: async (adapter, id, text) => {
      const ev = slackEvent(SLACK_SECRET, TS, dmEvent(id, 'U0ASK', text, { ts: `1700000003.${id.replace(/\D/g, '').padStart(6, '0')}` }));
      const res = await (await webhookServer({ slack: adapter })).inject({ method: 'POST', url: '/webhooks/slack', headers: ev.headers, payload: ev.body });
      expect(res.statusCode).toBe(200);
    },
    texts: () => slackEmu.accepted('/api/chat.postMessage').filter((r) => !r.unanswered).map((r) => r.body.text),
  },
];

function drain(adapters: Adapter[], at: Date) {
  return drainOutbox(db, { now: at, settings: DEFAULT_OUTBOX_SETTINGS, adapters, fallback: logChannel(quietLog), log: quietLog, lang: 'zh' });
}

describe('platform call timeout', () => {
  it('KAM_PLATFORM_TIMEOUT_MS sets the deadline (10 s unless set) and refuses nonsense', () => {
    expect(loadConfig({}).platformTimeoutMs).toBe(10_000);
    expect(loadConfig({ KAM_PLATFORM_TIMEOUT_MS: '2500' }).platformTimeoutMs).toBe(2500);
    expect(() => loadConfig({ KAM_PLATFORM_TIMEOUT_MS: 'soon' })).toThrow(/KAM_PLATFORM_TIMEOUT_MS/);
  });
});

describe.each(cases)('$name: a platform that hangs', (c) => {
  it('an answer whose sends time out is parked, then delivered once when the platform answers again', async () => {
    const adapter = c.build(new FakeEngine());
    c.emulator.hangNext(c.sendPath, RETRY.attempts);
    await c.deliver(adapter, 'ev-hang-1', '江南港务合同');
    await adapter.work.idle();
    expect(c.emulator.calls(c.sendPath)).toHaveLength(RETRY.attempts);
    expect(c.texts()).toEqual([]);
    const parked = await listOutbox(db, ['pending']);
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ kind: 'reply', platform: c.name, attempts: 0 });

    expect(await drain([adapter], new Date(NOW.getTime() + 60_000))).toMatchObject({ sent: 1 });
    expect(c.texts()).toEqual(['收到：江南港务合同']);
  });

  it('a push through it is retried later with the timeout as its error', async () => {
    const adapter = c.build(new FakeEngine());
    c.emulator.hangNext(c.sendPath);
    await enqueue(db, [{ recipientId: c.user, kind: 'alert', payload: { reply: { lang: 'zh', text: '预警' } }, dedupKey: `push-${c.name}` }], NOW);
    expect(await drain([adapter], NOW)).toMatchObject({ sent: 0, retried: 1 });
    const [row] = await listOutbox(db, ['pending']);
    expect(row).toMatchObject({ attempts: 1, platform: c.name, lastError: expect.stringContaining(`timeout`) });
    expect(await drain([adapter], new Date(NOW.getTime() + 3600_000))).toMatchObject({ sent: 1 });
    expect(c.texts()).toEqual(['预警']);
  });
});

describe('Feishu idempotency keys', () => {
  it('an answer whose response was lost is resent with the same uuid and shown once', async () => {
    const adapter = cases[0].build(new FakeEngine());
    // Feishu takes the message, but its answer never comes back (both quick attempts).
    feishuEmu.hangNext('/open-apis/im/v1/messages', RETRY.attempts, { afterHandling: true });
    await cases[0].deliver(adapter, 'ev-lost-1', '你好');
    await adapter.work.idle();
    expect(await listOutbox(db, ['pending'])).toHaveLength(1);
    expect(await drain([adapter], new Date(NOW.getTime() + 60_000))).toMatchObject({ sent: 1 });
    const sends = feishuEmu.calls('/open-apis/im/v1/messages');
    expect(sends).toHaveLength(RETRY.attempts + 1);
    expect(new Set(sends.map((r) => r.body.uuid)).size).toBe(1);
    expect(cases[0].texts()).toEqual(['收到：你好']);
  });

  it('a push carries a uuid from its outbox row, so a retry after a lost response is shown once', async () => {
    const adapter = cases[0].build(new FakeEngine());
    feishuEmu.hangNext('/open-apis/im/v1/messages', 1, { afterHandling: true });
    await enqueue(db, [{ recipientId: 'f', kind: 'alert', payload: { reply: { lang: 'zh', text: '续约提醒' } }, dedupKey: 'push-lost' }], NOW);
    expect(await drain([adapter], NOW)).toMatchObject({ retried: 1 });
    expect(await drain([adapter], new Date(NOW.getTime() + 3600_000))).toMatchObject({ sent: 1 });
    const sends = feishuEmu.calls('/open-apis/im/v1/messages');
    expect(sends).toHaveLength(2);
    expect(sends[0].body.uuid).toMatch(/^[0-9a-f]{40}$/);
    expect(sends[1].body.uuid).toBe(sends[0].body.uuid);
    expect(cases[0].texts()).toEqual(['续约提醒']);
  });
});
