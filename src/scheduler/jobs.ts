// The scheduled jobs of `kam start`: what each does and which setting holds its cron pattern.
import type { AppContext } from '../app.ts';
import { dailySweep } from '../insights/alerts/daily.ts';
import { escalateAlerts } from '../insights/alerts/escalate.ts';
import { pushWeeklyBriefings } from '../insights/briefings/push.ts';
import { asOfNow } from '../insights/health/compute.ts';
import { snapshotHealth } from '../insights/health/snapshot.ts';
import { loadTunables } from '../insights/settings.ts';
import { addDays, toIsoDate } from '../domain/time.ts';
import type { Schedules } from './schedules.ts';

export interface Job {
  name: string;
  pattern: (s: Schedules) => string;
  run: (app: AppContext, now: Date) => Promise<unknown>;
}

export const JOBS: Job[] = [
  {
    name: 'alert_sweep',
    pattern: (s) => s.alertSweep,
    run: (app, now) => dailySweep(app.db, { at: asOfNow(now, app.config.timeZone), lang: app.config.lang, pushAt: now }),
  },
  {
    // The day that has just ended, as of its last instant.
    name: 'health_snapshot',
    pattern: (s) => s.healthSnapshot,
    run: async (app, now) => {
      const tz = app.config.timeZone;
      const { health } = await loadTunables(app.db);
      return snapshotHealth(app.db, addDays(toIsoDate(now, tz), -1), tz, health);
    },
  },
  {
    name: 'briefings',
    pattern: (s) => s.briefings,
    run: (app, now) => pushWeeklyBriefings(app.db, { now, tz: app.config.timeZone, lang: app.config.lang }),
  },
  {
    name: 'escalation',
    pattern: (s) => s.escalation,
    run: async (app, now) => {
      const tunables = await loadTunables(app.db);
      return escalateAlerts(app.db, { now, pushAt: now, tunables, lang: app.config.lang, tz: app.config.timeZone });
    },
  },
];
