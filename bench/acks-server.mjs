// The server side of bench/acks.mjs, in its own process as in production: the embedded database
// with the sample data, the real conversation engine, and the whole HTTP server of `kam start`
// (webhooks, /api/chat) with the platform adapters pointed at the parent's emulators.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import pino from 'pino';
import { openBenchDb } from './lib.mjs';
import { loadConfig } from '../src/config.ts';
import { buildKamServer } from '../src/compose/server.ts';
import { importDir } from '../src/importing/import-dir.ts';
import { adaptersFor } from '../adapters/index.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', 'shared', 'sample-data');
const bench = await openBenchDb('acks');
const db = bench.db;
const config = loadConfig(process.env);
await importDir(db, SAMPLE, config.timeZone);
const app = { db, config, log: pino({ level: 'silent' }) };
const server = await buildKamServer(app);
// Server-side handling time of each webhook request (receive → response written).
const acks = [];
server.addHook('onResponse', (req, reply, done) => {
  if (req.url.startsWith('/webhooks/')) acks.push(reply.elapsedTime);
  done();
});
await server.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`listening ${server.server.address().port}\n`);
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
process.on('message', async (m) => {
  if (m === 'reset') {
    acks.length = 0;
    loop.reset();
    return;
  }
  if (m === 'stats') {
    const xs = acks.sort((a, b) => a - b);
    process.send({ n: xs.length, p50: pct(xs, 50), p99: pct(xs, 99), loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 });
    return;
  }
  if (m !== 'stop') return;
  for (const a of adaptersFor(app).list) await a.stop?.();
  await server.close();
  await bench.done();
  process.exit(0);
});
