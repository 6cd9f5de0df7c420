// Keyword scoring for offline triggers. Chinese words match as substrings; English words match
// whole words (with an optional plural s), so "contract" also finds "contracts".
import type { Utterance } from './utterance.ts';

export interface Keywords {
  zh: string[];
  en: string[];
}

const reCache = new Map<string, RegExp>();
function enRegex(word: string): RegExp {
  let re = reCache.get(word);
  if (!re) {
    const esc = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    re = new RegExp(`(^|[^a-z])${esc}(s|es)?($|[^a-z])`);
    reCache.set(word, re);
  }
  return re;
}

/** Whether one keyword occurs in the text. */
export function contains(text: string, word: string): boolean {
  if (/[\u3400-\u9fff]/.test(word)) return text.includes(word);
  return enRegex(word).test(text);
}

/** How many of the words occur in the message (outside the account name). */
export function countHits(u: Utterance, words: Keywords): number {
  let n = 0;
  for (const w of words.zh) if (u.rest.includes(w)) n++;
  for (const w of words.en) if (enRegex(w).test(u.rest)) n++;
  return n;
}

/** Whether any of the words occur in the message (outside the account name). */
export function any(u: Utterance, words: Keywords | string[]): boolean {
  const list = Array.isArray(words) ? words : [...words.zh, ...words.en];
  return list.some((w) => contains(u.rest, w));
}

/** Asking about several accounts at once ("哪些客户", "my accounts") rather than one. */
export const LIST_MARKERS: Keywords = {
  zh: ['哪些客户', '哪几个客户', '哪些账户', '哪家客户', '哪几家', '哪些公司', '我的客户', '我们的客户', '团队', '名下', '所有客户', '全部客户', '客户列表', '客户清单', '有哪些客户', '负责的客户'],
  en: ['which accounts', 'which customers', 'which clients', 'my accounts', 'my customers', 'my clients', 'our accounts', 'our customers', 'team', 'all accounts', 'all customers', 'list accounts', 'accounts that', 'accounts with', 'customers with', 'customers that', 'any accounts', 'any customers'],
};

export function isListQuestion(u: Utterance): boolean {
  return any(u, LIST_MARKERS);
}

/**
 * "我的商机", "all open tickets", "across my accounts", "未来90天有哪些合同到期?": the user's whole book,
 * not the last account. A question asking "which ones" without naming an account asks across it.
 */
const OWN_BOOK = /我的|我们的|我名下|我负责|所有|全部|哪些|哪几|哪个客户|哪家|几个客户|多少个?客户|有没有人|有人|有谁|\b(my|our|all|across|every|which|any|how many|anyone|anybody|someone|somebody)\b/;

export function asksAboutWholeBook(u: Utterance): boolean {
  return isListQuestion(u) || OWN_BOOK.test(u.rest);
}
