import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.ts';
import { SlackAdapter, stripBotMention } from '../../adapters/slack/index.ts';
import { renderSlackMessages } from '../../adapters/slack/render.ts';
import { PlatformError } from '../../src/errors.ts';
import { emptyDb } from '../helpers/db.ts';
import { dmEvent, mentionEvent, SlackEmulator, slackEvent, slackForm, SlackSocketEmulator } from '../emulators/slack.ts';
import { capturingLog, countRows, FakeEngine, quietLog, webhookServer } from './helpers.ts';

// research/platforms.md §4.3 (made-up secret).
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const VECTOR_BODY =
  '{"type":"event_callback","event_id":"Ev0001","team_id":"T1","api_app_id":"A1","event":{"type":"app_mention","user":"U1","text":"<@UBOT> ping","ts":"1700000000.000100","channel":"C1","event_ts":"1700000000.000100"}}';
const VECTOR_HEADERS = {
  'content-type': 'application/json',
  'x-slack-request-timestamp': '1700000000',
  'x-slack-signature': 'v0=381a256c944d94dc6faa44e320efd703646c70427a16039f12ce80dae2086f1b',
};
const BOT_TOKEN = 'xoxb-test-token';
const NOW = new Date('2026-11-24T02:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);

let db: Db;
let emu: SlackEmulator;

beforeAll(async () => {
  db = await emptyDb();
  emu = await new SlackEmulator({ botToken: BOT_TOKEN, botUserId: 'UBOT', botId: 'BBOT' }).start();
});
afterAll(async () => {
  await emu.stop();
  await db.close();
});
afterEach(async () => {
  emu.reset();
  await db.query('DELETE FROM processed_events');
});

function adapter(engine: FakeEngine, opts: { clock?: Date; log?: any } = {}) {
  return new SlackAdapter({
    config: { botToken: BOT_TOKEN, signingSecret: SECRET, apiUrl: `${emu.url}/api/` },
    db,
    log: opts.log ?? quietLog,
    handler: engine.handler,
    lang: 'zh',
    clock: () => opts.clock ?? NOW,
    retry: { attempts: 2, delayMs: 5 },
    rateLimit: { limit: 100, windowMs: 1000 },
  });
}

function post(server: FastifyInstance, req: { headers: Record<string, string>; body: string }) {
  return server.inject({ method: 'POST', url: '/webhooks/slack', headers: req.headers, payload: req.body });
}

describe('Slack URL verification and signatures', () => {
  it('answers the challenge and refuses forged, stale and future requests', async () => {
    const engine = new FakeEngine();
    const { log, lines } = capturingLog();
    const slack = adapter(engine, { log });
    const server = await webhookServer({ slack });
    const ok = await post(server, slackEvent(SECRET, TS, { type: 'url_verification', challenge: 'chal-1', token: 'x' }));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ challenge: 'chal-1' });

    const before = await countRows(db, 'processed_events');
    const forged = slackEvent(SECRET, TS, mentionEvent('EvF', 'U0LI', '<@UBOT> hi'));
    forged.headers['x-slack-signature'] = forged.headers['x-slack-signature'].replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect((await post(server, forged)).statusCode).toBe(401);
    expect((await post(server, slackEvent(SECRET, TS - 301, mentionEvent('EvS', 'U0LI', '<@UBOT> hi')))).statusCode).toBe(401);
    // Bolt's own check lets this one in; ours does not.
    expect((await post(server, slackEvent(SECRET, TS + 301, mentionEvent('EvT', 'U0LI', '<@UBOT> hi')))).statusCode).toBe(401);
    expect((await post(server, slackEvent('another-secret', TS, mentionEvent('EvO', 'U0LI', '<@UBOT> hi')))).statusCode).toBe(401);
    await slack.work.idle();
    expect(await countRows(db, 'processed_events')).toBe(before);
    expect(engine.seen).toHaveLength(0);
    expect(emu.requests).toHaveLength(0);
    expect(lines.filter((l) => l.event === 'webhook_refused').map((l) => l.reason)).toEqual([
      'bad x-slack-signature',
      'timestamp outside the 5-minute window',
      'timestamp outside the 5-minute window',
      'bad x-slack-signature',
    ]);
  });

  it('accepts the research vector within the window and answers in the thread', async () => {
    const engine = new FakeEngine();
    const slack = adapter(engine, { clock: new Date(1700000010 * 1000) });
    const server = await webhookServer({ slack });
    const res = await post(server, { headers: VECTOR_HEADERS, body: VECTOR_BODY });
    expect(res.statusCode).toBe(200);
    await slack.work.idle();
    expect(engine.seen).toEqual([expect.objectContaining({ platform: 'slack', platformUserId: 'U1', chatId: 'C1', chatType: 'group', mentioned: true, text: 'ping' })]);
    expect(emu.posts).toHaveLength(1);
    expect(emu.posts[0]).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100', text: '收到：ping' });
    expect(emu.calls('/api/chat.postMessage')[0].headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });
});

