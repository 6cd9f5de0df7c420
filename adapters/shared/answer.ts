// The common tail of every inbound message: ask the engine, and never leave the person without
// an answer (engine failure → an apology; images and files → "text and voice only for now").
import type { Logger } from 'pino';
import { platformTexts } from '../../prompts/platforms.ts';
import { t, type Lang } from '../../prompts/index.ts';
import { PlatformError } from '../../src/errors.ts';
import type { InboundMessage, Reply } from '../../src/chat/types.ts';
import type { MessageHandler } from '../../src/chat/webhook.ts';

export function textOnlyReply(lang: Lang): Reply {
  return { lang, text: t(platformTexts, 'textOnly', lang) };
}

export function failureReply(lang: Lang): Reply {
  return { lang, text: t(platformTexts, 'failed', lang) };
}

/** The engine's reply, or an apology when it fails (logged with the event id, not the text). */
export async function answer(handler: MessageHandler, msg: InboundMessage, lang: Lang, log: Logger): Promise<Reply> {
  try {
    return await handler(msg);
  } catch (err) {
    log.error({ err, platform: msg.platform, eventId: msg.eventId }, 'conversation engine failed');
    return failureReply(lang);
  }
}

export interface RetryOptions {
  attempts: number;
  /** First back-off; doubles each time. */
  delayMs: number;
}

/** Retries a send a few times while the platform reports a transient error (not while shutting down). */
export async function withRetries<T>(fn: () => Promise<T>, opts: RetryOptions, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof PlatformError) || !err.transient || err.code === 'shutdown' || attempt >= opts.attempts) throw err;
      await sleep(opts.delayMs * 2 ** (attempt - 1));
    }
  }
}
