// The server side of bench/webhooks.mjs, in its own process as in production: an embedded
// database, the three adapters built from configuration (pointed at the parent's emulators) and
// the webhook routes. A fast fake engine stands in for the conversation engine.
import Fastify from 'fastify';
import pino from 'pino';
import { migrate, openPglite } from '../db/index.ts';
import { buildAdapters } from '../adapters/index.ts';
import { loadConfig } from '../src/config.ts';
import { mountWebhooks } from '../src/http/webhooks.ts';

const db = await openPglite(undefined);
await migrate(db);
const app = { db, config: loadConfig(process.env), log: pino({ level: 'silent' }) };
const adapters = buildAdapters(app, async (msg) => ({ lang: 'zh', text: `收到：${msg.text}` }));
const server = Fastify();
await mountWebhooks(server, () => adapters);
await server.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`listening ${server.server.address().port}\n`);
process.on('message', async (m) => {
  if (m !== 'stop') return;
  for (const a of adapters.list) await a.stop?.();
  await server.close();
  await db.close();
  process.exit(0);
});