describe('Slack events', () => {
  it('answers a DM; Slack retries of the same event get one reply, also after a restart', async () => {
    const engine = new FakeEngine();
    const first = adapter(engine);
    const server = await webhookServer({ slack: first });
    const ev = dmEvent('EvDM1', 'U0LI', '你好');
    expect((await post(server, slackEvent(SECRET, TS, ev))).statusCode).toBe(200);
    const retry1 = await post(server, slackEvent(SECRET, TS, ev, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }));
    expect(retry1.statusCode).toBe(200);
    expect(retry1.headers['x-slack-no-retry']).toBe('1');
    await first.work.idle();
    const restarted = adapter(engine);
    expect((await post(await webhookServer({ slack: restarted }), slackEvent(SECRET, TS, ev, { 'x-slack-retry-num': '2' }))).statusCode).toBe(200);
    await restarted.work.idle();
    expect(engine.seen).toHaveLength(1);
    expect(engine.seen[0]).toMatchObject({ chatType: 'p2p', platformUserId: 'U0LI', chatId: 'D0USER', text: '你好' });
    expect(emu.posts).toHaveLength(1);
    expect(emu.posts[0].thread_ts).toBeUndefined();
  });

  it('ignores channel chatter and its own messages; answers files with the text-only notice', async () => {
    const engine = new FakeEngine();
    const slack = adapter(engine);
    const server = await webhookServer({ slack });
    const chatter = { ...dmEvent('EvC', 'U0LI', 'hello'), event: { ...dmEvent('EvC', 'U0LI', 'hello').event, channel_type: 'channel', channel: 'C9' } };
    await post(server, slackEvent(SECRET, TS, chatter));
    await post(server, slackEvent(SECRET, TS, dmEvent('EvB', 'UBOT', 'echo', { bot_id: 'BBOT' })));
    await post(server, slackEvent(SECRET, TS, dmEvent('EvF', 'U0LI', '', { subtype: 'file_share', files: [{ id: 'F1' }] })));
    await slack.work.idle();
    expect(engine.seen).toHaveLength(0);
    expect(emu.posts).toHaveLength(1);
    expect(emu.posts[0].text).toContain('只能读文字和语音消息');
  });

  it("ignores Slack's own system user (USLACKBOT) in a DM: no 'not registered' reply", async () => {
    const engine = new FakeEngine();
    const slack = adapter(engine);
    const server = await webhookServer({ slack });
    expect((await post(server, slackEvent(SECRET, TS, dmEvent('EvSB', 'USLACKBOT', 'Reminder: 拜访西山矿业')))).statusCode).toBe(200);
    await slack.work.idle();
    expect(engine.seen).toHaveLength(0);
    expect(emu.posts).toHaveLength(0);
  });

  it('takes events whose optional fields are null, and logs one that fails its schema at warn with the reason', async () => {
    const engine = new FakeEngine();
    const { log, lines } = capturingLog();
    const slack = adapter(engine, { log });
    const server = await webhookServer({ slack });
    await post(server, slackEvent(SECRET, TS, dmEvent('EvN1', 'U0LI', '你好', { thread_ts: null, subtype: null, bot_id: null, files: null })));
    await post(server, slackEvent(SECRET, TS, dmEvent('EvN2', 'U0LI', '秘密', { text: 42, note: '秘密' })));
    await slack.work.idle();
    expect(engine.seen.map((m) => m.text)).toEqual(['你好']);
    const warn = lines.find((l) => l.event === 'webhook_invalid');
    expect(warn).toMatchObject({ level: 40, reason: expect.stringContaining('text') });
    expect(JSON.stringify(warn)).not.toContain('秘密');
  });

  it('acks before a slow engine has answered', async () => {
    const engine = new FakeEngine();
    engine.hold();
    const slack = adapter(engine);
    const server = await webhookServer({ slack });
    const res = await post(server, slackEvent(SECRET, TS, dmEvent('EvSlow', 'U0LI', '慢')));
    expect(res.statusCode).toBe(200);
    expect(emu.posts).toHaveLength(0);
    engine.release();
    await slack.work.idle();
    expect(emu.posts).toHaveLength(1);
  });
});

