// "谁和西山矿业联系最多", "这个月谁和X联系最多", "who has been in touch with X the most": the
// interactions logged at one account per colleague over a period (the last 12 months when none is
// named), most first, by type, with each one's latest — on what the asker may see.
import { z } from 'zod';
import { accountActivityTexts } from '../../../prompts/conversation/account-activity.ts';
import { INTERACTION_TYPE, label } from '../../../prompts/conversation/labels.ts';
import { activityCountTexts } from '../../../prompts/conversation/team-activity.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { addDays, startOfDay, toIsoDate } from '../../domain/time.ts';
import { activityByUser } from '../../store/interactions.ts';
import { joinList } from '../../tools/format.ts';
import type { Utterance } from '../../nlu/utterance.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';
import { isoDate, periodLabel } from './period.ts';
import { asksWhoTouchedMost, people, type Person } from './colleague-activity.ts';

const input = z.object({
  account: accountArg,
  from: isoDate.optional().describe('First day (YYYY-MM-DD); default 12 months ago'),
  to: isoDate.optional().describe('Last day; default today'),
});

interface Output {
  account: AccountRef;
  from: string;
  to: string;
  /** No period was asked for: the last 12 months. */
  defaultPeriod: boolean;
  people: Person[];
}


function periodText(out: Output, today: string, lang: Lang): string {
  if (out.defaultPeriod) return t(accountActivityTexts, 'lastYear', lang, { from: out.from, to: out.to });
  return periodLabel({ from: out.from, to: out.to }, today, lang);
}

export const accountActivityTool: Tool<typeof input, Output> = {
  name: 'account_activity',
  description:
    "Who has been in touch with one account the most: the interactions logged there per colleague in a period (default the last 12 months), most first, by type, with each one's latest. Use for '谁和X联系最多', 'who has been in touch with X the most', 'who visits X most often'.",
  input,
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const today = toIsoDate(ctx.now, ctx.tz);
    const from = args.from ?? addDays(today, -365);
    const to = args.to && args.to < today ? args.to : today;
    const until = new Date(Math.min(startOfDay(addDays(to, 1), ctx.tz).getTime(), ctx.now.getTime() + 1));
    const { rows, accounts } = await activityByUser(ctx.app.db, ctx.user.id, startOfDay(from, ctx.tz), until, undefined, account.id);
    return { account: ref(account), from, to, defaultPeriod: !args.from, people: people(rows, accounts) };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const period = periodText(out, toIsoDate(ctx.now, ctx.tz), lang);
    const data = { tool: 'account_activity', ...out };
    const citations = [{ source: 'account' as const, id: out.account.id, accountId: out.account.id }];
    if (!out.people.length) return { lang, text: t(accountActivityTexts, 'none', lang, { account: out.account.name, period }), citations, data };
    const top = out.people.filter((p) => p.interactions === out.people[0].interactions);
    const lead = t(accountActivityTexts, top.length > 1 ? 'leadTie' : 'lead', lang, { period, account: out.account.name, names: joinList(top.map((p) => p.name), lang), n: top[0].interactions });
    const total = out.people.reduce((n, p) => n + p.interactions, 0);
    const head = t(accountActivityTexts, 'head', lang, { account: out.account.name, n: total });
    const types = (p: Person) => joinList(p.byType.map((x) => t(activityCountTexts, 'typeCount', lang, { type: label(INTERACTION_TYPE, x.type, lang), n: x.n })), lang);
    const lines = out.people.map((p) => t(accountActivityTexts, 'line', lang, { name: p.name, n: p.interactions, types: types(p), last: toIsoDate(p.last, ctx.tz) }));
    return { lang, title: lead, text: [lead, head, ...lines].join('\n'), sections: [{ lines: [lead] }, { title: head, lines }], citations, data };
  },
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: { zh: ['联系最多', '最多', '最勤', '最频繁', '最常'], en: ['the most', 'most often', 'most frequently', 'in touch'] },
    score: (u) => ((u.mention.kind === 'found' || u.refersBack) && asksWhoTouchedMost(u) ? 4.8 : 0),
    input(u, accountId) {
      const ranged = u.range && u.range.direction !== 'future' ? u.range : undefined;
      return { account: accountId ?? '', from: ranged?.from, to: ranged?.to };
    },
  },
};
