import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.ts';
import { FeishuAdapter, messageText, stripMentions } from '../../adapters/feishu/index.ts';
import { renderFeishuCards } from '../../adapters/feishu/render.ts';
import { feishuSignature } from '../../adapters/feishu/verify.ts';
import { PlatformError } from '../../src/errors.ts';
import { emptyDb } from '../helpers/db.ts';
import { cardActionEvent, FeishuEmulator, feishuCallback, FeishuWsEmulator, messageEvent } from '../emulators/feishu.ts';
import { capturingLog, countRows, FakeEngine, quietLog, webhookServer } from './helpers.ts';

// research/platforms.md §4.1 (made-up secrets).
const ENCRYPT_KEY = 'test-encrypt-key-123';
const TOKEN = 'test-verification-token';
const VECTOR_BODY =
  '{"encrypt":"AAECAwQFBgcICQoLDA0OD0RJ9huxT2m++fbbL88Aiuo+OJB7GgJUvORukUjl4S/4Hu/9GKLYvUI1ErOaYR2CfTM1NZr5IGIGuF07rayNkDnXnAGrHeuRieloh8MDmhCyqQzRgY3/6s5SDz+BhIOwpLbuiQmrNpMaBizZZ+kj4BArrvnQX95XIJ9oOom4rpPeW84e4jRFjIvVRBDg39OmdhfaRI6gje+jBo4oFyK8Lnb6JfQtTYcGEfcCuOzM7qavG+wn7Hucy1WThIVsUq5WRopXMhEjP2T+4fcBbKTgKWPcJeBmb4bXNAucSZejQ5bZnjLnhCWs3/GTQ8wrgc4/tibAYuFYi8Zenz7di5d7Z2wUAMXVpMqHMqI6kQehMJTpGCLhH2byKthd+kXH3HGiz8bNQUX7O+7lwOYc3L1/+atvjYFnHE6vvdQtb6DYxAJNoD3dsqlOv/qK+Zf3dR8tEQgFJNSb+it5lTTQvzA2NladRUv+X45JipI4xEn/vTf/+s2GfyCdDxrfyQgeSvpq/tgYDA3VSurXqk0I84ADyXx2/3x/cBmoHPxJz07Oq/5J1EbvMjrjKtc7IgkMs1+SuFNT/QXrZdfAlsnYWIupgjKJsB8EY9yWwnn/fKRGG6bfGRlehOpbBOTlwbTbh183evpQ7AHODu5rhsGZzuKP3WdrEAdYrZ/wlrtKX+KKkGC5OLpYp5h/YyTZO5nTskcR+NQd/lJ86MoS2i64/kIvm96vDQkOdJx9finOM6fR0psrWnfK5WP6ZHsRPmeILSDPYj23UBDTwfqTW67N2PgqA8U8TH82U+5HAiHfIp/drOWs+CZj6LMhABNhmyumJVVkzbn3gkw3WkWuV3LpGmeBXoYPzZX3qCff7k/hqKk+UxQv3Df+AfRJMVge6sswf1eFuLh6fqvsm4aF40C6pbVVFfk8yhjccHcF+Gsi7wqkkLYf9KhrbtSs9oOxD+MhqM57khFU0E0xJF8pSnteIujcSTgYm0G0M9HoNt6EGZP8ofJG"}';
const VECTOR_HEADERS = {
  'content-type': 'application/json',
  'x-lark-request-timestamp': '1700000000',
  'x-lark-request-nonce': 'abc123nonce',
  'x-lark-signature': 'a0112c1f29dd93da124d49459fa4a4d305a176d34f5afe109b10bf3d6d9335ab',
};
const VECTOR_CHALLENGE_BODY =
  '{"encrypt":"AAECAwQFBgcICQoLDA0OD7PVZRoi4t4QIuY0sS8ZOovEk/kGoyRigpdu2APy8/19c1r3pHMK8qO9r7MOa/WnUztKJerHsHs+V0k75Czpk2M2CEUGhbZfKP3Y49/oKplwW5AeX0wB4tXF5IHXAMjnvQ=="}';

