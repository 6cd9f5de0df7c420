// The server side of bench/webhooks.mjs, in its own process as in production: an embedded
// database, the three adapters built from configuration (pointed at the parent's emulators) and
// the webhook routes. A fast fake engine stands in for the conversation engine.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Fastify from 'fastify';
import pino from 'pino';
import { buildAdapters } from '../adapters/index.ts';
import { openBenchDb } from './lib.mjs';
import { loadConfig } from '../src/config.ts';
import { mountWebhooks } from '../src/http/webhooks.ts';

const bench = await openBenchDb('webhooks');
const db = bench.db;
const app = { db, config: loadConfig(process.env), log: pino({ level: 'silent' }) };
const adapters = buildAdapters(app, async (msg) => ({ lang: 'zh', text: `收到：${msg.text}` }));
const server = Fastify();
// Server-side handling time of each webhook request (receive → response written), per platform.
const timings = { feishu: [], wecom: [], slack: [] };
server.addHook('onResponse', (req, reply, done) => {
  const platform = /^\/webhooks\/(\w+)/.exec(req.url)?.[1];
  if (platform in timings) timings[platform].push(reply.elapsedTime);
  done();
});
await mountWebhooks(server, () => adapters);
await server.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`listening ${server.server.address().port}\n`);
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
process.on('message', async (m) => {
  if (m?.stats) {
    const xs = timings[m.stats].sort((a, b) => a - b);
    process.send({ stats: m.stats, n: xs.length, p50: pct(xs, 50), p99: pct(xs, 99), loopP99: loop.percentile(99) / 1e6 });
    loop.reset();
    return;
  }
  if (m !== 'stop') return;
  for (const a of adapters.list) await a.stop?.();
  await server.close();
  await bench.done();
  process.exit(0);
});
