// budget_lag: this year's budget execution is more than `points` percentage points behind the
// share of the year elapsed. Exactly `points` behind does not fire.
import { yearElapsedShare, type IsoDate } from '../time.ts';
import type { Finding } from './types.ts';
import type { RuleThresholds } from './thresholds.ts';

export interface BudgetLagInput {
  accountId: string;
  year: number;
  budget: number;
  /** Sum of the year's orders up to today. */
  executed: number;
}

/** Percentages rounded to 1e-6 so that float noise never decides a boundary. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function budgetLag(input: BudgetLagInput, th: RuleThresholds['budget_lag'], today: IsoDate): Finding | null {
  if (!th.enabled || input.budget <= 0 || Number(today.slice(0, 4)) !== input.year) return null;
  const executedPct = round6((input.executed / input.budget) * 100);
  const elapsedPct = round6(yearElapsedShare(today) * 100);
  const gap = round6(elapsedPct - executedPct);
  if (gap <= th.points) return null;
  return {
    rule: 'budget_lag',
    accountId: input.accountId,
    subject: String(input.year),
    // Reminds at most once a month while the lag lasts.
    period: today.slice(0, 7),
    severity: gap >= 2 * th.points ? 'high' : 'medium',
    facts: {
      year: input.year,
      budget: input.budget,
      executed: input.executed,
      executed_pct: Math.round(executedPct * 10) / 10,
      elapsed_pct: Math.round(elapsedPct * 10) / 10,
      gap_points: Math.round(gap * 10) / 10,
    },
    audience: { roles: ['AR'] },
  };
}
