// When did we last interact with an account: optionally executive-level only, of one type, or
// with one person; with the people met, the summary and the committed next step.
import { factLabels } from '../../../prompts/conversation/facts.ts';
import { z } from 'zod';
import { activityTexts } from '../../../prompts/conversation/activity.ts';
import { t } from '../../../prompts/index.ts';
import type { Citation } from '../../chat/types.ts';
import { accountContacts } from '../../store/contacts.ts';
import { accountInteractions } from '../../store/interactions.ts';
import { joinList } from '../../tools/format.ts';
import { any, countHits, isListQuestion } from '../../nlu/keywords.ts';
import type { Utterance } from '../../nlu/utterance.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';
import { ago, personLabel, typeLabel, viewInteractions, withContacts, type ContactBrief, type InteractionView } from '../../tools/interactions.ts';
import { contactArg, contactsFor } from '../../tools/contact-arg.ts';

const TYPES = ['visit', 'call', 'meeting', 'email', 'dinner', 'event', 'im'] as const;

const input = z.object({
  account: accountArg,
  executiveOnly: z.boolean().default(false).describe('Only interactions that involved an executive-level contact (高层)'),
  type: z.enum(TYPES).optional().describe('Only this kind of interaction'),
  contact: contactArg.optional().describe('Only interactions with this person (name or 王总-style form)'),
});

interface Output {
  account: AccountRef;
  executiveOnly: boolean;
  type?: string;
  contact?: string;
  interaction?: InteractionView;
  /** With no executive interaction on record: the executives one could meet. */
  executives?: ContactBrief[];
}

export const EXECUTIVE_WORDS = { zh: ['高层', '高管', '领导', '老总', '一把手', '董事长', '总经理', '总裁', 'ceo'], en: ['executive', 'exec', 'senior', 'c-level', 'leadership', 'top management', 'ceo', 'boss'] };
const LAST_WORDS = { zh: ['最近一次', '上一次', '上次', '最后一次', '最近'], en: ['last', 'latest', 'most recent', 'recently'] };
const CONTACT_WORDS = {
  zh: ['拜访', '见面', '见过', '见到', '见了', '见高层', '见', '互动', '联系', '沟通', '接触', '交流', '会面', '走访', '打电话', '通话', '电话'],
  en: ['meet', 'met', 'meeting', 'visit', 'visited', 'contact', 'contacted', 'talk', 'talked', 'spoke', 'speak', 'interaction', 'touch', 'call', 'called', 'saw', 'see', 'send', 'sent'],
};
const WHEN_WORDS = { zh: ['什么时候', '哪天', '哪一天', '何时', '几号', '多久', '多长时间'], en: ['when', 'what date', 'how long', 'which day'] };
const TYPE_WORDS: { type: (typeof TYPES)[number]; words: string[] }[] = [
  { type: 'call', words: ['打电话', '通电话', '电话', '通话', 'phone', 'call', 'called'] },
  { type: 'email', words: ['邮件', '发送', '发给', 'email', 'e-mail', 'mail', 'send', 'sent'] },
  { type: 'dinner', words: ['宴请', '晚宴', '吃饭', '饭局', '聚餐', 'dinner', 'lunch'] },
  { type: 'im', words: ['微信', '即时消息', 'wechat', 'message'] },
  { type: 'event', words: ['活动', '展会', 'event', 'exhibition'] },
];

function typeOf(u: Utterance): (typeof TYPES)[number] | undefined {
  // "meet" questions are about any contact; only an explicit medium narrows the type.
  return TYPE_WORDS.find((x) => any(u, x.words))?.type;
}

