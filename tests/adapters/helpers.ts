// Test scaffolding for the platform adapters: a quiet AppContext, a scriptable fake engine, and a
// Fastify server with only the webhook routes mounted (requests go through Fastify's inject).
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Db } from '../../db/index.ts';
import type { InboundMessage, Reply } from '../../src/chat/types.ts';
import type { PlatformAdapters } from '../../adapters/index.ts';
import type { AppContext } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { mountWebhooks } from '../../src/http/webhooks.ts';

export const quietLog = pino({ level: 'silent' });

/** A log that keeps its JSON lines, to assert on structured refusal lines. */
export function capturingLog() {
  const lines: any[] = [];
  const log = pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { log, lines };
}

export function appWith(db: Db, env: Record<string, string>): AppContext {
  return { db, config: loadConfig({ KAM_LANG: 'zh', KAM_TIMEZONE: 'Asia/Shanghai', ...env }), log: quietLog };
}

/** A fake engine: records what it is asked and answers with `respond` (default: an echo). */
export class FakeEngine {
  readonly seen: InboundMessage[] = [];
  respond: (msg: InboundMessage) => Reply | Promise<Reply> = (msg) => ({ lang: 'zh', text: `收到：${msg.text || msg.action?.action}` });
  private gate?: Promise<void>;
  private open?: () => void;

  readonly handler = async (msg: InboundMessage): Promise<Reply> => {
    this.seen.push(msg);
    if (this.gate) await this.gate;
    return this.respond(msg);
  };

  /** Makes every answer wait until release() (a slow engine). */
  hold(): void {
    this.gate = new Promise((r) => (this.open = r));
  }

  release(): void {
    this.open?.();
    this.gate = undefined;
  }
}

export async function webhookServer(adapters: Partial<PlatformAdapters>): Promise<FastifyInstance> {
  const server = Fastify();
  await mountWebhooks(server, () => ({ list: [], ...adapters }));
  await server.ready();
  return server;
}

export async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}
