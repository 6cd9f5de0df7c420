// "中建华东和西山矿业哪个健康分高", "江南港务和蓝海新能源哪个今年下单多": two or more named accounts side
// by side on one measure, health score or orders in a period.
import { z } from 'zod';
import { portfolioTexts } from '../../../prompts/portfolio.ts';
import { t } from '../../../prompts/index.ts';
import { toIsoDate } from '../../domain/time.ts';
import { asOfNow, healthAsOf } from '../../insights/health/compute.ts';
import { loadTunables } from '../../insights/settings.ts';
import { ordersOfAccounts } from '../../store/orders.ts';
import { formatAmount, joinList } from '../../tools/format.ts';
import type { AccountName } from '../../nlu/accounts.ts';
import type { Utterance } from '../../nlu/utterance.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';
import { isoDate, pastPeriod, periodLabel } from './period.ts';

const input = z.object({
  accounts: z.array(accountArg).min(2).max(5).describe('The accounts to compare (ids or names)'),
  measure: z.enum(['health', 'orders']).default('health').describe('health: health score now; orders: order amount in the period'),
  from: isoDate.optional().describe('With orders: first day (default 1 January this year)'),
  to: isoDate.optional().describe('With orders: last day (default today)'),
});

interface Output {
  measure: 'health' | 'orders';
  from?: string;
  to?: string;
  items: { account: AccountRef; value: number; count?: number }[];
}

const COMPARE = /哪个|哪家|谁的|谁更|相比|比较|对比|\bvs\.?\b|\bversus\b|\bcompare|\bwhich (one|is|has)\b|\bhigher\b|\bmore\b/;
const ORDER_MEASURE = /买|下单|订单|采购|金额|\borders?\b|\bbought\b|\bbuy|\bpurchase/;

/** The accounts a message names side by side: an ambiguous tie of exact names, or one found with others. */
function namedAccounts(u: Utterance): AccountName[] {
  if (u.mention.kind === 'ambiguous' && u.mention.candidates.length >= 2 && /和|与|跟|及|、|\band\b|\bvs\b|\bor\b|,/.test(u.norm)) return u.mention.candidates;
  if (u.mention.kind === 'found' && u.mention.others.length) return [u.mention.account, ...u.mention.others];
  return [];
}

export const compareAccountsTool: Tool<typeof input, Output> = {
  name: 'compare_accounts',
  description: 'Compares two or more accounts on one measure: health score, or order amount in a period. Use for "which of A and B has the higher health score / ordered more".',
  input,
  async run(ctx, args) {
    const accounts = [];
    for (const a of args.accounts) accounts.push(await accountFor(ctx, a));
    const unique = [...new Map(accounts.map((a) => [a.id, a])).values()];
    const ids = unique.map((a) => a.id);
    if (args.measure === 'health') {
      const tunables = await loadTunables(ctx.app.db);
      const health = new Map((await healthAsOf(ctx.app.db, asOfNow(ctx.now, ctx.tz), tunables.health, { viewerId: ctx.user.id, accountIds: ids })).map((h) => [h.accountId, h.score]));
      return { measure: 'health', items: unique.map((a) => ({ account: ref(a), value: health.get(a.id) ?? 0 })) };
    }
    const today = toIsoDate(ctx.now, ctx.tz);
    const from = args.from ?? `${today.slice(0, 4)}-01-01`;
    const to = args.to && args.to < today ? args.to : today;
    const orders = await ordersOfAccounts(ctx.app.db, ctx.user.id, ids, from, to);
    return { measure: 'orders', from, to, items: unique.map((a) => ({ account: ref(a), value: orders.get(a.id)?.amount ?? 0, count: orders.get(a.id)?.count ?? 0 })) };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const sorted = [...out.items].sort((a, b) => b.value - a.value);
    const tie = sorted.length > 1 && sorted[0].value === sorted[1].value;
    const today = toIsoDate(ctx.now, ctx.tz);
    const period = out.from ? periodLabel({ from: out.from, to: out.to }, today, lang) : '';
    const list = joinList(
      sorted.map((x) => (out.measure === 'health' ? t(portfolioTexts, 'compareItemHealth', lang, { name: x.account.name, score: x.value }) : t(portfolioTexts, 'compareItemOrders', lang, { name: x.account.name, amount: formatAmount(x.value, lang) }))),
      lang,
    );
    const key = out.measure === 'health' ? (tie ? 'compareHealthTie' : 'compareHealth') : tie ? 'compareOrdersTie' : 'compareOrders';
    const text = t(portfolioTexts, key, lang, { list, winner: sorted[0].account.name, period });
    return {
      lang,
      text,
      citations: out.items.map((x) => ({ source: 'account' as const, id: x.account.id, date: out.measure === 'health' ? today : out.to, accountId: x.account.id })),
    };
  },
  offline: {
    account: 'none',
    keywords: { zh: ['比较', '对比', '相比'], en: ['compare', 'versus', 'vs'] },
    score: (u) => (namedAccounts(u).length >= 2 && COMPARE.test(u.rest) ? 5 : 0),
    input(u) {
      const period = pastPeriod(u);
      return { accounts: namedAccounts(u).map((a) => a.id), measure: ORDER_MEASURE.test(u.rest) ? ('orders' as const) : ('health' as const), from: period?.from, to: period?.to };
    },
  },
};
