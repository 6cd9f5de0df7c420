// Opens config, logger and database for one CLI command, and maps errors to exit codes in one place:
// 0 success, 1 bad input or a refused request, 2 a fault of the system.
import { loadConfig, type Config } from '../config.ts';
import { ConfigError, UserInputError } from '../errors.ts';
import { DbUnavailableError, openDatabase } from '../../db/index.ts';
import { createLogger, type AppContext } from '../app.ts';
import { parseWhen } from '../domain/time.ts';
import { loadDemoIfEmpty } from '../demo/first-start.ts';

export class ExitError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

export function cliConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) throw new ExitError(e.message, 1);
    throw e;
  }
}

/**
 * Runs fn with an open database, closing it afterwards whatever happens. An empty embedded database
 * is first given the demo world (unless KAM_DEMO=false, or the command fills it itself: `demo: false`).
 */
export async function withApp<T>(fn: (app: AppContext) => Promise<T>, opts: { logLevel?: string; demo?: boolean } = {}): Promise<T> {
  const config = cliConfig();
  const log = createLogger(opts.logLevel ?? (config.logLevel === 'info' ? 'warn' : config.logLevel));
  let db;
  try {
    db = await openDatabase(config);
  } catch (e) {
    if (e instanceof DbUnavailableError) throw new ExitError(e.message, 2);
    throw new ExitError(`cannot open the database: ${(e as Error).message}`, 2);
  }
  try {
    const app = { db, config, log };
    if (opts.demo !== false) await loadDemoIfEmpty(app, (line) => process.stderr.write(`kam: ${line}\n`));
    return await fn(app);
  } finally {
    await db.close();
  }
}

/** Parses a WHEN option (ISO 8601 date or date-time, naive = business time zone); default now. */
export function parseAt(value: string | undefined, tz: string): Date {
  if (!value) return new Date();
  const d = parseWhen(value, tz);
  if (!d) throw new ExitError(`--at/--week: "${value}" is not an ISO 8601 date or date-time (e.g. 2026-11-24 or 2026-11-24T10:00:00+08:00)`, 1);
  return d;
}

export function exitCodeOf(e: unknown): { code: number; message: string } {
  if (e instanceof ExitError) return { code: e.code, message: e.message };
  if (e instanceof UserInputError) return { code: 1, message: e.message };
  if (e instanceof ConfigError) return { code: 1, message: e.message };
  if (e instanceof DbUnavailableError) return { code: 2, message: e.message };
  return { code: 2, message: `internal error: ${(e as Error)?.stack ?? String(e)}` };
}