const NOW = new Date('2026-11-24T02:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);

let db: Db;
let emu: FeishuEmulator;

beforeAll(async () => {
  db = await emptyDb();
  emu = await new FeishuEmulator({ appId: 'cli_test', appSecret: 'feishu-secret', botOpenId: 'ou_bot1' }).start();
});
afterAll(async () => {
  await emu.stop();
  await db.close();
});
afterEach(async () => {
  emu.reset();
  await db.query('DELETE FROM processed_events');
});

function adapter(engine: FakeEngine, opts: { clock?: Date; encryptKey?: string | null; log?: any; cardDeadlineMs?: number } = {}) {
  return new FeishuAdapter({
    config: {
      appId: 'cli_test',
      appSecret: 'feishu-secret',
      verificationToken: TOKEN,
      encryptKey: opts.encryptKey === null ? undefined : (opts.encryptKey ?? ENCRYPT_KEY),
      baseUrl: emu.url,
      mode: 'webhook',
    },
    db,
    log: opts.log ?? quietLog,
    handler: engine.handler,
    lang: 'zh',
    clock: () => opts.clock ?? NOW,
    cardDeadlineMs: opts.cardDeadlineMs,
    retry: { attempts: 2, delayMs: 5 },
  });
}

function post(server: FastifyInstance, cb: { headers: Record<string, string>; body: string }) {
  return server.inject({ method: 'POST', url: '/webhooks/feishu', headers: cb.headers, payload: cb.body });
}

describe('Feishu URL verification', () => {
  it('answers the encrypted challenge of the research vector, and a plain one when no key is set', async () => {
    const enc = await webhookServer({ feishu: adapter(new FakeEngine()) });
    // The vector's body is already encrypted: sign its exact bytes as Feishu would.
    const headers = {
      'content-type': 'application/json',
      'x-lark-request-timestamp': String(TS),
      'x-lark-request-nonce': 'n1',
      'x-lark-signature': feishuSignature(String(TS), 'n1', ENCRYPT_KEY, Buffer.from(VECTOR_CHALLENGE_BODY)),
    };
    const res = await post(enc, { headers, body: VECTOR_CHALLENGE_BODY });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ challenge: 'ajls384kdjx98XX' });
    // Feishu posts the URL check with no signature headers even when an Encrypt Key is set: it
    // is answered once it decrypts with our key and carries our token; nothing else is.
    const unsigned = await post(enc, { headers: { 'content-type': 'application/json' }, body: VECTOR_CHALLENGE_BODY });
    expect(unsigned.statusCode).toBe(200);
    expect(unsigned.json()).toEqual({ challenge: 'ajls384kdjx98XX' });
    const stripSignature = (cb: { headers: Record<string, string>; body: string }) => ({ headers: { 'content-type': 'application/json' }, body: cb.body });
    const ours = feishuCallback({ type: 'url_verification', challenge: 'c-ours', token: TOKEN }, { encryptKey: ENCRYPT_KEY, timestamp: TS });
    expect((await post(enc, stripSignature(ours))).json()).toEqual({ challenge: 'c-ours' });
    const wrongToken = feishuCallback({ type: 'url_verification', challenge: 'c-x', token: 'not-the-token' }, { encryptKey: ENCRYPT_KEY, timestamp: TS });
    expect((await post(enc, stripSignature(wrongToken))).statusCode).toBe(401);
    const otherKey = feishuCallback({ type: 'url_verification', challenge: 'c-x', token: TOKEN }, { encryptKey: 'another-key', timestamp: TS });
    expect((await post(enc, stripSignature(otherKey))).statusCode).toBe(401);
    const plainChallenge = feishuCallback({ type: 'url_verification', challenge: 'c-x', token: TOKEN }, { timestamp: TS });
    expect((await post(enc, plainChallenge)).statusCode).toBe(401);
    const event = feishuCallback(messageEvent({ token: TOKEN, senderOpenId: 'ou_li_demo', chatType: 'p2p', text: '你好' }), { encryptKey: ENCRYPT_KEY, timestamp: TS });
    expect((await post(enc, stripSignature(event))).statusCode).toBe(401);

    const plain = await webhookServer({ feishu: adapter(new FakeEngine(), { encryptKey: null }) });
    const ok = await post(plain, feishuCallback({ type: 'url_verification', challenge: 'c-123', token: TOKEN }, { timestamp: TS }));
    expect(ok.json()).toEqual({ challenge: 'c-123' });
    const wrong = await post(plain, feishuCallback({ type: 'url_verification', challenge: 'c-123', token: 'not-the-token' }, { timestamp: TS }));
    expect(wrong.statusCode).toBe(401);
  });
});

