// The offline engine: deterministic, no network. Analyses the message once, lets every tool's
// offline trigger score it, fills the account from the mention or the chat context, and runs the
// best tool. Asks back (with buttons) rather than guessing when the account is unclear.
import type { Reply } from '../chat/types.ts';
import { getVisibleAccount } from '../store/accounts.ts';
import { ambiguousReply, notFoundReply, whichAccountReply } from './clarify.ts';
import { resolveAccountMention, type AccountMention } from '../nlu/accounts.ts';
import { findContactMentions, findLatinContactMentions, type ContactRef } from '../nlu/contacts.ts';
import { asksAboutWholeBook, isListQuestion, LIST_MARKERS, type Keywords } from '../nlu/keywords.ts';
import { analyzeUtterance, type Utterance } from '../nlu/utterance.ts';
import { findUserMentions, type UserRef } from '../nlu/users.ts';
import { normalize } from '../nlu/normalize.ts';
import { accountRegions } from '../store/accounts.ts';
import { contactsByIds } from '../store/contacts.ts';
import { runTool } from './run-tool.ts';
import { toolByName, tools } from './tools/index.ts';
import type { Tool } from '../tools/types.ts';
import type { TurnContext } from './types.ts';

/** Below this score nothing was recognised. */
const MIN_SCORE = 1;
const OVERVIEW_TOOL = 'account_overview';
const HELP_TOOL = 'help';

/** Every tool's keywords: question words, never part of an unknown account name. */
export function questionVocabulary(): Keywords {
  const zh = new Set<string>(LIST_MARKERS.zh);
  const en = new Set<string>(LIST_MARKERS.en);
  for (const tool of tools) {
    for (const w of tool.offline?.keywords.zh ?? []) zh.add(w);
    for (const w of tool.offline?.keywords.en ?? []) en.add(w);
  }
  return { zh: [...zh], en: [...en] };
}