export const lastInteractionTool: Tool<typeof input, Output> = {
  name: 'last_interaction',
  description:
    'When the team last interacted with an account (visit, call, meeting, ...), optionally only with executive-level contacts, of one type, or with one person. Returns the date, people, summary and next step.',
  input,
  examples: {
    zh: ['{account}最近一次高层拜访是什么时候?', '上次和{account}联系是哪天?'],
    en: ['When did we last meet an executive at {account}?', 'Last call with {account}?'],
  },
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const contacts = args.contact ? await contactsFor(ctx, args.contact, account.id) : undefined;
    const found = await accountInteractions(ctx.app.db, ctx.user.id, account.id, {
      executiveOnly: args.executiveOnly,
      types: args.type ? [args.type] : undefined,
      contactId: contacts?.[0]?.id,
      until: ctx.now,
      limit: 1,
    });
    const [interaction] = await viewInteractions(ctx, found);
    const out: Output = { account: ref(account), executiveOnly: args.executiveOnly, type: args.type, contact: contacts?.[0]?.name ?? args.contact, interaction };
    if (!interaction && args.executiveOnly) {
      out.executives = (await accountContacts(ctx.app.db, ctx.user.id, account.id, { activeOnly: true })).filter((c) => c.level === 'executive').map((c) => ({ id: c.id, name: c.name, title: c.title, level: c.level }));
    }
    return out;
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const what = out.contact
      ? t(activityTexts, 'whatContact', lang, { contact: out.contact })
      : out.type
        ? t(activityTexts, 'whatType', lang, { type: typeLabel(out.type, lang) })
        : t(activityTexts, out.executiveOnly ? 'whatExec' : 'whatAny', lang);
    const i = out.interaction;
    if (!i) {
      const lines = [t(activityTexts, 'none', lang, { account: out.account.name, what })];
      if (out.executives?.length) lines.push(t(activityTexts, 'noneExecHint', lang, { contacts: joinList(out.executives.map((c) => personLabel(c, lang)), lang) }));
      return { lang, text: lines.join(lang === 'zh' ? '' : ' '), data: { tool: 'last_interaction', ...out } };
    }
    const head = t(activityTexts, 'lastHead', lang, { account: out.account.name, what, date: i.date, ago: ago(i.daysAgo, lang), type: typeLabel(i.type, lang), with: withContacts(i, lang) });
    const lines = [head, t(activityTexts, 'summary', lang, { summary: i.summary })];
    if (i.nextStep) lines.push(t(activityTexts, 'nextStep', lang, { step: i.nextStep, due: i.nextStepDue ? t(activityTexts, 'nextDue', lang, { date: i.nextStepDue }) : '' }));
    lines.push(t(activityTexts, 'byUser', lang, { user: i.user.name }));
    const citation: Citation = { source: 'interaction', id: i.id, date: i.date, accountId: out.account.id, author: i.user.name, snippet: i.summary.slice(0, 80) };
    return {
      lang,
      text: lines.join('\n'),
      facts: [
        { label: t(factLabels, 'date', lang), value: i.date },
        ...(i.contacts.length ? [{ label: t(factLabels, 'people', lang), value: joinList(i.contacts.map((c) => c.name), lang) }] : []),
      ],
      citations: [citation],
      data: { tool: 'last_interaction', ...out },
    };
  },
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: { zh: [...EXECUTIVE_WORDS.zh, ...LAST_WORDS.zh, ...CONTACT_WORDS.zh, ...WHEN_WORDS.zh], en: [...EXECUTIVE_WORDS.en, ...LAST_WORDS.en, ...CONTACT_WORDS.en, ...WHEN_WORDS.en] },
    score(u) {
      const last = countHits(u, LAST_WORDS) > 0;
      const contact = countHits(u, CONTACT_WORDS) > 0;
      const when = countHits(u, WHEN_WORDS) > 0;
      if (!contact && !(last && (when || any(u, EXECUTIVE_WORDS)))) return 0;
      let s = (contact ? 1 : 0) + (last ? 1 : 0) + (when ? 0.5 : 0) + (any(u, EXECUTIVE_WORDS) ? 0.5 : 0);
      if (isListQuestion(u)) s -= 2;
      return s;
    },
    input(u, accountId) {
      const person = u.people.find((p) => p.contacts.length === 1);
      return {
        account: accountId ?? '',
        executiveOnly: any(u, EXECUTIVE_WORDS),
        type: typeOf(u),
        contact: person ? person.contacts[0].id : undefined,
      };
    },
  },
};
