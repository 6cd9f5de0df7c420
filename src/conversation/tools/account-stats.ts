// "S级客户的健康分平均多少", "我的客户平均健康分是多少", "what is the average health score of my A-tier
// accounts", "团队今年订单合计多少": one figure averaged or added up over a group of accounts (mine,
// a colleague's, or all the asker sees; by tier and region), with the accounts it is over and those
// that have no data for it — always within the asker's visibility.
import { z } from 'zod';
import type { Citation } from '../../chat/types.ts';
import { statsTexts } from '../../../prompts/portfolio-stats.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { toIsoDate, yearElapsedShare } from '../../domain/time.ts';
import { asOfNow, healthAsOf } from '../../insights/health/compute.ts';
import { loadTunables } from '../../insights/settings.ts';
import { listVisibleAccounts } from '../../store/accounts.ts';
import { budgetsOf } from '../../store/budgets.ts';
import { activeContractsEnding } from '../../store/contracts.ts';
import { openOpportunitiesOf } from '../../store/opportunities.ts';
import { ordersOfAccounts } from '../../store/orders.ts';
import { ticketsOfAccounts } from '../../store/tickets.ts';
import { hasReports, userNames } from '../../store/users.ts';
import { formatAmount, formatPercent, joinList } from '../../tools/format.ts';
import type { Tool, ToolContext } from '../../tools/types.ts';
import { ref, type AccountRef } from '../../tools/account-arg.ts';
import type { Account } from '../../domain/types.ts';
import { METRICS, onlyAFigure, statsAsked, type Metric } from './account-stats-ask.ts';
import type { Utterance } from '../../nlu/utterance.ts';
import { tiersIn } from './account-list.ts';
import { isoDate, pastPeriod, periodLabel } from './period.ts';

const input = z.object({
  metric: z.enum(METRICS).optional().describe('The figure: health score, budget execution (this year), budget, number of orders / order amount (in the period), open pipeline amount, active contract value, open tickets; omit when it is none of these'),
  aggregate: z.enum(['average', 'sum']).default('average').describe('Average per account, or the total'),
  scope: z.enum(['mine', 'team']).default('team').describe('"mine": accounts the user is on the team of; "team": everything the user can see'),
  member: z.string().max(100).optional().describe("A colleague's user id: only the accounts they are on the team of"),
  tiers: z.array(z.enum(['S', 'A', 'B', 'C'])).optional().describe('Only these tiers'),
  regions: z.array(z.string().max(50)).optional().describe('Only accounts of these regions'),
  from: isoDate.optional().describe('Orders: first day of the period (default 1 January this year)'),
  to: isoDate.optional().describe('Orders: last day of the period (default today)'),
});
type Input = z.infer<typeof input>;

interface Value {
  account: AccountRef;
  value: number;
}

interface Output {
  metric?: Metric;
  aggregate: 'average' | 'sum';
  scope: 'mine' | 'team';
  memberName?: string;
  tiers?: string[];
  regions?: string[];
  /** Orders: the period; budget figures: the year. */
  from: string;
  to: string;
  accounts: number;
  /** Accounts with a value, highest first. */
  values: Value[];
  /** Accounts of the group with no value for the figure (no budget recorded ...). */
  missing: AccountRef[];
  average?: number;
  sum?: number;
  /** Budget execution: the orders of the budgeted accounts against the sum of their budgets. */
  overall?: { ordered: number; budget: number; share: number; elapsed: number };
}

/** The figures that add up across accounts (a total means something). */
const ADDITIVE: Metric[] = ['budget', 'orders_count', 'orders_amount', 'pipeline', 'contracts', 'open_tickets'];
const MAX_LINES = 10;

