// health_drop: the health score fell `points` or more below its highest value of the last `days`.
import type { IsoDate } from '../time.ts';
import type { Finding } from './types.ts';
import type { RuleThresholds } from './thresholds.ts';

export interface HealthDropInput {
  accountId: string;
  current: number;
  /** Highest snapshot within the window before today, if any. */
  peak: { score: number; asOf: IsoDate } | null;
}

export function healthDrop(input: HealthDropInput, th: RuleThresholds['health_drop'], today: IsoDate): Finding | null {
  if (!th.enabled || !input.peak) return null;
  const drop = input.peak.score - input.current;
  if (drop < th.points) return null;
  return {
    rule: 'health_drop',
    accountId: input.accountId,
    subject: '',
    period: today.slice(0, 7),
    severity: drop >= 2 * th.points ? 'high' : 'medium',
    facts: { current: input.current, peak: input.peak.score, peak_date: input.peak.asOf, drop, window_days: th.days },
    audience: { roles: ['AR_MANAGER'] },
  };
}
