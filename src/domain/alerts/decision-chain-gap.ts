// decision_chain_gap: a tier S/A account with no decision-maker contact, or none met in `days`.
import { daysBetween, type IsoDate } from '../time.ts';
import type { Tier } from '../types.ts';
import type { Finding } from './types.ts';
import type { RuleThresholds } from './thresholds.ts';

export interface DecisionChainInput {
  accountId: string;
  tier: Tier | null;
  /** Active contacts with decision_role = decision_maker. */
  decisionMakers: string[];
  lastMet: { interactionId: string; date: IsoDate; contactNames: string[] } | null;
}

export function decisionChainGap(input: DecisionChainInput, th: RuleThresholds['decision_chain_gap'], today: IsoDate): Finding | null {
  if (!th.enabled || !input.tier || !th.tiers.includes(input.tier)) return null;
  const none = input.decisionMakers.length === 0;
  const days = input.lastMet ? daysBetween(input.lastMet.date, today) : null;
  if (!none && days !== null && days < th.days) return null;
  return {
    rule: 'decision_chain_gap',
    accountId: input.accountId,
    subject: none ? 'no_decision_maker' : 'decision_maker_not_met',
    // Reminds at most once a month while the gap lasts.
    period: today.slice(0, 7),
    severity: none ? 'high' : 'medium',
    facts: {
      reason: none ? 'no_decision_maker' : 'not_met',
      decision_makers: input.decisionMakers,
      last_date: input.lastMet?.date ?? null,
      days,
      threshold_days: th.days,
    },
    audience: { roles: ['AR'] },
  };
}
