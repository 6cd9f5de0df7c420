// Delivery policy of the outbox worker: retries with exponential backoff, and a per-recipient rate limit.
import { def, num, type SettingDef } from '../domain/settings.ts';

export const OUTBOX_SETTINGS: SettingDef[] = [
  def('outbox', 'outbox.max_attempts', 8, num(1, 100)),
  def('outbox', 'outbox.backoff_base_seconds', 30, num(1, 86400)),
  def('outbox', 'outbox.backoff_max_seconds', 3600, num(1, 604800)),
  def('outbox', 'outbox.rate_per_minute', 20, num(1, 10000)),
] as SettingDef[];

export interface OutboxSettings {
  maxAttempts: number;
  backoffBaseSeconds: number;
  backoffMaxSeconds: number;
  ratePerMinute: number;
}

export function outboxSettings(values: Map<string, unknown>): OutboxSettings {
  const v = (k: string) => Number(values.get(k) ?? OUTBOX_SETTINGS.find((d) => d.key === k)!.default);
  return {
    maxAttempts: v('outbox.max_attempts'),
    backoffBaseSeconds: v('outbox.backoff_base_seconds'),
    backoffMaxSeconds: v('outbox.backoff_max_seconds'),
    ratePerMinute: v('outbox.rate_per_minute'),
  };
}

export const DEFAULT_OUTBOX_SETTINGS = outboxSettings(new Map());
