// The contract every messaging adapter keeps, run against each one with its emulator:
// a signed message → one reply; redeliveries → still one; forged or stale → 401, nothing stored;
// long replies split within the platform's limit with nothing lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.ts';
import { FeishuAdapter } from '../../adapters/feishu/index.ts';
import { renderFeishuCards, FEISHU_CARD_CHARS } from '../../adapters/feishu/render.ts';
import { SlackAdapter } from '../../adapters/slack/index.ts';
import { renderSlackMessages, SLACK_SECTION_CHARS } from '../../adapters/slack/render.ts';
import { WecomAdapter } from '../../adapters/wecom/index.ts';
import { renderWecom, WECOM_MESSAGE_BYTES } from '../../adapters/wecom/render.ts';
import type { Reply } from '../../src/chat/types.ts';
import { utf8Bytes } from '../../adapters/shared/split.ts';
import type { BackgroundWork } from '../../adapters/shared/background.ts';
import { emptyDb } from '../helpers/db.ts';
import { FeishuEmulator, feishuCallback, messageEvent } from '../emulators/feishu.ts';
import { SlackEmulator, dmEvent, slackEvent } from '../emulators/slack.ts';
import { WecomEmulator, wecomCallback, wecomTextXml } from '../emulators/wecom.ts';
import type { PlatformEmulator } from '../emulators/platform-base.ts';
import { countRows, FakeEngine, quietLog, webhookServer } from './helpers.ts';

