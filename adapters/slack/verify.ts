// Slack request signing, checked over the raw bytes: v0=hex(HMAC-SHA256(secret, "v0:ts:body")),
// compared in constant time, with a ±5-minute window (Bolt's check lets future timestamps in).
import { createHmac } from 'node:crypto';
import { accepted, refused, safeEqual, withinWindow, type VerifyResult } from '../shared/checks.ts';

export function slackSignature(signingSecret: string, timestamp: string, rawBody: Buffer): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`;
}

export function verifySlackSignature(signingSecret: string, timestamp: string | undefined, signature: string | undefined, rawBody: Buffer, now: Date): VerifyResult {
  if (!timestamp || !signature) return refused('missing x-slack-request-timestamp or x-slack-signature');
  if (!withinWindow(timestamp, now)) return refused('timestamp outside the 5-minute window');
  return safeEqual(slackSignature(signingSecret, timestamp, rawBody), signature) ? accepted : refused('bad x-slack-signature');
}

/**
 * Dedup keys. Slack retries Events API deliveries (X-Slack-Retry-Num) with the same event_id;
 * interactivity and commands are not retried, but a double click yields the same trigger.
 */
export function slackDedupKey(body: Record<string, any>): string | undefined {
  if (body.type === 'event_callback' && typeof body.event_id === 'string') return `evt:${body.event_id}`;
  if (body.type === 'block_actions') return `act:${body.user?.id}:${body.actions?.[0]?.action_ts ?? body.trigger_id}`;
  if (typeof body.command === 'string' && body.trigger_id) return `cmd:${body.trigger_id}`;
  return undefined;
}
