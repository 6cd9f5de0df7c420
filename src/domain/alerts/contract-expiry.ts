// contract_expiry: an active contract ends within `days` and the account has no open opportunity
// that could renew it.
import { daysBetween, type IsoDate } from '../time.ts';
import type { ContractKind } from '../types.ts';
import type { Finding } from './types.ts';
import type { RuleThresholds } from './thresholds.ts';

export interface ContractExpiryInput {
  accountId: string;
  contract: { id: string; kind: ContractKind; endDate: IsoDate; amount: number | null; status: string };
  hasOpenOpportunity: boolean;
}

export function contractExpiry(input: ContractExpiryInput, th: RuleThresholds['contract_expiry'], today: IsoDate): Finding | null {
  const c = input.contract;
  if (!th.enabled || c.status !== 'active' || input.hasOpenOpportunity) return null;
  const daysLeft = daysBetween(today, c.endDate);
  if (daysLeft < 0 || daysLeft > th.days) return null;
  return {
    rule: 'contract_expiry',
    accountId: input.accountId,
    subject: c.id,
    period: c.endDate,
    severity: daysLeft <= th.days / 2 ? 'high' : 'medium',
    facts: { contract_id: c.id, kind: c.kind, end_date: c.endDate, days_left: daysLeft, amount: c.amount },
    audience: { roles: ['AR', 'AR_MANAGER'] },
  };
}
