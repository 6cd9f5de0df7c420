import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TOPIC_CARD, TOPIC_ROBOT } from 'dingtalk-stream';
import type { Db } from '../../db/index.ts';
import { DingtalkAdapter } from '../../adapters/dingtalk/index.ts';
import { decodeButtonId, encodeButtonId, renderDingtalkCards } from '../../adapters/dingtalk/render.ts';
import { verifyDingtalkSignature } from '../../adapters/dingtalk/verify.ts';
import { emptyDb } from '../helpers/db.ts';
import { cardPress, DingtalkEmulator, dingtalkSign, robotMessage } from '../emulators/dingtalk.ts';
import { capturingLog, countRows, FakeEngine, quietLog, webhookServer } from './helpers.ts';

const CREDS = { clientId: 'dingappkey123', clientSecret: 'made-up-app-secret-for-tests' };
const NOW = new Date('2026-11-24T02:00:00Z');

let db: Db;
let emu: DingtalkEmulator;

beforeAll(async () => {
  db = await emptyDb();
  emu = await new DingtalkEmulator(CREDS).start();
});
afterAll(async () => {
  await emu.stop();
  await db.close();
});
afterEach(async () => {
  emu.reset();
  await db.query('DELETE FROM processed_events');
  await db.query('DELETE FROM outbox');
});

function adapter(engine: FakeEngine, mode: 'stream' | 'webhook', opts: { log?: any } = {}) {
  return new DingtalkAdapter({
    config: { ...CREDS, robotCode: CREDS.clientId, apiUrl: emu.url, mode },
    db,
    log: opts.log ?? quietLog,
    handler: engine.handler,
    lang: 'zh',
    clock: () => NOW,
    retry: { attempts: 2, delayMs: 5 },
    rateLimit: { limit: 100, windowMs: 1000 },
  });
}

function post(server: FastifyInstance, payload: unknown, headers: Record<string, string>) {
  return server.inject({ method: 'POST', url: '/webhooks/dingtalk', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(payload) });
}

describe('DingTalk callback signature', () => {
  it('accepts the HmacSHA256 of "timestamp\\nAppSecret" within five minutes, refuses anything else', () => {
    const ok = dingtalkSign(CREDS.clientSecret, NOW.getTime());
    expect(verifyDingtalkSignature(CREDS.clientSecret, ok.timestamp, ok.sign, NOW)).toEqual({ ok: true });
    expect(verifyDingtalkSignature('another-secret', ok.timestamp, ok.sign, NOW).ok).toBe(false);
    const stale = dingtalkSign(CREDS.clientSecret, NOW.getTime() - 301_000);
    expect(verifyDingtalkSignature(CREDS.clientSecret, stale.timestamp, stale.sign, NOW)).toEqual({ ok: false, reason: 'timestamp outside the 5-minute window' });
    const future = dingtalkSign(CREDS.clientSecret, NOW.getTime() + 301_000);
    expect(verifyDingtalkSignature(CREDS.clientSecret, future.timestamp, future.sign, NOW).ok).toBe(false);
    expect(verifyDingtalkSignature(CREDS.clientSecret, undefined, ok.sign, NOW).ok).toBe(false);
  });
});