describe('Feishu messages', () => {
  it('takes the research vector (group, bot @-mentioned): strips the mention and replies to the message', async () => {
    const engine = new FakeEngine();
    const feishu = adapter(engine, { clock: new Date(1700000010 * 1000) });
    const server = await webhookServer({ feishu });
    const res = await post(server, { headers: VECTOR_HEADERS, body: VECTOR_BODY });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({});
    await feishu.work.idle();
    expect(engine.seen).toEqual([
      expect.objectContaining({ platform: 'feishu', platformUserId: 'ou_sender1', chatId: 'oc_chat1', chatType: 'group', mentioned: true, text: 'hello', eventId: 'f7984f25108f8137722bb63cee927e66' }),
    ]);
    const [reply] = emu.cards;
    expect(reply.path).toBe('/open-apis/im/v1/messages/om_test1/reply');
    expect(JSON.stringify(reply.card)).toContain('收到：hello');
    const call = emu.calls('/open-apis/im/v1/messages/om_test1/reply')[0];
    expect(call.headers.authorization).toBe('Bearer t-emulated');
    expect(call.body.msg_type).toBe('interactive');
  });

  it('a direct message is answered in its chat; the same event three times gets one reply, also after a restart', async () => {
    const engine = new FakeEngine();
    const first = adapter(engine);
    const server = await webhookServer({ feishu: first });
    const cb = feishuCallback(messageEvent({ token: TOKEN, senderOpenId: 'ou_li_demo', chatType: 'p2p', text: '你好' }), { encryptKey: ENCRYPT_KEY, timestamp: TS });
    for (let i = 0; i < 3; i++) expect((await post(server, cb)).statusCode).toBe(200);
    await first.work.idle();
    const restarted = adapter(engine);
    expect((await post(await webhookServer({ feishu: restarted }), cb)).statusCode).toBe(200);
    await restarted.work.idle();
    expect(engine.seen).toHaveLength(1);
    expect(emu.cards).toHaveLength(1);
    const create = emu.calls('/open-apis/im/v1/messages')[0];
    expect(create.query.receive_id_type).toBe('chat_id');
    expect(create.body.receive_id).toBe('oc_p2p_ou_li_demo');
    expect(create.body.uuid).toMatch(/^[0-9a-f]{40}$/);
  });

  it('refuses forged, stale, unsigned and re-serialized callbacks with 401, storing nothing', async () => {
    const engine = new FakeEngine();
    const { log, lines } = capturingLog();
    const feishu = adapter(engine, { log });
    const server = await webhookServer({ feishu });
    const before = await countRows(db, 'processed_events');
    const event = messageEvent({ token: TOKEN, senderOpenId: 'ou_li_demo', chatType: 'p2p', text: '你好' });
    const forged = feishuCallback(event, { encryptKey: ENCRYPT_KEY, timestamp: TS });
    forged.headers['x-lark-signature'] = forged.headers['x-lark-signature'].replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    expect((await post(server, forged)).statusCode).toBe(401);
    const stale = feishuCallback(event, { encryptKey: ENCRYPT_KEY, timestamp: TS - 301 });
    expect((await post(server, stale)).statusCode).toBe(401);
    const future = feishuCallback(event, { encryptKey: ENCRYPT_KEY, timestamp: TS + 301 });
    expect((await post(server, future)).statusCode).toBe(401);
    const unsigned = feishuCallback(event, { timestamp: TS });
    expect((await post(server, unsigned)).statusCode).toBe(401);
    const good = feishuCallback(event, { encryptKey: ENCRYPT_KEY, timestamp: TS });
    expect((await post(server, { headers: good.headers, body: JSON.stringify(JSON.parse(good.body), null, 1) })).statusCode).toBe(401);
    const wrongToken = feishuCallback(messageEvent({ token: 'other-app-token', senderOpenId: 'ou_li_demo', chatType: 'p2p', text: 'x' }), { encryptKey: ENCRYPT_KEY, timestamp: TS });
    expect((await post(server, wrongToken)).statusCode).toBe(401);
    await feishu.work.idle();
    expect(await countRows(db, 'processed_events')).toBe(before);
    expect(engine.seen).toHaveLength(0);
    expect(emu.requests).toHaveLength(0);
    expect(lines.filter((l) => l.event === 'webhook_refused').map((l) => l.reason)).toEqual([
      'bad x-lark-signature',
      'timestamp outside the 5-minute window',
      'timestamp outside the 5-minute window',
      'missing x-lark-request-timestamp, -nonce or -signature',
      'bad x-lark-signature',
      'verification token does not match',
    ]);
  });

  it('in a group answers only when the bot itself is @-mentioned', async () => {
    const engine = new FakeEngine();
    const feishu = adapter(engine);
    const server = await webhookServer({ feishu });
    const send = (e: unknown) => post(server, feishuCallback(e, { encryptKey: ENCRYPT_KEY, timestamp: TS }));
    await send(messageEvent({ token: TOKEN, senderOpenId: 'ou_a', chatType: 'group', text: '大家好' }));
    await send(messageEvent({ token: TOKEN, senderOpenId: 'ou_a', chatType: 'group', text: '@_user_1 看一下', mentions: [{ key: '@_user_1', openId: 'ou_someone', name: '王磊', userId: 'wl' }] }));
    await send(
      messageEvent({
        token: TOKEN,
        senderOpenId: 'ou_a',
        chatType: 'group',
        text: '@_user_1 问下 @_user_2 的客户',
        mentions: [
          { key: '@_user_1', openId: 'ou_bot1', name: 'KAM' },
          { key: '@_user_2', openId: 'ou_someone', name: '王磊', userId: 'wl' },
        ],
      }),
    );
    await feishu.work.idle();
    expect(engine.seen.map((m) => m.text)).toEqual(['问下 @王磊 的客户']);
  });

  it('answers an image with the text-only notice', async () => {
    const engine = new FakeEngine();
    const feishu = adapter(engine);
    const server = await webhookServer({ feishu });
    await post(server, feishuCallback(messageEvent({ token: TOKEN, senderOpenId: 'ou_a', chatType: 'p2p', messageType: 'image' }), { encryptKey: ENCRYPT_KEY, timestamp: TS }));
    await feishu.work.idle();
    expect(engine.seen).toHaveLength(0);
    expect(JSON.stringify(emu.cards[0].card)).toContain('只能读文字和语音消息');
  });

  it('acks before a slow engine has answered', async () => {
    const engine = new FakeEngine();
    engine.hold();
    const feishu = adapter(engine);
    const server = await webhookServer({ feishu });
    const res = await post(server, feishuCallback(messageEvent({ token: TOKEN, senderOpenId: 'ou_a', chatType: 'p2p', text: '慢' }), { encryptKey: ENCRYPT_KEY, timestamp: TS }));
    expect(res.statusCode).toBe(200);
    expect(emu.cards).toHaveLength(0);
    engine.release();
    await feishu.work.idle();
    expect(emu.cards).toHaveLength(1);
  });
});

