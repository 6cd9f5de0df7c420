// Evaluates every rule as of a moment and turns findings into alerts: recipients resolved,
// message and recommended action written, stable key attached. Reads only; records nothing.
import { allReads, type Db } from '../../../db/index.ts';
import { resolveRecipients } from '../../domain/alerts/recipients.ts';
import { alertKey, RULE_IDS, type FactValue, type Finding, type RuleId } from '../../domain/alerts/types.ts';
import type { Severity } from '../../domain/types.ts';
import type { Health } from '../../domain/health/types.ts';
import { healthAsOf } from '../health/compute.ts';
import type { Lang } from '../../../prompts/index.ts';
import { accountPeople, managerMap } from '../../store/alert-people.ts';
import type { AsOf } from '../../store/alert-facts.ts';
import type { AccountScope } from '../../store/scope.ts';
import type { Tunables } from '../settings.ts';
import { alertRules } from './index.ts';
import { alertAction, alertMessage } from './message.ts';

export interface Alert {
  key: string;
  rule: RuleId;
  accountId: string;
  accountName: string;
  subject: string;
  period: string;
  severity: Severity;
  facts: Record<string, FactValue>;
  recipients: string[];
  message: string;
  action: string;
}

export interface EvaluateOptions {
  at: AsOf;
  tunables: Tunables;
  lang: Lang;
  scope?: AccountScope;
  rules?: RuleId[];
  /** Health already computed as of `at` for the same scope (the daily sweep shares it with the snapshot). */
  health?: Health[];
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export async function evaluateAlerts(db: Db, opts: EvaluateOptions): Promise<Alert[]> {
  let health: Promise<Health[]> | undefined = opts.health && Promise.resolve(opts.health);
  const healthNow = () => (health ??= healthAsOf(db, opts.at, opts.tunables.health, opts.scope));
  const ctx = { db, at: opts.at, thresholds: opts.tunables.rules, health: opts.tunables.health, scope: opts.scope, healthNow };
  const chosen = alertRules.filter((r) => !opts.rules || opts.rules.includes(r.id));
  // Each rule reads on its own (side by side on a server pool); findings stay in rule order.
  const findings: Finding[] = (await allReads(db, chosen.map((rule) => () => rule.find(ctx)))).flat();
  return toAlerts(db, findings, opts.lang);
}

export async function toAlerts(db: Db, findings: Finding[], lang: Lang): Promise<Alert[]> {
  const [people, managers] = await allReads(db, [() => accountPeople(db, [...new Set(findings.map((f) => f.accountId))]), () => managerMap(db)] as const);
  const managerOf = (u: string) => managers.get(u) ?? null;
  const alerts = findings.map((f): Alert => {
    const p = people.get(f.accountId) ?? { accountId: f.accountId, name: f.accountId, ownerId: f.accountId, arIds: [], frIds: [] };
    return {
      key: alertKey(f),
      rule: f.rule,
      accountId: f.accountId,
      accountName: p.name,
      subject: f.subject,
      period: f.period,
      severity: f.severity,
      facts: f.facts,
      recipients: resolveRecipients(f.audience, p, managerOf),
      message: alertMessage(f, p.name, lang),
      action: alertAction(f, lang),
    };
  });
  // Rule order of CONTRACT.md §5, then severity, then account: the same run prints the same list.
  return alerts.sort(
    (a, b) =>
      RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.accountId.localeCompare(b.accountId) ||
      a.key.localeCompare(b.key),
  );
}
