// Thresholds of the eight rules of CONTRACT.md §5, with their defaults. Operators change them with
// `kam rules set RULE.KEY VALUE`; the stored value is validated against the schema here.
import { z } from 'zod';
import { bool, def, num, type SettingDef } from '../settings.ts';
import type { Stage, Tier } from '../types.ts';

const tiers = z.array(z.enum(['S', 'A', 'B', 'C'])).min(1);
const stages = z.array(z.enum(['lead', 'qualify', 'proposal', 'negotiation'])).min(1);

export const RULE_SETTINGS: SettingDef[] = [
  def('rules', 'exec_silence.enabled', true, bool()),
  def('rules', 'exec_silence.days', 30, num(1, 3650)),
  def('rules', 'exec_silence.manager_days', 45, num(1, 3650)),
  def('rules', 'exec_silence.tiers', ['S', 'A'], tiers),
  def('rules', 'exec_silence.escalate_after_hours', 72, num(1, 8760)),
  def('rules', 'contract_expiry.enabled', true, bool()),
  def('rules', 'contract_expiry.days', 60, num(1, 3650)),
  def('rules', 'budget_lag.enabled', true, bool()),
  def('rules', 'budget_lag.points', 10, num(0, 100)),
  def('rules', 'complaint_open.enabled', true, bool()),
  def('rules', 'complaint_open.hours', 48, num(1, 8760)),
  def('rules', 'complaint_open.high_hours', 24, num(1, 8760)),
  def('rules', 'complaint_open.escalate_after_hours', 24, num(1, 8760)),
  def('rules', 'next_step_overdue.enabled', true, bool()),
  def('rules', 'next_step_overdue.grace_days', 0, num(0, 365)),
  def('rules', 'decision_chain_gap.enabled', true, bool()),
  def('rules', 'decision_chain_gap.days', 90, num(1, 3650)),
  def('rules', 'decision_chain_gap.tiers', ['S', 'A'], tiers),
  def('rules', 'stalled_opportunity.enabled', true, bool()),
  def('rules', 'stalled_opportunity.days', 21, num(1, 3650)),
  def('rules', 'stalled_opportunity.stages', ['proposal', 'negotiation'], stages),
  def('rules', 'health_drop.enabled', true, bool()),
  def('rules', 'health_drop.points', 15, num(1, 100)),
  def('rules', 'health_drop.days', 30, num(1, 365)),
] as SettingDef[];

export interface RuleThresholds {
  exec_silence: { enabled: boolean; days: number; manager_days: number; tiers: Tier[]; escalate_after_hours: number };
  contract_expiry: { enabled: boolean; days: number };
  budget_lag: { enabled: boolean; points: number };
  complaint_open: { enabled: boolean; hours: number; high_hours: number; escalate_after_hours: number };
  next_step_overdue: { enabled: boolean; grace_days: number };
  decision_chain_gap: { enabled: boolean; days: number; tiers: Tier[] };
  stalled_opportunity: { enabled: boolean; days: number; stages: Stage[] };
  health_drop: { enabled: boolean; points: number; days: number };
}

/** Groups flat "rule.key" values into one object per rule. */
export function ruleThresholds(values: Map<string, unknown>): RuleThresholds {
  const out: Record<string, Record<string, unknown>> = {};
  for (const d of RULE_SETTINGS) {
    const [rule, key] = d.key.split('.');
    (out[rule] ??= {})[key] = values.has(d.key) ? values.get(d.key) : d.default;
  }
  return out as unknown as RuleThresholds;
}

export const DEFAULT_THRESHOLDS: RuleThresholds = ruleThresholds(new Map());