describe('Feishu card buttons', () => {
  const undoReply = { lang: 'zh' as const, text: '已记录拜访', buttons: [{ label: '撤销', action: 'note.undo', value: { note: '7' }, style: 'danger' as const }] };

  it('a press reaches the engine as an action and the answer replaces the card in the callback response', async () => {
    const engine = new FakeEngine();
    engine.respond = (msg) => (msg.action ? { lang: 'zh', text: '已撤销' } : undoReply);
    const feishu = adapter(engine);
    const server = await webhookServer({ feishu });
    const [card] = renderFeishuCards(undoReply);
    const button = (card.elements.at(-1) as any).actions[0];
    expect(button.text.content).toBe('撤销');
    const press = feishuCallback(cardActionEvent({ token: TOKEN, operatorOpenId: 'ou_zhang_demo', value: button.value, messageId: 'om_card1', chatId: 'oc_p2p_zhang' }), {
      encryptKey: ENCRYPT_KEY,
      timestamp: TS,
    });
    const res = await post(server, press);
    expect(res.statusCode).toBe(200);
    expect(res.json().card.type).toBe('raw');
    expect(JSON.stringify(res.json().card.data)).toContain('已撤销');
    expect(engine.seen[0]).toMatchObject({ platformUserId: 'ou_zhang_demo', action: { action: 'note.undo', value: { note: '7' } } });
    // Feishu redelivers the same callback: not processed twice.
    expect((await post(server, press)).json()).toEqual({});
    expect(engine.seen).toHaveLength(1);
  });

  it('when the engine is slow, answers with a toast and patches the card afterwards', async () => {
    const engine = new FakeEngine();
    engine.respond = () => ({ lang: 'zh', text: '已撤销（慢）' });
    engine.hold();
    const feishu = adapter(engine, { cardDeadlineMs: 50 });
    const server = await webhookServer({ feishu });
    const press = feishuCallback(cardActionEvent({ token: TOKEN, operatorOpenId: 'ou_zhang_demo', value: { kam_action: 'note.undo' }, messageId: 'om_card2', chatId: 'oc_x' }), {
      encryptKey: ENCRYPT_KEY,
      timestamp: TS,
    });
    const res = await post(server, press);
    expect(res.json()).toEqual({ toast: { type: 'info', content: '正在处理…' } });
    engine.release();
    await feishu.work.idle();
    const patch = emu.calls('/open-apis/im/v1/messages/om_card2');
    expect(patch).toHaveLength(1);
    expect(patch[0].method).toBe('PATCH');
    expect(patch[0].body.content).toContain('已撤销（慢）');
  });
});

