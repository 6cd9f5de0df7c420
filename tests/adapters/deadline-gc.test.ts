// A platform call's deadline must fire even after a garbage collection: a composite signal of
// AbortSignal.any + AbortSignal.timeout is held weakly and, once collected, never aborts, so a
// hung platform held the answer until the connection died (seen as 30 s test hangs under load).
// Garbage is collected every few milliseconds here while the platform hangs.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { FeishuAdapter } from '../../adapters/feishu/index.ts';
import { CallDeadline } from '../../adapters/shared/deadline.ts';
import { WecomAdapter } from '../../adapters/wecom/index.ts';
import { listOutbox } from '../../src/store/outbox.ts';
import { emptyDb } from '../helpers/db.ts';
import { FeishuEmulator, feishuCallback, messageEvent } from '../emulators/feishu.ts';
import { WecomEmulator, wecomCallback, wecomTextXml } from '../emulators/wecom.ts';
import { FakeEngine, quietLog, webhookServer } from './helpers.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Runs `fn` while collecting garbage every 5 ms; fails if it takes longer than `limitMs`. */
async function underGc<T>(fn: () => Promise<T>, limitMs = 5000): Promise<T> {
  const loop = setInterval(gc, 5);
  let timer: NodeJS.Timeout | undefined;
  try {
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`still waiting after ${limitMs} ms`)), limitMs)));
    return await Promise.race([fn(), late]);
  } finally {
    clearInterval(loop);
    clearTimeout(timer);
  }
}

const NOW = new Date('2026-11-24T02:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);
const TIMEOUT_MS = 200;
const RETRY = { attempts: 2, delayMs: 5 };
const WECOM_KEYS = { token: 'gtoken', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wwGC' };
const FEISHU_KEY = 'gc-key';
const wecomEmu = new WecomEmulator({ corpId: WECOM_KEYS.corpId, secret: 's' });
const feishuEmu = new FeishuEmulator({ appId: 'cli_gc', appSecret: 's', botOpenId: 'ou_bot' });
let silent: Server;
let db: Db;

beforeAll(async () => {
  db = await emptyDb();
  await Promise.all([wecomEmu.start(), feishuEmu.start()]);
  silent = createServer(() => {}).listen(0, '127.0.0.1');
  await new Promise((r) => silent.once('listening', r));
});
afterAll(async () => {
  await Promise.all([wecomEmu.stop(), feishuEmu.stop()]);
  silent.closeAllConnections();
  silent.close();
  await db.close();
});

describe('call deadlines under garbage collection', () => {
  it('a fetch to a server that never answers is cut at the deadline', async () => {
    const deadline = new CallDeadline(TIMEOUT_MS);
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const outcomes = await underGc(() => Promise.all([1, 2, 3].map(() => fetch(url, { signal: deadline.signal() }).then(() => 'answered', (e) => deadline.cause(e)))));
    expect(outcomes).toEqual(['timeout', 'timeout', 'timeout']);
  });

  it('shutdown still cuts a running call short after a collection', async () => {
    const deadline = new CallDeadline(60_000);
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const call = fetch(url, { signal: deadline.signal() }).then(() => 'answered', (e) => deadline.cause(e));
    setTimeout(() => deadline.abort(), 200);
    expect(await underGc(() => call)).toBe('shutdown');
  });

  it('WeCom (fetch): the answer to a hung send is parked', async () => {
    const adapter = new WecomAdapter({ db, log: quietLog, handler: new FakeEngine().handler, lang: 'zh', clock: () => NOW, retry: RETRY, timeoutMs: TIMEOUT_MS, config: { ...WECOM_KEYS, agentId: '1000002', secret: 's', baseUrl: wecomEmu.url } });
    wecomEmu.hangNext('/cgi-bin/message/send', RETRY.attempts);
    const cb = wecomCallback(WECOM_KEYS, wecomTextXml({ corpId: WECOM_KEYS.corpId, from: 'lina', content: '合同', msgId: 'gc-1', createTime: TS }), TS);
    const res = await (await webhookServer({ wecom: adapter })).inject({ method: 'POST', url: `/webhooks/wecom?${cb.query}`, headers: { 'content-type': 'text/xml' }, payload: cb.body });
    expect(res.statusCode).toBe(200);
    await underGc(() => adapter.work.idle());
    expect(await listOutbox(db, ['pending'])).toMatchObject([{ platform: 'wecom', kind: 'reply' }]);
  });

  it('Feishu (the SDK over axios): the answer to a hung send is parked', async () => {
    await db.query('DELETE FROM outbox');
    const adapter = new FeishuAdapter({ db, log: quietLog, handler: new FakeEngine().handler, lang: 'zh', clock: () => NOW, retry: RETRY, timeoutMs: TIMEOUT_MS, config: { appId: 'cli_gc', appSecret: 's', verificationToken: 'tok', encryptKey: FEISHU_KEY, baseUrl: feishuEmu.url, mode: 'webhook' } });
    feishuEmu.hangNext('/open-apis/im/v1/messages', RETRY.attempts);
    const cb = feishuCallback(messageEvent({ token: 'tok', eventId: 'gc-2', messageId: 'om_gc-2', senderOpenId: 'ou_asker', chatType: 'p2p', text: '合同' }), { encryptKey: FEISHU_KEY, timestamp: TS });
    const res = await (await webhookServer({ feishu: adapter })).inject({ method: 'POST', url: '/webhooks/feishu', headers: cb.headers, payload: cb.body });
    expect(res.statusCode).toBe(200);
    await underGc(() => adapter.work.idle());
    expect(await listOutbox(db, ['pending'])).toMatchObject([{ platform: 'feishu', kind: 'reply' }]);
  });
});
