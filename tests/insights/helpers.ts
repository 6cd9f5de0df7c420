// Shared pieces of the insights tests: an AppContext over a test database, and "as of" moments.
import pino from 'pino';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { asOfNow } from '../../src/insights/health/compute.ts';
import { TEST_TZ } from '../helpers/paths.ts';

export function appOf(db: Db): AppContext {
  return { db, config: loadConfig({ KAM_DEMO: 'false', TZ: TEST_TZ }), log: pino({ level: 'silent' }) };
}

/** "2026-11-24T10:00" (naive, business time zone) as an AsOf. */
export function at(local: string) {
  return asOfNow(new Date(`${local}+08:00`), TEST_TZ);
}
