// What every edge (CLI command, HTTP route, scheduler job, adapter) is handed.
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from '../db/index.ts';

export interface AppContext {
  db: Db;
  config: Config;
  log: Logger;
}

export interface RunningService {
  name: string;
  stop(): Promise<void>;
}

export type ServiceStarter = (app: AppContext) => Promise<RunningService | null>;

export function createLogger(level: string, stream?: NodeJS.WritableStream): Logger {
  return pino({ level, redact: ['*.token', '*.secret', '*.authorization', 'req.headers.authorization'] }, stream ?? pino.destination(2));
}
