// The turn loop every surface shares (CLI, /api/chat, console, Feishu, WeCom, Slack):
// store the raw message → resolve the user → load chat context → turn handlers (notes, buttons)
// → understand (offline NLU, or an LLM with the same tools) → Reply → save chat context.
// Faults (database down, a bug) are thrown: each surface turns them into its exit code or an
// apology (see errorReply); a user never sees a stack trace.
import type { InboundMessage, Reply } from '../chat/types.ts';
import { engineTexts } from '../../prompts/conversation.ts';
import { detectLang, t, type Lang } from '../../prompts/index.ts';
import type { AppContext } from '../app.ts';
import { loadChatContext, saveChatContext } from '../store/chat-context.ts';
import { insertRawMessage, setRawMessageUser } from '../store/raw-messages.ts';
import { findUserByPlatformId, getUser } from '../store/users.ts';
import { gateGroupReply, groupTurn } from '../groups/turn.ts';
import { turnHandlers } from './handlers.ts';
import { answerOffline } from './offline.ts';
import type { TurnContext } from './types.ts';

/** Longer messages are refused without being processed. */
export const MAX_TEXT_LENGTH = 4000;

export function chatKeyOf(msg: InboundMessage, userId: string): string {
  return `${msg.platform}:${msg.chatId}:${userId}`;
}

/** The apology a surface sends when handleMessage throws. */
export function errorReply(lang: Lang): Reply {
  return { lang, text: t(engineTexts, 'internalError', lang), data: { error: 'internal' } };
}

function unknownUserReply(msg: InboundMessage, lang: Lang): Reply {
  const id = msg.userId ?? msg.platformUserId;
  return {
    lang,
    text: t(engineTexts, 'unknownUser', lang, { platform: msg.platform, id }),
    data: { error: 'unknown_user', platform: msg.platform, platformUserId: id },
  };
}

async function understand(turn: TurnContext): Promise<Reply> {
  const text = turn.msg.text;
  if (turn.app.config.llm && text.trim()) {
    // Loaded only when configured: the offline CLI path never pays for the SDK.
    const { answerWithLlm } = await import('./llm/engine.ts');
    const context = structuredClone(turn.context);
    try {
      return await answerWithLlm(turn);
    } catch (e) {
      turn.app.log.warn({ err: (e as Error).message, model: turn.app.config.llm.model }, 'LLM engine failed; the offline engine answers');
      turn.context = context;
    }
  }
  return answerOffline(turn, text);
}

/**
 * PostgreSQL text cannot hold NUL (byte 0), and it means nothing in a chat message or an id: it is
 * dropped before the message is stored, so such a message is answered like any other.
 */
function withoutNul(msg: InboundMessage): InboundMessage {
  const strip = (s: string) => s.replaceAll('\u0000', '');
  const value = msg.action?.value && Object.fromEntries(Object.entries(msg.action.value).map(([k, v]) => [strip(k), strip(v)]));
  return {
    ...msg,
    platformUserId: strip(msg.platformUserId),
    userId: msg.userId && strip(msg.userId),
    chatId: strip(msg.chatId),
    text: strip(msg.text),
    eventId: msg.eventId && strip(msg.eventId),
    action: msg.action && { action: strip(msg.action.action), value },
  };
}

export async function handleMessage(app: AppContext, inbound: InboundMessage): Promise<Reply> {
  const msg = withoutNul(inbound);
  const rawMessageId = await insertRawMessage(app.db, msg);
  const user = msg.userId ? await getUser(app.db, msg.userId) : await findUserByPlatformId(app.db, msg.platform, msg.platformUserId);
  const textLang = msg.text.trim() ? detectLang(msg.text, app.config.lang) : undefined;
  if (!user) return unknownUserReply(msg, textLang ?? app.config.lang);
  await setRawMessageUser(app.db, rawMessageId, user.id);

  const now = msg.now ?? msg.receivedAt;
  const chatKey = chatKeyOf(msg, user.id);
  const context = await loadChatContext(app.db, chatKey, user.id, now);
  const lang: Lang = textLang ?? (context.lang === 'en' || context.lang === 'zh' ? context.lang : app.config.lang);
  const turn: TurnContext = { app, user, msg, now, tz: app.config.timeZone, lang, chatKey, rawMessageId, context };

  let reply: Reply | null = null;
  const length = [...msg.text].length;
  if (length > MAX_TEXT_LENGTH) {
    reply = { lang, text: t(engineTexts, 'tooLong', lang, { length, limit: MAX_TEXT_LENGTH }), data: { error: 'too_long', length, limit: MAX_TEXT_LENGTH } };
  } else {
    reply = await groupTurn(turn);
    for (const handler of reply ? [] : turnHandlers) {
      reply = await handler(turn);
      if (reply) break;
    }
    reply ??= await understand(turn);
    reply = await gateGroupReply(turn, reply);
  }
  turn.context.lang = reply.lang;
  await saveChatContext(app.db, chatKey, user.id, turn.context, now);
  return reply;
}
