// The tool framework: what a tool is and what it sees. Features (account questions, retrieval,
// roadmaps, alerts) define their tools with these types; the conversation engine assembles them
// (src/conversation/tools/index.ts) and runs them for both the offline and the LLM engine.
import type { z } from 'zod';
import type { AppContext } from '../app.ts';
import type { Reply } from '../chat/types.ts';
import type { Lang } from '../../prompts/index.ts';
import type { User } from '../domain/types.ts';
import type { Utterance } from '../nlu/utterance.ts';

/** What a tool sees: the acting user and the clock. Tools scope every read by user visibility in SQL. */
export interface ToolContext {
  app: AppContext;
  user: User;
  now: Date;
  tz: string;
  lang: Lang;
}

/** One capability, shared by the offline engine and the LLM engine. */
export interface Tool<I extends z.ZodType = z.ZodType, O = unknown> {
  name: string;
  /** For the LLM: what the tool does and when to use it (English). */
  description: string;
  input: I;
  run(ctx: ToolContext, input: z.infer<I>): Promise<O>;
  /** Turns the output into the user's reply (wording from prompts/). */
  render(ctx: ToolContext, output: O): Reply;
  /** Example questions for the help reply, in both languages. */
  examples?: { zh: string[]; en: string[] };
  /** How the offline engine recognises a message for this tool (see tools/index.ts). */
  offline?: OfflineTrigger<z.infer<I>>;
  /** The account the answer was about, remembered for follow-ups ("那他们的合同呢?"). */
  subjectAccount?(output: O): string | undefined;
}

/**
 * A tool's offline trigger: the offline engine scores every registered tool against the analysed
 * message and runs the best one. Keywords also tell the engine which words of a message are
 * "question words" rather than a (possibly unknown) account name.
 */
export interface OfflineTrigger<In> {
  /** Whether the tool needs an account: taken from the mention, else from the chat context. */
  account: 'required' | 'optional' | 'none';
  /** Words that name no account are what the tool looks for (a search topic), not an unknown account. */
  unknownNamesAreTopics?: boolean;
  /**
   * With `account: 'optional'`: whether this message asks across the whole book even without
   * "哪些 / any" ("有没有下个月到期的合同"), so the last account of the chat is not assumed.
   */
  asksAcrossBook?: (u: Utterance) => boolean;
  /** Words that signal this tool (matched case-insensitively on the normalised text). */
  keywords: { zh: string[]; en: string[] };
  /** How strongly the message asks for this tool: 0 = not at all; keyword hits score about 1 each. */
  score(u: Utterance): number;
  /** The tool input for this message; `accountId` is the resolved account, if any. */
  input(u: Utterance, accountId: string | undefined): In;
}