/** Scores every tool against the message; best first. */
export function rankTools(u: Utterance): { tool: Tool<any, any>; score: number }[] {
  return tools
    .filter((tool) => tool.offline)
    .map((tool) => ({ tool, score: tool.offline!.score(u) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
}

/** The one account every person named belongs to, if there is one. */
function accountOfPeople(people: ContactRef[]): string | undefined {
  const accounts = new Set(people.flatMap((p) => p.contacts.map((c) => c.account_id)));
  return accounts.size === 1 ? [...accounts][0] : undefined;
}

export interface OfflineOptions {
  /** The account chosen with a button or a short reply (skips resolution). */
  accountId?: string;
  /** Answer with this tool (a choice answering an earlier question). */
  toolName?: string;
}

/** "华东区的客户", "华北地区": regions accounts are filed under, named with a region word. */
const REGION_MARK = /(区|地区|片区|大区|区域|region)/;
async function regionsIn(turn: TurnContext, norm: string): Promise<string[]> {
  if (!REGION_MARK.test(norm)) return [];
  const regions = await accountRegions(turn.app.db);
  return regions.filter((r) => new RegExp(`${r.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(区|地区|片区|大区|区域|region)`).test(norm));
}

async function mentionFor(turn: TurnContext, text: string, opts: OfflineOptions, people: ContactRef[], users: UserRef[] = []): Promise<AccountMention> {
  if (opts.accountId) {
    const account = await getVisibleAccount(turn.app.db, turn.user.id, opts.accountId);
    if (account) return { kind: 'found', account, span: '', hits: [], others: [] };
    return { kind: 'none' };
  }
  const vocabulary = questionVocabulary();
  // Names of people are not unknown account names.
  vocabulary.zh.push(...people.map((p) => p.text), ...users.map((x) => x.text));
  vocabulary.en.push(...people.map((p) => p.text), ...users.map((x) => x.text));
  return resolveAccountMention(turn.app.db, turn.user.id, text, { vocabulary });
}

/**
 * "他的电话是多少", "when did we last meet her?": one person, not their account ("他们", "他家").
 * Answered about the last person a reply was about, while the chat stays on that person's account.
 */
const PERSON_BACK_REFERENCE = /他(?![们家])|她(?![们家])|此人|这个人|这位|\b(he|she|him|his|her|hers)\b/;

/** The person of the previous turn, when this message points back at one and names nobody. */
async function rememberedPerson(turn: TurnContext, norm: string): Promise<ContactRef | undefined> {
  const id = turn.context.lastContactId;
  const pronoun = PERSON_BACK_REFERENCE.exec(norm);
  if (typeof id !== 'string' || !pronoun) return undefined;
  const [contact] = await contactsByIds(turn.app.db, turn.user.id, [id]);
  // The pronoun stands for the name: it is no topic or unknown name ("和他聊了什么").
  return contact && contact.account_id === turn.context.lastAccountId ? { text: pronoun[0], contacts: [contact] } : undefined;
}

async function helpReply(turn: TurnContext, reason: 'asked' | 'not_understood'): Promise<Reply> {
  const help = toolByName(HELP_TOOL)!;
  const run = await runTool(turn, help, { reason });
  if (run.kind !== 'ok') throw new Error('help tool failed');
  return run.reply;
}

export async function answerOffline(turn: TurnContext, text: string, opts: OfflineOptions = {}): Promise<Reply> {
  if (!text.trim() && !opts.accountId) return helpReply(turn, 'asked');
  const norm = normalize(text);
  const [hanPeople, users, regions] = await Promise.all([findContactMentions(turn.app.db, turn.user.id, text, undefined, { latin: false }), findUserMentions(turn.app.db, text), regionsIn(turn, norm)]);
  let mention = await mentionFor(turn, text, opts, hanPeople, users);
  // "华东区的客户": the region word is not a partial account name (中建华东).
  if (mention.kind === 'found' && regions.some((r) => mention.kind === 'found' && mention.span === r.toLowerCase())) mention = { kind: 'none' };
  // Names in Latin letters are looked for after the account: among its contacts when there is one.
  const latinPeople = await findLatinContactMentions(turn.app.db, turn.user.id, text, mention.kind === 'found' ? mention.account.id : undefined);
  // A contact's name inside the account's own name (高鹏 in 东北高鹏路桥) names the account, not the person.
  const outside = mention.kind === 'found' ? norm.split(mention.span).join(' ') : norm;
  const people = [...hanPeople.filter((p) => outside.includes(p.text.toLowerCase())), ...latinPeople];
  const named = people.length > 0;
  if (!named && mention.kind !== 'found' && mention.kind !== 'ambiguous') {
    const back = await rememberedPerson(turn, norm);
    if (back) {
      people.push(back);
      if (mention.kind === 'not_found') mention = { kind: 'none' };
    }
  }
  // "Who is Liu Jianguo?": the words taken for an unknown account were a person's name.
  if (mention.kind === 'not_found' && latinPeople.some((p) => mention.kind === 'not_found' && (mention.span.includes(p.text) || p.text.includes(mention.span)))) mention = { kind: 'none' };
  // The account of the people named ("上次见刘总…", "What did we last send David Kim?"): a person
  // named pins the account, over a leftover word taken for an unknown name and over the last account.
  const personAccount = mention.kind === 'found' || mention.kind === 'ambiguous' ? undefined : accountOfPeople(people);
  if (personAccount && mention.kind === 'not_found') mention = { kind: 'none' };
  const u = analyzeUtterance(text, turn.lang, turn.now, turn.tz, mention, people, { users, regions });
  const ranked = rankTools(u);
  let tool = opts.toolName ? toolByName(opts.toolName) : undefined;
  if (!tool && ranked.length && ranked[0].score >= MIN_SCORE) tool = ranked[0].tool;
  // A bare account name ("中建华东") asks for its overview.
  if (!tool && (mention.kind === 'found' || mention.kind === 'ambiguous')) tool = toolByName(OVERVIEW_TOOL);
  if (!tool) return helpReply(turn, 'not_understood');
  const trigger = tool.offline;
  if (!trigger) return helpReply(turn, 'not_understood');

  let accountId: string | undefined;
  if (mention.kind === 'not_found' && trigger.unknownNamesAreTopics) mention = { kind: 'none' };
  if (trigger.account !== 'none') {
    if (mention.kind === 'found') accountId = mention.account.id;
    else if (personAccount) accountId = personAccount;
    else if (mention.kind === 'ambiguous') return ambiguousReply(turn, text, mention, tool.name);
    else if (mention.kind === 'not_found' && (trigger.account === 'required' || !isListQuestion(u))) {
      // Leftover words may just be an unusual phrasing; with a remembered account and a pronoun, use it.
      if (!(u.refersBack && turn.context.lastAccountId)) return notFoundReply(turn, text, mention, tool.name);
    }
    if (!accountId) {
      const useContext = trigger.account === 'required' || u.refersBack || !(asksAboutWholeBook(u) || trigger.asksAcrossBook?.(u));
      if (useContext && turn.context.lastAccountId) accountId = turn.context.lastAccountId;
    }
    // "他们的工单呢?" with nothing to refer to: ask rather than answer for every account.
    if (!accountId && (trigger.account === 'required' || u.refersBack)) return whichAccountReply(turn, text, tool.name);
  }

  const run = await runTool(turn, tool, trigger.input(u, accountId));
  if (run.kind === 'ok') {
    const subject = run.accountId ?? accountId;
    if (subject) turn.context.lastAccountId = subject;
    // The one person this turn was about, for "他的电话呢?" (forgotten when another person or an account is named; used only while the chat stays on their account).
    const person = people.length === 1 && people[0].contacts.length === 1 ? people[0].contacts[0] : undefined;
    if (person && person.account_id === turn.context.lastAccountId) turn.context.lastContactId = person.id;
    else if (named || mention.kind === 'found') delete turn.context.lastContactId;
    return run.reply;
  }
  if (run.kind === 'account_problem') {
    const m = run.problem.mention;
    if (m.kind === 'ambiguous') return ambiguousReply(turn, text, m, tool.name);
    if (m.kind === 'not_found') return notFoundReply(turn, text, m, tool.name);
    return whichAccountReply(turn, text, tool.name);
  }
  turn.app.log.warn({ tool: tool.name, problem: run.message }, 'offline trigger built an invalid tool input');
  return helpReply(turn, 'not_understood');
}
