// next_step_overdue: a committed next step is past its due date and no interaction on the account
// happened after the one that committed it. Due today is not yet overdue.
import { daysBetween, type IsoDate } from '../time.ts';
import type { Finding } from './types.ts';
import type { RuleThresholds } from './thresholds.ts';

export interface NextStepInput {
  accountId: string;
  interaction: { id: string; userId: string; date: IsoDate; nextStep: string; due: IsoDate };
  /** An interaction on the account later than the committing one (up to now). */
  hasLaterInteraction: boolean;
}

export function nextStepOverdue(input: NextStepInput, th: RuleThresholds['next_step_overdue'], today: IsoDate): Finding | null {
  if (!th.enabled || input.hasLaterInteraction) return null;
  const i = input.interaction;
  const overdueDays = daysBetween(i.due, today);
  if (overdueDays <= th.grace_days) return null;
  return {
    rule: 'next_step_overdue',
    accountId: input.accountId,
    subject: i.id,
    period: i.due,
    severity: 'medium',
    facts: { interaction_id: i.id, next_step: i.nextStep, due: i.due, overdue_days: overdueDays, committed_on: i.date, committed_by: i.userId },
    audience: { roles: [], users: [i.userId] },
  };
}
