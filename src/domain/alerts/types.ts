// What a rule finds. A finding names its account, the facts that fired it, who should hear about
// it (as roles, resolved to user ids by recipients.ts) and the parts of its stable key.
import type { Severity } from '../types.ts';

export const RULE_IDS = [
  'exec_silence',
  'contract_expiry',
  'budget_lag',
  'complaint_open',
  'next_step_overdue',
  'decision_chain_gap',
  'stalled_opportunity',
  'health_drop',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** CONTRACT.md §5 "goes to": team roles of the account, plus named users (committer, owner). */
export interface Audience {
  roles: ('AR' | 'FR' | 'AR_MANAGER')[];
  users?: string[];
}

export type FactValue = string | number | boolean | null | string[];

export interface Finding {
  rule: RuleId;
  accountId: string;
  /** What inside the account fired (ticket id, contract id, interaction id, ...). */
  subject: string;
  /** Which occurrence: a stage, a due date, a month. Same (rule, account, subject, period) = same alert. */
  period: string;
  severity: Severity;
  facts: Record<string, FactValue>;
  audience: Audience;
}

export function alertKey(f: Pick<Finding, 'rule' | 'accountId' | 'subject' | 'period'>): string {
  return [f.rule, f.accountId, f.subject, f.period].join('|');
}
