// Runs a job's slot at most once across instances (lease row), and catches up a slot missed while
// no instance was running. Takes the clock as an argument, so tests drive it with a fake one.
import { Cron } from 'croner';
import type { AppContext } from '../app.ts';
import { claimSlot, completeSlot, ensureJob, lastRun, releaseSlot } from '../store/job-runs.ts';
import type { Job } from './jobs.ts';

/** Long enough for the slowest job; a crashed instance's lease expires after it. */
export const LEASE_MS = 30 * 60_000;

/** The latest scheduled time at or before `now` in the business time zone, if any. */
export function latestSlot(pattern: string, tz: string, now: Date): Date | null {
  const cron = new Cron(pattern, { timezone: tz, paused: true });
  try {
    return cron.previousRuns(1, new Date(now.getTime() + 1000))[0] ?? null;
  } finally {
    cron.stop();
  }
}

export type SlotOutcome = 'ran' | 'skipped' | 'failed';

/** Runs one slot of a job if no instance has run it yet. */
export async function runSlot(app: AppContext, job: Job, slot: Date, owner: string, now: Date): Promise<SlotOutcome> {
  if (!(await claimSlot(app.db, job.name, slot, owner, now, LEASE_MS))) return 'skipped';
  const log = app.log.child({ job: job.name, slot: slot.toISOString() });
  try {
    const t0 = Date.now();
    await job.run(app, now);
    await completeSlot(app.db, job.name, slot, owner);
    log.info({ ms: Date.now() - t0 }, 'job done');
    return 'ran';
  } catch (e) {
    await releaseSlot(app.db, job.name, owner).catch(() => {});
    log.error({ err: e }, 'job failed');
    return 'failed';
  }
}

/** At start: registers the jobs and runs each one whose latest slot passed since its last run. */
export async function catchUp(app: AppContext, jobs: { job: Job; pattern: string }[], owner: string, now: Date): Promise<Record<string, SlotOutcome | 'none'>> {
  const out: Record<string, SlotOutcome | 'none'> = {};
  for (const { job, pattern } of jobs) {
    await ensureJob(app.db, job.name, now);
    const slot = latestSlot(pattern, app.config.timeZone, now);
    const last = await lastRun(app.db, job.name);
    out[job.name] = slot && (!last || last < slot) ? await runSlot(app, job, slot, owner, now) : 'none';
  }
  return out;
}
