// Contact lookup: a person by name (刘建国), by surname and title (王总, 刘总工) or pinyin, among
// the contacts of visible accounts; or every contact of one account.
import { z } from 'zod';
import { accountTexts } from '../../../prompts/conversation/accounts.ts';
import { ATTITUDE, DECISION_ROLE, LEVEL, label } from '../../../prompts/conversation/labels.ts';
import { t } from '../../../prompts/index.ts';
import { daysBetween, toIsoDate } from '../../domain/time.ts';
import type { Attitude, Contact } from '../../domain/types.ts';
import { getVisibleAccounts } from '../../store/accounts.ts';
import { accountContacts } from '../../store/contacts.ts';
import { lastContactTouch } from '../../store/interactions.ts';
import { any, countHits } from '../../nlu/keywords.ts';
import type { Utterance } from '../../nlu/utterance.ts';
import type { Tool } from '../../tools/types.ts';
import { AccountProblem, accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';
import { contactArg, contactsFor } from '../../tools/contact-arg.ts';
import { ago, personLabel } from '../../tools/interactions.ts';

const input = z.object({
  name: contactArg.optional().describe('The person to look up; omit to list all contacts of the account'),
  account: accountArg.optional().describe('Limit to this account'),
  attitude: z.enum(['supporter', 'neutral', 'opponent']).optional().describe("Listing an account's contacts: only those with this attitude towards us"),
  role: z.string().min(1).max(20).optional().describe("Listing an account's contacts: only those whose title or department has this (采购, 采购中心主任, 总工程师)"),
});

interface ContactView {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  decisionRole: string | null;
  level: string | null;
  attitude: string | null;
  phone: string | null;
  email: string | null;
  active: boolean;
  account: AccountRef;
  lastContact: string | null;
  daysSince: number | null;
}

interface Output {
  name?: string;
  account?: AccountRef;
  attitude?: Attitude;
  role?: string;
  contacts: ContactView[];
}

const INFO_WORDS = {
  zh: ['电话', '手机', '手机号', '联系方式', '号码', '邮箱', '邮件地址', '怎么联系'],
  en: ['phone', 'phone number', 'mobile', 'email address', 'contact details', 'contact info', 'number', 'reach'],
};
const WHO_WORDS = { zh: ['是谁', '谁是', '什么职位', '职位', '职务', '哪个部门', '什么人', '背景', '是做什么的'], en: ['who is', "who's", 'title', 'position', 'role of', 'department'] };
const LIST_WORDS = { zh: ['联系人', '对接人', '通讯录'], en: ['contacts', 'contact list', 'people at', 'who do we know'] };
/** "谁是支持我们的", "who opposes us": a list of an account's contacts by attitude. */
const ATTITUDE_FILTER: { attitude: Attitude; re: RegExp }[] = [
  { attitude: 'opponent', re: /反对|不支持|对立|唱反调|\b(oppos\w*|against us|opponents?)\b/ },
  { attitude: 'supporter', re: /支持|站在我们|挺我们|\b(support\w*|on our side|champions?|allies)\b/ },
  { attitude: 'neutral', re: /中立|\bneutral\b/ },
];
const attitudeAsked = (rest: string) => ATTITUDE_FILTER.find((f) => f.re.test(rest))?.attitude;
const ATTITUDE_WORDS = /态度|立场|看法|怎么看|支持我们|反对我们|attitude|stance|think of us|feel about/;
const TIMING_WORDS = ['上次', '最近一次', '什么时候', '哪天', 'last', 'when'];

/** Words of a title or a department (采购中心主任, 技术部, 总工): a question about the people in that role. */
const ROLE_WORD = /采购|技术|设备|财务|工程|物资|生产|安全|质量|商务|信息|机电|项目|研发|行政|人事|法务|总工|总经理|经理|主任|部长|处长|科长|总监|主管|专员|工程师|董事长|副总|厂长|书记|负责人/;
/** What is left of the question around the role: 的, 是谁, 有哪些, 联系人, 部门 ... */
const ROLE_FILLER = /是谁|谁是|谁|哪位|哪几位|有哪些|有没有|是哪个|叫什么|名字|联系人|对接人|的人|人员|部门|吗|呢|[的？?。,，!！\s]/g;
/** English role words, read as the Chinese that titles and departments are recorded in. */
const EN_ROLES: [RegExp, string][] = [
  [/\b(procurement|purchasing|buyer)\b/, '采购'],
  [/\bchief engineer\b/, '总工'],
  [/\b(technical|technology|engineering)\b/, '技术'],
  [/\bequipment\b/, '设备'],
  [/\b(finance|financial)\b/, '财务'],
  [/\b(general manager|gm|ceo)\b/, '总经理'],
];

/** The title or department a question asks about at an account ("采购中心主任是谁" → 采购中心主任, "采购负责人" → 采购). */
export function rolePhrase(rest: string): string | undefined {
  const en = EN_ROLES.find(([re]) => re.test(rest));
  if (en) return en[1];
  // Our own team's roles (客户经理 AR, 交付经理 FR, 售前 SR) are the account team's question.
  if (!ROLE_WORD.test(rest) || /客户经理|交付经理|解决方案|售前|销售|我们的|我方|account manager|delivery manager/.test(rest)) return undefined;
  const left = rest.replace(ROLE_FILLER, '').replace(/负责人$/, '');
  return left && left.length <= 10 && /^[\u4e00-\u9fff]+$/.test(left) ? left : undefined;
}

/** The contacts in a role: the title as asked, else title or department containing it, else its function word. */
function inRole(contacts: Contact[], role: string): Contact[] {
  const has = (c: Contact, w: string) => !!c.title?.includes(w) || !!c.department?.includes(w);
  const exact = contacts.filter((c) => c.title === role);
  if (exact.length) return exact;
  const containing = contacts.filter((c) => has(c, role));
  if (containing.length) return containing;
  const fn = ROLE_WORD.exec(role)?.[0];
  return fn && fn !== role ? contacts.filter((c) => has(c, fn)) : [];
}

/** The message without the account's name (but with any title the people finder took for a name). */
const roleText = (u: Utterance) => (u.mention.kind === 'found' ? u.norm.replace(u.mention.span.toLowerCase(), ' ') : u.norm);

/** The message names a contact on record (not just a form that looks like one). */
const knownPerson = (u: Utterance) => u.people.some((p) => p.contacts.length > 0);

export const contactLookupTool: Tool<typeof input, Output> = {
  name: 'contact_lookup',
  description: "Looks up contacts by name (full name, surname+title like 王总, or pinyin) with title, role, attitude, phone, email and last contact; or lists an account's contacts.",
  input,
  examples: { zh: ['{contact}的电话是多少?', '{account}有哪些联系人?'], en: ["What's {contact}'s phone number?", 'Contacts at {account}'] },
  async run(ctx, args) {
    const account = args.account ? await accountFor(ctx, args.account) : undefined;
    // Neither a person nor an account: the engine asks which account.
    if (!args.name && !account) throw new AccountProblem({ kind: 'none' });
    const listed = args.name ? await contactsFor(ctx, args.name, account?.id) : await accountContacts(ctx.app.db, ctx.user.id, account!.id);
    const byAttitude: Contact[] = !args.name && args.attitude ? listed.filter((c) => c.attitude === args.attitude) : listed;
    const contacts = !args.name && args.role ? inRole(byAttitude, args.role) : byAttitude;
    const touch = await lastContactTouch(ctx.app.db, ctx.user.id, contacts.map((c) => c.id), ctx.now);
    const names = new Map((await getVisibleAccounts(ctx.app.db, ctx.user.id, [...new Set(contacts.map((c) => c.account_id))])).map((a) => [a.id, ref(a)]));
    const today = toIsoDate(ctx.now, ctx.tz);
    return {
      name: args.name,
      account: account ? ref(account) : undefined,
      attitude: args.name ? undefined : args.attitude,
      role: args.name ? undefined : args.role,
      contacts: contacts.map((c) => {
        const last = touch.get(c.id);
        const lastContact = last ? toIsoDate(last, ctx.tz) : null;
        return {
          id: c.id,
          name: c.name,
          title: c.title,
          department: c.department,
          decisionRole: c.decision_role,
          level: c.level,
          attitude: c.attitude,
          phone: c.phone,
          email: c.email,
          active: c.active,
          account: names.get(c.account_id) ?? { id: c.account_id, name: c.account_id },
          lastContact,
          daysSince: lastContact ? daysBetween(lastContact, today) : null,
        };
      }),
    };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    if (!out.contacts.length) {
      if (out.name) return { lang, text: t(accountTexts, 'contactNone', lang, { name: out.name }) };
      if (out.role) return { lang, text: t(accountTexts, 'contactListRoleNone', lang, { account: out.account?.name ?? '', role: out.role }) };
      if (out.attitude) return { lang, text: t(accountTexts, 'contactListAttitudeNone', lang, { account: out.account?.name ?? '', attitude: label(ATTITUDE, out.attitude, lang) }) };
      return { lang, text: t(accountTexts, 'contactListNone', lang, { account: out.account?.name ?? '' }) };
    }
    const head = out.name
      ? t(accountTexts, 'contactHead', lang, { count: out.contacts.length })
      : out.role
        ? t(accountTexts, 'contactListRole', lang, { account: out.account!.name, role: out.role, count: out.contacts.length })
        : out.attitude
        ? t(accountTexts, 'contactListAttitude', lang, { account: out.account!.name, attitude: label(ATTITUDE, out.attitude, lang), count: out.contacts.length })
        : t(accountTexts, 'contactListHead', lang, { account: out.account!.name, count: out.contacts.length });
    const sep = lang === 'zh' ? '/' : '/';
    const lines = out.contacts.map((c) =>
      t(accountTexts, 'contactLine', lang, {
        person: personLabel(c, lang) + (c.active ? '' : t(accountTexts, 'contactInactive', lang)),
        account: c.account.name,
        department: c.department ? ` ${c.department}` : '',
        role: label(DECISION_ROLE, c.decisionRole, lang) || '-',
        level: c.level ? sep + label(LEVEL, c.level, lang) : '',
        attitude: c.attitude ? sep + label(ATTITUDE, c.attitude, lang) : '',
        reach: (c.phone ? t(accountTexts, 'phone', lang, { phone: c.phone }) : '') + (c.email ? t(accountTexts, 'email', lang, { email: c.email }) : ''),
        last: (lang === 'zh' ? ',' : ', ') + (c.lastContact ? t(accountTexts, 'lastContact', lang, { date: c.lastContact, ago: ago(c.daysSince!, lang) }) : t(accountTexts, 'neverContacted', lang)),
      }),
    );
    const citations = out.contacts.map((c) => ({ source: 'contact' as const, id: c.id, date: c.lastContact ?? undefined, accountId: c.account.id }));
    return { lang, title: head, text: [head, ...lines].join('\n'), sections: [{ title: head, lines }], citations };
  },
  subjectAccount: (out) => out.account?.id ?? (new Set(out.contacts.map((c) => c.account.id)).size === 1 ? out.contacts[0]?.account.id : undefined),
  offline: {
    account: 'optional',
    keywords: { zh: [...INFO_WORDS.zh, ...WHO_WORDS.zh, ...LIST_WORDS.zh], en: [...INFO_WORDS.en, ...WHO_WORDS.en, ...LIST_WORDS.en] },
    score(u) {
      const person = u.people.length > 0;
      const timing = any(u, TIMING_WORDS);
      let s = 0;
      if (countHits(u, INFO_WORDS) && !timing) s = Math.max(s, 2 + (person ? 0.5 : 0));
      if (person && countHits(u, WHO_WORDS)) s = Math.max(s, 2.5);
      if (countHits(u, LIST_WORDS)) s = Math.max(s, 1.5);
      // "吴刚对我们什么态度": a question about one person, not their account's decision chain.
      if (person && ATTITUDE_WORDS.test(u.rest)) s = Math.max(s, 3);
      if (person && !s) s = 1;
      // "西山矿业谁反对我们": the account's contacts of that attitude.
      if (!person && u.mention.kind === 'found' && attitudeAsked(u.rest) && /谁|哪些|哪位|\bwho\b|\bwhich\b|联系人|\bcontacts\b/.test(u.rest)) s = Math.max(s, 4);
      // "西山矿业的采购中心主任是谁", "采购部门的联系人", "who is the procurement manager at X".
      if (!knownPerson(u) && u.mention.kind === 'found' && rolePhrase(roleText(u)) && /谁|哪些|哪位|联系人|对接人|负责人|\bwho\b|\bcontacts?\b/.test(u.rest)) s = Math.max(s, 3.5);
      return s;
    },
    input(u, accountId) {
      // A role at a named account is not a person's name ("采购中心主任是谁" once read as 心主任).
      const role = !knownPerson(u) && u.mention.kind === 'found' ? rolePhrase(roleText(u)) : undefined;
      const person = role ? undefined : u.people[0];
      const name = person ? (person.contacts.length === 1 ? person.contacts[0].id : person.text) : undefined;
      return { name, account: name && u.mention.kind !== 'found' ? undefined : accountId, attitude: name ? undefined : attitudeAsked(u.rest), role };
    },
  },
};
