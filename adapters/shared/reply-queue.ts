// Answers to inbound messages are never lost to a platform hiccup: when a part still fails after
// the adapter's own retries with a transient error (network, HTTP 5xx, rate limit, a token that
// would not refresh), the unsent parts are parked in the outbox and the outbox worker sends them
// through the same adapter later. Permanent refusals (unknown recipient, bad request) are logged
// with the platform's error code and not retried.
import type { Logger } from 'pino';
import type { Db } from '../../db/index.ts';
import { PlatformError } from '../../src/errors.ts';
import { enqueue, PARKED_REPLY_KIND } from '../../src/store/outbox.ts';
import type { PendingReply, Reply } from '../../src/chat/types.ts';

export interface ReplyContext {
  db: Db;
  log: Logger;
  now: Date;
  /** The person who asked, by their platform id (the outbox's per-recipient rate limit counts on it). */
  asker: string;
  /** What the answer answers (event or message id): at most one parked row per cause. */
  cause: string;
  /** The answer being sent: if it is parked, `kam outbox` shows its summary line. */
  reply?: Reply;
}

const SUMMARY_CHARS = 80;

/** An answer in a line: its title, or the first line of its text, cut to 80 characters. */
export function replySummary(reply: Reply): string {
  const line = (reply.title ?? reply.text.split('\n').find((l) => l.trim()) ?? '').trim();
  const chars = [...line];
  return chars.length > SUMMARY_CHARS ? `${chars.slice(0, SUMMARY_CHARS - 1).join('')}…` : line;
}

export type ReplyOutcome = 'sent' | 'queued' | 'dropped';

/** Sends the parts in order; on failure parks the rest (transient) or drops it (permanent). */
export async function sendOrPark<P>(ctx: ReplyContext, pending: PendingReply<P>, sendPart: (part: P, index: number) => Promise<void>): Promise<ReplyOutcome> {
  for (const [i, part] of pending.parts.entries()) {
    try {
      await sendPart(part, i);
    } catch (err) {
      if (!(err instanceof PlatformError)) throw err;
      const fields = { platform: pending.platform, platformCode: err.code, cause: ctx.cause, unsentParts: pending.parts.length - i };
      if (!err.transient) {
        ctx.log.error({ ...fields, event: 'reply_dropped' }, 'the platform refused the answer; not retried');
        return 'dropped';
      }
      await parkReply(ctx, { ...pending, parts: pending.parts.slice(i) });
      ctx.log.warn({ ...fields, event: 'reply_parked' }, 'answer not delivered yet; parked in the outbox for a later attempt');
      return 'queued';
    }
  }
  return 'sent';
}

export async function parkReply(ctx: ReplyContext, pending: PendingReply): Promise<void> {
  await enqueue(
    ctx.db,
    [
      {
        recipientId: `${pending.platform}:${ctx.asker}`,
        kind: PARKED_REPLY_KIND,
        platform: pending.platform,
        payload: { pending, summary: ctx.reply ? replySummary(ctx.reply) : null },
        dedupKey: `reply:${pending.platform}:${ctx.cause}`,
      },
    ],
    ctx.now,
  );
}

/**
 * The adapter side of `resendReply`: sends what is left part by part and reports the rest after
 * each one, so a failure further on resumes where it stopped.
 */
export async function resendParts<P>(pending: PendingReply<P>, sendPart: (part: P) => Promise<void>, progress: (rest: PendingReply) => Promise<void>): Promise<void> {
  let rest = pending.parts;
  while (rest.length) {
    await sendPart(rest[0]);
    rest = rest.slice(1);
    if (rest.length) await progress({ ...pending, parts: rest });
  }
}
