// Loads the demo world dated to today: generated (src/demo/world.ts), written as import files and
// imported through `kam import`'s own path, then given the health history a running system would
// have (weekly snapshots over the last 13 weeks, so trends and health_drop have something to show),
// today's alerts and this week's briefings.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../app.ts';
import { FORMATS } from '../domain/csv-format.ts';
import { addDays, toIsoDate, zonedParts } from '../domain/time.ts';
import { importDir } from '../importing/import-dir.ts';
import { snapshotHealth } from '../insights/health/snapshot.ts';
import { loadTunables } from '../insights/settings.ts';
import { dailySweep } from '../insights/alerts/daily.ts';
import { pushWeeklyBriefings } from '../insights/briefings/push.ts';
import { asOfNow } from '../insights/health/compute.ts';
import { generateWorld, type World } from './world.ts';

export const HISTORY_WEEKS = 13;

/** Writes the world as import-format CSV files into dir. */
export function writeWorld(world: World, dir: string): void {
  for (const f of FORMATS) {
    const rows = world[f.table as keyof World];
    if (!rows) continue;
    const cols = f.columns.map((c) => c.name);
    writeFileSync(join(dir, f.file), stringify([cols, ...rows.map((r) => cols.map((c) => (r[c] === undefined ? '' : String(r[c]))))], { record_delimiter: '\n' }));
  }
}

export function worldFor(now: Date, tz: string): World {
  return generateWorld({ today: toIsoDate(now, tz), hour: zonedParts(now, tz).hour });
}

export async function loadDemo(app: AppContext, now: Date): Promise<{ rows: number; accounts: number; alerts: number; briefings: number }> {
  const tz = app.config.timeZone;
  const world = worldFor(now, tz);
  const dir = mkdtempSync(join(tmpdir(), 'kam-demo-'));
  try {
    writeWorld(world, dir);
    const counts = await importDir(app.db, dir, tz);
    const { health } = await loadTunables(app.db);
    const today = toIsoDate(now, tz);
    for (let w = HISTORY_WEEKS; w >= 1; w--) await snapshotHealth(app.db, addDays(today, -7 * w), tz, health);
    await snapshotHealth(app.db, addDays(today, -1), tz, health);
    // What the scheduler would have done this morning and on Monday: today's alerts recorded and
    // queued, this week's briefings queued. The outbox worker of `kam start` delivers them.
    const sweep = await dailySweep(app.db, { at: asOfNow(now, tz), lang: app.config.lang, pushAt: now });
    const briefings = await pushWeeklyBriefings(app.db, { now, tz, lang: app.config.lang });
    return { rows: counts.reduce((n, c) => n + c.rows, 0), accounts: world.accounts.length, alerts: sweep.alerts.length, briefings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
