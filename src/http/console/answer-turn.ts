// The web console as a chat surface: a turn from the page goes through the same engine as every
// messaging platform (platform 'console', our own user id), and the reply comes back as HTML.
// Pushes (alerts, briefings) reach the console through the outbox's console channel
// (src/delivery/log-channel.ts), shown on the chat page as "pushed to me".
import type { AppContext } from '../../app.ts';
import { errorReply, handleMessage } from '../../conversation/engine.ts';
import type { Lang } from '../../../prompts/index.ts';
import type { ButtonAction, Reply } from '../../chat/types.ts';
import { renderReplyHtml } from './render-reply.ts';
import type { ConsoleAnswer } from './turn-types.ts';

export interface ConsoleTurnInput {
  userId: string;
  /** Per-browser chat id (the chat context is per platform + chat + user). */
  chatId: string;
  text: string;
  action?: ButtonAction;
  receivedAt: Date;
  /** Stands in for "now" (the page's ?at=). */
  now?: Date;
  lang: Lang;
}

export async function answerConsoleTurn(app: AppContext, turn: ConsoleTurnInput): Promise<ConsoleAnswer> {
  let reply: Reply;
  try {
    reply = await handleMessage(app, {
      platform: 'console',
      platformUserId: turn.userId,
      userId: turn.userId,
      chatId: turn.chatId,
      chatType: 'p2p',
      mentioned: true,
      text: turn.text,
      action: turn.action,
      receivedAt: turn.receivedAt,
      now: turn.now,
    });
  } catch (e) {
    app.log.error({ err: e, platform: 'console', user: turn.userId }, 'console chat turn failed');
    reply = errorReply(turn.lang);
  }
  return { html: renderReplyHtml(reply).value, text: reply.text, data: reply.data ?? null };
}
