// The scheduler with a fake clock: slots in the business time zone, catch-up of a slot missed
// while down, and one run per slot across two instances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import type { Job } from '../../src/scheduler/jobs.ts';
import { catchUp, latestSlot, runSlot } from '../../src/scheduler/runner.ts';
import { startScheduler } from '../../src/scheduler/index.ts';
import { emptyDb } from '../helpers/db.ts';
import { TEST_TZ } from '../helpers/paths.ts';
import { appOf } from './helpers.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await emptyDb();
  app = appOf(db);
});
afterAll(() => db.close());

function countingJob(name: string, pattern = '0 9 * * *') {
  const runs: string[] = [];
  const job: Job = { name, pattern: () => pattern, run: async (_app, now) => void runs.push(now.toISOString()) };
  return { job, runs };
}
const local = (s: string) => new Date(`${s}+08:00`);

describe('latestSlot', () => {
  it('reads patterns in the business time zone', () => {
    expect(latestSlot('0 9 * * *', TEST_TZ, local('2026-11-24T10:00:00'))).toEqual(local('2026-11-24T09:00:00'));
    expect(latestSlot('0 9 * * *', TEST_TZ, local('2026-11-24T08:59:00'))).toEqual(local('2026-11-23T09:00:00'));
    expect(latestSlot('30 8 * * 1', TEST_TZ, local('2026-11-26T12:00:00'))).toEqual(local('2026-11-23T08:30:00'));
  });
});

describe('catch-up and leases', () => {
  it('a first start records a baseline and runs nothing', async () => {
    const { job, runs } = countingJob('j1');
    expect(await catchUp(app, [{ job, pattern: '0 9 * * *' }], 'A', local('2026-11-23T20:00:00'))).toEqual({ j1: 'none' });
    expect(runs).toEqual([]);
  });
  it('after being down over 09:00, the start catches the slot up once', async () => {
    const { job, runs } = countingJob('j1');
    const jobs = [{ job, pattern: '0 9 * * *' }];
    expect(await catchUp(app, jobs, 'A', local('2026-11-24T11:00:00'))).toEqual({ j1: 'ran' });
    expect(await catchUp(app, jobs, 'A', local('2026-11-24T11:05:00'))).toEqual({ j1: 'none' });
    // A second instance starting later finds the slot done.
    expect(await catchUp(app, jobs, 'B', local('2026-11-24T12:00:00'))).toEqual({ j1: 'none' });
    expect(runs).toEqual([local('2026-11-24T11:00:00').toISOString()]);
  });
  it('two instances firing the same slot run it once', async () => {
    const { job, runs } = countingJob('j1');
    const slot = local('2026-11-25T09:00:00');
    const outcomes = await Promise.all([runSlot(app, job, slot, 'A', slot), runSlot(app, job, slot, 'B', slot)]);
    expect(outcomes.sort()).toEqual(['ran', 'skipped']);
    expect(runs.length).toBe(1);
  });
  it('a failed run releases the lease so the slot can be tried again', async () => {
    let fail = true;
    const job: Job = { name: 'j2', pattern: () => '0 9 * * *', run: async () => { if (fail) throw new Error('boom'); } };
    await catchUp(app, [{ job, pattern: '0 9 * * *' }], 'A', local('2026-11-24T08:00:00'));
    const slot = local('2026-11-24T09:00:00');
    expect(await runSlot(app, job, slot, 'A', slot)).toBe('failed');
    fail = false;
    expect(await runSlot(app, job, slot, 'B', local('2026-11-24T09:01:00'))).toBe('ran');
  });
});

describe('startScheduler', () => {
  it('catches up at start with the given clock and stops cleanly', async () => {
    const { job, runs } = countingJob('j3', '0 9 * * *');
    await catchUp(app, [{ job, pattern: '0 9 * * *' }], 'A', local('2026-11-20T10:00:00'));
    const s = await startScheduler(app, { clock: () => local('2026-11-24T10:00:00'), jobs: [job], instanceId: 'A', noDrain: true });
    await s.ready;
    await s.stop();
    expect(runs).toEqual([local('2026-11-24T10:00:00').toISOString()]);
  });
});
