// "本月有哪些下一步要到期", "next steps due this week": committed next steps coming due (or due in a
// period) across every account the user may see, or of one account, with who committed them.
import { z } from 'zod';
import { portfolioTexts } from '../../../prompts/portfolio.ts';
import { overdueStepTexts } from '../../../prompts/next-steps-overdue.ts';
import { t } from '../../../prompts/index.ts';
import { addDays, toIsoDate } from '../../domain/time.ts';
import { getVisibleAccounts } from '../../store/accounts.ts';
import { nextStepsDue } from '../../store/interactions.ts';
import { userNames } from '../../store/users.ts';
import { countHits } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';
import { isoDate, periodLabel } from './period.ts';

const input = z.object({
  account: accountArg.optional().describe('One account; omit for every account the user can see'),
  from: isoDate.optional().describe('First due day (default today)'),
  to: isoDate.optional().describe('Last due day, inclusive (default 14 days from today)'),
  overdueOnly: z.boolean().default(false).describe('Only steps already past due with no later interaction at the account (default period: the last 365 days up to yesterday)'),
});

interface Step {
  interactionId: string;
  account: AccountRef;
  step: string;
  due: string;
  committedOn: string;
  user: string;
  overdue: boolean;
  followedUp: boolean;
}

interface Output {
  account?: AccountRef;
  from: string;
  to: string;
  overdueOnly?: boolean;
  steps: Step[];
}

const STEP_WORDS = { zh: ['下一步', '待办', '跟进事项', '承诺', '要做的事', '行动项'], en: ['next step', 'next steps', 'follow-up', 'follow-ups', 'action item', 'action items', 'to-do', 'todo'] };
const DUE = { zh: ['到期', '截止', '要做', '该做', '逾期', '过期'], en: ['due', 'deadline', 'coming up', 'overdue'] };
const DUE_WORDS = new RegExp([...DUE.zh, ...DUE.en].join('|'));
/** Question words, not a name: "Which next steps are due this week?" names no account. */
const KEYWORDS = { zh: [...STEP_WORDS.zh, ...DUE.zh], en: [...STEP_WORDS.en, ...DUE.en] };
const DEFAULT_DAYS = 14;
/** How far back overdue steps are looked for when no period is named. */
const OVERDUE_DAYS = 365;
/** "逾期的下一步", "没按时做的", "overdue follow-ups": steps past due, not followed up. */
const OVERDUE = /逾期|过期|超期|延期|误期|没按时|未按时|拖了|\boverdue\b|\bpast due\b|\bmissed\b|\blate\b/;

export const nextStepsTool: Tool<typeof input, Output> = {
  name: 'next_steps',
  description: 'Committed next steps (from interactions) due in a period, across all visible accounts or of one account: what, when due, who committed it, and whether a later interaction followed.',
  input,
  examples: { zh: ['本月有哪些下一步要到期?'], en: ['Which next steps are due this week?'] },
  async run(ctx, args) {
    const account = args.account ? await accountFor(ctx, args.account) : undefined;
    const today = toIsoDate(ctx.now, ctx.tz);
    const from = args.from ?? (args.overdueOnly ? addDays(today, -OVERDUE_DAYS) : today);
    let to = args.to ?? (args.overdueOnly ? addDays(today, -1) : addDays(today, DEFAULT_DAYS));
    if (args.overdueOnly && to >= today) to = addDays(today, -1);
    const rows = await nextStepsDue(ctx.app.db, ctx.user.id, from, to, ctx.now, account?.id, { notFollowedUp: args.overdueOnly });
    const [names, accounts] = await Promise.all([userNames(ctx.app.db, [...new Set(rows.map((r) => r.user_id))]), getVisibleAccounts(ctx.app.db, ctx.user.id, [...new Set(rows.map((r) => r.account_id))])]);
    const byId = new Map(accounts.map((a) => [a.id, ref(a)]));
    return {
      account: account && ref(account),
      from,
      to,
      overdueOnly: args.overdueOnly || undefined,
      steps: rows.map((r) => ({
        interactionId: r.id,
        account: byId.get(r.account_id) ?? { id: r.account_id, name: r.account_id },
        step: r.next_step!,
        due: r.next_step_due!,
        committedOn: toIsoDate(r.occurred_at, ctx.tz),
        user: names.get(r.user_id) ?? r.user_id,
        overdue: r.next_step_due! < today && !r.followed_up,
        followedUp: r.followed_up,
      })),
    };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const today = toIsoDate(ctx.now, ctx.tz);
    const period = periodLabel({ from: out.from, to: out.to }, today, lang);
    const scope = out.account ? t(overdueStepTexts, 'scopeAccount', lang, { account: out.account.name }) : '';
    if (out.overdueOnly && !out.steps.length) return { lang, text: t(overdueStepTexts, 'overdueNone', lang, { scope, from: out.from, to: out.to }) };
    if (!out.steps.length) return { lang, text: t(portfolioTexts, 'nextNone', lang, { period }) };
    const head = out.overdueOnly
      ? t(overdueStepTexts, 'overdueHead', lang, { scope, count: out.steps.length, from: out.from, to: out.to })
      : t(portfolioTexts, 'nextHead', lang, { period, count: out.steps.length });
    const lines = out.steps.map((s) =>
      t(portfolioTexts, 'nextLine', lang, {
        due: s.due,
        account: s.account.name,
        step: s.step,
        user: s.user,
        date: s.committedOn,
        state: s.overdue ? t(portfolioTexts, 'nextOverdue', lang) : s.followedUp ? t(portfolioTexts, 'nextFollowed', lang) : '',
      }),
    );
    return {
      lang,
      title: head,
      text: [head, ...lines].join('\n'),
      sections: [{ title: head, lines }],
      citations: out.steps.map((s) => ({ source: 'interaction' as const, id: s.interactionId, date: s.committedOn, accountId: s.account.id, author: s.user })),
    };
  },
  subjectAccount: (out) => out.account?.id,
  offline: {
    account: 'optional',
    keywords: KEYWORDS,
    score: (u) => (countHits(u, STEP_WORDS) ? (DUE_WORDS.test(u.rest) || u.range ? 4 : 2.5) : 0),
    input(u, accountId) {
      const r = u.range;
      return { account: accountId, from: r?.from, to: r?.to, overdueOnly: OVERDUE.test(u.rest) };
    },
  },
};
