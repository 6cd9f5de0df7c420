import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { encrypt, getSignature } from '@wecom/crypto';
import type { Db } from '../../db/index.ts';
import { WecomAdapter } from '../../adapters/wecom/index.ts';
import { renderWecom, WECOM_MESSAGE_BYTES } from '../../adapters/wecom/render.ts';
import { PlatformError } from '../../src/errors.ts';
import { emptyDb } from '../helpers/db.ts';
import { WecomEmulator, wecomCallback, wecomCardEventXml, wecomImageXml, wecomTextXml, wecomUrlCheck } from '../emulators/wecom.ts';
import Fastify from 'fastify';
import { mountWebhooks } from '../../src/http/webhooks.ts';
import { encryptElement, parseFlatXml } from '../../adapters/wecom/xml.ts';
import { capturingLog, countRows, FakeEngine, quietLog, webhookServer } from './helpers.ts';

// The verified vectors of research/platforms.md §4.2 (made-up secrets).
const KEYS = { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wx5823bf96d3bd56c7' };
const VECTOR_TS = 1409659589;
const VECTOR_GET =
  'msg_signature=78c387407a9d2cf24bd3f04727d28ac889d8d014&timestamp=1409659589&nonce=263014780&echostr=sKqRbbiSUnDhFHOvPjtUMWzf2R8PrpMiTTPaicBgqZlYW%2FWsF6SiFd2z9CriX2YpWYzF1yrNNQ0SomM3ovdnfA%3D%3D';
const VECTOR_POST_QUERY = 'msg_signature=e13c487a54216e5aa5b1d7990ff13e8bd112013b&timestamp=1409659589&nonce=263014780';
const VECTOR_POST_BODY =
  '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[sKqRbbiSUnDhFHOvPjtUMSCq/gkuHXM7SyXUpke71D2Z6wnXWjG/iaiFGqW2xv/7vVY3XipVsGlzFsl8B+SOvRdzA2A6DPX5ySUF6eR0M6usd/5aahbFZL8LPApu9dQwLiFxF+rYhr4WIC9nunloFwZyvIXq55uASMKc57NO2ozr+ZvSGBrYWZwbjg+IAdqyDAefQmoXZnKT1ZwwygKgXf6YrvT6uflB1lgc5Ja3je++qQiB8cWzGIW9ZEAuNDLPSKB5zPOGYW16vT6khjx1VyZfRsoiPajSsE2JqIAqBJJt3IfcRnvKE11N+bIQbikdeOZsV3Y3nBCctF78mXtC39NDZ/VKN6S72A4ftudSq36K3llEqWe72T2md5L8cD/8TkUnzhI96h3ER3LuuITs3JWuj1aXoQdzc2BzATMrbfWtN14isQBQm3jF540JG7+rzYLxirPxk0vYBM8jYeYO2A==]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>';

const NOW = new Date('2026-11-24T02:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);

let db: Db;
let emu: WecomEmulator;

beforeAll(async () => {
  db = await emptyDb();
  emu = await new WecomEmulator({ corpId: KEYS.corpId, secret: 'wecom-secret' }).start();
});
afterAll(async () => {
  await emu.stop();
  await db.close();
});
afterEach(async () => {
  emu.reset();
  await db.query('DELETE FROM processed_events');
});

function adapter(engine: FakeEngine, clock: Date = NOW, log = quietLog) {
  return new WecomAdapter({
    config: { ...KEYS, agentId: '1000002', secret: 'wecom-secret', baseUrl: emu.url },
    db,
    log,
    handler: engine.handler,
    lang: 'zh',
    clock: () => clock,
    retry: { attempts: 2, delayMs: 5 },
  });
}

async function post(server: FastifyInstance, query: string, body: string) {
  return server.inject({ method: 'POST', url: `/webhooks/wecom?${query}`, headers: { 'content-type': 'text/xml' }, payload: body });
}

describe('WeCom URL verification (GET)', () => {
  it('answers the research vector with the plain decrypted echostr', async () => {
    const server = await webhookServer({ wecom: adapter(new FakeEngine(), new Date((VECTOR_TS + 10) * 1000)) });
    const res = await server.inject({ method: 'GET', url: `/webhooks/wecom?${VECTOR_GET}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('1616140317555161061');
  });

  it('refuses a stale or future timestamp, a bad signature and another corp', async () => {
    const server = await webhookServer({ wecom: adapter(new FakeEngine(), new Date((VECTOR_TS + 301) * 1000)) });
    expect((await server.inject({ method: 'GET', url: `/webhooks/wecom?${VECTOR_GET}` })).statusCode).toBe(401);
    const early = await webhookServer({ wecom: adapter(new FakeEngine(), new Date((VECTOR_TS - 301) * 1000)) });
    expect((await early.inject({ method: 'GET', url: `/webhooks/wecom?${VECTOR_GET}` })).statusCode).toBe(401);

    const ok = await webhookServer({ wecom: adapter(new FakeEngine()) });
    const forged = wecomUrlCheck(KEYS, 'echo', TS).replace(/msg_signature=[0-9a-f]+/, 'msg_signature=' + '0'.repeat(40));
    expect((await ok.inject({ method: 'GET', url: `/webhooks/wecom?${forged}` })).statusCode).toBe(401);
    const otherCorp = encrypt(KEYS.encodingAesKey, 'echo', 'wwOTHERCORP');
    const sig = getSignature(KEYS.token, TS, 'n', otherCorp);
    const res = await ok.inject({ method: 'GET', url: `/webhooks/wecom?msg_signature=${sig}&timestamp=${TS}&nonce=n&echostr=${encodeURIComponent(otherCorp)}` });
    expect(res.statusCode).toBe(401);
    expect((await ok.inject({ method: 'GET', url: `/webhooks/wecom?${wecomUrlCheck(KEYS, 'echo-42', TS)}` })).body).toBe('echo-42');
  });

  it('keeps a "+" in an echostr that arrives without percent-encoding', async () => {
    const server = await webhookServer({ wecom: adapter(new FakeEngine()) });
    let echostr = '';
    for (let i = 0; !echostr.includes('+'); i++) echostr = encrypt(KEYS.encodingAesKey, `echo-${i}`, KEYS.corpId);
    const sig = getSignature(KEYS.token, TS, 'n', echostr);
    const res = await server.inject({ method: 'GET', url: `/webhooks/wecom?msg_signature=${sig}&timestamp=${TS}&nonce=n&echostr=${echostr.replace(/=/g, '%3D')}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^echo-\d+$/);
  });
});

describe('WeCom messages (POST)', () => {
  it('decrypts the research vector, acks empty at once and answers through message/send', async () => {
    const engine = new FakeEngine();
    const wecom = adapter(engine, new Date((VECTOR_TS + 5) * 1000));
    const server = await webhookServer({ wecom });
    const res = await post(server, VECTOR_POST_QUERY, VECTOR_POST_BODY);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    await wecom.work.idle();
    expect(engine.seen).toHaveLength(1);
    expect(engine.seen[0]).toMatchObject({ platform: 'wecom', platformUserId: 'zhangsan', chatId: 'zhangsan', chatType: 'p2p', text: 'hello bot', eventId: 'msg:1234567890123456' });
    expect(emu.sent).toEqual([{ touser: 'zhangsan', agentid: 1000002, msgtype: 'markdown', markdown: { content: '收到：hello bot' }, enable_duplicate_check: 0 }]);
    expect(emu.calls('/cgi-bin/gettoken')).toHaveLength(1);
  });

  it('the same message delivered three times is answered once, also after a restart', async () => {
    const engine = new FakeEngine();
    const first = adapter(engine);
    const server = await webhookServer({ wecom: first });
    const cb = wecomCallback(KEYS, wecomTextXml({ corpId: KEYS.corpId, from: 'lina', content: '你好', msgId: '9001', createTime: TS }), TS);
    for (let i = 0; i < 3; i++) expect((await post(server, cb.query, cb.body)).statusCode).toBe(200);
    await first.work.idle();
    // A new process (new adapter, same database) gets WeCom's retry.
    const restarted = adapter(engine);
    const server2 = await webhookServer({ wecom: restarted });
    expect((await post(server2, cb.query, cb.body)).statusCode).toBe(200);
    await restarted.work.idle();
    expect(engine.seen).toHaveLength(1);
    expect(emu.sent).toHaveLength(1);
  });

  it('a forged signature is refused with 401, logged, and nothing is stored or sent', async () => {
    const engine = new FakeEngine();
    const { log, lines } = capturingLog();
    const wecom = adapter(engine, NOW, log);
    const server = await webhookServer({ wecom });
    const before = await countRows(db, 'processed_events');
    const cb = wecomCallback(KEYS, wecomTextXml({ corpId: KEYS.corpId, from: 'lina', content: '你好', msgId: '9002', createTime: TS }), TS);
    const forged = cb.query.replace(/msg_signature=([0-9a-f])/, (_, c) => `msg_signature=${c === 'a' ? 'b' : 'a'}`);
    expect((await post(server, forged, cb.body)).statusCode).toBe(401);
    // Signed with the right token but encrypted for another corp.
    const foreign = wecomCallback(KEYS, wecomTextXml({ corpId: 'wwOTHER', from: 'lina', content: 'x', msgId: '9003', createTime: TS }), TS, 'n', 'wwOTHER');
    expect((await post(server, foreign.query, foreign.body)).statusCode).toBe(401);
    // Stale: signed 6 minutes ago.
    const stale = wecomCallback(KEYS, wecomTextXml({ corpId: KEYS.corpId, from: 'lina', content: 'x', msgId: '9004', createTime: TS }), TS - 360);
    expect((await post(server, stale.query, stale.body)).statusCode).toBe(401);
    await wecom.work.idle();
    expect(await countRows(db, 'processed_events')).toBe(before);
    expect(engine.seen).toHaveLength(0);
    expect(emu.requests).toHaveLength(0);
    const refusals = lines.filter((l) => l.event === 'webhook_refused');
    expect(refusals.map((l) => l.reason)).toEqual(['bad msg_signature', 'receive id is not our corp id', 'timestamp outside the 5-minute window']);
  });

  it('acks before a slow engine has answered', async () => {
    const engine = new FakeEngine();
    engine.hold();
    const wecom = adapter(engine);
    const server = await webhookServer({ wecom });
    const cb = wecomCallback(KEYS, wecomTextXml({ corpId: KEYS.corpId, from: 'lina', content: '慢一点', msgId: '9005', createTime: TS }), TS);
    const res = await post(server, cb.query, cb.body);
    expect(res.statusCode).toBe(200);
    expect(emu.sent).toHaveLength(0);
    engine.release();
    await wecom.work.idle();
    expect(emu.sent).toHaveLength(1);
  });

  it('answers an image with the text-only notice', async () => {
    const engine = new FakeEngine();
    const wecom = adapter(engine);
    const server = await webhookServer({ wecom });
    const cb = wecomCallback(KEYS, wecomImageXml({ corpId: KEYS.corpId, from: 'lina', msgId: '9006', createTime: TS }), TS);
    expect((await post(server, cb.query, cb.body)).statusCode).toBe(200);
    await wecom.work.idle();
    expect(engine.seen).toHaveLength(0);
    expect(emu.sent[0].markdown.content).toContain('只能读文字和语音消息');
  });

  it('splits a 3,000-character Chinese reply into parts of at most 2,048 bytes, in order, nothing lost', async () => {
    const engine = new FakeEngine();
    const long = Array.from({ length: 60 }, (_, i) => `第${String(i).padStart(2, '0')}行：${'客户经营'.repeat(11)}。`).join('\n');
    expect([...long].length).toBeGreaterThanOrEqual(3000);
    engine.respond = () => ({ lang: 'zh', text: long });
    const wecom = adapter(engine);
    const server = await webhookServer({ wecom });
    const cb = wecomCallback(KEYS, wecomTextXml({ corpId: KEYS.corpId, from: 'lina', content: '长回复', msgId: '9007', createTime: TS }), TS);
    await post(server, cb.query, cb.body);
    await wecom.work.idle();
    const parts: string[] = emu.sent.map((m) => m.markdown.content);
    expect(parts.length).toBeGreaterThanOrEqual(5);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(WECOM_MESSAGE_BYTES);
    expect(parts.join('\n')).toBe(long);
    // One line longer than the limit is cut between characters, never inside one.
    const oneLine = '经'.repeat(1500);
    const cut = renderWecom({ lang: 'zh', text: oneLine }, 't').map((m) => (m as any).markdown.content as string);
    expect(cut.map((p) => Buffer.byteLength(p))).toEqual([2046, 2046, 408]);
    expect(cut.join('')).toBe(oneLine);
  });
});

describe('WeCom buttons', () => {
  it('a button press reaches the engine as an action and updates the card', async () => {
    const engine = new FakeEngine();
    engine.respond = (msg) =>
      msg.action ? { lang: 'zh', text: '已撤销这条拜访记录' } : { lang: 'zh', text: '已记录拜访', buttons: [{ label: '撤销', action: 'note.undo', value: { note: '42' }, style: 'danger' }] };
    const wecom = adapter(engine);
    const server = await webhookServer({ wecom });
    const note = wecomCallback(KEYS, wecomTextXml({ corpId: KEYS.corpId, from: 'lina', content: '今天拜访了客户', msgId: '9010', createTime: TS }), TS);
    await post(server, note.query, note.body);
    await wecom.work.idle();
    const card = emu.sent.find((m) => m.msgtype === 'template_card').template_card;
    expect(card.card_type).toBe('button_interaction');
    const button = card.button_list[0];
    expect(button.text).toBe('撤销');

    const press = wecomCallback(
      KEYS,
      wecomCardEventXml({ corpId: KEYS.corpId, from: 'lina', eventKey: button.key, taskId: card.task_id, createTime: TS + 1, responseCode: 'rc-msg-2' }),
      TS,
    );
    for (let i = 0; i < 2; i++) expect((await post(server, press.query, press.body)).statusCode).toBe(200);
    await wecom.work.idle();
    expect(engine.seen[1]).toMatchObject({ platformUserId: 'lina', action: { action: 'note.undo', value: { note: '42' } } });
    expect(engine.seen).toHaveLength(2);
    const updates = emu.calls('/cgi-bin/message/update_template_card');
    expect(updates).toHaveLength(1);
    expect(updates[0].body).toMatchObject({ userids: ['lina'], agentid: 1000002, response_code: 'rc-msg-2', button: { replace_name: '已撤销这条拜访记录' } });
  });

  it("a press on another sender's card (not our task id) is ignored: no answer, no relabelled button", async () => {
    const engine = new FakeEngine();
    const wecom = adapter(engine);
    const server = await webhookServer({ wecom });
    const press = wecomCallback(
      KEYS,
      wecomCardEventXml({ corpId: KEYS.corpId, from: 'lina', eventKey: 'approve', taskId: 'oa-approval-7731', createTime: TS, responseCode: 'rc-foreign' }),
      TS,
    );
    expect((await post(server, press.query, press.body)).statusCode).toBe(200);
    await wecom.work.idle();
    expect(engine.seen).toHaveLength(0);
    expect(emu.requests).toHaveLength(0);
  });
});

describe('WeCom hostile bodies', () => {
  // `<xml><a>` then spaces froze the whole server for seconds per KB with the old regex reader;
  // now the signature is checked (over a linear scan for Encrypt) before anything is parsed.
  const hostile = (bytes: number) => '<xml><a>' + ' '.repeat(bytes - 8);

  it('refuses an unsigned 60 KB body (401) and a 1 MB body (413) while /healthz keeps answering', async () => {
    const { log, lines } = capturingLog();
    const server = Fastify();
    server.get('/healthz', async () => ({ status: 'ok' }));
    await mountWebhooks(server, () => ({ list: [], wecom: adapter(new FakeEngine(), NOW, log) }));
    await server.ready();
    const query = `msg_signature=${'0'.repeat(40)}&timestamp=${TS}&nonce=n`;
    const [small, big, health] = await Promise.all([
      post(server, query, hostile(60 * 1024)),
      post(server, query, hostile(1024 * 1024)),
      server.inject({ method: 'GET', url: '/healthz' }),
    ]);
    expect(small.statusCode).toBe(401);
    expect(big.statusCode).toBe(413);
    expect(health.statusCode).toBe(200);
    expect(lines.filter((l) => l.event === 'webhook_refused').map((l) => l.reason)).toEqual(['body is not an encrypted WeCom packet']);
    // A hostile body around a real Encrypt element is refused on its signature, unparsed.
    const cb = wecomCallback(KEYS, wecomTextXml({ corpId: KEYS.corpId, from: 'lina', content: '你好', msgId: '9301', createTime: TS }), TS);
    const wrapped = cb.body.replace('<xml>', hostile(30 * 1024) + '<xml>');
    const forged = cb.query.replace(/msg_signature=[0-9a-f]+/, `msg_signature=${'1'.repeat(40)}`);
    expect((await post(server, forged, wrapped)).statusCode).toBe(401);
  });

  it('reads CDATA verbatim, decodes only the predefined entities and expands no DOCTYPE entity', () => {
    expect(parseFlatXml('<xml><A><![CDATA[ a &amp; <b> ]]></A><B> 1&lt;2 </B><B>second</B><C><D>x</D></C></xml>')).toEqual({ A: ' a &amp; <b> ', B: '1<2' });
    expect(parseFlatXml('<!DOCTYPE xml [<!ENTITY boom "boomboom">]><xml><A>&boom;</A></xml>')).toEqual({ A: '&boom;' });
    expect(encryptElement('<xml><Encrypt>\n  <![CDATA[abc+/=]]></Encrypt></xml>')).toBe('abc+/=');
    expect(encryptElement('<xml><Encrypt> abc </Encrypt></xml>')).toBe('abc');
    expect(encryptElement('<xml><Encrypt><![CDATA[never closed')).toBeUndefined();
    expect(encryptElement(hostile(1000))).toBeUndefined();
  });
});

describe('WeCom API', () => {
  it('caches the access token and refreshes it once on 42001', async () => {
    const wecom = adapter(new FakeEngine());
    await wecom.send({ userId: 'u_li', wecomUserId: 'lina' }, { lang: 'zh', text: '一' });
    await wecom.send({ userId: 'u_li', wecomUserId: 'lina' }, { lang: 'zh', text: '二' });
    expect(emu.calls('/cgi-bin/gettoken')).toHaveLength(1);
    emu.expireTokens();
    await wecom.send({ userId: 'u_li', wecomUserId: 'lina' }, { lang: 'zh', text: '三' });
    expect(emu.calls('/cgi-bin/gettoken')).toHaveLength(2);
    const sends = emu.calls('/cgi-bin/message/send');
    expect(sends.map((r) => r.body.markdown.content)).toEqual(['一', '二', '三', '三']);
    expect(sends[2].query.access_token).not.toBe(sends[3].query.access_token);
  });

  it('throws PlatformError with the errcode, transient only when worth retrying', async () => {
    const wecom = adapter(new FakeEngine());
    const to = { userId: 'u_li', wecomUserId: 'lina' };
    emu.failNext('/cgi-bin/message/send', { body: { errcode: -1, errmsg: 'system busy' } });
    const busy = await wecom.send(to, { lang: 'zh', text: 'x' }).catch((e) => e);
    expect(busy).toBeInstanceOf(PlatformError);
    expect(busy).toMatchObject({ platform: 'wecom', code: -1, transient: true });
    emu.failNext('/cgi-bin/message/send', { body: { errcode: 81013, errmsg: 'user & party & tag all invalid' } });
    expect(await wecom.send(to, { lang: 'zh', text: 'x' }).catch((e) => e)).toMatchObject({ code: 81013, transient: false });
    emu.failNext('/cgi-bin/message/send', { status: 502, body: 'bad gateway' });
    expect(await wecom.send(to, { lang: 'zh', text: 'x' }).catch((e) => e)).toMatchObject({ code: 'http_502', transient: true });
    expect(wecom.canReach({ userId: 'u_admin' })).toBe(false);
  });
});
