// Daily health snapshots: today's for every account (the nightly job), and a backfill of weekly
// points after an import so that health_drop has history from day one.
import type { Db } from '../../../db/index.ts';
import type { HealthSettings } from '../../domain/health/settings.ts';
import type { Health } from '../../domain/health/types.ts';
import { addDays, type IsoDate } from '../../domain/time.ts';
import { latestActivityDate, saveSnapshots } from '../../store/health-snapshots.ts';
import type { AccountScope } from '../../store/scope.ts';
import { loadTunables } from '../settings.ts';
import { endOfBusinessDay, healthAsOf } from './compute.ts';

/**
 * What a snapshot keeps besides the score: band, relationship score, suggested tier and the score
 * of each layer. Components are recomputed live when explained; keeping them per day would make
 * the nightly and backfill writes several times heavier.
 */
export function snapshotComponents(h: Health) {
  return {
    band: h.band,
    relationship: h.relationship,
    suggested_tier: h.tier.suggested,
    layers: Object.fromEntries(h.layers.map((l) => [l.id, l.score])),
  };
}

/** Computes and stores every account's health as of the end of `date`. Returns how many were written. */
export async function snapshotHealth(db: Db, date: IsoDate, tz: string, settings: HealthSettings, scope?: AccountScope): Promise<number> {
  const health = await healthAsOf(db, endOfBusinessDay(date, tz), settings, scope);
  await saveSnapshots(
    db,
    health.map((h) => ({ accountId: h.accountId, asOf: date, score: h.score, components: snapshotComponents(h) })),
  );
  return health.length;
}

/** Weekly points going back four weeks from the data's latest activity: the 30-day health_drop window. */
export const BACKFILL_WEEKS = 4;

export function backfillDates(anchor: IsoDate, weeks = BACKFILL_WEEKS): IsoDate[] {
  return Array.from({ length: weeks + 1 }, (_, i) => addDays(anchor, -7 * (weeks - i)));
}

/**
 * After an import: snapshots at weekly points ending on the latest activity date in the data (not the
 * wall clock, so the same files always give the same history).
 */
export async function backfillHealth(db: Db, tz: string): Promise<IsoDate[]> {
  const anchor = await latestActivityDate(db, tz);
  if (!anchor) return [];
  const { health } = await loadTunables(db);
  const dates = backfillDates(anchor);
  for (const d of dates) await snapshotHealth(db, d, tz, health);
  return dates;
}

const HEALTH_TABLES = new Set(['accounts', 'contacts', 'interactions', 'orders', 'contracts', 'tickets', 'projects']);

/** The after-import step: backfill when the import touched anything the score reads. */
export async function backfillAfterImport(tx: Db, info: { tz: string; tables: string[] }): Promise<void> {
  if (info.tables.some((t) => HEALTH_TABLES.has(t))) await backfillHealth(tx, info.tz);
}
