// Every operator-tunable setting in one list (rule thresholds, health, schedules, outbox), read
// from the settings table over the defaults in code, and changed with validation.
import type { Db } from '../../db/index.ts';
import { RULE_SETTINGS, ruleThresholds, type RuleThresholds } from '../domain/alerts/thresholds.ts';
import { HEALTH_SETTINGS, healthSettings, type HealthSettings } from '../domain/health/settings.ts';
import { checkSetting, resolveSettings, textToValue, type SettingDef } from '../domain/settings.ts';
import { UserInputError } from '../errors.ts';
import { SCHEDULE_SETTINGS, schedules, type Schedules } from '../scheduler/schedules.ts';
import { OUTBOX_SETTINGS, outboxSettings, type OutboxSettings } from '../outbox/settings.ts';
import { GROUP_SETTINGS, groupSettings, type GroupSettings } from '../groups/settings.ts';
import { deleteSetting, saveSetting, storedSettings } from '../store/settings.ts';

export const ALL_SETTINGS: SettingDef[] = [...RULE_SETTINGS, ...HEALTH_SETTINGS, ...SCHEDULE_SETTINGS, ...OUTBOX_SETTINGS, ...GROUP_SETTINGS];

export interface Tunables {
  rules: RuleThresholds;
  health: HealthSettings;
  schedules: Schedules;
  outbox: OutboxSettings;
  groups: GroupSettings;
  /** Flat key → effective value, and whether an operator changed it. */
  values: Map<string, unknown>;
  changed: Set<string>;
}

export async function loadTunables(db: Db): Promise<Tunables> {
  const stored = await storedSettings(db);
  const values = resolveSettings(ALL_SETTINGS, stored);
  const changed = new Set(ALL_SETTINGS.filter((d) => stored.has(d.key)).map((d) => d.key));
  return { rules: ruleThresholds(values), health: healthSettings(values), schedules: schedules(values), outbox: outboxSettings(values), groups: groupSettings(values), values, changed };
}

export function findSetting(key: string): SettingDef {
  const d = ALL_SETTINGS.find((s) => s.key === key);
  if (!d) throw new UserInputError(`unknown setting "${key}" (see \`kam rules\` for the list)`);
  return d;
}

/** Validates and stores one setting given as text; returns the stored value. */
export async function setTunable(db: Db, key: string, text: string, now: Date): Promise<unknown> {
  const d = findSetting(key);
  const checked = checkSetting(d, textToValue(text, d.default));
  if (!checked.ok) throw new UserInputError(`${key}: "${text}" is not valid: ${checked.reason}`);
  await saveSetting(db, key, checked.value, now);
  return checked.value;
}

/** Goes back to the default. */
export async function resetTunable(db: Db, key: string): Promise<void> {
  findSetting(key);
  await deleteSetting(db, key);
}
