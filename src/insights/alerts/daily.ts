// The daily run of the scheduler (and of the benchmark): today's health for every account, stored
// as today's snapshot, then the sweep of every rule using that same health for health_drop.
import type { Db } from '../../../db/index.ts';
import type { Lang } from '../../../prompts/index.ts';
import { saveSnapshots } from '../../store/health-snapshots.ts';
import type { AsOf } from '../../store/alert-facts.ts';
import { healthAsOf } from '../health/compute.ts';
import { snapshotComponents } from '../health/snapshot.ts';
import { loadTunables } from '../settings.ts';
import { sweepAlerts, type SweepResult } from './sweep.ts';

export async function dailySweep(db: Db, opts: { at: AsOf; lang: Lang; pushAt?: Date }): Promise<SweepResult & { snapshots: number }> {
  const tunables = await loadTunables(db);
  const health = await healthAsOf(db, opts.at, tunables.health);
  await saveSnapshots(db, health.map((h) => ({ accountId: h.accountId, asOf: opts.at.today, score: h.score, components: snapshotComponents(h) })));
  const result = await sweepAlerts(db, { ...opts, tunables, health });
  return { ...result, snapshots: health.length };
}