const NOW = new Date('2026-11-24T02:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);

interface Inject {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload: string;
}

interface Harness {
  name: string;
  emulator: PlatformEmulator;
  build(db: Db, engine: FakeEngine): { work: BackgroundWork; mount: Parameters<typeof webhookServer>[0] };
  /** A signed text message from a person, signed at `ts`. */
  message(id: string, text: string, ts: number): Inject;
  forge(req: Inject): Inject;
  replies(): number;
  /** Sizes of the rendered parts of a reply, their limit, and the text they carry. */
  render(reply: Reply): { sizes: number[]; limit: number; text: string };
}

const FEISHU_KEY = 'contract-key';
const WECOM_KEYS = { token: 'ctoken', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wwCONTRACT' };
const SLACK_SECRET = 'contract-secret';

const flip = (s: string) => s.replace(/[0-9a-f]$/, (c) => (c === '0' ? '1' : '0'));

const harnesses: Harness[] = [
  (() => {
    const emulator = new FeishuEmulator({ appId: 'cli_c', appSecret: 's', botOpenId: 'ou_bot' });
    return {
      name: 'feishu',
      emulator,
      build: (db, engine) => {
        const a = new FeishuAdapter({
          config: { appId: 'cli_c', appSecret: 's', verificationToken: 'tok', encryptKey: FEISHU_KEY, baseUrl: emulator.url, mode: 'webhook' },
          db, log: quietLog, handler: engine.handler, lang: 'zh', clock: () => NOW,
        });
        return { work: a.work, mount: { feishu: a } };
      },
      message: (id, text, ts) => {
        const cb = feishuCallback(messageEvent({ token: 'tok', eventId: id, messageId: `om_${id}`, senderOpenId: 'ou_x', chatType: 'p2p', text }), { encryptKey: FEISHU_KEY, timestamp: ts });
        return { method: 'POST', url: '/webhooks/feishu', headers: cb.headers, payload: cb.body };
      },
      forge: (r) => ({ ...r, headers: { ...r.headers, 'x-lark-signature': flip(r.headers['x-lark-signature']) } }),
      replies: () => emulator.cards.length,
      render: (reply) => {
        const cards = renderFeishuCards(reply);
        const texts = cards.map((c) => (c.elements[0] as any).text.content as string);
        return { sizes: texts.map((t) => [...t].length), limit: FEISHU_CARD_CHARS, text: texts.join('\n') };
      },
    };
  })(),
  (() => {
    const emulator = new WecomEmulator({ corpId: WECOM_KEYS.corpId, secret: 's' });
    return {
      name: 'wecom',
      emulator,
      build: (db, engine) => {
        const a = new WecomAdapter({ config: { ...WECOM_KEYS, agentId: '1', secret: 's', baseUrl: emulator.url }, db, log: quietLog, handler: engine.handler, lang: 'zh', clock: () => NOW });
        return { work: a.work, mount: { wecom: a } };
      },
      message: (id, text, ts) => {
        const cb = wecomCallback(WECOM_KEYS, wecomTextXml({ corpId: WECOM_KEYS.corpId, from: 'u1', content: text, msgId: id.replace(/\D/g, '') || '1', createTime: ts }), ts);
        return { method: 'POST', url: `/webhooks/wecom?${cb.query}`, headers: { 'content-type': 'text/xml' }, payload: cb.body };
      },
      forge: (r) => ({ ...r, url: r.url.replace(/msg_signature=([0-9a-f]+)/, (_, s: string) => `msg_signature=${flip(s)}`) }),
      replies: () => emulator.sent.length,
      render: (reply) => {
        const parts = renderWecom(reply, 't').map((m) => (m as any).markdown.content as string);
        return { sizes: parts.map(utf8Bytes), limit: WECOM_MESSAGE_BYTES, text: parts.join('\n') };
      },
    };
  })(),
  (() => {
    const emulator = new SlackEmulator({ botToken: 'xoxb-c', botUserId: 'UBOT', botId: 'BBOT' });
    return {
      name: 'slack',
      emulator,
      build: (db, engine) => {
        const a = new SlackAdapter({ config: { botToken: 'xoxb-c', signingSecret: SLACK_SECRET, apiUrl: `${emulator.url}/api/` }, db, log: quietLog, handler: engine.handler, lang: 'zh', clock: () => NOW });
        return { work: a.work, mount: { slack: a } };
      },
      message: (id, text, ts) => {
        const e = slackEvent(SLACK_SECRET, ts, dmEvent(id, 'U1', text));
        return { method: 'POST', url: '/webhooks/slack', headers: e.headers, payload: e.body };
      },
      forge: (r) => ({ ...r, headers: { ...r.headers, 'x-slack-signature': flip(r.headers['x-slack-signature']) } }),
      replies: () => emulator.posts.length,
      render: (reply) => {
        const msgs = renderSlackMessages(reply);
        const texts = msgs.map((m) => (m.blocks.find((b: any) => b.type === 'section') as any).text.text as string);
        return { sizes: texts.map((t) => [...t].length), limit: SLACK_SECTION_CHARS, text: texts.join('\n') };
      },
    };
  })(),
];

describe.each(harnesses)('adapter contract: $name', (h) => {
  let db: Db;
  let server: FastifyInstance;
  let work: BackgroundWork;
  const engine = new FakeEngine();

  beforeAll(async () => {
    db = await emptyDb();
    await h.emulator.start();
    const built = h.build(db, engine);
    work = built.work;
    server = await webhookServer(built.mount);
  });
  afterAll(async () => {
    await work.idle();
    await h.emulator.stop();
    await db.close();
  });

  it('a signed message gets exactly one reply, however often it is delivered', async () => {
    const req = h.message('Ev100', '你好', TS);
    for (let i = 0; i < 3; i++) expect((await server.inject(req)).statusCode).toBe(200);
    await work.idle();
    expect(engine.seen.filter((m) => m.text === '你好')).toHaveLength(1);
    expect(h.replies()).toBe(1);
  });

  it('forged and stale requests get 401 and leave nothing behind', async () => {
    const stored = await countRows(db, 'processed_events');
    const replies = h.replies();
    expect((await server.inject(h.forge(h.message('Ev200', 'forged', TS)))).statusCode).toBe(401);
    expect((await server.inject(h.message('Ev201', 'stale', TS - 400))).statusCode).toBe(401);
    expect((await server.inject(h.message('Ev202', 'future', TS + 400))).statusCode).toBe(401);
    await work.idle();
    expect(await countRows(db, 'processed_events')).toBe(stored);
    expect(h.replies()).toBe(replies);
    expect(engine.seen.some((m) => ['forged', 'stale', 'future'].includes(m.text))).toBe(false);
  });

  it('splits a long reply within the platform limit, in order, nothing lost', () => {
    const text = Array.from({ length: 400 }, (_, i) => `${i}. ${'大客户经营'.repeat(8)}`).join('\n');
    const { sizes, limit, text: joined } = h.render({ lang: 'zh', text });
    expect(sizes.length).toBeGreaterThan(1);
    for (const s of sizes) expect(s).toBeLessThanOrEqual(limit);
    expect(joined.replace(/&amp;|&lt;|&gt;/g, '')).toBe(text);
  });
});
