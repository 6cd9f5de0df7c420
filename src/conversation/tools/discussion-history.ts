// What was discussed with an account: the last conversation(s) with their summaries and next
// steps, or every interaction in a period ("最近30天", "last month").
import { z } from 'zod';
import { activityTexts } from '../../../prompts/conversation/activity.ts';
import { historyCountTexts } from '../../../prompts/history-counts.ts';
import { t } from '../../../prompts/index.ts';
import { joinList } from '../../tools/format.ts';
import { startOfDay, addDays } from '../../domain/time.ts';
import { accountInteractions } from '../../store/interactions.ts';
import { countHits, isListQuestion } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';
import { contactArg, contactsFor } from '../../tools/contact-arg.ts';
import { ago, typeLabel, viewInteractions, withContacts, type InteractionView } from '../../tools/interactions.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

const input = z.object({
  account: accountArg,
  from: isoDate.optional().describe('First day of the period (YYYY-MM-DD)'),
  to: isoDate.optional().describe('Last day of the period (YYYY-MM-DD), inclusive'),
  limit: z.number().int().min(1).max(50).default(1).describe('How many interactions, newest first (ignored when a period is given, up to 50)'),
  executiveOnly: z.boolean().default(false).describe('Only interactions with executive-level contacts'),
  contact: contactArg.optional().describe('Only interactions with this person'),
});

interface Output {
  account: AccountRef;
  from?: string;
  to?: string;
  interactions: InteractionView[];
}

const DISCUSS_WORDS = {
  zh: ['聊了什么', '谈了什么', '讨论了什么', '说了什么', '沟通了什么', '谈了啥', '聊了啥', '聊过什么', '谈过什么', '讨论过什么', '沟通内容', '谈话内容', '讨论内容', '聊的什么', '谈的什么', '讨论的什么', '讲了什么'],
  en: ['what did we discuss', 'what was discussed', 'what did we talk about', 'talked about', 'discussed', 'discuss', 'discussion', 'what did they say', 'what was said'],
};
const LOG_WORDS = {
  zh: ['互动记录', '拜访记录', '跟进记录', '沟通记录', '联系记录', '记录', '纪要', '历史', '动态', '做了什么', '有哪些互动', '哪些互动', '互动'],
  en: ['interactions', 'history', 'notes', 'log', 'activity', 'activities', 'touchpoints', 'what happened'],
};

/** "上个月见了几次", "how many times did we meet X": a count, answered with the period's interactions. */
const COUNT_WORDS = {
  zh: ['几次', '多少次', '次数', '频次', '几回', '多少回'],
  en: ['how many times', 'how often', 'how many interactions', 'how many visits', 'how many meetings', 'how many calls'],
};
/** A count with no period named covers this many days. */
const COUNT_DAYS = 90;

export const discussionHistoryTool: Tool<typeof input, Output> = {
  name: 'discussion_history',
  description: 'What was discussed with an account: the latest interaction(s) with summary and next step, or all interactions in a period (from/to).',
  input,
  examples: {
    zh: ['上次和{account}聊了什么?', '最近30天{account}有哪些互动?'],
    en: ['What did we discuss with {account} last time?', 'Interactions with {account} in the last 30 days'],
  },
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const contact = args.contact ? (await contactsFor(ctx, args.contact, account.id))[0] : undefined;
    const ranged = !!(args.from || args.to);
    const until = args.to ? startOfDay(addDays(args.to, 1), ctx.tz) : ctx.now;
    const found = await accountInteractions(ctx.app.db, ctx.user.id, account.id, {
      since: args.from ? startOfDay(args.from, ctx.tz) : undefined,
      until: until < ctx.now ? until : ctx.now,
      executiveOnly: args.executiveOnly,
      contactId: contact?.id,
      limit: ranged ? 50 : args.limit,
    });
    return { account: ref(account), from: args.from, to: args.to, interactions: await viewInteractions(ctx, found) };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const range = out.from || out.to ? t(activityTexts, 'historyRange', lang, { from: out.from ?? '…', to: out.to ?? '…' }) : '';
    if (!out.interactions.length) return { lang, text: t(activityTexts, 'historyNone', lang, { account: out.account.name, range }) };
    const lines = (list: InteractionView[]) =>
      list.map((i) => t(activityTexts, 'line', lang, { date: i.date, type: typeLabel(i.type, lang), with: withContacts(i, lang), summary: i.summary }) + (i.nextStep ? ` → ${i.nextStep}${i.nextStepDue ? ` (${i.nextStepDue})` : ''}` : ''));
    const citations = out.interactions.map((i) => ({ source: 'interaction' as const, id: i.id, date: i.date, accountId: out.account.id, author: i.user.name }));
    if (out.interactions.length === 1 && !range) {
      const i = out.interactions[0];
      const head = t(activityTexts, 'discussedHead', lang, { account: out.account.name, date: i.date, ago: ago(i.daysAgo, lang), type: typeLabel(i.type, lang), with: withContacts(i, lang) });
      const body = [i.summary];
      if (i.nextStep) body.push(t(activityTexts, 'nextStep', lang, { step: i.nextStep, due: i.nextStepDue ? t(activityTexts, 'nextDue', lang, { date: i.nextStepDue }) : '' }));
      return { lang, text: [head, ...body].join('\n'), citations };
    }
    const head = t(activityTexts, 'historyHead', lang, { account: out.account.name, range, count: out.interactions.length });
    const body = lines(out.interactions);
    // "有几次拜访": over a period, how many of each type (most first).
    const counts = new Map<string, number>();
    for (const i of out.interactions) counts.set(i.type, (counts.get(i.type) ?? 0) + 1);
    const byType = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type, count]) => t(historyCountTexts, 'typeCount', lang, { type: typeLabel(type, lang), count }));
    const summary = range && out.interactions.length > 1 ? [t(historyCountTexts, 'byType', lang, { list: joinList(byType, lang) })] : [];
    return { lang, text: [head, ...summary, ...body].join('\n'), sections: [{ title: head, lines: body }], citations };
  },
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: { zh: [...DISCUSS_WORDS.zh, ...LOG_WORDS.zh, ...COUNT_WORDS.zh], en: [...DISCUSS_WORDS.en, ...LOG_WORDS.en, ...COUNT_WORDS.en] },
    score(u) {
      const discuss = countHits(u, DISCUSS_WORDS) > 0;
      const log = countHits(u, LOG_WORDS) > 0;
      let s = (discuss ? 2.5 : 0) + (log ? 1.5 : 0) + (log && u.range ? 1 : 0);
      if (s && isListQuestion(u)) s -= 2;
      if (countHits(u, COUNT_WORDS) && !isListQuestion(u)) s = Math.max(s, 3.5);
      return s;
    },
    input(u, accountId) {
      const ranged = u.range && u.range.direction !== 'future';
      const counted = countHits(u, COUNT_WORDS) > 0;
      const many = counted || /哪些|all|every|list|都/.test(u.rest);
      // A count needs a period: the one named, else the last COUNT_DAYS (or "近N天").
      const from = ranged ? u.range!.from : counted ? addDays(u.today, -(u.duration?.days ?? COUNT_DAYS)) : undefined;
      return {
        account: accountId ?? '',
        from,
        to: ranged ? u.range!.to : counted ? u.today : undefined,
        limit: many ? 10 : u.duration && !ranged ? 10 : 1,
        executiveOnly: false,
        contact: u.people.find((p) => p.contacts.length === 1)?.contacts[0].id,
      };
    },
  },
};
