// Which visible account a message is about. Reused by every turn that names an account (questions,
// visit notes). Only the names the user may see are ever considered, so an account they may not
// see behaves exactly like one that does not exist: never matched, never suggested.
import type { Db } from '../../db/index.ts';
import { getVisibleAccount, visibleAccountNamesByLatin, visibleAccountNamesSharing } from '../store/accounts.ts';
import { candidatePairs, matchAccounts, nameSimilarity, nameWords, suggestionFragments, type AccountHit, type AccountName } from './account-match.ts';
import { latinFragments } from './pinyin.ts';
import { leftoverName } from './leftover.ts';
import { normalize } from './normalize.ts';

export type { AccountName } from './account-match.ts';

export type AccountMention =
  /** One account, the most specific match (华东一公司 → the subsidiary, not its group). */
  | { kind: 'found'; account: AccountName; span: string; hits: AccountHit[]; others: AccountName[] }
  /** Several visible accounts match equally well: ask which. */
  | { kind: 'ambiguous'; span: string; candidates: AccountName[] }
  /** Something account-like that no visible account matches; suggestions are the closest visible names. */
  | { kind: 'not_found'; span: string; suggestions: AccountName[] }
  /** Nothing in the text names an account. */
  | { kind: 'none' };

export interface ResolveOptions {
  /** Question words to ignore when looking for an unknown name (tools' keywords). */
  vocabulary?: { zh: string[]; en: string[] };
  /** Report `not_found` for leftover text (default true). Visit notes may prefer `none`. */
  detectUnknown?: boolean;
  /** Names to match against, when the caller has them already (saves a query). */
  names?: AccountName[];
}

const MAX_CANDIDATES = 5;

function isAncestor(a: AccountName, b: AccountName, byId: Map<string, AccountName>): boolean {
  const seen = new Set<string>();
  for (let p = b.parent_id; p && !seen.has(p); p = byId.get(p)?.parent_id ?? null) {
    if (p === a.id) return true;
    seen.add(p);
  }
  return false;
}

/** Picks the mention from scored hits: the single best, or the group when a partial name fits a group and its own subsidiaries equally. */
export function decideMention(hits: AccountHit[], names: AccountName[], norm: string): AccountMention {
  if (!hits.length) return { kind: 'none' };
  const top = hits[0];
  const tied = hits.filter((h) => h.score === top.score);
  const span = norm.slice(top.start, top.end);
  const others = (chosen: AccountHit) =>
    hits.filter((h) => h.account.id !== chosen.account.id && (h.end <= chosen.start || h.start >= chosen.end) && h.exact).map((h) => h.account);
  if (tied.length === 1) return { kind: 'found', account: top.account, span, hits, others: others(top) };
  const byId = new Map(names.map((n) => [n.id, n]));
  const root = tied.find((h) => tied.every((o) => o === h || isAncestor(h.account, o.account, byId)));
  if (root) return { kind: 'found', account: root.account, span: norm.slice(root.start, root.end), hits, others: others(root) };
  return { kind: 'ambiguous', span, candidates: tied.slice(0, MAX_CANDIDATES).map((h) => h.account) };
}

/** The visible accounts closest to a name nobody matched (by shared characters or pinyin). */
export function closestNames(span: string, names: AccountName[], limit = 3): AccountName[] {
  return names
    .map((n) => ({ n, s: nameSimilarity(span, n) }))
    .filter((x) => x.s >= 0.5)
    .sort((a, b) => b.s - a.s || a.n.name.localeCompare(b.n.name))
    .slice(0, limit)
    .map((x) => x.n);
}

/**
 * The visible accounts a text could mention, found in SQL: names sharing a two-character run with
 * the Chinese of the text, and names whose stored pinyin keys contain its Latin words.
 */
export async function candidateNames(db: Db, userId: string, norm: string): Promise<AccountName[]> {
  const pairs = candidatePairs(norm);
  const fragments = latinFragments(nameWords(norm));
  const [han, latin] = await Promise.all([
    pairs.length ? visibleAccountNamesSharing(db, userId, pairs) : [],
    fragments.length ? visibleAccountNamesByLatin(db, userId, fragments) : [],
  ]);
  if (!latin.length) return han;
  const byId = new Map([...han, ...latin].map((a) => [a.id, a]));
  return [...byId.values()];
}

/** Accounts compared for "did you mean": those sharing the most with the unmatched name. */
const SUGGESTION_CANDIDATES = 50;

/** The visible accounts closest to a name nobody matched, looked up by what they share with it. */
export async function suggestAccounts(db: Db, userId: string, span: string): Promise<AccountName[]> {
  const { han, latin } = suggestionFragments(span);
  const [a, b] = await Promise.all([
    han.length ? visibleAccountNamesSharing(db, userId, han, SUGGESTION_CANDIDATES) : [],
    latin.length ? visibleAccountNamesByLatin(db, userId, latin, SUGGESTION_CANDIDATES) : [],
  ]);
  return closestNames(span, [...new Map([...a, ...b].map((x) => [x.id, x])).values()]);
}

/** Resolves the account a message mentions, among the accounts `userId` may see. */
export async function resolveAccountMention(db: Db, userId: string, text: string, opts: ResolveOptions = {}): Promise<AccountMention> {
  const norm = normalize(text);
  const names = opts.names ?? (await candidateNames(db, userId, norm));
  const mention = decideMention(matchAccounts(names, norm), names, norm);
  if (mention.kind !== 'none' || opts.detectUnknown === false) return mention;
  const span = leftoverName(text, opts.vocabulary ?? { zh: [], en: [] });
  if (!span) return mention;
  return { kind: 'not_found', span, suggestions: opts.names ? closestNames(span, opts.names) : await suggestAccounts(db, userId, span) };
}

/**
 * Resolves an account given as an id or a name (a tool argument from the LLM or a button):
 * an exact visible id wins, otherwise the text is matched like a message.
 */
export async function resolveAccountArg(db: Db, userId: string, value: string): Promise<AccountMention> {
  const byId = await getVisibleAccount(db, userId, value.trim());
  if (byId) return { kind: 'found', account: byId, span: value, hits: [], others: [] };
  const mention = await resolveAccountMention(db, userId, value, { detectUnknown: false });
  if (mention.kind === 'none') return { kind: 'not_found', span: value.trim(), suggestions: await suggestAccounts(db, userId, value) };
  return mention;
}
