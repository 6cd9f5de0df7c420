// stalled_opportunity: an opportunity in proposal or negotiation not updated for `days`.
import { daysBetween, type IsoDate } from '../time.ts';
import type { Stage } from '../types.ts';
import type { Finding } from './types.ts';
import type { RuleThresholds } from './thresholds.ts';

export interface StalledOpportunityInput {
  accountId: string;
  opportunity: { id: string; name: string; stage: Stage; amount: number | null; updatedAt: IsoDate | null; ownerId: string | null };
}

export function stalledOpportunity(input: StalledOpportunityInput, th: RuleThresholds['stalled_opportunity'], today: IsoDate): Finding | null {
  const o = input.opportunity;
  if (!th.enabled || !th.stages.includes(o.stage) || !o.updatedAt) return null;
  const days = daysBetween(o.updatedAt, today);
  if (days < th.days) return null;
  return {
    rule: 'stalled_opportunity',
    accountId: input.accountId,
    subject: o.id,
    period: o.updatedAt,
    severity: days >= 2 * th.days ? 'high' : 'medium',
    facts: { opportunity_id: o.id, name: o.name, stage: o.stage, amount: o.amount, updated_at: o.updatedAt, days },
    // Without an owner, the account's AR answers for it.
    audience: o.ownerId ? { roles: [], users: [o.ownerId] } : { roles: ['AR'] },
  };
}
