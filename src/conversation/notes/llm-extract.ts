// Note extraction by an OpenAI-compatible LLM through function calling. The arguments it returns
// are validated against a zod schema and then against the note and the database: the account
// must be one the user may see (and agree with the one the text names), every person, amount,
// competitor and signal must appear in the note, dates must be real and plausible. Anything that
// does not check out makes the caller use the offline extractor's result.
import { llmClient } from '../../llm/client.ts';
import { z } from 'zod';
import { noteExtractionPrompt } from '../../../prompts/notes.ts';
import { addDays, formatDateTime, isValidIsoDate, toIsoDate, zonedTimeToInstant } from '../../domain/time.ts';
import { resolveAccountArg } from '../../nlu/accounts.ts';
import type { TurnContext } from '../types.ts';
import type { Competitor } from './extract/competitors.ts';
import type { KnownName } from './extract/people.ts';
import { surnameOf } from './extract/surnames.ts';
import { DECISION_ROLES, INTERACTION_TYPES, NoteDraft, SIGNAL_KINDS, type NotePerson } from './schema.ts';
import type { AccountFinding } from './state.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The function the model calls: flat, explicit, every field required (nullable where optional). */
export const LlmNoteArgs = z.object({
  account: z.string().nullable().describe('The customer company as written in the note, or null'),
  type: z.enum(INTERACTION_TYPES),
  occurred_date: isoDate.nullable().describe('YYYY-MM-DD when it happened, null if the note does not say'),
  occurred_time: z.string().regex(/^\d{2}:\d{2}$/).nullable().describe('HH:MM when it happened, null if not said'),
  people: z.array(
    z.object({
      name: z.string().nullable().describe('Full name as written, or null'),
      surname_title: z.string().nullable().describe('Reference without full name as written, e.g. 高总, Mr. Gao'),
      title: z.string().nullable(),
      decision_role: z.enum(DECISION_ROLES).nullable(),
      new_in_role: z.boolean(),
    }),
  ),
  summary: z.string().min(1),
  next_step: z.string().nullable(),
  next_step_due: isoDate.nullable(),
  amounts: z.array(z.object({ value: z.number().positive(), currency: z.enum(['CNY', 'USD']), kind: z.enum(['budget', 'deal', 'other']), text: z.string().min(1) })),
  competitors: z.array(z.string()),
  signals: z.array(z.object({ kind: z.enum(SIGNAL_KINDS), text: z.string().min(1), person: z.string().nullable() })),
});
export type LlmNoteArgs = z.infer<typeof LlmNoteArgs>;

export const NOTE_FUNCTION = 'record_visit_note';

export class LlmNoteRejected extends Error {}

function reject(reason: string): never {
  throw new LlmNoteRejected(reason);
}

function occurs(text: string, s: string): boolean {
  return text.toLowerCase().includes(s.trim().toLowerCase());
}

interface CheckInput {
  text: string;
  args: LlmNoteArgs;
  now: Date;
  tz: string;
  known: KnownName[];
  competitors: Competitor[];
  offline: NoteDraft;
}

