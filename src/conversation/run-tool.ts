// Runs one tool for a turn, the same way for both engines: validate the input with the tool's
// zod schema, run it, render its reply, and note which account the answer was about.
import { z } from 'zod';
import type { Reply } from '../chat/types.ts';
import { AccountProblem } from '../tools/account-arg.ts';
import type { Tool, ToolContext } from '../tools/types.ts';
import type { TurnContext } from './types.ts';
import { completeCitations } from './citations.ts';

export type ToolRun =
  | { kind: 'ok'; tool: Tool<any, any>; input: unknown; output: unknown; reply: Reply; accountId?: string }
  | { kind: 'invalid_input'; tool: Tool<any, any>; message: string }
  | { kind: 'account_problem'; tool: Tool<any, any>; problem: AccountProblem };

/** `kam ask --json` and /api/chat show `data`: the records a reply cites are carried there too. */
export function withCitations(data: unknown, reply: Reply): unknown {
  if (!reply.citations?.length || !data || typeof data !== 'object' || Array.isArray(data)) return data;
  return { ...(data as object), citations: reply.citations };
}

export function toolContext(turn: TurnContext): ToolContext {
  return { app: turn.app, user: turn.user, now: turn.now, tz: turn.tz, lang: turn.lang };
}

export async function runTool(turn: TurnContext, tool: Tool<any, any>, rawInput: unknown): Promise<ToolRun> {
  const parsed = tool.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { kind: 'invalid_input', tool, message: z.prettifyError(parsed.error) };
  const ctx = toolContext(turn);
  try {
    const output = await tool.run(ctx, parsed.data);
    const rendered = tool.render(ctx, output);
    const citations = await completeCitations(turn, rendered.citations);
    const reply = citations ? { ...rendered, citations } : rendered;
    const accountId = tool.subjectAccount?.(output);
    return { kind: 'ok', tool, input: parsed.data, output, reply: { ...reply, data: withCitations(reply.data ?? { tool: tool.name, ...(output as object) }, reply) }, accountId };
  } catch (e) {
    if (e instanceof AccountProblem) return { kind: 'account_problem', tool, problem: e };
    throw e;
  }
}
