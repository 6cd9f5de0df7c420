// Budget execution of an account: the year's orders against its planned purchases from us, and
// against the share of the year already elapsed.
import { factLabels } from '../../../prompts/conversation/facts.ts';
import { z } from 'zod';
import { commercialTexts } from '../../../prompts/conversation/commercial.ts';
import { t } from '../../../prompts/index.ts';
import { toIsoDate, yearElapsedShare } from '../../domain/time.ts';
import { accountBudget } from '../../store/budgets.ts';
import { accountOrders } from '../../store/orders.ts';
import { formatAmount, formatPercent, formatYuan } from '../../tools/format.ts';
import { countHits, isListQuestion } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';

const input = z.object({
  account: accountArg,
  year: z.number().int().min(2000).max(2100).optional().describe('Calendar year; default the current year'),
});

interface Output {
  account: AccountRef;
  year: number;
  budget: number | null;
  ordered: number;
  /** ordered / budget (0..1+), null without a budget. */
  share: number | null;
  /** Share of the year elapsed (1 for past years, 0 for future ones). */
  yearElapsed: number;
  /** share - yearElapsed, in percentage points. */
  gapPoints: number | null;
  orders: { id: string; date: string; amount: number; product: string | null }[];
}

/** Within this many points of the calendar, execution is "on pace". */
const ON_PACE_POINTS = 2;

const BUDGET_WORDS = {
  zh: ['预算执行', '预算', '执行率', '执行进度', '完成率', '完成了多少', '采购额', '采购了多少', '下单', '订单额', '买了多少'],
  en: ['budget', 'budget execution', 'spend', 'spent', 'purchased', 'ordered', 'orders so far', 'execution rate', 'wallet'],
};

export const budgetExecutionTool: Tool<typeof input, Output> = {
  name: 'budget_execution',
  description: "An account's budget execution for a year: orders placed vs its planned purchases (budget), compared with the share of the year elapsed.",
  input,
  examples: { zh: ['{account}今年预算执行到多少了?', '{account}去年的预算完成率?'], en: ['What is the budget execution of {account} this year?', 'How much of its budget has {account} spent?'] },
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const today = toIsoDate(ctx.now, ctx.tz);
    const currentYear = Number(today.slice(0, 4));
    const year = args.year ?? currentYear;
    const budget = await accountBudget(ctx.app.db, ctx.user.id, account.id, year);
    const to = year === currentYear ? today : `${year}-12-31`;
    const orders = await accountOrders(ctx.app.db, ctx.user.id, account.id, `${year}-01-01`, to);
    const ordered = orders.reduce((s, o) => s + o.amount, 0);
    const yearElapsed = year < currentYear ? 1 : year > currentYear ? 0 : yearElapsedShare(today);
    const share = budget && budget.amount > 0 ? ordered / budget.amount : null;
    return {
      account: ref(account),
      year,
      budget: budget?.amount ?? null,
      ordered,
      share,
      yearElapsed,
      gapPoints: share === null ? null : Math.round((share - yearElapsed) * 1000) / 10,
      orders: orders.map((o) => ({ id: o.id, date: o.order_date, amount: o.amount, product: o.product })),
    };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    if (out.budget === null || out.share === null) {
      return { lang, text: t(commercialTexts, 'budgetNone', lang, { account: out.account.name, year: out.year, ordered: formatAmount(out.ordered, lang), orderedFull: formatYuan(out.ordered) }) };
    }
    const head = t(commercialTexts, 'budgetHead', lang, {
      account: out.account.name,
      year: out.year,
      ordered: formatAmount(out.ordered, lang),
      budget: formatAmount(out.budget, lang),
      orderedFull: formatYuan(out.ordered),
      budgetFull: formatYuan(out.budget),
      share: formatPercent(out.share),
    });
    const lines = [head];
    if (out.yearElapsed > 0 && out.yearElapsed < 1 && out.gapPoints !== null) {
      const points = Math.abs(out.gapPoints).toFixed(1).replace(/\.0$/, '');
      const pace = Math.abs(out.gapPoints) < ON_PACE_POINTS ? t(commercialTexts, 'paceOnTrack', lang) : t(commercialTexts, out.gapPoints < 0 ? 'paceBehind' : 'paceAhead', lang, { points });
      lines.push(t(commercialTexts, 'budgetPace', lang, { elapsed: formatPercent(out.yearElapsed), pace }));
    }
    const orderLines = out.orders.map((o) => t(commercialTexts, 'orderLine', lang, { date: o.date, product: o.product ?? '', amount: formatAmount(o.amount, lang) }));
    if (orderLines.length) lines.push(t(commercialTexts, 'budgetOrders', lang, { year: out.year }), ...orderLines);
    return {
      lang,
      text: lines.join('\n'),
      facts: [
        { label: t(factLabels, 'execution', lang), value: formatPercent(out.share) },
        { label: t(factLabels, 'yearElapsed', lang), value: formatPercent(out.yearElapsed) },
      ],
      citations: out.orders.map((o) => ({ source: 'order' as const, id: o.id, date: o.date, accountId: out.account.id })),
    };
  },
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: BUDGET_WORDS,
    score(u) {
      const s = countHits(u, BUDGET_WORDS) ? 2 + (/预算|budget/.test(u.rest) ? 0.5 : 0) : 0;
      return s && isListQuestion(u) ? s - 2 : s;
    },
    input: (u, accountId) => ({ account: accountId ?? '', year: u.year.year }),
  },
};
