// `npm run bench -- hostile`: how long the server is busy with an unsigned, hostile WeCom body
// (`<xml><a>` and then spaces, issue 18 item 1), and whether /healthz still answers meanwhile.
// Each size is one POST /webhooks/wecom through a real listening Fastify server with the
// production webhook routes; a /healthz request is sent right after it, on its own connection.
// Options: --sizes=3000,4000,1048576 (bytes of the body), --timeout=60 (seconds per request).
import Fastify from 'fastify';
import pino from 'pino';
import { WecomAdapter } from '../adapters/wecom/index.ts';
import { mountWebhooks } from '../src/http/webhooks.ts';
import { machine } from './lib.mjs';

const opt = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const SIZES = opt('sizes', '3000,4000,65536,1048576').split(',').map(Number);
const TIMEOUT_MS = Number(opt('timeout', 60)) * 1000;

const wecom = new WecomAdapter({
  config: { token: 't', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wwBENCH', agentId: '1', secret: 's', baseUrl: 'http://127.0.0.1:9' },
  db: /** @type {any} */ ({}), // a refused request never reaches the database
  log: pino({ level: 'silent' }),
  handler: async () => ({ lang: 'en', text: '' }),
  lang: 'en',
});
const server = Fastify();
server.get('/healthz', async () => ({ status: 'ok' }));
await mountWebhooks(server, () => ({ list: [], wecom }));
const base = await server.listen({ port: 0, host: '127.0.0.1' });

console.log(`machine: ${machine()}`);
console.log('| body | status | hostile request | /healthz sent meanwhile |');
console.log('|---|---|---|---|');
for (const size of SIZES) {
  const body = '<xml><a>' + ' '.repeat(Math.max(0, size - 8));
  const t0 = performance.now();
  const hostile = fetch(`${base}/webhooks/wecom?msg_signature=x&timestamp=1&nonce=n`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).then(async (r) => ({ status: r.status, ms: performance.now() - t0 }), () => ({ status: 'timeout', ms: performance.now() - t0 }));
  await new Promise((r) => setTimeout(r, 5));
  const h0 = performance.now();
  const health = fetch(`${base}/healthz`, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then(
    (r) => ({ status: r.status, ms: performance.now() - h0 }),
    () => ({ status: 'timeout', ms: performance.now() - h0 }),
  );
  const [h, hz] = await Promise.all([hostile, health]);
  console.log(`| ${size.toLocaleString('en')} B | ${h.status} | ${h.ms.toFixed(1)} ms | ${hz.status} in ${hz.ms.toFixed(1)} ms |`);
}
await server.close();
