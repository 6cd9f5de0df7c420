// What every rule module of this folder provides: its id and how it finds its alerts as of a moment.
import type { Db } from '../../../db/index.ts';
import type { Finding, RuleId } from '../../domain/alerts/types.ts';
import type { RuleThresholds } from '../../domain/alerts/thresholds.ts';
import type { AccountScope } from '../../store/scope.ts';
import type { AsOf } from '../../store/alert-facts.ts';
import type { HealthSettings } from '../../domain/health/settings.ts';
import type { Health } from '../../domain/health/types.ts';

export interface RuleContext {
  db: Db;
  at: AsOf;
  thresholds: RuleThresholds;
  health: HealthSettings;
  scope?: AccountScope;
  /** Health of the accounts in scope as of `at`, computed at most once per evaluation. */
  healthNow: () => Promise<Health[]>;
}

export interface AlertRule {
  id: RuleId;
  find(ctx: RuleContext): Promise<Finding[]>;
}

export function present<T>(x: T | null | undefined): x is T {
  return x !== null && x !== undefined;
}
