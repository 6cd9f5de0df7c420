// `npm run bench:webhooks`: ack latency of each platform's webhook under a steady 200 requests/s
// for 20 s (autocannon, loopback only). Every request is a new, correctly signed (and for
// Feishu/WeCom encrypted) text message, so each runs the whole path: verify → decrypt →
// validate → dedup insert into processed_events → ack, and then the answer is sent to the
// platform emulator. The server (bench/webhooks-server.mjs) runs in its own process; this one
// generates load and plays the three platforms.
// Options: --rate=N --seconds=N --connections=N --platforms=feishu,wecom,slack.
//
// Arrivals are spread evenly over each second. autocannon's own rate limit (`overallRate`) does
// not do that: each connection sends its share back to back at the start of every second, so
// 200 requests/s arrive as a burst of 200 and queue; and its coordinated-omission correction
// assumes an interval of ceil(1 / rate) = 1 ms, recording a 40 ms response as 40 values (40, 39,
// … 1 ms). So the load is one autocannon instance per connection, each at the same small rate and
// started a fraction of a second after the previous one, and the percentiles are computed from
// every response's own latency.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { FeishuEmulator, feishuCallback, messageEvent } from '../tests/emulators/feishu.ts';
import { WecomEmulator, wecomCallback, wecomTextXml } from '../tests/emulators/wecom.ts';
import { SlackEmulator, dmEvent, slackEvent } from '../tests/emulators/slack.ts';
import { machine, percentile } from './lib.mjs';

const arg = (name, dflt) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const RATE = arg('rate', 200);
const SECONDS = Math.min(arg('seconds', 20), 120);
const CONNECTIONS = Math.min(arg('connections', Math.min(RATE, 200)), RATE);
const PLATFORMS = (process.argv.find((a) => a.startsWith('--platforms='))?.split('=')[1] ?? 'feishu,wecom,slack').split(',');
const unknown = PLATFORMS.filter((p) => !['feishu', 'wecom', 'slack'].includes(p));
if (unknown.length) throw new Error(`unknown platform ${unknown.join(', ')}; known: feishu, wecom, slack`);

const FEISHU_KEY = 'bench-key';
const WECOM = { token: 'btoken', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wwBENCH' };
const SLACK_SECRET = 'bench-secret';
const feishuEmu = await new FeishuEmulator({ appId: 'cli_b', appSecret: 's', botOpenId: 'ou_bot' }).start();
const wecomEmu = await new WecomEmulator({ corpId: WECOM.corpId, secret: 's' }).start();
const slackEmu = await new SlackEmulator({ botToken: 'xoxb-b', botUserId: 'UBOT', botId: 'BBOT' }).start();

const here = dirname(fileURLToPath(import.meta.url));
const child = fork(join(here, 'webhooks-server.mjs'), [], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  env: {
    ...process.env,
    LOG_LEVEL: 'silent',
    FEISHU_APP_ID: 'cli_b',
    FEISHU_APP_SECRET: 's',
    FEISHU_VERIFICATION_TOKEN: 'tok',
    FEISHU_ENCRYPT_KEY: FEISHU_KEY,
    FEISHU_BASE_URL: feishuEmu.url,
    WECOM_CORP_ID: WECOM.corpId,
    WECOM_AGENT_ID: '1',
    WECOM_SECRET: 's',
    WECOM_TOKEN: WECOM.token,
    WECOM_ENCODING_AES_KEY: WECOM.encodingAesKey,
    WECOM_BASE_URL: wecomEmu.url,
    SLACK_BOT_TOKEN: 'xoxb-b',
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: `${slackEmu.url}/api/`,
  },
});
const [line] = await once(child.stdout, 'data');
const port = /listening (\d+)/.exec(String(line))?.[1];
if (!port) throw new Error(`server did not start: ${line}`);
const base = `http://127.0.0.1:${port}`;

