// `npm run bench -- acks`: does a webhook's ack wait for answers being computed? Feishu webhooks
// arrive at a steady --rate per second (default 200, evenly spread, open loop: a slow ack never
// holds the next request back) while --chats conversations (default 50) each send /api/chat turns
// back to back, with the real engine over the sample data. Reports the ack latency the platform
// would see (p50 / p99 / max) and what the chats got done meanwhile. Target: ack p99 < 100 ms.
// The server (bench/acks-server.mjs) runs in its own process; this one plays Feishu and the chat users.
// Options: --rate=N --chats=N --seconds=N --write (puts the figures into bench/RESULTS.md).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FeishuEmulator, feishuCallback, messageEvent } from '../tests/emulators/feishu.ts';
import { machine, percentile, report, writeResultsSection } from './lib.mjs';

const arg = (name, dflt) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const RATE = arg('rate', 200);
const CHATS = arg('chats', 50);
const SECONDS = Math.min(arg('seconds', 20), 120);
const WARMUP_S = 3;
const write = process.argv.includes('--write');
const KEY = 'bench-key';
const AT = '2026-11-24T10:00:00+08:00';
const TURNS = [
  ['u_zhang', '中建华东最近一次高层拜访是什么时候?'],
  ['u_zhang', '中建华东的关键决策人是谁?'],
  ['u_zhang', '中建华东今年预算执行到多少了?'],
  ['u_li', '江南港务的合同什么时候到期?'],
  ['u_li', '西山矿业有哪些未解决的工单?'],
  ['u_chen', '我团队里哪些客户超过30天没有高层互动?'],
  ['u_li', 'When did we last meet an executive at Xishan Mining?'],
  ['u_chen', '江南港务最近聊过什么?'],
];

const feishu = await new FeishuEmulator({ appId: 'cli_b', appSecret: 's', botOpenId: 'ou_bot' }).start();
const here = dirname(fileURLToPath(import.meta.url));
const child = fork(join(here, 'acks-server.mjs'), [], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  env: { ...process.env, LOG_LEVEL: 'silent', KAM_TIMEZONE: 'Asia/Shanghai', FEISHU_APP_ID: 'cli_b', FEISHU_APP_SECRET: 's', FEISHU_VERIFICATION_TOKEN: 'tok', FEISHU_ENCRYPT_KEY: KEY, FEISHU_BASE_URL: feishu.url },
});
const [line] = await once(child.stdout, 'data');
const port = /listening (\d+)/.exec(String(line))?.[1];
if (!port) throw new Error(`server did not start: ${line}`);
const base = `http://127.0.0.1:${port}`;
console.error(`acks: server up on ${base}; ${CHATS} chats warming up`);
const ask = (msg) => new Promise((resolve) => child.once('message', resolve) && child.send(msg));

let running = true;
let measuring = false;
const chatMs = [];
let chatErrors = 0;
async function chatLoop(i) {
  for (let n = i; running; n++) {
    const [user, text] = TURNS[n % TURNS.length];
    const t0 = performance.now();
    try {
      const res = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, text, at: AT }) });
      await res.text();
      if (res.status !== 200) chatErrors++;
    } catch {
      chatErrors++;
    }
    if (measuring) chatMs.push(performance.now() - t0);
  }
}

let seq = 0;
const badStatus = new Map();
async function webhook() {
  seq++;
  const ev = messageEvent({ token: 'tok', eventId: `eva_${seq}`, messageId: `oma_${seq}`, senderOpenId: `ou_guest_${seq % 50}`, chatType: 'p2p', text: `问题 ${seq}` });
  const cb = feishuCallback(ev, { encryptKey: KEY, timestamp: Math.floor(Date.now() / 1000) });
  const t0 = performance.now();
  const res = await fetch(`${base}/webhooks/feishu`, { method: 'POST', headers: cb.headers, body: cb.body });
  const body = await res.text();
  if (res.status !== 200) badStatus.set(`${res.status} ${body.slice(0, 80)}`, (badStatus.get(`${res.status} ${body.slice(0, 80)}`) ?? 0) + 1);
  return { ms: performance.now() - t0, ok: res.status === 200 };
}

const chats = Array.from({ length: CHATS }, (_, i) => chatLoop(i));
await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
child.send('reset');
measuring = true;
const acks = [];
let bad = 0;
const started = performance.now();
const pending = [];
for (let i = 0; i < RATE * SECONDS; i++) {
  const due = started + (i * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  pending.push(webhook().then((r) => (r.ok ? acks.push(r.ms) : bad++), () => bad++));
}
console.error(`acks: all ${pending.length} webhooks sent; waiting for the last acks`);
await Promise.all(pending);
const elapsed = (performance.now() - started) / 1000;
measuring = false;
const server = await ask('stats');
running = false;
await Promise.all(chats);
acks.sort((a, b) => a - b);
chatMs.sort((a, b) => a - b);

const { lines, say } = report();
const f = (x) => x.toFixed(1);
say(`| webhooks | sent/s | ack p50 | ack p99 | ack max | server-side ack p50 / p99 | non-200 | chats | chat turns | turn p50 / p99 | server loop delay p99 / max |`);
say(`|---|---|---|---|---|---|---|---|---|---|---|`);
say(`| ${acks.length + bad} | ${((acks.length + bad) / elapsed).toFixed(0)} | ${f(percentile(acks, 50))} ms | ${f(percentile(acks, 99))} ms | ${f(percentile(acks, 100))} ms | ${f(server.p50)} / ${f(server.p99)} ms | ${bad} | ${CHATS} | ${chatMs.length} (${(chatMs.length / elapsed).toFixed(1)}/s, ${chatErrors} errors) | ${f(percentile(chatMs, 50))} / ${f(percentile(chatMs, 99))} ms | ${f(server.loopP99)} / ${f(server.loopMax)} ms |`);
if (badStatus.size) say(`\nnon-200 answers: ${[...badStatus].map(([k, n]) => `${n}× ${k}`).join('; ')}`);
say('');
say(`${RATE} Feishu webhooks/s for ${SECONDS} s (after ${WARMUP_S} s of chat warm-up) while ${CHATS} /api/chat conversations run back to back; ${machine()}`);
if (write) writeResultsSection('## Acks under chat load (bench/acks.mjs, issue 18 item 10)', lines);

child.send('stop');
await once(child, 'exit');
await feishu.stop();
