// The MCP tool list, built from the chat engine's tool registry: every tool the engines share is
// offered with its description and the JSON schema of its zod input, so a tool added to the
// registry appears here without a line of MCP code. Plus one MCP-only tool, log_visit_note, which
// sends the note through the chat turn (stored raw, extracted, filed) exactly as a message would be.
import { z } from 'zod';
import type { AppContext } from '../app.ts';
import type { User } from '../domain/types.ts';
import { tools } from '../conversation/tools/index.ts';
import { AccountProblem } from '../tools/account-arg.ts';
import type { Tool, ToolContext } from '../tools/types.ts';
import { handleMessage, MAX_TEXT_LENGTH } from '../conversation/engine.ts';
import { withCitations } from '../conversation/run-tool.ts';
import { completeCitations } from '../conversation/citations.ts';

export interface McpToolSpec {
  name: string;
  description: string;
  inputSchema: Record<string, unknown> & { type: 'object' };
}

export interface McpToolResult {
  text: string;
  data: unknown;
  isError: boolean;
}

/** Who calls, and when "now" is (kam mcp --at stands in for the clock, as everywhere). */
export interface McpCaller {
  app: AppContext;
  user: User;
  now: () => Date;
}

export const LOG_VISIT_NOTE = 'log_visit_note';

const noteInput = z.object({
  text: z.string().min(1).max(MAX_TEXT_LENGTH).describe('The visit note as the salesperson would write it in chat, e.g. "今天下午拜访了北方路桥的何军总工,…,下周三前发送交付计划。"'),
});

const noteSpec = {
  name: LOG_VISIT_NOTE,
  description:
    'Log a visit / call / meeting note for the acting user. The note is saved at once (interaction, new contacts, next step and due date, amounts, competitors); the answer says exactly what was saved, or which account to file it under when that is unclear.',
  input: noteInput,
};

function jsonSchema(input: z.ZodType): McpToolSpec['inputSchema'] {
  const { $schema: _drop, ...schema } = z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, type: 'object' };
}

/** The tools an MCP client sees, in registry order, then log_visit_note. */
export function mcpToolSpecs(): McpToolSpec[] {
  return [
    ...tools.map((t) => ({ name: t.name, description: t.description, inputSchema: jsonSchema(t.input) })),
    { name: noteSpec.name, description: noteSpec.description, inputSchema: jsonSchema(noteSpec.input) },
  ];
}

const problem = (data: Record<string, unknown>): McpToolResult => ({ text: String(data.error), data, isError: true });

/** Runs one tool as the caller: validated input, the user's visibility, the same reply text as chat. */
export async function callMcpTool(caller: McpCaller, name: string, args: unknown): Promise<McpToolResult> {
  if (name === LOG_VISIT_NOTE) return logVisitNote(caller, args);
  const tool: Tool<any, any> | undefined = tools.find((t) => t.name === name);
  if (!tool) return problem({ error: `unknown tool "${name}"; available: ${mcpToolSpecs().map((t) => t.name).join(', ')}` });
  const parsed = tool.input.safeParse(args ?? {});
  if (!parsed.success) return problem({ error: 'invalid arguments', details: z.prettifyError(parsed.error) });
  const { app, user } = caller;
  const ctx: ToolContext = { app, user, now: caller.now(), tz: app.config.timeZone, lang: app.config.lang };
  try {
    const output = await tool.run(ctx, parsed.data);
    const rendered = tool.render(ctx, output);
    const citations = await completeCitations({ app, user, tz: ctx.tz }, rendered.citations);
    const reply = citations ? { ...rendered, citations } : rendered;
    return { text: reply.text, data: withCitations(reply.data ?? { tool: tool.name, ...(output as object) }, reply), isError: false };
  } catch (e) {
    if (!(e instanceof AccountProblem)) throw e;
    const m = e.mention;
    return problem(
      m.kind === 'ambiguous'
        ? { error: 'ambiguous account', candidates: m.candidates.map((a) => a.name) }
        : m.kind === 'not_found'
          ? { error: 'account not found among the accounts this user may see', closest: m.suggestions.map((a) => a.name) }
          : { error: 'no account given' },
    );
  }
}

async function logVisitNote(caller: McpCaller, args: unknown): Promise<McpToolResult> {
  const parsed = noteInput.safeParse(args ?? {});
  if (!parsed.success) return problem({ error: 'invalid arguments', details: z.prettifyError(parsed.error) });
  // A chat turn of its own: the note handler takes "log: …" as a note whatever its wording.
  const now = caller.now();
  const reply = await handleMessage(caller.app, {
    platform: 'api',
    platformUserId: caller.user.id,
    userId: caller.user.id,
    chatId: 'mcp',
    chatType: 'p2p',
    mentioned: true,
    text: `log: ${parsed.data.text}`,
    receivedAt: now,
    now,
  });
  return { text: reply.text, data: reply.data ?? null, isError: false };
}
