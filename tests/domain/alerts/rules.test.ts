import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS as TH } from '../../../src/domain/alerts/thresholds.ts';
import { execSilence } from '../../../src/domain/alerts/exec-silence.ts';
import { contractExpiry } from '../../../src/domain/alerts/contract-expiry.ts';
import { budgetLag } from '../../../src/domain/alerts/budget-lag.ts';
import { complaintOpen } from '../../../src/domain/alerts/complaint-open.ts';
import { nextStepOverdue } from '../../../src/domain/alerts/next-step-overdue.ts';
import { decisionChainGap } from '../../../src/domain/alerts/decision-chain-gap.ts';
import { stalledOpportunity } from '../../../src/domain/alerts/stalled-opportunity.ts';
import { healthDrop } from '../../../src/domain/alerts/health-drop.ts';
import { addDays } from '../../../src/domain/time.ts';

const TODAY = '2026-11-24';

describe('exec_silence', () => {
  const input = (daysAgo: number | null, tier: 'S' | 'A' | 'B' = 'S') => ({
    accountId: 'X',
    tier,
    createdAt: '2020-01-01',
    lastExec: daysAgo === null ? null : { interactionId: 'I1', date: addDays(TODAY, -daysAgo), contactNames: ['马总'] },
  });
  it('fires from 30 days of silence, to the AR only', () => {
    expect(execSilence(input(29), TH.exec_silence, TODAY)).toBeNull();
    const at30 = execSilence(input(30), TH.exec_silence, TODAY)!;
    expect(at30.audience.roles).toEqual(['AR']);
    expect(at30.facts.days).toBe(30);
    expect(execSilence(input(31), TH.exec_silence, TODAY)!.period).toBe('ar');
  });
  it('adds the AR manager from 45 days, under a different key period', () => {
    expect(execSilence(input(44), TH.exec_silence, TODAY)!.audience.roles).toEqual(['AR']);
    const at45 = execSilence(input(45), TH.exec_silence, TODAY)!;
    expect(at45.audience.roles).toEqual(['AR', 'AR_MANAGER']);
    expect(at45.period).toBe('manager');
    expect(at45.severity).toBe('high');
  });
  it('only watches the configured tiers', () => {
    expect(execSilence(input(100, 'B'), TH.exec_silence, TODAY)).toBeNull();
    expect(execSilence(input(100, 'B'), { ...TH.exec_silence, tiers: ['B'] }, TODAY)).not.toBeNull();
  });
  it('counts from the account start when no executive was ever met', () => {
    const young = { accountId: 'X', tier: 'A' as const, createdAt: addDays(TODAY, -10), lastExec: null };
    expect(execSilence(young, TH.exec_silence, TODAY)).toBeNull();
    const old = execSilence({ ...young, createdAt: addDays(TODAY, -40) }, TH.exec_silence, TODAY)!;
    expect(old.subject).toBe('none');
    expect(old.facts.days).toBe(40);
    expect(execSilence({ ...young, createdAt: null }, TH.exec_silence, TODAY)!.period).toBe('manager');
  });
  it('follows a changed threshold', () => {
    expect(execSilence(input(35), { ...TH.exec_silence, days: 60 }, TODAY)).toBeNull();
  });
});

