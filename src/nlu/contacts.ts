// People named in a message: full names (刘建国), surname + title forms (王总, 刘总工, 谢院长,
// 孙部长), and pinyin renderings ("Liu Jianguo", "Mr. Ma"). Only contacts of visible accounts.
import type { Db } from '../../db/index.ts';
import type { Contact } from '../domain/types.ts';
import { contactsByNamePrefix, contactsNamedIn, visibleContacts } from '../store/contacts.ts';
import { latinWords, normalize } from './normalize.ts';
import { syllables } from './pinyin.ts';

/** Title words after a surname, longest first, with what the contact's title must contain. */
const TITLE_FORMS: { form: string; title: RegExp; executive?: boolean }[] = [
  { form: '总工程师', title: /总工/ },
  { form: '总经理', title: /总经理/ },
  { form: '董事长', title: /董事长/ },
  { form: '总工', title: /总工/ },
  { form: '总裁', title: /总裁/ },
  { form: '总监', title: /总监/ },
  { form: '院长', title: /院长/ },
  { form: '部长', title: /部长/ },
  { form: '处长', title: /处长/ },
  { form: '局长', title: /局长/ },
  { form: '主任', title: /主任/ },
  { form: '书记', title: /书记/ },
  { form: '科长', title: /科长/ },
  { form: '经理', title: /经理/ },
  { form: '主管', title: /主管/ },
  { form: '总', title: /总|首席|董事长|CEO|CTO|CFO/i, executive: true },
];
// 汇总 / 加总 ("sum up") are words, not a Mr. Hui or Mr. Jia.
const NOT_SURNAME = /[副老小大总的是和跟与见了个位这那该我你他她汇加]/;
// 客户经理, 项目经理, 交付总监: a role, not a Mr. Hu or a Mr. Fu (the character before the title ends a role word).
const ROLE_WORD = /(客户|项目|产品|交付|服务|销售|方案|商务|财务|采购|售前|售后|区域|大区|渠道|运营|技术|市场|行政|人事|部门|实施)$/;
// 合同总金额, 商机总额, 订单总数: a total, not a Mr. Tong or a Mr. Ji.
const NOT_A_TITLE_AFTER_ZONG = '(?!额(?!外)|金额|数|量|值|体)';
const TITLE_RE = new RegExp(`([\\u4e00-\\u9fff])(${TITLE_FORMS.map((f) => (f.form === '总' ? `总${NOT_A_TITLE_AFTER_ZONG}` : f.form)).join('|')})`, 'g');

export interface ContactRef {
  /** As written: 王总, 刘建国, Liu Jianguo. */
  text: string;
  contacts: Contact[];
}

/** Surname + title forms in a text: [{ surname: '王', form: '总', text: '王总' }]. */
export function titleForms(text: string): { surname: string; form: string; text: string }[] {
  const out: { surname: string; form: string; text: string }[] = [];
  for (const m of text.matchAll(TITLE_RE)) {
    if (NOT_SURNAME.test(m[1]) || ROLE_WORD.test(text.slice(Math.max(0, m.index! - 1), m.index! + 1))) continue;
    out.push({ surname: m[1], form: m[2], text: m[0] });
  }
  return out;
}

function fitsTitle(c: Contact, form: string): boolean {
  const f = TITLE_FORMS.find((x) => x.form === form)!;
  return f.title.test(c.title ?? '') || (!!f.executive && c.level === 'executive');
}

const pinyinCache = new Map<string, string[]>();
function namePinyin(name: string): string[] {
  let p = pinyinCache.get(name);
  if (!p) {
    p = syllables(name);
    pinyinCache.set(name, p);
  }
  return p;
}

/** Contacts a Latin text names: "liu jianguo", "jianguo liu", "liujianguo", "mr. liu"/"manager sun" (surname only). */
function latinMatches(norm: string, candidates: Contact[]): ContactRef[] {
  const words = latinWords(norm).map((w) => w.word);
  if (!words.length) return [];
  const refs: ContactRef[] = [];
  for (const c of candidates) {
    const py = namePinyin(c.name);
    if (py.length < 2) continue;
    const surname = py[0];
    const given = py.slice(1).join('');
    const joined = words.join(' ');
    const forms = [`${surname} ${given}`, `${given} ${surname}`, `${surname}${given}`];
    const full = forms.find((f) => new RegExp(`(^|\\s)${f}($|\\s)`).test(joined));
    const honorific = new RegExp(`(^|\\s)(mr|mrs|ms|miss|dr|director|manager|president|chairman|engineer|boss)\\.?\\s+${surname}($|\\s)`).exec(joined);
    if (full) refs.push({ text: full, contacts: [c] });
    else if (honorific) refs.push({ text: honorific[0].trim(), contacts: [c] });
  }
  // Several contacts sharing one written form ("mr. liu") are one ambiguous reference.
  const byText = new Map<string, ContactRef>();
  for (const r of refs) byText.set(r.text, { text: r.text, contacts: [...(byText.get(r.text)?.contacts ?? []), ...r.contacts] });
  return [...byText.values()];
}

/** Latin matching loads names to compare: only when the candidate set is small. */
const LATIN_CANDIDATE_LIMIT = 3000;

/** People named in Latin letters ("Liu Jianguo", "Mr. Ma"), among the contacts of one account or, for a small book, of all visible ones. */
export async function findLatinContactMentions(db: Db, userId: string, text: string, accountId?: string): Promise<ContactRef[]> {
  const norm = normalize(text);
  if (!/[a-z]{2,}/.test(norm)) return [];
  const candidates = await visibleContacts(db, userId, accountId, LATIN_CANDIDATE_LIMIT + 1);
  return candidates.length <= LATIN_CANDIDATE_LIMIT ? latinMatches(norm, candidates) : [];
}

/** The people a message names, among contacts of visible accounts (of one account, when given). */
export async function findContactMentions(db: Db, userId: string, text: string, accountId?: string, opts: { latin?: boolean } = {}): Promise<ContactRef[]> {
  const norm = normalize(text);
  const refs: ContactRef[] = [];
  const full = await contactsNamedIn(db, userId, norm, accountId);
  const covered = new Set<string>();
  for (const c of full) {
    if ([...covered].some((n) => n.includes(c.name))) continue;
    covered.add(c.name);
    refs.push({ text: c.name, contacts: full.filter((x) => x.name === c.name) });
  }
  for (const tf of titleForms(norm)) {
    if ([...covered].some((n) => n.startsWith(tf.surname) && norm.includes(n))) continue;
    const sameSurname = await contactsByNamePrefix(db, userId, tf.surname, accountId);
    const fitting = sameSurname.filter((c) => fitsTitle(c, tf.form));
    refs.push({ text: tf.text, contacts: fitting.length ? fitting : [] });
  }
  if (opts.latin !== false) refs.push(...(await findLatinContactMentions(db, userId, norm, accountId)));
  return refs;
}
