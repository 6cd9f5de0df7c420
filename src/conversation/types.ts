// The seams of the turn loop: what a turn knows and what a turn handler returns. What a tool is
// lives in src/tools/types.ts.
import type { AppContext } from '../app.ts';
import type { ChatContext, InboundMessage, Reply } from '../chat/types.ts';
import type { Lang } from '../../prompts/index.ts';
import type { User } from '../domain/types.ts';

/** Everything one turn works with. `now` stands in for the clock (kam ask --at). */
export interface TurnContext {
  app: AppContext;
  user: User;
  msg: InboundMessage;
  now: Date;
  tz: string;
  lang: Lang;
  /** Key of the per-chat context (platform + chat id + user). */
  chatKey: string;
  /** id of this message in raw_messages (stored before anything else). */
  rawMessageId: number;
  /** Short-term chat context loaded from chat_context (expired entries already dropped). */
  context: ChatContext;
}

/**
 * A handler that may take a turn before question answering (visit notes, alert acknowledgement,
 * button actions). Returns null when the message is not for it.
 */
export type TurnHandler = (turn: TurnContext) => Promise<Reply | null>;
