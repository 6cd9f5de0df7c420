// The LLM engine: any OpenAI-compatible endpoint with the same tools as the offline engine.
// A bounded tool loop; invalid tool arguments go back to the model with the zod error so it can
// retry; an ambiguous account is asked back exactly as offline (buttons). Failures and timeouts
// throw, and the turn loop lets the offline engine answer instead.
import type OpenAI from 'openai';
import { llmClient } from '../../llm/client.ts';
import type { Reply } from '../../chat/types.ts';
import { llmSystemPrompt } from '../../../prompts/llm-system.ts';
import { toIsoDate } from '../../domain/time.ts';
import { getVisibleAccount } from '../../store/accounts.ts';
import { ambiguousReply, notFoundReply } from '../clarify.ts';
import { runTool, type ToolRun } from '../run-tool.ts';
import { toolByName, tools } from '../tools/index.ts';
import type { TurnContext } from '../types.ts';
import { toolSpec } from './tool-specs.ts';

/** Model round trips per turn (each may call several tools). */
export const MAX_ROUNDS = 5;

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

export class LlmFailure extends Error {}

interface CallRecord {
  tool: string;
  ok: boolean;
  error?: string;
}

function parseArgs(raw: string | undefined): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: raw?.trim() ? JSON.parse(raw) : {} };
  } catch (e) {
    return { ok: false, error: `arguments are not valid JSON (${(e as Error).message})` };
  }
}

async function runCall(turn: TurnContext, name: string, rawArgs: string | undefined): Promise<{ content: string; run?: ToolRun; record: CallRecord }> {
  const tool = toolByName(name);
  if (!tool) return { content: JSON.stringify({ error: `unknown tool "${name}"; available: ${tools.map((x) => x.name).join(', ')}` }), record: { tool: name, ok: false, error: 'unknown tool' } };
  const args = parseArgs(rawArgs);
  if (!args.ok) return { content: JSON.stringify({ error: args.error }), record: { tool: name, ok: false, error: 'malformed arguments' } };
  const run = await runTool(turn, tool, args.value);
  if (run.kind === 'ok') return { content: JSON.stringify(run.output), run, record: { tool: name, ok: true } };
  if (run.kind === 'invalid_input') return { content: JSON.stringify({ error: 'invalid arguments', details: run.message }), run, record: { tool: name, ok: false, error: 'invalid arguments' } };
  const m = run.problem.mention;
  const detail =
    m.kind === 'ambiguous'
      ? { error: 'ambiguous account', candidates: m.candidates.map((a) => a.name) }
      : m.kind === 'not_found'
        ? { error: 'account not found among the accounts this user may see', closest: m.suggestions.map((a) => a.name) }
        : { error: 'no account given' };
  return { content: JSON.stringify(detail), run, record: { tool: name, ok: false, error: detail.error } };
}

export async function answerWithLlm(turn: TurnContext): Promise<Reply> {
  const llm = turn.app.config.llm;
  if (!llm) throw new LlmFailure('no LLM configured');
  const client = await llmClient(llm);
  const last = turn.context.lastAccountId ? await getVisibleAccount(turn.app.db, turn.user.id, turn.context.lastAccountId) : undefined;
  const messages: Message[] = [
    {
      role: 'system',
      content: llmSystemPrompt({
        today: toIsoDate(turn.now, turn.tz),
        timeZone: turn.tz,
        userName: turn.user.name,
        userRole: turn.user.role,
        lang: turn.lang,
        lastAccount: last ? { id: last.id, name: last.name } : undefined,
      }),
    },
    { role: 'user', content: turn.msg.text },
  ];
  const specs = tools.map(toolSpec);
  const calls: CallRecord[] = [];
  let lastOk: Extract<ToolRun, { kind: 'ok' }> | undefined;
  const deadline = AbortSignal.timeout(llm.timeoutMs);

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const res = await client.chat.completions.create({ model: llm.model, messages, tools: specs, tool_choice: 'auto', temperature: 0 }, { signal: deadline });
    const message = res.choices?.[0]?.message;
    if (!message) throw new LlmFailure('the endpoint returned no choices');
    const toolCalls = (message.tool_calls ?? []).filter((c) => c.type === 'function');
    if (toolCalls.length) {
      messages.push({ role: 'assistant', content: message.content ?? null, tool_calls: toolCalls });
      for (const call of toolCalls) {
        const { content, run, record } = await runCall(turn, call.function.name, call.function.arguments);
        calls.push(record);
        if (run?.kind === 'ok') lastOk = run;
        // Which account is meant is the user's call, asked the same way as offline.
        if (run?.kind === 'account_problem' && run.problem.mention.kind === 'ambiguous') return ambiguousReply(turn, turn.msg.text, run.problem.mention, run.tool.name);
        if (run?.kind === 'account_problem' && run.problem.mention.kind === 'not_found' && round === MAX_ROUNDS - 1) return notFoundReply(turn, turn.msg.text, run.problem.mention, run.tool.name);
        messages.push({ role: 'tool', tool_call_id: call.id, content });
      }
      continue;
    }
    const text = message.content?.trim();
    if (!text) break;
    if (lastOk?.accountId) turn.context.lastAccountId = lastOk.accountId;
    return {
      lang: turn.lang,
      text,
      sections: lastOk?.reply.sections,
      facts: lastOk?.reply.facts,
      buttons: lastOk?.reply.buttons,
      citations: lastOk?.reply.citations,
      data: { engine: 'llm', model: llm.model, calls, result: lastOk ? lastOk.reply.data : null },
    };
  }
  // The model ran out of rounds or said nothing: the last tool result, rendered as offline.
  if (lastOk) {
    if (lastOk.accountId) turn.context.lastAccountId = lastOk.accountId;
    return lastOk.reply;
  }
  throw new LlmFailure(`no answer after ${calls.length} tool call(s)`);
}