let seq = 0;
const now = () => Math.floor(Date.now() / 1000);
const platforms = {
  feishu: (req) => {
    seq++;
    const ev = messageEvent({ token: 'tok', eventId: `evb_${seq}`, messageId: `omb_${seq}`, senderOpenId: `ou_${seq % 50}`, chatType: 'p2p', text: `问题 ${seq}` });
    const cb = feishuCallback(ev, { encryptKey: FEISHU_KEY, timestamp: now() });
    return { ...req, method: 'POST', path: '/webhooks/feishu', headers: cb.headers, body: cb.body };
  },
  wecom: (req) => {
    seq++;
    const ts = now();
    const cb = wecomCallback(WECOM, wecomTextXml({ corpId: WECOM.corpId, from: `u${seq % 50}`, content: `问题 ${seq}`, msgId: String(1e12 + seq), createTime: ts }), ts);
    return { ...req, method: 'POST', path: `/webhooks/wecom?${cb.query}`, headers: { 'content-type': 'text/xml' }, body: cb.body };
  },
  slack: (req) => {
    seq++;
    const e = slackEvent(SLACK_SECRET, now(), dmEvent(`EvB${seq}`, `U${seq % 50}`, `question ${seq}`, { channel: `D${seq % 50}` }));
    return { ...req, method: 'POST', path: '/webhooks/slack', headers: e.headers, body: e.body };
  },
};
const replies = { feishu: () => feishuEmu.cards.length, wecom: () => wecomEmu.sent.length, slack: () => slackEmu.posts.length };

/**
 * RATE requests/s for SECONDS, evenly spread: CONNECTIONS autocannon instances of one connection
 * each, at RATE / CONNECTIONS requests/s apiece, started 1 / CONNECTIONS s apart.
 */
async function steadyLoad(setupRequest) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const latencies = [];
  let bad = 0;
  const runs = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const connectionRate = Math.floor(RATE / CONNECTIONS) + (i < RATE % CONNECTIONS ? 1 : 0);
    const instance = autocannon({ url: base, connections: 1, connectionRate, ignoreCoordinatedOmission: true, duration: SECONDS, requests: [{ setupRequest }] });
    instance.on('response', (_client, status, _bytes, ms) => (status >= 200 && status < 300 ? latencies.push(ms) : bad++));
    runs.push(instance);
    await new Promise((r) => setTimeout(r, 1000 / CONNECTIONS));
  }
  const results = await Promise.all(runs);
  for (const r of results) bad += r.errors + r.timeouts;
  latencies.sort((a, b) => a - b);
  loop.disable();
  return { requests: latencies.length + bad, latencies, bad, loopP99: loop.percentile(99) / 1e6 };
}

const rows = [];
for (const name of PLATFORMS) {
  const res = await steadyLoad(platforms[name]);
  const rps = res.requests / SECONDS;
  // Let the answers of the last requests reach the emulator before counting them.
  for (let i = 0; i < 50 && replies[name]() < res.latencies.length; i++) await new Promise((r) => setTimeout(r, 100));
  // (WeCom and Slack replies are paced per recipient — 30/min per member, 1/s per channel — so
  // with 50 senders not all of them are out by now: that is the rate limiter at work.)
  child.send({ stats: name });
  const [server] = await once(child, 'message');
  const ms = (p) => percentile(res.latencies, p).toFixed(1);
  const row = { name, serverP50: server.p50.toFixed(1), serverP99: server.p99.toFixed(1), loopP99: server.loopP99.toFixed(0), genLoopP99: res.loopP99.toFixed(0), requests: res.requests, rps: rps.toFixed(0), p50: ms(50), p99: ms(99), max: ms(100), bad: res.bad, replies: replies[name]() };
  rows.push(row);
  console.log(`${name.padEnd(7)} ${row.requests} requests, ${row.rps} req/s, ack p50 ${row.p50} ms, p99 ${row.p99} ms, max ${row.max} ms (server-side p50 ${row.serverP50} ms, p99 ${row.serverP99} ms; server event-loop delay p99 ${row.loopP99} ms, load generator's ${row.genLoopP99} ms), non-2xx/errors ${row.bad}, replies ${row.replies}`);
}
console.log(`\n| platform | requests | req/s | ack p50 | ack p99 | max | server-side p50 / p99 | loop delay p99 server / load generator | non-2xx/errors | replies sent |\n|---|---|---|---|---|---|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.name} | ${r.requests} | ${r.rps} | ${r.p50} ms | ${r.p99} ms | ${r.max} ms | ${r.serverP50} / ${r.serverP99} ms | ${r.loopP99} / ${r.genLoopP99} ms | ${r.bad} | ${r.replies} |`);
console.log(`\n${RATE} req/s for ${SECONDS} s per platform, evenly spread over ${CONNECTIONS} connections; ${machine()}`);

child.send('stop');
await once(child, 'exit');
await Promise.all([feishuEmu.stop(), wecomEmu.stop(), slackEmu.stop()]);
