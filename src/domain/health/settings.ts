// Health-score settings an operator may change: layer weights, score bands, the look-back window,
// and where a relationship counts as strong for the tier suggestion.
import { def, num, type SettingDef } from '../settings.ts';

export const HEALTH_SETTINGS: SettingDef[] = [
  def('health', 'health.weight.key', 35, num(0, 100)),
  def('health', 'health.weight.general', 20, num(0, 100)),
  def('health', 'health.weight.organizational', 15, num(0, 100)),
  def('health', 'health.weight.rfm', 30, num(0, 100)),
  def('health', 'health.band.healthy', 70, num(0, 100)),
  def('health', 'health.band.watch', 50, num(0, 100)),
  def('health', 'health.window_days', 90, num(7, 730)),
  def('health', 'health.tier.relationship_strong', 60, num(0, 100)),
] as SettingDef[];

export interface HealthSettings {
  weights: { key: number; general: number; organizational: number; rfm: number };
  bands: { healthy: number; watch: number };
  windowDays: number;
  relationshipStrong: number;
}

export function healthSettings(values: Map<string, unknown>): HealthSettings {
  const v = (k: string) => Number(values.get(k) ?? HEALTH_SETTINGS.find((d) => d.key === k)!.default);
  return {
    weights: { key: v('health.weight.key'), general: v('health.weight.general'), organizational: v('health.weight.organizational'), rfm: v('health.weight.rfm') },
    bands: { healthy: v('health.band.healthy'), watch: v('health.band.watch') },
    windowDays: v('health.window_days'),
    relationshipStrong: v('health.tier.relationship_strong'),
  };
}

export const DEFAULT_HEALTH_SETTINGS = healthSettings(new Map());
