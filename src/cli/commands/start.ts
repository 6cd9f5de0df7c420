import type { Command } from 'commander';
import { cliConfig, ExitError } from '../context.ts';
import { createLogger, type AppContext, type RunningService } from '../../app.ts';
import { DbUnavailableError, openDatabase } from '../../../db/index.ts';
import { buildKamServer } from '../../compose/server.ts';
import { loadDemoIfEmpty } from '../../demo/first-start.ts';
import { getAdapters } from '../../delivery/registry.ts';
import { startBanner } from '../banner.ts';
import { serviceStarters } from '../../compose/services.ts';
import { refreshAccountLatinKeys } from '../../nlu/latin-keys.ts';

/** `kam start` is gone this long after SIGTERM at the latest (supervisors kill at 10 s). */
const SHUTDOWN_DEADLINE_MS = 9_000;
/** How long HTTP requests still running (a long /api/chat turn) may take once the services have stopped. */
const HTTP_DRAIN_MS = 2_000;

export function register(program: Command) {
  program
    .command('start')
    .description('run the HTTP server (chat API, console, webhooks), the scheduler and the configured messaging platforms')
    .option('--port <n>', 'listen port (default $PORT or 3000)')
    .action(async (opts: { port?: string }) => {
      const config = cliConfig();
      if (opts.port !== undefined) {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ExitError(`--port: "${opts.port}" is not a port number`, 1);
        config.port = port;
      }
      // A person at a terminal reads pretty lines and a banner; pipes and files get JSON lines.
      const tty = !!process.stdout.isTTY;
      const log = createLogger(config.logLevel, tty ? (await import('pino-pretty')).default({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }) : process.stdout);
      let db;
      try {
        // The long-running server keeps the embedded database off its event loop (acks, health checks).
        db = await openDatabase(config, { worker: true });
      } catch (e) {
        throw new ExitError(e instanceof DbUnavailableError ? e.message : `cannot open the database: ${(e as Error).message}`, 2);
      }
      const app: AppContext = { db, config, log };
      await loadDemoIfEmpty(app, (line) => log.info(line));
      // Keys of accounts renamed outside an import, or of an older key format, are brought up to date.
      const refreshed = await refreshAccountLatinKeys(db);
      if (refreshed) log.info({ accounts: refreshed }, 'refreshed the Latin name keys of accounts');
      const services: RunningService[] = [];
      const server = await buildKamServer(app);
      try {
        await server.listen({ host: config.host, port: config.port });
      } catch (e) {
        await db.close();
        throw new ExitError(`cannot listen on ${config.host}:${config.port}: ${(e as Error).message}`, 2);
      }
      for (const start of serviceStarters) {
        const s = await start(app);
        if (s) services.push(s);
      }
      const address = server.server.address();
      const url = `http://${config.host}:${address && typeof address === 'object' ? address.port : config.port}/`;
      const platforms = getAdapters().map((a) => a.platform);
      log.info({ url, db: config.databaseUrl ? 'postgres' : config.dataDir, llm: config.llm ? config.llm.model : 'offline', platforms }, 'KAM Assistant is running');
      if (tty) process.stdout.write('\n' + (await startBanner(app, { url, platforms })) + '\n');

      await new Promise<void>((resolve) => {
        const stop = async (signal: string) => {
          log.info({ signal }, 'shutting down');
          // Whatever still hangs at the deadline is not waited for: the outbox keeps what was parked.
          const deadline = setTimeout(() => {
            log.error({ signal, ms: SHUTDOWN_DEADLINE_MS }, 'shutdown took too long; exiting');
            process.exit(1);
          }, SHUTDOWN_DEADLINE_MS);
          deadline.unref();
          // No new connections; requests in flight may finish while the services stop.
          const closing = server.close().catch(() => {});
          // Side by side: the platforms cut their stragglers short (parking them) while the outbox drain stops.
          await Promise.all(services.map((s) => s.stop().catch((e) => log.warn({ err: e, service: s.name }, 'stop failed'))));
          await Promise.race([closing, new Promise((r) => setTimeout(r, HTTP_DRAIN_MS))]);
          await db.close().catch(() => {});
          clearTimeout(deadline);
          log.info({ signal }, 'stopped');
          // A socket some library keeps open must not hold the process past this point.
          setTimeout(() => process.exit(), 1000).unref();
          resolve();
        };
        process.once('SIGINT', () => void stop('SIGINT'));
        process.once('SIGTERM', () => void stop('SIGTERM'));
      });
    });
}
