// A console server over the sample data, in-process: the alert sweep already run as of SAMPLE_AT
// (so there are recorded alerts to list and acknowledge).
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { buildServer } from '../../src/http/server.ts';
import { sweepAlerts } from '../../src/insights/alerts/sweep.ts';
import { asOfNow } from '../../src/insights/health/compute.ts';
import { sampleDb } from '../helpers/db.ts';
import { SAMPLE_AT, TEST_TZ } from '../helpers/paths.ts';

export const TOKEN = 'console-test-token';
/** The ?at= value of EXPECTED.md. */
export const AT = '2026-11-24T10:00:00+08:00';
export const AT_Q = `at=${encodeURIComponent(AT)}`;

export interface ConsoleServer {
  app: AppContext;
  db: Db;
  server: FastifyInstance;
  close(): Promise<void>;
}

export async function startConsole(env: Record<string, string> = { KAM_API_TOKEN: TOKEN }): Promise<ConsoleServer> {
  const db = await sampleDb();
  const config = loadConfig({ TZ: TEST_TZ, KAM_LANG: 'zh', KAM_DEMO: 'false', ...env });
  const app: AppContext = { db, config, log: pino({ level: 'silent' }) };
  await sweepAlerts(db, { at: asOfNow(SAMPLE_AT, TEST_TZ), lang: 'zh' });
  const server = await buildServer(app);
  await server.ready();
  return {
    app,
    db,
    server,
    async close() {
      await server.close();
      await db.close();
    },
  };
}