describe('Feishu payloads with null fields', () => {
  // As Feishu sends them to an app without the user-id scope: user_id and union_id are null in
  // mentions and sender ids, and a mention may come without a name.
  const withNulls = (messageType: 'text' | 'post', content: unknown) => {
    const ev = messageEvent({ token: TOKEN, senderOpenId: 'ou_a', chatType: 'group', text: '' }) as any;
    ev.event.sender.sender_id = { open_id: 'ou_a', user_id: null, union_id: null };
    ev.event.message.message_type = messageType;
    ev.event.message.content = JSON.stringify(content);
    ev.event.message.root_id = null;
    ev.event.message.mentions = [
      { key: '@_user_1', id: { open_id: 'ou_bot1', user_id: null, union_id: null }, name: 'KAM', tenant_key: 't1' },
      { key: '@_user_2', id: { open_id: 'ou_someone', user_id: null, union_id: 'on_x' }, name: null, tenant_key: null },
    ];
    return ev;
  };

  it('answers group text and rich-text (post) messages whose mentions carry user_id null', async () => {
    const engine = new FakeEngine();
    const feishu = adapter(engine);
    const server = await webhookServer({ feishu });
    const text = withNulls('text', { text: '@_user_1 西山矿业的合同' });
    const post_ = withNulls('post', { title: null, content: [[{ tag: 'at', user_id: '@_user_1', user_name: 'KAM' }, { tag: 'text', text: ' 中建华东的工单' }]] });
    for (const ev of [text, post_]) expect((await post(server, feishuCallback(ev, { encryptKey: ENCRYPT_KEY, timestamp: TS }))).statusCode).toBe(200);
    await feishu.work.idle();
    expect(engine.seen.map((m) => m.text)).toEqual(['西山矿业的合同', '中建华东的工单']);
    expect(emu.cards).toHaveLength(2);
  });

  it('a card press with null context fields reaches the engine', async () => {
    const engine = new FakeEngine();
    const feishu = adapter(engine);
    const server = await webhookServer({ feishu });
    const press = cardActionEvent({ token: TOKEN, operatorOpenId: 'ou_a', value: { kam_action: 'note.undo', kam_value: { note: '7' } }, messageId: 'om_9', chatId: 'oc_9' }) as any;
    press.event.operator.user_id = null;
    press.event.action.tag = null;
    press.event.context.open_chat_id = null;
    expect((await post(server, feishuCallback(press, { encryptKey: ENCRYPT_KEY, timestamp: TS }))).statusCode).toBe(200);
    await feishu.work.idle();
    expect(engine.seen).toEqual([expect.objectContaining({ platformUserId: 'ou_a', chatId: 'ou_a', action: { action: 'note.undo', value: { note: '7' } } })]);
  });

  it('an event that still fails its schema is logged at warn with the reason (no values)', async () => {
    const { log, lines } = capturingLog();
    const feishu = adapter(new FakeEngine(), { log });
    const server = await webhookServer({ feishu });
    const ev = messageEvent({ token: TOKEN, senderOpenId: 'ou_a', chatType: 'p2p', text: '秘密内容' }) as any;
    ev.event.message.chat_id = null;
    expect((await post(server, feishuCallback(ev, { encryptKey: ENCRYPT_KEY, timestamp: TS }))).statusCode).toBe(200);
    const warn = lines.find((l) => l.event === 'webhook_invalid');
    expect(warn).toMatchObject({ level: 40, reason: expect.stringContaining('message.chat_id') });
    expect(JSON.stringify(warn)).not.toContain('秘密内容');
  });
});

