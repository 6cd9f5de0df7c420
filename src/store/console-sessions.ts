// Console sessions and failed sign-ins: rows, so that sign-out and the sign-in throttle hold
// across restarts and on every instance behind a load balancer.
import type { Db } from '../../db/index.ts';

/** Records a new signed-in session; drops the ones older than `expiredBefore` on the way. */
export async function createConsoleSession(db: Db, id: string, now: Date, expiredBefore: Date): Promise<void> {
  await db.query('DELETE FROM console_sessions WHERE created_at < $1', [expiredBefore]);
  await db.query('INSERT INTO console_sessions (id, created_at) VALUES ($1, $2)', [id, now]);
}

/** Whether the session exists (not signed out) and was created after `expiredBefore`. */
export async function consoleSessionActive(db: Db, id: string, expiredBefore: Date): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM console_sessions WHERE id = $1 AND created_at >= $2', [id, expiredBefore]);
  return rows.length > 0;
}

export async function revokeConsoleSession(db: Db, id: string): Promise<void> {
  await db.query('DELETE FROM console_sessions WHERE id = $1', [id]);
}

/** Failed sign-ins from `address` since `since`. */
export async function recentSigninFailures(db: Db, address: string, since: Date): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM signin_failures WHERE address = $1 AND failed_at >= $2', [address, since]);
  return rows[0].n;
}

/** Records a failed sign-in; forgets failures older than `forgetBefore`. */
export async function recordSigninFailure(db: Db, address: string, now: Date, forgetBefore: Date): Promise<void> {
  await db.query('DELETE FROM signin_failures WHERE failed_at < $1', [forgetBefore]);
  await db.query('INSERT INTO signin_failures (address, failed_at) VALUES ($1, $2)', [address, now]);
}
