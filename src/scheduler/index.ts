// The scheduler of `kam start`: croner jobs in the business time zone (patterns from settings),
// catch-up of slots missed while down, leases so several instances run each slot once, and the
// outbox drain every few seconds.
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { AppContext, RunningService } from '../app.ts';
import { drainWithRegistry } from '../outbox/drain.ts';
import { drainLanes } from '../outbox/worker.ts';
import { getAdapters } from '../delivery/registry.ts';
import { loadTunables } from '../insights/settings.ts';
import { JOBS, type Job } from './jobs.ts';
import { catchUp, latestSlot, runSlot } from './runner.ts';

export interface SchedulerDeps {
  clock?: () => Date;
  /** Identifies this instance in job leases. */
  instanceId?: string;
  jobs?: Job[];
  /** Skip the outbox drain loop (tests drain by hand). */
  noDrain?: boolean;
}

export interface Scheduler extends RunningService {
  /** Resolves when the start-up catch-up is done. */
  ready: Promise<unknown>;
}

export async function startScheduler(app: AppContext, deps: SchedulerDeps = {}): Promise<Scheduler> {
  const clock = deps.clock ?? (() => new Date());
  const owner = deps.instanceId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const tunables = await loadTunables(app.db);
  const tz = app.config.timeZone;
  const jobs = (deps.jobs ?? JOBS).map((job) => ({ job, pattern: job.pattern(tunables.schedules) }));
  let stopped = false;
  let chain: Promise<unknown> = Promise.resolve();
  // Jobs of one instance run one after another: a sweep and a snapshot never compete for the database.
  const serial = (fn: () => Promise<unknown>) => (chain = chain.then(fn, fn));

  const crons = jobs.map(
    ({ job, pattern }) =>
      new Cron(pattern, { timezone: tz, protect: true, catch: true }, () => {
        if (stopped) return;
        const now = clock();
        const slot = latestSlot(pattern, tz, now) ?? now;
        void serial(() => runSlot(app, job, slot, owner, now));
      }),
  );
  const ready = serial(() => catchUp(app, jobs, owner, clock()));

  // The outbox drain: one loop per lane (each running platform, and the console channel), so a
  // platform that hangs holds up only its own pushes; a tick starts the lanes not still busy.
  let timer: NodeJS.Timeout | undefined;
  const lanes = new Map<string, Promise<unknown>>();
  if (!deps.noDrain) {
    const everyMs = tunables.schedules.outboxDrainSeconds * 1000;
    const tick = () => {
      if (stopped) return;
      for (const lane of drainLanes(getAdapters())) {
        if (lanes.has(lane)) continue;
        const run = drainWithRegistry(app, clock(), undefined, { lane, stopping: () => stopped, clock })
          .catch((e) => app.log.error({ err: e, lane }, 'outbox drain failed'))
          .finally(() => lanes.delete(lane));
        lanes.set(lane, run);
      }
      timer = setTimeout(tick, everyMs);
    };
    timer = setTimeout(tick, 0);
  }
  app.log.info({ jobs: Object.fromEntries(jobs.map((j) => [j.job.name, j.pattern])), tz, outboxDrainSeconds: tunables.schedules.outboxDrainSeconds }, 'scheduler started');

  return {
    name: 'scheduler',
    ready,
    async stop() {
      stopped = true;
      for (const c of crons) c.stop();
      if (timer) clearTimeout(timer);
      await Promise.allSettled([chain, ...lanes.values()]);
    },
  };
}

/** The service starter `kam start` runs (src/compose/services.ts). */
export async function schedulerService(app: AppContext): Promise<RunningService> {
  return startScheduler(app);
}
