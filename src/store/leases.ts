// Leases in work_leases: of several instances on one database, one at a time holds a named lease
// (re-embedding and vector index builds). Times are the database's clock, the one every instance
// shares. A lease not renewed before it runs out may be taken by another owner.
import type { Db } from '../../db/index.ts';

/** Takes (or renews, for its own holder) the lease for ttlMs when nobody else holds it unexpired. */
export async function takeLease(db: Db, name: string, owner: string, ttlMs: number): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO work_leases AS l (name, owner, lease_until, taken_at)
     VALUES ($1, $2, clock_timestamp() + $3::integer * interval '1 millisecond', clock_timestamp())
     ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until,
       taken_at = CASE WHEN l.owner = EXCLUDED.owner THEN l.taken_at ELSE EXCLUDED.taken_at END
     WHERE l.owner = EXCLUDED.owner OR l.lease_until < clock_timestamp()
     RETURNING name`,
    [name, owner, Math.round(ttlMs)],
  );
  return r.rows.length > 0;
}

/** Extends a lease this owner still holds; false when it ran out and another owner took it. */
export async function renewLease(db: Db, name: string, owner: string, ttlMs: number): Promise<boolean> {
  const r = await db.query(
    `UPDATE work_leases SET lease_until = clock_timestamp() + $3::integer * interval '1 millisecond'
     WHERE name = $1 AND owner = $2 RETURNING name`,
    [name, owner, Math.round(ttlMs)],
  );
  return r.rows.length > 0;
}

export async function releaseLease(db: Db, name: string, owner: string): Promise<void> {
  await db.query('DELETE FROM work_leases WHERE name = $1 AND owner = $2', [name, owner]);
}

/** Who holds the lease now (an expired one counts as free). */
export async function leaseHolder(db: Db, name: string): Promise<{ owner: string; until: Date; since: Date } | null> {
  const r = await db.query<{ owner: string; until: Date; since: Date }>(
    'SELECT owner, lease_until AS until, taken_at AS since FROM work_leases WHERE name = $1 AND lease_until >= clock_timestamp()',
    [name],
  );
  return r.rows[0] ?? null;
}