describe('contract_expiry', () => {
  const input = (daysLeft: number, hasOpenOpportunity = false, status = 'active') => ({
    accountId: 'X',
    contract: { id: 'C1', kind: 'purchase' as const, endDate: addDays(TODAY, daysLeft), amount: 1, status },
    hasOpenOpportunity,
  });
  it('fires for an end within 60 days (inclusive), not later, not past', () => {
    expect(contractExpiry(input(60), TH.contract_expiry, TODAY)!.facts.days_left).toBe(60);
    expect(contractExpiry(input(0), TH.contract_expiry, TODAY)).not.toBeNull();
    expect(contractExpiry(input(61), TH.contract_expiry, TODAY)).toBeNull();
    expect(contractExpiry(input(-1), TH.contract_expiry, TODAY)).toBeNull();
  });
  it('stays quiet when an open opportunity exists or the contract is not active', () => {
    expect(contractExpiry(input(47, true), TH.contract_expiry, TODAY)).toBeNull();
    expect(contractExpiry(input(47, false, 'terminated'), TH.contract_expiry, TODAY)).toBeNull();
  });
  it('goes to the AR and the AR manager, keyed by contract and end date', () => {
    const f = contractExpiry(input(47), TH.contract_expiry, TODAY)!;
    expect(f.audience.roles).toEqual(['AR', 'AR_MANAGER']);
    expect([f.subject, f.period]).toEqual(['C1', addDays(TODAY, 47)]);
  });
});

describe('budget_lag', () => {
  // 2026-07-02 is day 182 of 365: 49.863...% of the year has elapsed.
  const day = '2026-07-02';
  const budget = 365;
  it('does not fire exactly 10 points behind, fires just past', () => {
    expect(budgetLag({ accountId: 'X', year: 2026, budget, executed: 182 - 36.5 }, TH.budget_lag, day)).toBeNull();
    const f = budgetLag({ accountId: 'X', year: 2026, budget, executed: 182 - 36.6 }, TH.budget_lag, day)!;
    expect(f.facts.gap_points).toBe(10);
    expect(f.audience.roles).toEqual(['AR']);
  });
  it('computes the sample case: 40% executed with 89.6% elapsed', () => {
    const f = budgetLag({ accountId: 'A200', year: 2026, budget: 15_000_000, executed: 6_000_000 }, TH.budget_lag, TODAY)!;
    expect(f.facts).toMatchObject({ executed_pct: 40, elapsed_pct: 89.6, gap_points: 49.6 });
    expect(budgetLag({ accountId: 'A100', year: 2026, budget: 20_000_000, executed: 17_000_000 }, TH.budget_lag, TODAY)).toBeNull();
  });
  it('ignores another year and empty budgets', () => {
    expect(budgetLag({ accountId: 'X', year: 2025, budget: 100, executed: 0 }, TH.budget_lag, TODAY)).toBeNull();
    expect(budgetLag({ accountId: 'X', year: 2026, budget: 0, executed: 0 }, TH.budget_lag, TODAY)).toBeNull();
  });
});

describe('complaint_open', () => {
  const opened = new Date('2026-11-22T09:00:00+08:00');
  const at = (h: number) => new Date(opened.getTime() + h * 3600_000);
  const input = (severity: 'high' | 'medium' | null) => ({ accountId: 'X', ticket: { id: 'T', severity, openedAt: opened, summary: 's' } });
  it('high severity fires at 24 h, not before', () => {
    expect(complaintOpen(input('high'), TH.complaint_open, at(23.99))).toBeNull();
    expect(complaintOpen(input('high'), TH.complaint_open, at(24))!.severity).toBe('high');
  });
  it('medium (or unknown) severity waits for 48 h', () => {
    expect(complaintOpen(input('medium'), TH.complaint_open, at(24))).toBeNull();
    expect(complaintOpen(input('medium'), TH.complaint_open, at(47.99))).toBeNull();
    expect(complaintOpen(input('medium'), TH.complaint_open, at(48))!.severity).toBe('medium');
    expect(complaintOpen(input(null), TH.complaint_open, at(48))).not.toBeNull();
  });
  it('goes to the AR, the FR and the AR manager', () => {
    expect(complaintOpen(input('high'), TH.complaint_open, at(49))!.audience.roles).toEqual(['AR', 'FR', 'AR_MANAGER']);
  });
});