describe('Slack slash command and buttons', () => {
  it('/kam acks at once and answers privately through response_url', async () => {
    const engine = new FakeEngine();
    const slack = adapter(engine);
    const server = await webhookServer({ slack });
    const cmd = slackForm(SECRET, TS, {
      command: '/kam',
      text: '江南港务的合同什么时候到期？',
      user_id: 'U0LI',
      channel_id: 'C1',
      team_id: 'T1',
      trigger_id: 'trig-1',
      response_url: emu.responseUrl('cmd1'),
    });
    const res = await post(server, cmd);
    expect(res.statusCode).toBe(200);
    await slack.work.idle();
    expect(engine.seen[0]).toMatchObject({ platformUserId: 'U0LI', text: '江南港务的合同什么时候到期？', mentioned: true });
    const responses = emu.calls('/respond/cmd1');
    expect(responses).toHaveLength(1);
    expect(responses[0].body).toMatchObject({ response_type: 'ephemeral', text: '收到：江南港务的合同什么时候到期？' });
  });

  it('a button press reaches the engine as an action and updates the message in place', async () => {
    const engine = new FakeEngine();
    engine.respond = (msg) => (msg.action ? { lang: 'zh', text: '已撤销' } : { lang: 'zh', text: '已记录', buttons: [{ label: '撤销', action: 'note.undo', value: { note: '9' } }] });
    const slack = adapter(engine);
    const server = await webhookServer({ slack });
    const [rendered] = renderSlackMessages({ lang: 'zh', text: '已记录', buttons: [{ label: '撤销', action: 'note.undo', value: { note: '9' } }] });
    const button = (rendered.blocks.at(-1) as any).elements[0];
    const payload = {
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U0ZHANG' },
      api_app_id: 'A1',
      trigger_id: 'trig-2',
      container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'D0ZHANG', is_ephemeral: false },
      channel: { id: 'D0ZHANG' },
      message: { ts: '1700000000.000001', text: '已记录' },
      response_url: emu.responseUrl('act1'),
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'b1', value: button.value, action_ts: '1700000005.1' }],
    };
    const res = await post(server, slackForm(SECRET, TS, { payload: JSON.stringify(payload) }));
    expect(res.statusCode).toBe(200);
    await slack.work.idle();
    expect(engine.seen[0]).toMatchObject({ platformUserId: 'U0ZHANG', action: { action: 'note.undo', value: { note: '9' } } });
    const updates = emu.calls('/api/chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0].body).toMatchObject({ channel: 'D0ZHANG', ts: '1700000000.000001', text: '已撤销' });
  });
});

describe('Slack Socket Mode', () => {
  it('connects with the app-level token, answers events pushed over the socket, and drops redeliveries', async () => {
    const socket = await new SlackSocketEmulator().start(emu, 'xapp-test');
    const engine = new FakeEngine();
    const slack = new SlackAdapter({
      config: { botToken: BOT_TOKEN, signingSecret: SECRET, appToken: 'xapp-test', apiUrl: `${emu.url}/api/` },
      db,
      log: quietLog,
      handler: engine.handler,
      lang: 'zh',
      clock: () => NOW,
      retry: { attempts: 2, delayMs: 5 },
    });
    try {
      await slack.start();
      await socket.waitForClient();
      const server = await webhookServer({ slack });
      expect((await post(server, slackEvent(SECRET, TS, dmEvent('EvX', 'U0LI', 'x')))).statusCode).toBe(404);
      const ev = dmEvent('EvSock1', 'U0LI', '套接字');
      socket.pushEvent('env-1', ev);
      socket.pushEvent('env-2', ev, 1);
      await emu.waitFor('/api/chat.postMessage', 1);
      await new Promise((r) => setTimeout(r, 100));
      await slack.work.idle();
      expect(socket.acks).toEqual(expect.arrayContaining(['env-1', 'env-2']));
      expect(engine.seen.map((m) => m.text)).toEqual(['套接字']);
      expect(emu.posts).toHaveLength(1);
      expect(emu.calls('/api/apps.connections.open')[0].headers.authorization).toBe('Bearer xapp-test');
    } finally {
      await slack.stop();
      await socket.stop();
    }
  });
});

describe('Slack push and errors', () => {
  it('pushes a DM through conversations.open + chat.postMessage and maps errors', async () => {
    const slack = adapter(new FakeEngine());
    await slack.send({ userId: 'u_li', slackUserId: 'U0LI' }, { lang: 'en', title: 'Alert', text: 'Alert\nContract <CT-1> ends soon & needs a renewal' });
    expect(emu.calls('/api/conversations.open')[0].body.users).toBe('U0LI');
    const post0 = emu.posts[0];
    expect(post0.channel).toBe('D0LI');
    expect(post0.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Alert' } });
    expect(post0.blocks[1].text.text).toBe('Contract &lt;CT-1&gt; ends soon &amp; needs a renewal');

    emu.failNext('/api/chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    const missing = await slack.send({ userId: 'u_li', slackUserId: 'U0LI' }, { lang: 'en', text: 'x' }).catch((e) => e);
    expect(missing).toBeInstanceOf(PlatformError);
    expect(missing).toMatchObject({ platform: 'slack', code: 'channel_not_found', transient: false });
    emu.failNext('/api/chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    expect(await slack.send({ userId: 'u_li', slackUserId: 'U0LI' }, { lang: 'en', text: 'x' }).catch((e) => e)).toMatchObject({ code: 'ratelimited', transient: true });
  });

  it('strips only the bot mention', () => {
    expect(stripBotMention('<@UBOT> 问下 <@U0WANG> 的客户', 'UBOT')).toBe('问下 <@U0WANG> 的客户');
    expect(stripBotMention('<@UBOT|kam> hi', 'UBOT')).toBe('hi');
  });
});
