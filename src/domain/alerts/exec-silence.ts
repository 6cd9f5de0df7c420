// exec_silence: a tier S/A account with no interaction with one of its executive contacts for
// `days`; at `manager_days` the AR's manager hears about it too.
import { daysBetween, type IsoDate } from '../time.ts';
import type { Tier } from '../types.ts';
import type { Finding } from './types.ts';
import type { RuleThresholds } from './thresholds.ts';

export interface ExecSilenceInput {
  accountId: string;
  tier: Tier | null;
  /** When the account became ours: silence counts from here when no executive was ever met. */
  createdAt: IsoDate | null;
  lastExec: { interactionId: string; date: IsoDate; contactNames: string[] } | null;
}

export function execSilence(input: ExecSilenceInput, th: RuleThresholds['exec_silence'], today: IsoDate): Finding | null {
  if (!th.enabled || !input.tier || !th.tiers.includes(input.tier)) return null;
  const since = input.lastExec?.date ?? input.createdAt;
  // Never met an executive and no start date known: the silence is as long as it gets.
  const days = since ? daysBetween(since, today) : null;
  if (days !== null && days < th.days) return null;
  const toManager = days === null || days >= th.manager_days;
  return {
    rule: 'exec_silence',
    accountId: input.accountId,
    subject: input.lastExec?.interactionId ?? 'none',
    period: toManager ? 'manager' : 'ar',
    severity: toManager ? 'high' : 'medium',
    facts: {
      days,
      last_date: input.lastExec?.date ?? null,
      last_contacts: input.lastExec?.contactNames ?? [],
      threshold_days: th.days,
      manager_days: th.manager_days,
    },
    audience: { roles: toManager ? ['AR', 'AR_MANAGER'] : ['AR'] },
  };
}
