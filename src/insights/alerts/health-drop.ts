import { healthDrop } from '../../domain/alerts/health-drop.ts';
import { addDays } from '../../domain/time.ts';
import { peakSnapshots } from '../../store/health-snapshots.ts';
import { present, type AlertRule } from './rule.ts';

/** Today's live score against the highest daily snapshot of the preceding window. */
export const healthDropRule: AlertRule = {
  id: 'health_drop',
  async find({ db, at, thresholds, scope, healthNow }) {
    const th = thresholds.health_drop;
    if (!th.enabled) return [];
    const peaks = await peakSnapshots(db, addDays(at.today, -th.days), addDays(at.today, -1), scope);
    if (!peaks.size) return [];
    const current = await healthNow();
    return current
      .map((h) => healthDrop({ accountId: h.accountId, current: h.score, peak: peaks.get(h.accountId) ?? null }, th, at.today))
      .filter(present);
  },
};
