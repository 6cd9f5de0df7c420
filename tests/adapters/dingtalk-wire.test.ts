// DingTalk wire formats as the platform and its official SDKs deliver them (see the citations in
// adapters/dingtalk/types.ts): createAt may come as text (the receive-message doc's table types it
// String), a p2p message with formatting or a picture arrives as msgtype "richText", a card callback
// carries userIdType/extension and may lack spaceType, the Stream gateway sends SYSTEM frames, and a
// missing permission is a 403 whose message names the scope.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.ts';
import { DingtalkAdapter } from '../../adapters/dingtalk/index.ts';
import { encodeButtonId } from '../../adapters/dingtalk/render.ts';
import { emptyDb } from '../helpers/db.ts';
import { cardPress, DingtalkEmulator, dingtalkSign, robotMessage } from '../emulators/dingtalk.ts';
import { capturingLog, FakeEngine, quietLog, webhookServer } from './helpers.ts';

const CREDS = { clientId: 'dingwirekey', clientSecret: 'made-up-wire-secret' };
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

function adapter(engine: FakeEngine, mode: 'stream' | 'webhook', log: any = quietLog) {
  return new DingtalkAdapter({
    config: { ...CREDS, robotCode: CREDS.clientId, apiUrl: emu.url, mode },
    db,
    log,
    handler: engine.handler,
    lang: 'zh',
    clock: () => NOW,
    retry: { attempts: 1, delayMs: 1 },
    rateLimit: { limit: 100, windowMs: 1000 },
  });
}

function post(server: FastifyInstance, payload: unknown) {
  return server.inject({ method: 'POST', url: '/webhooks/dingtalk', headers: { 'content-type': 'application/json', ...dingtalkSign(CREDS.clientSecret, NOW.getTime()) }, payload: JSON.stringify(payload) });
}

describe('DingTalk robot messages as delivered', () => {
  it('takes createAt and sessionWebhookExpiredTime as text, and null atUsers/senderStaffId (the sender outside the org is senderId)', async () => {
    const engine = new FakeEngine();
    const dt = adapter(engine, 'webhook');
    const server = await webhookServer({ dingtalk: dt });
    const msg = { ...robotMessage({ msgId: 'msgW1', staffId: 'dt_li', text: ' 你好' }), createAt: '1613630252678', sessionWebhookExpiredTime: '1613635652738' };
    expect((await post(server, msg)).statusCode).toBe(200);
    const outsider = { ...robotMessage({ msgId: 'msgW2', staffId: 'dt_x', text: '在吗' }), senderStaffId: null, atUsers: null };
    expect((await post(server, outsider)).statusCode).toBe(200);
    await dt.work.idle();
    expect(engine.seen.map((m) => [m.platformUserId, m.text])).toEqual([
      ['dt_li', '你好'],
      ['$:LWCP_v1:$dt_x', '在吗'],
    ]);
    await server.close();
  });

  it('answers a richText message (text with formatting or a picture) from its text parts', async () => {
    const engine = new FakeEngine();
    const dt = adapter(engine, 'webhook');
    const server = await webhookServer({ dingtalk: dt });
    const rich = robotMessage({ msgId: 'msgR1', staffId: 'dt_li', text: '', msgtype: 'richText', content: { richText: [{ text: '西山矿业' }, { downloadCode: 'pic1', pictureDownloadCode: 'pic1', type: 'picture' }, { text: '合同什么时候到期?' }] } });
    expect((await post(server, rich)).statusCode).toBe(200);
    await dt.work.idle();
    expect(engine.seen.map((m) => m.text)).toEqual(['西山矿业\n合同什么时候到期?']);
    await server.close();
  });
});

describe('DingTalk card callbacks as delivered', () => {
  it('logs a press it cannot use at warn with the reason', async () => {
    const engine = new FakeEngine();
    const { log, lines } = capturingLog();
    const dt = adapter(engine, 'webhook', log);
    const server = await webhookServer({ dingtalk: dt });
    const foreign = cardPress({ bizId: 'other_card', staffId: 'dt_li', buttonId: 'button_1646816888257' });
    expect((await post(server, foreign)).statusCode).toBe(200);
    const noContent = { ...cardPress({ bizId: 'kam_c', staffId: 'dt_li', buttonId: 'x' }), content: 'not json' };
    expect((await post(server, noContent)).statusCode).toBe(200);
    await dt.work.idle();
    expect(engine.seen).toHaveLength(0);
    const warns = lines.filter((l) => l.event === 'card_ignored');
    expect(warns.map((w) => [w.level, w.reason])).toEqual([
      [40, 'not one of our buttons'],
      [40, 'content is not {"cardPrivateData": {"actionIds": [...]}}'],
    ]);
    await server.close();
  });

  it('takes a press without spaceType/spaceId (null) as one-to-one', async () => {
    const engine = new FakeEngine();
    const dt = adapter(engine, 'webhook');
    const server = await webhookServer({ dingtalk: dt });
    const press = { ...cardPress({ bizId: 'kam_c2', staffId: 'dt_li', buttonId: encodeButtonId({ action: 'alert.ack', value: { alert_id: '3' } }) }), spaceType: null, spaceId: null, corpId: null };
    expect((await post(server, press)).statusCode).toBe(200);
    await dt.work.idle();
    expect(engine.seen).toMatchObject([{ chatType: 'p2p', chatId: 'dt_li', action: { action: 'alert.ack', value: { alert_id: '3' } } }]);
    await server.close();
  });
});

describe('DingTalk Stream gateway SYSTEM frames (the SDK against the emulator)', () => {
  it('the SDK answers a ping with code 200 echoing headers and data, and reconnects after a disconnect', async () => {
    const dt = adapter(new FakeEngine(), 'stream');
    await dt.start(5000);
    try {
      await emu.waitForClient();
      const pingId = emu.system('ping', { opaque: 'abc' });
      await emu.waitForAck(pingId);
      const pong = emu.frames.find((f) => f.headers?.messageId === pingId);
      expect(pong).toMatchObject({ code: 200, message: 'OK', headers: { topic: 'ping', messageId: pingId } });
      expect(JSON.parse(pong!.data)).toEqual({ opaque: 'abc' });
      const opens = emu.calls('/v1.0/gateway/connections/open').length;
      emu.system('disconnect', { reason: 'load balancing' });
      emu.dropClients();
      await emu.waitFor('/v1.0/gateway/connections/open', opens + 1, 10000);
      await emu.waitForClient();
    } finally {
      await dt.stop();
    }
  });
});

describe('DingTalk API errors as answered', () => {
  it('a missing permission (403 AccessTokenPermissionDenied) is logged with the scope DingTalk names', async () => {
    const engine = new FakeEngine();
    const { log, lines } = capturingLog();
    const dt = adapter(engine, 'webhook', log);
    const server = await webhookServer({ dingtalk: dt });
    const denied = { requestid: '019F419C-8737', code: 'Forbidden.AccessDenied.AccessTokenPermissionDenied', message: '应用尚未开通所需的权限：[qyapi_robot_sendmsg]' };
    emu.failNext('/v1.0/im/v1.0/robot/interactiveCards/send', { status: 403, body: denied });
    expect((await post(server, robotMessage({ msgId: 'msgE1', staffId: 'dt_li', text: '你好' }))).statusCode).toBe(200);
    await dt.work.idle();
    const line = lines.find((l) => l.platformCode === denied.code);
    expect(line).toMatchObject({ level: 40, call: 'interactiveCards/send', transient: false });
    expect(line.msg).toContain('应用尚未开通所需的权限：[qyapi_robot_sendmsg]');
    await server.close();
  });
});