describe('DingTalk HTTP callback mode', () => {
  it('answers a one-to-one message with a card to the sender, once per msgId', async () => {
    const engine = new FakeEngine();
    engine.respond = (m) => ({ lang: 'zh', title: '中建华东', text: `中建华东\n回答：${m.text}`, buttons: [{ label: '撤销', action: 'note.undo', value: { note: 'n1' } }] });
    const dt = adapter(engine, 'webhook');
    const server = await webhookServer({ dingtalk: dt });
    const msg = robotMessage({ msgId: 'msgA1', staffId: 'dt_li', text: '中建华东最近怎么样' });
    const res = await post(server, msg, dingtalkSign(CREDS.clientSecret, NOW.getTime()));
    expect(res.statusCode).toBe(200);
    const again = await post(server, msg, dingtalkSign(CREDS.clientSecret, NOW.getTime()));
    expect(again.statusCode).toBe(200);
    await dt.work.idle();

    expect(engine.seen).toHaveLength(1);
    expect(engine.seen[0]).toMatchObject({ platform: 'dingtalk', platformUserId: 'dt_li', chatType: 'p2p', text: '中建华东最近怎么样', eventId: 'msgA1' });
    const [sent] = emu.cards;
    expect(JSON.parse(sent.body.singleChatReceiver)).toEqual({ userId: 'dt_li' });
    expect(sent.body.robotCode).toBe(CREDS.clientId);
    expect(sent.card.header.title.text).toBe('中建华东');
    expect(sent.card.contents[0]).toMatchObject({ type: 'markdown', text: '回答：中建华东最近怎么样' });
    const button = sent.card.contents.find((c: any) => c.type === 'action').actions[0];
    expect(button.label.text).toBe('撤销');
    expect(decodeButtonId(button.id)).toEqual({ action: 'note.undo', value: { note: 'n1' } });
    expect(emu.calls('/v1.0/im/v1.0/robot/interactiveCards/send')[0].headers['x-acs-dingtalk-access-token']).toMatch(/^dt-token-/);
    await server.close();
  });

  it('takes a message whose optional fields are null, and logs one that fails its schema at warn with the reason', async () => {
    const engine = new FakeEngine();
    const { log, lines } = capturingLog();
    const dt = adapter(engine, 'webhook', { log });
    const server = await webhookServer({ dingtalk: dt });
    const msg = { ...robotMessage({ msgId: 'msgN1', staffId: 'dt_li', text: '你好' }), senderNick: null, chatbotUserId: null, conversationTitle: null, isInAtList: null, createAt: null };
    expect((await post(server, msg, dingtalkSign(CREDS.clientSecret, NOW.getTime()))).statusCode).toBe(200);
    const broken = { ...robotMessage({ msgId: 'msgN2', staffId: 'dt_li', text: '秘密' }), conversationType: 3 };
    expect((await post(server, broken, dingtalkSign(CREDS.clientSecret, NOW.getTime()))).statusCode).toBe(400);
    await dt.work.idle();
    expect(engine.seen.map((m) => m.text)).toEqual(['你好']);
    const warn = lines.find((l) => l.event === 'webhook_invalid');
    expect(warn).toMatchObject({ level: 40, reason: expect.stringContaining('conversationType') });
    expect(JSON.stringify(warn)).not.toContain('秘密');
    await server.close();
  });

  it('refuses a forged or stale sign with 401 and a webhook_refused line, and stores nothing', async () => {
    const engine = new FakeEngine();
    const { log, lines } = capturingLog();
    const server = await webhookServer({ dingtalk: adapter(engine, 'webhook', { log }) });
    const msg = robotMessage({ msgId: 'msgF', staffId: 'dt_li', text: 'hi' });
    const forged = dingtalkSign('not-the-secret', NOW.getTime());
    expect((await post(server, msg, forged)).statusCode).toBe(401);
    expect((await post(server, msg, dingtalkSign(CREDS.clientSecret, NOW.getTime() - 600_000))).statusCode).toBe(401);
    expect((await post(server, msg, {})).statusCode).toBe(401);
    expect(lines.filter((l) => l.event === 'webhook_refused').map((l) => l.reason)).toEqual(['bad sign', 'timestamp outside the 5-minute window', 'missing timestamp or sign header']);
    expect(await countRows(db, 'processed_events')).toBe(0);
    expect(engine.seen).toHaveLength(0);
    await server.close();
  });

  it('answers a group @-message in the group; a voice message without transcription says how to enable it', async () => {
    const engine = new FakeEngine();
    const dt = adapter(engine, 'webhook');
    const server = await webhookServer({ dingtalk: dt });
    await post(server, robotMessage({ msgId: 'msgG1', staffId: 'dt_li', text: '本周简报', group: 'cidGroup1==' }), dingtalkSign(CREDS.clientSecret, NOW.getTime()));
    await post(server, robotMessage({ msgId: 'msgV1', staffId: 'dt_li', text: '', msgtype: 'audio' }), dingtalkSign(CREDS.clientSecret, NOW.getTime()));
    await dt.work.idle();
    expect(engine.seen).toHaveLength(1);
    expect(engine.seen[0]).toMatchObject({ chatType: 'group', chatId: 'cidGroup1==', mentioned: true });
    const [group, voice] = emu.cards;
    expect(group.body.openConversationId).toBe('cidGroup1==');
    expect(group.body.singleChatReceiver).toBeUndefined();
    expect(voice.card.contents[0].text).toContain('KAM_TRANSCRIPTION_MODEL');
    await server.close();
  });

  it('a button press reaches the engine as the action and replaces the pressed card', async () => {
    const engine = new FakeEngine();
    engine.respond = () => ({ lang: 'zh', text: '已撤销' });
    const dt = adapter(engine, 'webhook');
    const server = await webhookServer({ dingtalk: dt });
    const press = cardPress({ bizId: 'kam_card1', staffId: 'dt_li', buttonId: encodeButtonId({ action: 'note.undo', value: { note: 'n1' } }) });
    expect((await post(server, press, dingtalkSign(CREDS.clientSecret, NOW.getTime()))).statusCode).toBe(200);
    await post(server, press, dingtalkSign(CREDS.clientSecret, NOW.getTime()));
    await dt.work.idle();
    expect(engine.seen.map((m) => m.action)).toEqual([{ action: 'note.undo', value: { note: 'n1' } }]);
    const [update] = emu.calls('/v1.0/im/robots/interactiveCards');
    expect(update.method).toBe('PUT');
    expect(update.body.cardBizId).toBe('kam_card1');
    expect(JSON.parse(update.body.cardData).contents[0].text).toBe('已撤销');
    await server.close();
  });

  it('parks the unsent cards in the outbox when DingTalk keeps failing, and the resend delivers them', async () => {
    const engine = new FakeEngine();
    const dt = adapter(engine, 'webhook');
    const server = await webhookServer({ dingtalk: dt });
    emu.failNext('/v1.0/im/v1.0/robot/interactiveCards/send', { status: 503, body: { code: 'ServiceUnavailable', message: 'busy' } }, 2);
    await post(server, robotMessage({ msgId: 'msgP1', staffId: 'dt_li', text: '你好' }), dingtalkSign(CREDS.clientSecret, NOW.getTime()));
    await dt.work.idle();
    const { rows } = await db.query<{ kind: string; recipient_id: string; payload: any }>('SELECT kind, recipient_id, payload FROM outbox');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'reply', recipient_id: 'dingtalk:dt_li' });
    await dt.resendReply(rows[0].payload.pending, async () => {});
    expect(emu.answered('/v1.0/im/v1.0/robot/interactiveCards/send')).toHaveLength(1);
    expect(emu.calls('/v1.0/im/v1.0/robot/interactiveCards/send')).toHaveLength(3);
    await server.close();
  });
});

