// Pure delivery policy: how long to wait before the next attempt, and who can be reached at all.
import type { Recipient } from '../chat/types.ts';
import type { OutboxSettings } from './settings.ts';

/** Exponential backoff: base · 2^(attempts-1), capped. `attempts` counts the failed attempts so far (≥ 1). */
export function backoffMs(attempts: number, s: OutboxSettings): number {
  const secs = Math.min(s.backoffMaxSeconds, s.backoffBaseSeconds * 2 ** Math.max(0, attempts - 1));
  return secs * 1000;
}

/** A recipient with none of the platform ids cannot be pushed to anywhere. */
export function hasPlatformIdentity(r: Recipient): boolean {
  return Boolean(r.feishuOpenId || r.wecomUserId || r.slackUserId || r.dingtalkUserId);
}
