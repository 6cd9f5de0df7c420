// Operator-tunable settings (rule thresholds, health weights, schedules): each has a key, a
// default in code and a schema. The `settings` table holds only what an operator changed.
import { z } from 'zod';

export type SettingGroup = 'rules' | 'health' | 'schedule' | 'outbox';

export interface SettingDef<T = unknown> {
  key: string;
  group: SettingGroup;
  default: T;
  schema: z.ZodType<T>;
}

export function def<T>(group: SettingGroup, key: string, dflt: T, schema: z.ZodType<T>): SettingDef<T> {
  return { key, group, default: dflt, schema };
}

export const num = (min: number, max = Number.MAX_SAFE_INTEGER) => z.number().min(min).max(max);
export const bool = () => z.boolean();

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1', '是', '开', '开启', '启用']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0', '否', '关', '关闭', '停用']);

/**
 * Reads a value typed on a command line or in the console: JSON when it parses ("60", "true",
 * '["S","A"]'), otherwise a comma-separated list (full-width ，； too) or a bare string ("S,A",
 * "0 9 * * *"); a switch also takes yes / no, on / off, 是 / 否, 开启 / 关闭.
 */
export function textToValue(text: string, sample: unknown): unknown {
  const s = text.trim();
  if (Array.isArray(sample) && !s.startsWith('[')) return s.split(/[,;，；\s]+/).filter(Boolean);
  if (typeof sample === 'string') return s;
  if (typeof sample === 'boolean') {
    const word = s.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/** Validates a value for a setting; returns the value or a one-line reason. */
export function checkSetting<T>(d: SettingDef<T>, value: unknown): { ok: true; value: T } | { ok: false; reason: string } {
  const r = d.schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, reason: r.error.issues.map((i) => i.message).join('; ') };
}

/** Defaults overlaid with the stored values that still validate (a bad stored value falls back to the default). */
export function resolveSettings(defs: SettingDef[], stored: Map<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const d of defs) {
    const v = stored.has(d.key) ? checkSetting(d, stored.get(d.key)) : undefined;
    out.set(d.key, v?.ok ? v.value : d.default);
  }
  return out;
}
