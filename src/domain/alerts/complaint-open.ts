// complaint_open: a complaint unresolved for `hours` (`high_hours` when its severity is high).
import { hoursBetween } from '../time.ts';
import type { Severity } from '../types.ts';
import type { Finding } from './types.ts';
import type { RuleThresholds } from './thresholds.ts';

export interface ComplaintOpenInput {
  accountId: string;
  ticket: { id: string; severity: Severity | null; openedAt: Date; summary: string | null };
}

export function complaintOpen(input: ComplaintOpenInput, th: RuleThresholds['complaint_open'], now: Date): Finding | null {
  if (!th.enabled) return null;
  const t = input.ticket;
  const limit = t.severity === 'high' ? th.high_hours : th.hours;
  const hours = hoursBetween(t.openedAt, now);
  if (hours < limit) return null;
  return {
    rule: 'complaint_open',
    accountId: input.accountId,
    subject: t.id,
    period: '',
    severity: t.severity === 'high' ? 'high' : 'medium',
    facts: { ticket_id: t.id, ticket_severity: t.severity, opened_at: t.openedAt.toISOString(), hours_open: Math.floor(hours), limit_hours: limit, summary: t.summary },
    audience: { roles: ['AR', 'FR', 'AR_MANAGER'] },
  };
}
