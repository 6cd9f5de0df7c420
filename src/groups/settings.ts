// What bound group chats receive, changeable without code (`kam rules set groups.alert_rules ...`).
// Per-group sending limits are the outbox's per-recipient limit (a group is one recipient).
import { z } from 'zod';
import { RULE_IDS, type RuleId } from '../domain/alerts/types.ts';
import { bool, def, type SettingDef } from '../domain/settings.ts';

export const GROUP_SETTINGS: SettingDef[] = [
  def('outbox', 'groups.alert_rules', [...RULE_IDS], z.array(z.enum(RULE_IDS)).max(RULE_IDS.length)),
  def('outbox', 'groups.briefings', true, bool()),
  def('outbox', 'groups.escalations', true, bool()),
] as SettingDef[];

export interface GroupSettings {
  /** Rules whose alerts also go to the account's bound groups (empty: none). */
  alertRules: Set<RuleId>;
  briefings: boolean;
  escalations: boolean;
}

export function groupSettings(values: Map<string, unknown>): GroupSettings {
  const v = (k: string) => values.get(k) ?? GROUP_SETTINGS.find((d) => d.key === k)!.default;
  return { alertRules: new Set(v('groups.alert_rules') as RuleId[]), briefings: Boolean(v('groups.briefings')), escalations: Boolean(v('groups.escalations')) };
}
