// Daily health snapshots: written in bulk, read back as the peak of a window (health_drop) or the
// score on a date (briefings).
import type { Db } from '../../db/index.ts';
import { scopeSql, type AccountScope } from './scope.ts';

export interface SnapshotRow {
  accountId: string;
  asOf: string;
  score: number;
  components: unknown;
}

const BATCH = 2000;

export async function saveSnapshots(db: Db, rows: SnapshotRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    await db.query(
      `INSERT INTO health_snapshots (account_id, as_of, score, components)
       SELECT * FROM unnest($1::text[], $2::date[], $3::int[], $4::jsonb[])
       ON CONFLICT (account_id, as_of) DO UPDATE SET score = EXCLUDED.score, components = EXCLUDED.components
       -- A second run of the day mostly computes the same scores: an unchanged row is not rewritten.
       WHERE (health_snapshots.score, health_snapshots.components) IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.components)`,
      [part.map((r) => r.accountId), part.map((r) => r.asOf), part.map((r) => r.score), part.map((r) => JSON.stringify(r.components))],
    );
  }
}

/** Highest snapshot per account with from <= as_of <= to (the latest date among equal scores). */
export async function peakSnapshots(db: Db, from: string, to: string, scope?: AccountScope): Promise<Map<string, { score: number; asOf: string }>> {
  const params: unknown[] = [from, to];
  const res = await db.query<{ account_id: string; score: number; as_of: string }>(
    `SELECT DISTINCT ON (account_id) account_id, score, as_of FROM health_snapshots
     WHERE as_of >= $1::date AND as_of <= $2::date AND ${scopeSql('account_id', scope, params)}
     ORDER BY account_id, score DESC, as_of DESC`,
    params,
  );
  return new Map(res.rows.map((r) => [r.account_id, { score: r.score, asOf: r.as_of }]));
}

/** The latest snapshot on or before a date, per account. */
export async function snapshotsOnOrBefore(db: Db, date: string, scope?: AccountScope): Promise<Map<string, { score: number; asOf: string }>> {
  const params: unknown[] = [date];
  const res = await db.query<{ account_id: string; score: number; as_of: string }>(
    `SELECT DISTINCT ON (account_id) account_id, score, as_of FROM health_snapshots
     WHERE as_of <= $1::date AND ${scopeSql('account_id', scope, params)}
     ORDER BY account_id, as_of DESC`,
    params,
  );
  return new Map(res.rows.map((r) => [r.account_id, { score: r.score, asOf: r.as_of }]));
}

/** The business date of the latest activity in the data (interaction, order, ticket), if any. */
export async function latestActivityDate(db: Db, tz: string): Promise<string | null> {
  const res = await db.query<{ d: string | null }>(
    `SELECT greatest(
       (SELECT (max(occurred_at) AT TIME ZONE $1)::date FROM interactions),
       (SELECT max(order_date) FROM orders),
       (SELECT (max(opened_at) AT TIME ZONE $1)::date FROM tickets)) AS d`,
    [tz],
  );
  return res.rows[0]?.d ?? null;
}

/** One account's snapshots in [from, to], oldest first, if the user may see the account. */
export async function accountTrend(db: Db, viewerId: string, accountId: string, from: string, to: string): Promise<{ asOf: string; score: number }[]> {
  const res = await db.query<{ as_of: string; score: number }>(
    `SELECT as_of, score FROM health_snapshots
     WHERE account_id = $1 AND as_of BETWEEN $2::date AND $3::date AND account_id IN (SELECT account_id FROM visible_account_ids($4))
     ORDER BY as_of`,
    [accountId, from, to, viewerId],
  );
  return res.rows.map((r) => ({ asOf: r.as_of, score: r.score }));
}