describe('Feishu without an Encrypt Key, and over the long connection', () => {
  it('plain callbacks are checked by verification token', async () => {
    const engine = new FakeEngine();
    const feishu = adapter(engine, { encryptKey: null });
    const server = await webhookServer({ feishu });
    const bad = feishuCallback(messageEvent({ token: 'guess', senderOpenId: 'ou_a', chatType: 'p2p', text: 'x' }), { timestamp: TS });
    expect((await post(server, bad)).statusCode).toBe(401);
    const good = feishuCallback(messageEvent({ token: TOKEN, createTime: NOW.getTime(), senderOpenId: 'ou_a', chatType: 'p2p', text: '明文' }), { timestamp: TS });
    expect((await post(server, good)).statusCode).toBe(200);
    await feishu.work.idle();
    expect(engine.seen.map((m) => m.text)).toEqual(['明文']);
  });

  it('without an Encrypt Key, events older than the dedup window (header.create_time) are refused', async () => {
    const engine = new FakeEngine();
    const { log, lines } = capturingLog();
    const feishu = adapter(engine, { encryptKey: null, log });
    const server = await webhookServer({ feishu });
    const at = (createTime: number, text: string) => feishuCallback(messageEvent({ token: TOKEN, createTime, senderOpenId: 'ou_a', chatType: 'p2p', text }), { timestamp: TS });
    const day = 24 * 3600 * 1000;
    expect((await post(server, at(NOW.getTime() - 8 * day, '旧的'))).statusCode).toBe(401);
    expect((await post(server, at(NOW.getTime() + day, '将来的'))).statusCode).toBe(401);
    expect((await post(server, at(NOW.getTime() - 6 * day, '六天前'))).statusCode).toBe(200);
    const press = cardActionEvent({ token: TOKEN, createTime: NOW.getTime() - 30 * day, operatorOpenId: 'ou_a', value: { kam_action: 'note.undo' }, messageId: 'om_1', chatId: 'oc_1' });
    expect((await post(server, feishuCallback(press, { timestamp: TS }))).statusCode).toBe(401);
    await feishu.work.idle();
    expect(engine.seen.map((m) => m.text)).toEqual(['六天前']);
    expect(lines.filter((l) => l.event === 'webhook_refused').map((l) => l.reason)).toEqual([
      'event older than the dedup window',
      'event created in the future',
      'event older than the dedup window',
    ]);
  });

  it('in ws mode the webhook is off and events the SDK dispatches take the same path', async () => {
    const engine = new FakeEngine();
    const feishu = new FeishuAdapter({
      config: { appId: 'cli_test', appSecret: 'feishu-secret', baseUrl: emu.url, mode: 'ws' },
      db,
      log: quietLog,
      handler: engine.handler,
      lang: 'zh',
      clock: () => NOW,
    });
    const server = await webhookServer({ feishu });
    expect((await post(server, feishuCallback({ type: 'url_verification', challenge: 'c' }, { timestamp: TS }))).statusCode).toBe(404);
    // What WSClient does with an event frame: dispatcher.invoke(data, { needCheck: false }).
    const event = messageEvent({ token: '', eventId: 'ev_ws_1', senderOpenId: 'ou_ws', chatType: 'p2p', text: '长连接' });
    for (let i = 0; i < 2; i++) await feishu.dispatcher.invoke(event, { needCheck: false });
    await feishu.work.idle();
    expect(engine.seen).toEqual([expect.objectContaining({ platformUserId: 'ou_ws', text: '长连接', eventId: 'ev_ws_1' })]);
    expect(emu.cards).toHaveLength(1);
  });
});

