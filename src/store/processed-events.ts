// Persisted webhook dedup: a platform's redelivery of an event we already took is dropped, also
// after a restart or on another instance, because the claim is a row in processed_events.
import type { Db } from '../../db/index.ts';

/**
 * Claims every key for `platform`. True when none was seen before: the caller owns the event.
 * Atomic per key through the primary key, so two instances racing on one redelivery cannot
 * both win.
 */
export async function claimEvent(db: Db, platform: string, keys: string[], now: Date): Promise<boolean> {
  const unique = [...new Set(keys.filter(Boolean))];
  if (!unique.length) return true;
  const { rows } = await db.query<{ event_id: string }>(
    `INSERT INTO processed_events (platform, event_id, received_at)
     SELECT $1, k, $3 FROM unnest($2::text[]) AS k
     ON CONFLICT (platform, event_id) DO NOTHING
     RETURNING event_id`,
    [platform, unique, now],
  );
  return rows.length === unique.length;
}

/** Forgets claims older than `before` (platforms stop redelivering after hours, not weeks). */
export async function pruneProcessedEvents(db: Db, before: Date): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM processed_events WHERE received_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    [before],
  );
  return rows[0]?.n ?? 0;
}