/** Each account's value of the figure; accounts without one are left out. */
async function valuesOf(ctx: ToolContext, metric: Metric, accounts: Account[], from: string, to: string): Promise<{ values: Map<string, number>; overall?: Output['overall'] }> {
  const db = ctx.app.db;
  const ids = accounts.map((a) => a.id);
  const year = Number(to.slice(0, 4));
  switch (metric) {
    case 'health': {
      const tunables = await loadTunables(db);
      const health = await healthAsOf(db, asOfNow(ctx.now, ctx.tz), tunables.health, { viewerId: ctx.user.id, accountIds: ids });
      return { values: new Map(health.map((h) => [h.accountId, h.score])) };
    }
    case 'orders_amount':
    case 'orders_count': {
      const orders = await ordersOfAccounts(db, ctx.user.id, ids, from, to);
      return { values: new Map(ids.map((id) => [id, metric === 'orders_count' ? (orders.get(id)?.count ?? 0) : (orders.get(id)?.amount ?? 0)])) };
    }
    case 'budget':
      return { values: new Map([...(await budgetsOf(db, ctx.user.id, ids, year))].map(([id, amount]) => [id, Number(amount)])) };
    case 'budget_execution': {
      const [budgets, orders] = await Promise.all([budgetsOf(db, ctx.user.id, ids, year), ordersOfAccounts(db, ctx.user.id, ids, `${year}-01-01`, to)]);
      const values = new Map<string, number>();
      let ordered = 0;
      let budget = 0;
      for (const [id, amount] of budgets) {
        if (!(Number(amount) > 0)) continue;
        const o = orders.get(id)?.amount ?? 0;
        values.set(id, o / Number(amount));
        ordered += o;
        budget += Number(amount);
      }
      return { values, overall: budget ? { ordered, budget, share: ordered / budget, elapsed: yearElapsedShare(to) } : undefined };
    }
    case 'pipeline': {
      const opps = await openOpportunitiesOf(db, ctx.user.id, ids);
      const values = new Map(ids.map((id) => [id, 0]));
      for (const o of opps) values.set(o.account_id, (values.get(o.account_id) ?? 0) + Number(o.amount ?? 0));
      return { values };
    }
    case 'contracts': {
      const wanted = new Set(ids);
      const contracts = (await activeContractsEnding(db, ctx.user.id, to, '9999-12-31')).filter((c) => wanted.has(c.account_id));
      const values = new Map(ids.map((id) => [id, 0]));
      const unknown = new Set<string>();
      for (const c of contracts) {
        if (c.amount === null) unknown.add(c.account_id);
        else values.set(c.account_id, (values.get(c.account_id) ?? 0) + Number(c.amount));
      }
      // An account whose only active contracts have no amount has no known value.
      for (const id of unknown) if (!contracts.some((c) => c.account_id === id && c.amount !== null)) values.delete(id);
      return { values };
    }
    case 'open_tickets': {
      const tickets = await ticketsOfAccounts(db, ctx.user.id, ids, { openOnly: true, asOf: ctx.now });
      const values = new Map(ids.map((id) => [id, 0]));
      for (const x of tickets) values.set(x.account_id, (values.get(x.account_id) ?? 0) + 1);
      return { values };
    }
  }
}

function formatValue(metric: Metric, v: number, lang: Lang): string {
  if (metric === 'budget_execution') return formatPercent(v);
  if (metric === 'health' || metric === 'orders_count' || metric === 'open_tickets') return String(Math.round(v * 10) / 10);
  return formatAmount(v, lang);
}