/** Checks the model's arguments against the note itself and returns them as a NoteDraft. */
export function draftFromLlm({ text, args, now, tz, known, competitors, offline }: CheckInput): NoteDraft {
  const today = toIsoDate(now, tz);
  const mentioned = (s: string) => occurs(text, s) || known.some((k) => k.name === s && (k.latin ?? []).some((l) => occurs(text, l)));

  let occurredAt = offline.occurredAt;
  let dateGiven = offline.dateGiven;
  if (args.occurred_date) {
    const d = args.occurred_date;
    if (!isValidIsoDate(d) || d > today || d < addDays(today, -366)) reject(`occurred_date ${d} is not a plausible past date`);
    const [y, m, day] = d.split('-').map(Number);
    let at: Date;
    if (args.occurred_time) {
      const [h, mi] = args.occurred_time.split(':').map(Number);
      if (h > 23 || mi > 59) reject('occurred_time is not a time');
      at = zonedTimeToInstant(y, m, day, h, mi, 0, tz);
    } else {
      at = d === today ? now : zonedTimeToInstant(y, m, day, 10, 0, 0, tz);
    }
    occurredAt = formatDateTime(at > now ? now : at, tz);
    dateGiven = true;
  }
  if (args.next_step_due && (!isValidIsoDate(args.next_step_due) || args.next_step_due < occurredAt.slice(0, 10) || args.next_step_due > addDays(today, 730))) {
    reject(`next_step_due ${args.next_step_due} is not a plausible due date`);
  }

  const people: NotePerson[] = args.people.map((p) => {
    const written = p.name ?? p.surname_title;
    if (!written) reject('a person with neither name nor reference');
    if (!mentioned(written)) reject('a person the note does not mention');
    if (p.name) return { name: p.name.trim(), surname: null, honorific: null, title: p.title, decisionRole: p.decision_role, newInRole: p.new_in_role, attitude: null, mention: p.name.trim() };
    const ref = p.surname_title!.trim();
    const latin = /^(mr|ms|mrs|miss|dr|director|president|chairman|manager)\.?\s+(\w+)$/i.exec(ref);
    const surname = latin ? latin[2].toLowerCase() : surnameOf(ref);
    if (!surname) reject('a reference without a surname');
    return {
      name: null,
      surname,
      honorific: latin ? latin[1].toLowerCase() : ref.slice(surname.length) || null,
      title: p.title,
      decisionRole: p.decision_role,
      newInRole: p.new_in_role,
      attitude: null,
      mention: ref,
    };
  });

  for (const a of args.amounts) if (!occurs(text, a.text)) reject('an amount the note does not contain');
  const canonical = args.competitors.map((c) => {
    const hit = competitors.find((x) => [x.name, ...x.aliases].some((f) => f.toLowerCase() === c.trim().toLowerCase()));
    if (!hit || ![hit.name, ...hit.aliases].some((f) => occurs(text, f))) reject('a competitor that is not on the list or not in the note');
    return hit.name;
  });
  const signals = args.signals.map((s) => {
    if (!occurs(text, s.text)) reject('a signal the note does not contain');
    const person = s.person ? people.find((p) => p.name === s.person || p.mention === s.person) : undefined;
    if (person) {
      const rank = { negative: 3, positive: 2, concern: 1 } as const;
      if (!person.attitude || rank[s.kind] > rank[person.attitude]) person.attitude = s.kind;
    }
    return { kind: s.kind, text: s.text, person: person ? (person.name ?? person.mention) : null };
  });

  const parsed = NoteDraft.safeParse({
    type: args.type,
    occurredAt,
    dateGiven,
    people,
    summary: args.summary.trim(),
    nextStep: args.next_step?.trim() || null,
    nextStepDue: args.next_step_due,
    amounts: args.amounts.map((a) => ({ ...a, approximate: /约|大约|大概|左右|about|around|approx/i.test(text) })),
    competitors: [...new Set(canonical)],
    signals,
  });
  if (!parsed.success) reject('the result does not fit the note schema');
  return parsed.data;
}

export interface LlmContext {
  account: AccountFinding;
  known: KnownName[];
  competitors: Competitor[];
  offline: NoteDraft;
}

/** The model's tool-call arguments for the note (no validation beyond JSON and zod). */
export async function callNoteFunction(turn: TurnContext, text: string): Promise<LlmNoteArgs> {
  const llm = turn.app.config.llm!;
  const client = await llmClient(llm);
  const nowText = formatDateTime(turn.now, turn.tz);
  const res = await client.chat.completions.create({
    model: llm.model,
    temperature: 0,
    messages: [
      { role: 'system', content: `${noteExtractionPrompt}\nNow: ${nowText} (${turn.tz}).` },
      { role: 'user', content: text },
    ],
    tools: [{ type: 'function', function: { name: NOTE_FUNCTION, description: 'Record a visit note as structured fields', parameters: z.toJSONSchema(LlmNoteArgs) as Record<string, unknown> } }],
    tool_choice: { type: 'function', function: { name: NOTE_FUNCTION } },
  });
  const call = res.choices[0]?.message?.tool_calls?.find((c) => c.type === 'function' && c.function.name === NOTE_FUNCTION);
  if (call?.type !== 'function') reject('no call of the note function');
  let json: unknown;
  try {
    json = JSON.parse(call.function.arguments);
  } catch {
    reject('arguments are not JSON');
  }
  const args = LlmNoteArgs.safeParse(json);
  if (!args.success) reject(`arguments do not fit the schema: ${args.error.issues[0]?.path.join('.')}`);
  return args.data;
}

/**
 * The LLM's draft of the note, or undefined (the caller then uses the offline draft) when the call
 * fails or anything in it does not check out. Also returns the account the model named when the
 * text alone named none that the resolver could find.
 */
export async function extractWithLlm(turn: TurnContext, text: string, ctx: LlmContext): Promise<{ draft: NoteDraft; account?: AccountFinding } | undefined> {
  try {
    const args = await callNoteFunction(turn, text);
    let account: AccountFinding | undefined;
    if (args.account) {
      if (!occurs(text, args.account)) reject('an account the note does not mention');
      const m = await resolveAccountArg(turn.app.db, turn.user.id, args.account);
      if (m.kind !== 'found') reject('an account the user cannot see or that does not exist');
      if (ctx.account.kind === 'found' && ctx.account.account.id !== m.account.id) reject('an account other than the one the note names');
      if (ctx.account.kind !== 'found') account = { kind: 'found', account: { id: m.account.id, name: m.account.name }, how: 'mentioned' };
    }
    const draft = draftFromLlm({ text, args, now: turn.now, tz: turn.tz, known: ctx.known, competitors: ctx.competitors, offline: ctx.offline });
    return { draft, account };
  } catch (e) {
    const reason = e instanceof LlmNoteRejected ? e.message : `call failed: ${(e as Error).message}`;
    turn.app.log.warn({ noteExtraction: 'llm', fallback: 'offline', reason }, 'LLM note extraction not used');
    return undefined;
  }
}
