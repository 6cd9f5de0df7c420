// When each job runs: cron patterns in the business time zone (croner syntax), changeable in settings.
import { Cron } from 'croner';
import { z } from 'zod';
import { def, num, type SettingDef } from '../domain/settings.ts';

const cron = z.string().refine((p) => {
  try {
    new Cron(p, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}, 'not a valid cron pattern (e.g. "0 9 * * *" = daily at 09:00)');

export const SCHEDULE_SETTINGS: SettingDef[] = [
  def('schedule', 'schedule.alert_sweep', '0 9 * * *', cron),
  def('schedule', 'schedule.health_snapshot', '0 1 * * *', cron),
  def('schedule', 'schedule.briefings', '30 8 * * 1', cron),
  def('schedule', 'schedule.escalation', '*/15 * * * *', cron),
  def('schedule', 'schedule.outbox_drain_seconds', 5, num(1, 3600)),
] as SettingDef[];

export interface Schedules {
  alertSweep: string;
  healthSnapshot: string;
  briefings: string;
  escalation: string;
  outboxDrainSeconds: number;
}

export function schedules(values: Map<string, unknown>): Schedules {
  const v = (k: string) => values.get(k) ?? SCHEDULE_SETTINGS.find((d) => d.key === k)!.default;
  return {
    alertSweep: String(v('schedule.alert_sweep')),
    healthSnapshot: String(v('schedule.health_snapshot')),
    briefings: String(v('schedule.briefings')),
    escalation: String(v('schedule.escalation')),
    outboxDrainSeconds: Number(v('schedule.outbox_drain_seconds')),
  };
}
