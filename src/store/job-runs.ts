// Scheduler bookkeeping in job_runs: when each job last ran (for catch-up) and a lease, so that of
// several instances exactly one runs a given slot.
import type { Db } from '../../db/index.ts';

/** Registers a job; a new one starts as if it had just run (nothing to catch up on first start). */
export async function ensureJob(db: Db, job: string, baseline: Date): Promise<void> {
  await db.query('INSERT INTO job_runs (job, last_run_at) VALUES ($1, $2) ON CONFLICT (job) DO NOTHING', [job, baseline]);
}

export async function lastRun(db: Db, job: string): Promise<Date | null> {
  const res = await db.query<{ last_run_at: Date | null }>('SELECT last_run_at FROM job_runs WHERE job = $1', [job]);
  return res.rows[0]?.last_run_at ?? null;
}

/**
 * Takes the lease for one slot: only when the slot has not run yet and no other owner holds an
 * unexpired lease. Returns whether this owner may run it.
 */
export async function claimSlot(db: Db, job: string, slot: Date, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  const res = await db.query(
    `UPDATE job_runs SET lease_owner = $3, lease_until = $5
     WHERE job = $1 AND (last_run_at IS NULL OR last_run_at < $2)
       AND (lease_until IS NULL OR lease_until < $4 OR lease_owner = $3)
     RETURNING job`,
    [job, slot, owner, now, new Date(now.getTime() + leaseMs)],
  );
  return res.rows.length > 0;
}

export async function completeSlot(db: Db, job: string, slot: Date, owner: string): Promise<void> {
  await db.query('UPDATE job_runs SET last_run_at = $2, lease_owner = NULL, lease_until = NULL WHERE job = $1 AND lease_owner = $3', [job, slot, owner]);
}

export async function releaseSlot(db: Db, job: string, owner: string): Promise<void> {
  await db.query('UPDATE job_runs SET lease_owner = NULL, lease_until = NULL WHERE job = $1 AND lease_owner = $2', [job, owner]);
}