describe('Feishu long connection (FEISHU_MODE=ws) through the SDK WSClient', () => {
  it('connects with app credentials, answers pushed events and card presses, and drops redeliveries', async () => {
    // WSClient insists on a real-looking app id (cli_ + 16 hex digits).
    const appId = 'cli_a1b2c3d4e5f60718';
    const wsEmu = await new FeishuEmulator({ appId, appSecret: 'feishu-secret', botOpenId: 'ou_bot1' }).start();
    const ws = await new FeishuWsEmulator().start(wsEmu, appId);
    const engine = new FakeEngine();
    engine.respond = (msg) => ({ lang: 'zh', text: msg.action ? '按钮已处理' : `收到：${msg.text}` });
    const feishu = new FeishuAdapter({
      config: { appId, appSecret: 'feishu-secret', baseUrl: wsEmu.url, mode: 'ws' },
      db,
      log: quietLog,
      handler: engine.handler,
      lang: 'zh',
      clock: () => NOW,
    });
    try {
      await feishu.start();
      await ws.waitForClient();
      const ev = messageEvent({ token: '', eventId: 'ev_lc_1', senderOpenId: 'ou_lc', chatType: 'p2p', text: '长连接消息' });
      ws.pushEvent('m1', ev);
      expect((await ws.waitForAck('m1')).code).toBe(200);
      ws.pushEvent('m2', ev);
      await ws.waitForAck('m2');
      const press = cardActionEvent({ token: '', eventId: 'ev_lc_2', operatorOpenId: 'ou_lc', value: { kam_action: 'note.undo' }, messageId: 'om_lc', chatId: 'oc_lc' });
      ws.pushEvent('m3', press);
      const ack = await ws.waitForAck('m3');
      expect(JSON.stringify(ack.data)).toContain('按钮已处理');
      await feishu.work.idle();
      expect(engine.seen.map((m) => m.text || m.action?.action)).toEqual(['长连接消息', 'note.undo']);
      expect(wsEmu.cards.filter((c) => JSON.stringify(c.card).includes('长连接消息'))).toHaveLength(1);
    } finally {
      await feishu.stop();
      await ws.stop();
      await wsEmu.stop();
    }
  });
});

describe('Feishu push and errors', () => {
  it('pushes a card to the open_id and reports platform errors with their code', async () => {
    const feishu = adapter(new FakeEngine());
    await feishu.send({ userId: 'u_li', feishuOpenId: 'ou_li_demo' }, { lang: 'zh', title: '预警', text: '预警\n江南港务合同即将到期' });
    const create = emu.calls('/open-apis/im/v1/messages')[0];
    expect(create.query.receive_id_type).toBe('open_id');
    expect(create.body.receive_id).toBe('ou_li_demo');
    const card = JSON.parse(create.body.content);
    expect(card.header.title.content).toBe('预警');
    expect(card.elements[0].text.content).toBe('江南港务合同即将到期');

    emu.failNext('/open-apis/im/v1/messages', { status: 400, body: { code: 230020, msg: 'rate limited' } });
    const limited = await feishu.send({ userId: 'u_li', feishuOpenId: 'ou_li_demo' }, { lang: 'zh', text: 'x' }).catch((e) => e);
    expect(limited).toBeInstanceOf(PlatformError);
    expect(limited).toMatchObject({ platform: 'feishu', code: 230020, transient: true });
    emu.failNext('/open-apis/im/v1/messages', { status: 400, body: { code: 230013, msg: 'bot has no availability to this user' } });
    expect(await feishu.send({ userId: 'u_li', feishuOpenId: 'ou_li_demo' }, { lang: 'zh', text: 'x' }).catch((e) => e)).toMatchObject({ code: 230013, transient: false });
    emu.failNext('/open-apis/im/v1/messages', { status: 503, body: 'unavailable' });
    expect(await feishu.send({ userId: 'u_li', feishuOpenId: 'ou_li_demo' }, { lang: 'zh', text: 'x' }).catch((e) => e)).toMatchObject({ code: 'http_503', transient: true });
  });

  it('reads text out of text and rich-text messages, and replaces other people\'s placeholders with names', () => {
    expect(messageText('text', '{"text":"@_user_1 hi"}')).toBe('@_user_1 hi');
    expect(messageText('post', JSON.stringify({ zh_cn: { title: '周报', content: [[{ tag: 'at', user_id: 'ou_bot1' }, { tag: 'text', text: '合同到期了吗' }]] } }))).toBe('周报\n合同到期了吗');
    expect(messageText('image', '{"image_key":"x"}')).toBeUndefined();
    expect(stripMentions('@_user_1 ping @_user_2', [{ key: '@_user_1', id: { open_id: 'ou_bot1' } }, { key: '@_user_2', id: { open_id: 'ou_x' }, name: '李娜' }], 'ou_bot1').trim()).toBe('ping @李娜');
  });
});
