// Transport-neutral webhook shapes: the HTTP layer hands an adapter the raw request and sends
// back what it answers, so signature checks always see the exact bytes the platform signed.
import type { Logger } from 'pino';
import { urgent, type Db } from '../../db/index.ts';
import type { Lang } from '../../prompts/index.ts';
import { claimEvent } from '../../src/store/processed-events.ts';
import type { ChatPlatform } from '../../src/chat/types.ts';
import type { MessageHandler, WebhookRequest, WebhookResponse } from '../../src/chat/webhook.ts';

export type { MessageHandler, WebhookAdapter, WebhookRequest, WebhookResponse } from '../../src/chat/webhook.ts';
import type { RetryOptions } from './answer.ts';
import type { Transcriber } from '../../src/voice/transcribe.ts';

/** How long dedup keys are kept (processed_events): platform redeliveries stop within hours. */
export const DEDUP_RETENTION_MS = 7 * 24 * 3600 * 1000;

/** What every platform adapter is built with, besides its own configuration. */
export interface AdapterOptions<C> {
  config: C;
  db: Db;
  log: Logger;
  handler: MessageHandler;
  /** Language of the adapter's own replies (non-text notice, apology) when the message gives none. */
  lang: Lang;
  clock?: () => Date;
  /** Speech to text for voice messages the platform did not recognise itself; unset = the reply says how to enable it. */
  transcriber?: Transcriber;
  /** Per-recipient send limit; sends past it wait their turn instead of being dropped by the platform. */
  rateLimit?: { limit: number; windowMs: number };
  /** Quick retries of a failed answer before it is parked in the outbox. */
  retry?: RetryOptions;
  /** Deadline of each platform call (KAM_PLATFORM_TIMEOUT_MS); default 10 s. */
  timeoutMs?: number;
  /** At shutdown, how long answers still running may finish before their platform calls are cut short (and parked); default 3 s. */
  stopGraceMs?: number;
}

export function header(req: WebhookRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export const json = (status: number, body: unknown): WebhookResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

export const text = (status: number, body: string): WebhookResponse => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body,
});

/**
 * The dedup step every webhook (and long connection) runs before acking: true for the first
 * delivery of an event (its keys are claimed in processed_events, so this holds across restarts
 * and instances); a redelivery is logged as one `webhook_duplicate` line and gets false.
 */
export async function firstDelivery(
  db: Db,
  log: Logger,
  platform: ChatPlatform,
  keys: string[],
  now: Date,
  fields: Record<string, unknown> = {},
): Promise<boolean> {
  // Urgent: the platform's ack waits on this insert, not on the chat answers being computed.
  if (await claimEvent(urgent(db), platform, keys, now)) return true;
  log.info({ event: 'webhook_duplicate', platform, dedupKey: keys[0], ...fields }, `${platform} redelivery ignored`);
  return false;
}