describe('DingTalk Stream Mode (the dingtalk-stream SDK against the gateway emulator)', () => {
  it('connects, acks each frame, answers a one-to-one message with a card, and drops the redelivery', async () => {
    const engine = new FakeEngine();
    const dt = adapter(engine, 'stream');
    await dt.start(5000);
    try {
      await emu.waitForClient();
      const msg = robotMessage({ msgId: 'msgS1', staffId: 'dt_wang', text: '我的客户' });
      const first = emu.push(TOPIC_ROBOT, msg);
      const second = emu.push(TOPIC_ROBOT, msg);
      await emu.waitFor('/v1.0/im/v1.0/robot/interactiveCards/send');
      await dt.work.idle();
      expect(emu.acks.map((a) => a.messageId)).toEqual(expect.arrayContaining([first, second]));
      expect(engine.seen).toHaveLength(1);
      expect(engine.seen[0]).toMatchObject({ platformUserId: 'dt_wang', text: '我的客户', chatType: 'p2p' });
      expect(JSON.parse(emu.cards[0].body.singleChatReceiver)).toEqual({ userId: 'dt_wang' });
      expect(emu.calls('/v1.0/gateway/connections/open')[0].body.subscriptions).toEqual(
        expect.arrayContaining([{ type: 'CALLBACK', topic: TOPIC_ROBOT }, { type: 'CALLBACK', topic: TOPIC_CARD }]),
      );

      emu.push(TOPIC_CARD, cardPress({ bizId: 'kam_card2', staffId: 'dt_wang', buttonId: encodeButtonId({ action: 'alert.ack', value: { alert_id: '7' } }) }));
      await emu.waitFor('/v1.0/im/robots/interactiveCards');
      expect(engine.seen[1].action).toEqual({ action: 'alert.ack', value: { alert_id: '7' } });
    } finally {
      await dt.stop();
    }
  });
});

describe('DingTalk cards', () => {
  it('splits a long answer over cards, buttons on the last, each with its own cardBizId', () => {
    const long = Array.from({ length: 400 }, (_, i) => `第${i}行：这是很长的回答内容`).join('\n');
    const parts = renderDingtalkCards({ lang: 'zh', title: '长回答', text: long, buttons: [{ label: '收到', action: 'alert.ack' }] }, 'cause1');
    expect(parts.length).toBeGreaterThan(1);
    expect(new Set(parts.map((p) => p.bizId)).size).toBe(parts.length);
    expect(parts.slice(0, -1).every((p) => !p.card.contents.some((c: any) => c.type === 'action'))).toBe(true);
    expect(parts.at(-1)!.card.contents.some((c: any) => c.type === 'action')).toBe(true);
    expect(parts.every((p) => p.card.contents.every((c: any) => c.type !== 'markdown' || c.text.replace(/  \n/g, '\n').length <= 3000))).toBe(true);
  });
});