export const accountStatsTool: Tool<typeof input, Output> = {
  name: 'account_stats',
  description:
    "Averages and totals of one figure over a group of accounts (the user's own, a colleague's, or all the user can see; by tier and region): health score, budget execution, budget, number of orders or order amount in a period, open pipeline, active contract value, open tickets. Says how many accounts it is over and which have no data. Use for 'average health score of my tier A accounts', 'S级客户的健康分平均多少', 'total orders of my team this year'.",
  input,
  examples: { zh: ['S级客户的健康分平均多少?', '我的客户今年订单合计多少?'], en: ['What is the average health score of my tier A accounts?'] },
  async run(ctx, args: Input) {
    const db = ctx.app.db;
    const today = toIsoDate(ctx.now, ctx.tz);
    const from = args.from ?? `${today.slice(0, 4)}-01-01`;
    const to = args.to && args.to < today ? args.to : today;
    const member = args.member && args.member !== ctx.user.id ? args.member : undefined;
    let scope = args.scope;
    const narrow = { tiers: args.tiers, regions: args.regions };
    let accounts = await listVisibleAccounts(db, ctx.user.id, { ...narrow, ownOnly: !member && scope === 'mine', memberId: member });
    // A manager's "my accounts" are their team's.
    if (!member && scope === 'mine' && !accounts.length && (await hasReports(db, ctx.user.id))) {
      scope = 'team';
      accounts = await listVisibleAccounts(db, ctx.user.id, narrow);
    }
    const memberName = member ? (await userNames(db, [member])).get(member) : undefined;
    const base = { metric: args.metric, aggregate: args.aggregate, scope, memberName, tiers: args.tiers, regions: args.regions, from, to, accounts: accounts.length };
    if (!args.metric || !accounts.length) return { ...base, values: [], missing: accounts.map(ref) };
    const { values, overall } = await valuesOf(ctx, args.metric, accounts, from, to);
    const withValue = accounts.filter((a) => values.has(a.id)).map((a) => ({ account: ref(a), value: values.get(a.id)! }));
    withValue.sort((a, b) => b.value - a.value || a.account.name.localeCompare(b.account.name));
    const sum = withValue.reduce((n, v) => n + v.value, 0);
    return {
      ...base,
      values: withValue,
      missing: accounts.filter((a) => !values.has(a.id)).map(ref),
      average: withValue.length ? sum / withValue.length : undefined,
      sum: withValue.length && ADDITIVE.includes(args.metric) ? sum : undefined,
      overall,
    };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const today = toIsoDate(ctx.now, ctx.tz);
    const data = { tool: 'account_stats', ...out };
    const filter = [
      ...(out.regions?.length ? [t(statsTexts, 'filterRegion', lang, { regions: out.regions.join('/') })] : []),
      ...(out.tiers?.length ? [t(statsTexts, 'filterTier', lang, { tiers: out.tiers.join('/') })] : []),
    ].join('');
    const group = out.memberName
      ? t(statsTexts, 'groupMember', lang, { name: out.memberName, filter })
      : t(statsTexts, out.scope === 'mine' ? 'groupMine' : 'groupVisible', lang, { filter });
    if (!out.metric) return { lang, text: t(statsTexts, 'unknownMetric', lang), data };
    if (!out.accounts) return { lang, text: t(statsTexts, 'noAccounts', lang, { group }), data };
    const metric = out.metric;
    const metricName = t(statsTexts, metric, lang);
    const period = metric === 'orders_amount' || metric === 'orders_count'
      ? t(statsTexts, 'periodOrders', lang, { period: periodLabel({ from: out.from, to: out.to }, today, lang) })
      : metric === 'budget' || metric === 'budget_execution'
        ? t(statsTexts, 'periodYear', lang, { year: out.to.slice(0, 4) })
        : '';
    const citations: Citation[] = out.values.slice(0, MAX_LINES).map((v) => ({ source: 'account', id: v.account.id, accountId: v.account.id }));
    if (!out.values.length) {
      const agg = t(statsTexts, out.aggregate === 'sum' ? 'aggSum' : 'aggAverage', lang);
      return { lang, text: t(statsTexts, 'noData', lang, { group, period, metric: metricName, count: out.accounts, agg }), data };
    }
    const fmt = (v: number) => formatValue(metric, v, lang);
    const n = out.values.length;
    const head =
      out.aggregate === 'sum' && out.sum !== undefined
        ? t(statsTexts, 'sum', lang, { group, period, metric: metricName, value: fmt(out.sum), n, avg: fmt(out.average!) })
        : t(statsTexts, 'average', lang, { group, period, metric: metricName, value: fmt(out.average!), n, total: out.sum !== undefined ? t(statsTexts, 'totalTail', lang, { value: fmt(out.sum) }) : '' });
    const parts = [head];
    if (out.overall) parts.push(t(statsTexts, 'overallExecution', lang, { ordered: formatAmount(out.overall.ordered, lang), budget: formatAmount(out.overall.budget, lang), share: formatPercent(out.overall.share), elapsed: formatPercent(out.overall.elapsed) }));
    const lines = out.values.slice(0, MAX_LINES).map((v) => t(statsTexts, 'line', lang, { name: v.account.name, value: fmt(v.value) }));
    if (n > MAX_LINES) lines.push(t(statsTexts, 'more', lang, { count: n - MAX_LINES }));
    parts.push(...lines);
    if (out.missing.length) parts.push(t(statsTexts, 'missing', lang, { count: out.missing.length, metric: metricName, names: joinList(out.missing.slice(0, MAX_LINES).map((a) => a.name), lang) }));
    return { lang, title: head, text: parts.join('\n'), sections: [{ title: head, lines }], citations, data };
  },
  offline: {
    account: 'none',
    keywords: { zh: ['平均', '均值', '人均', '合计', '总额', '总计', '加起来', '总和'], en: ['average', 'mean', 'avg', 'total', 'sum', 'combined', 'altogether'] },
    score(u) {
      const asked = statsAsked(groupText(u));
      // A named account is a question about it ("中建华东今年订单合计").
      if (!asked || namesAccount(u) || u.refersBack) return 0;
      return asked.metric ? 5.2 : 3;
    },
    input(u) {
      const asked = statsAsked(groupText(u))!;
      const tiers = tiersIn(u.rest);
      const period = pastPeriod(u);
      return {
        metric: asked.metric,
        aggregate: asked.aggregate,
        scope: MINE.test(u.rest) && !/团队|\bteam\b/.test(u.rest) ? ('mine' as const) : ('team' as const),
        member: u.users[0]?.id,
        tiers: tiers.length ? tiers : undefined,
        regions: u.regions.length ? u.regions : undefined,
        from: period?.from,
        to: period?.to,
      };
    },
  },
};

const MINE = /我的|我负责|我名下|我自己|\b(my|mine)\b/;

function namesAccount(u: Utterance): boolean {
  if (u.mention.kind === 'ambiguous') return true;
  return u.mention.kind === 'found' && !onlyAFigure(u.mention.span);
}

/** The text outside the names; with a figure's word taken for a name, the whole message. */
function groupText(u: Utterance): string {
  return u.mention.kind === 'found' && onlyAFigure(u.mention.span) ? u.norm : u.rest;
}
