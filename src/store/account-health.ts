// The latest stored health snapshot of one visible account (written nightly and after imports by
// insights/health), for replies that show the score without recomputing it.
import type { Db } from '../../db/index.ts';
import { canSee } from './visible.ts';

export interface HealthSnapshot {
  score: number;
  asOf: string;
  band: string | null;
  suggestedTier: string | null;
}

export async function latestHealthSnapshot(db: Db, userId: string, accountId: string, onOrBefore: string): Promise<HealthSnapshot | undefined> {
  const r = await db.query<{ score: number; as_of: string; components: { band?: string; suggested_tier?: string } | null }>(
    `SELECT s.score, s.as_of, s.components FROM health_snapshots s
     WHERE s.account_id = $2 AND s.as_of <= $3::date AND ${canSee(1, '$2')} ORDER BY s.as_of DESC LIMIT 1`,
    [userId, accountId, onOrBefore],
  );
  const row = r.rows[0];
  return row && { score: row.score, asOf: row.as_of, band: row.components?.band ?? null, suggestedTier: row.components?.suggested_tier ?? null };
}