describe('next_step_overdue', () => {
  const input = (due: string, later = false) => ({
    accountId: 'X',
    interaction: { id: 'I9', userId: 'u_li', date: '2026-11-03', nextStep: '发送报价', due },
    hasLaterInteraction: later,
  });
  it('fires the day after the due date, not on it', () => {
    expect(nextStepOverdue(input(TODAY), TH.next_step_overdue, TODAY)).toBeNull();
    const f = nextStepOverdue(input(addDays(TODAY, -1)), TH.next_step_overdue, TODAY)!;
    expect(f.facts.overdue_days).toBe(1);
    expect(f.audience).toEqual({ roles: [], users: ['u_li'] });
  });
  it('stays quiet once a later interaction exists', () => {
    expect(nextStepOverdue(input('2026-11-14', true), TH.next_step_overdue, TODAY)).toBeNull();
  });
});

describe('decision_chain_gap', () => {
  const base = { accountId: 'X', tier: 'A' as const, decisionMakers: ['高远'], lastMet: { interactionId: 'I', date: addDays(TODAY, -89), contactNames: ['高远'] } };
  it('fires without any decision maker', () => {
    const f = decisionChainGap({ ...base, decisionMakers: [], lastMet: null }, TH.decision_chain_gap, TODAY)!;
    expect(f.subject).toBe('no_decision_maker');
    expect(f.audience.roles).toEqual(['AR']);
  });
  it('fires when no decision maker was met in 90 days', () => {
    expect(decisionChainGap(base, TH.decision_chain_gap, TODAY)).toBeNull();
    const f = decisionChainGap({ ...base, lastMet: { ...base.lastMet, date: addDays(TODAY, -90) } }, TH.decision_chain_gap, TODAY)!;
    expect(f.facts.reason).toBe('not_met');
    expect(decisionChainGap({ ...base, lastMet: null }, TH.decision_chain_gap, TODAY)!.facts.reason).toBe('not_met');
  });
  it('ignores tiers B and C', () => {
    expect(decisionChainGap({ ...base, tier: 'B', decisionMakers: [], lastMet: null }, TH.decision_chain_gap, TODAY)).toBeNull();
  });
});

describe('stalled_opportunity', () => {
  const input = (daysAgo: number, stage: 'proposal' | 'negotiation' | 'qualify' = 'proposal', ownerId: string | null = 'u_li') => ({
    accountId: 'X',
    opportunity: { id: 'P', name: 'n', stage, amount: 1, updatedAt: addDays(TODAY, -daysAgo), ownerId },
  });
  it('updated 20 days ago: quiet; 21 and 22: fires', () => {
    expect(stalledOpportunity(input(20), TH.stalled_opportunity, TODAY)).toBeNull();
    expect(stalledOpportunity(input(21), TH.stalled_opportunity, TODAY)).not.toBeNull();
    expect(stalledOpportunity(input(22, 'negotiation'), TH.stalled_opportunity, TODAY)!.facts.days).toBe(22);
  });
  it('only in proposal or negotiation; owner first, AR without one', () => {
    expect(stalledOpportunity(input(40, 'qualify'), TH.stalled_opportunity, TODAY)).toBeNull();
    expect(stalledOpportunity(input(22), TH.stalled_opportunity, TODAY)!.audience).toEqual({ roles: [], users: ['u_li'] });
    expect(stalledOpportunity(input(22, 'proposal', null), TH.stalled_opportunity, TODAY)!.audience).toEqual({ roles: ['AR'] });
  });
});

describe('health_drop', () => {
  it('fires at a drop of 15 points, not 14', () => {
    const peak = { score: 80, asOf: '2026-11-01' };
    expect(healthDrop({ accountId: 'X', current: 66, peak }, TH.health_drop, TODAY)).toBeNull();
    const f = healthDrop({ accountId: 'X', current: 65, peak }, TH.health_drop, TODAY)!;
    expect(f.facts.drop).toBe(15);
    expect(f.audience.roles).toEqual(['AR_MANAGER']);
    expect(healthDrop({ accountId: 'X', current: 10, peak: null }, TH.health_drop, TODAY)).toBeNull();
  });
});
