// The eight rules of CONTRACT.md §5, one module each.
import { budgetLagRule } from './budget-lag.ts';
import { complaintOpenRule } from './complaint-open.ts';
import { contractExpiryRule } from './contract-expiry.ts';
import { decisionChainGapRule } from './decision-chain-gap.ts';
import { execSilenceRule } from './exec-silence.ts';
import { healthDropRule } from './health-drop.ts';
import { nextStepOverdueRule } from './next-step-overdue.ts';
import type { AlertRule } from './rule.ts';
import { stalledOpportunityRule } from './stalled-opportunity.ts';

export const alertRules: AlertRule[] = [
  execSilenceRule,
  contractExpiryRule,
  budgetLagRule,
  complaintOpenRule,
  nextStepOverdueRule,
  decisionChainGapRule,
  stalledOpportunityRule,
  healthDropRule,
];
