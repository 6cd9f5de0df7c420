// My or my team's accounts, filtered: silent for N days (optionally no executive interaction),
// by tier, with open tickets, or with a contract ending soon.
import { z } from 'zod';
import { accountTexts } from '../../../prompts/conversation/accounts.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { addDays, daysBetween, toIsoDate } from '../../domain/time.ts';
import { listVisibleAccounts } from '../../store/accounts.ts';
import { activeContractsEnding } from '../../store/contracts.ts';
import { lastInteractionByAccount } from '../../store/interactions.ts';
import { ticketsOfAccounts } from '../../store/tickets.ts';
import { hasReports, userNames } from '../../store/users.ts';
import { joinList } from '../../tools/format.ts';
import { any, countHits, LIST_MARKERS } from '../../nlu/keywords.ts';
import { parseNumber } from '../../nlu/numbers.ts';
import type { Utterance } from '../../nlu/utterance.ts';
import type { Tool } from '../../tools/types.ts';
import { ref, type AccountRef } from '../../tools/account-arg.ts';
import { EXECUTIVE_WORDS } from './last-interaction.ts';
import { portfolioTexts } from '../../../prompts/portfolio.ts';
import { rankingTexts } from '../../../prompts/ranking.ts';
import { HEALTH_BAND, label } from '../../../prompts/conversation/labels.ts';
import { yearElapsedShare } from '../../domain/time.ts';
import { asOfNow, healthAsOf } from '../../insights/health/compute.ts';
import { loadTunables } from '../../insights/settings.ts';
import { budgetsOf } from '../../store/budgets.ts';
import { orderTotals, ordersOfAccounts } from '../../store/orders.ts';
import { formatAmount, formatPercent } from '../../tools/format.ts';
import type { ToolContext } from '../../tools/types.ts';
import { isoDate, pastPeriod, periodLabel } from './period.ts';

const TIERS = ['S', 'A', 'B', 'C'] as const;

const input = z.object({
  scope: z.enum(['mine', 'team']).default('team').describe('"mine": accounts the user is on the team of; "team": everything the user can see (their reports\' accounts too)'),
  silentDays: z.number().int().min(0).max(3650).optional().describe('Only accounts with no interaction for more than this many days'),
  executiveOnly: z.boolean().default(false).describe('With silentDays: count only interactions with executive-level contacts'),
  tiers: z.array(z.enum(TIERS)).optional().describe('Only these tiers'),
  openTickets: z.boolean().default(false).describe('Only accounts with unresolved tickets'),
  complaintsOnly: z.boolean().default(false).describe('With openTickets: only complaints count'),
  expiringWithinDays: z.number().int().min(1).max(3650).optional().describe('Only accounts with an active contract ending within this many days'),
  member: z.string().max(100).optional().describe("A colleague's user id: only the accounts they are on the team of (e.g. 李娜负责哪些客户)"),
  role: z.enum(['AR', 'SR', 'FR']).optional().describe('Only accounts where the member (or the user) has this team role: AR account manager, SR solution expert, FR delivery manager'),
  regions: z.array(z.string().max(50)).optional().describe('Only accounts of these regions (华东, 华北 ...)'),
  budgetLag: z.boolean().default(false).describe("Only accounts whose budget execution this year lags the share of the year elapsed by more than the budget_lag rule's points"),
  rankBy: z
    .enum(['health', 'orders', 'budget', 'silence'])
    .optional()
    .describe('Rank the accounts: by health score (risk = lowest health), by order amount in the period, by budget execution this year, or by days since the last (executive) interaction'),
  ascending: z.boolean().default(false).describe('With rankBy: lowest first (most at risk, fewest orders, lowest budget execution, most recently met)'),
  top: z.number().int().min(1).max(50).optional().describe('With rankBy: only the first N'),
  from: isoDate.optional().describe('With rankBy orders: first day of the period (default 1 January this year)'),
  to: isoDate.optional().describe('With rankBy orders: last day of the period (default today)'),
});
type Input = z.infer<typeof input>;

interface Row {
  account: AccountRef;
  health?: { score: number; band: string };
  ordered?: { amount: number; count: number };
  budget?: { share: number; elapsed: number; amount?: number; ordered?: number };
  tier: string | null;
  owner: string;
  lastInteraction: string | null;
  daysSilent: number | null;
  openTickets: string[];
  expiring?: { id: string; endDate: string; days: number };
}

interface Output {
  scope: 'mine' | 'team';
  memberName?: string;
  /** With budgetLag: the budget_lag rule's points. */
  lagPoints?: number;
  filters: Omit<Input, 'scope'>;
  rows: Row[];
  /** With a silence filter: accounts with no (executive) interaction on record at all. */
  never: AccountRef[];
  /** With rankBy budget: accounts without a budget this year (not ranked). */
  noBudget?: AccountRef[];
}

const MAX_ROWS = 30;

const SILENCE_WORDS = {
  zh: ['没有互动', '没互动', '未互动', '没有联系', '没联系', '未联系', '没有拜访', '没拜访', '未拜访', '没见', '没有见', '没去', '沉默', '没有跟进', '没跟进', '未跟进', '没有接触', '没接触', '没有沟通', '没沟通', '冷落', '没有高层互动', '没有走动', '没走动'],
  en: ['no interaction', 'no interactions', 'not contacted', "haven't met", 'have not met', "haven't visited", 'no contact', 'silent', 'silence', 'gone quiet', 'not been contacted', 'no executive', 'without interaction', 'without contact', "haven't talked", 'not visited', 'neglected'],
};
const TICKET_FILTER = { zh: ['工单', '投诉', '问题'], en: ['ticket', 'complaint', 'issue'] };
const EXPIRY_FILTER = { zh: ['到期', '合同'], en: ['expire', 'expiring', 'contract'] };
export const MINE_WORDS = { zh: ['我的客户', '我负责', '我名下', '我自己的'], en: ['my accounts', 'my customers', 'my clients', 'mine'] };
const DEFAULT_SILENT_DAYS = 30;

export function tiersIn(norm: string): (typeof TIERS)[number][] {
  const out = new Set<(typeof TIERS)[number]>();
  for (const m of norm.matchAll(/((?:[sabc]\s*[/、,和或及&]?\s*)+)(级|类)/g)) for (const ch of m[1].replace(/[^sabc]/g, '')) out.add(ch.toUpperCase() as (typeof TIERS)[number]);
  for (const m of norm.matchAll(/\btier[- ]?([sabc])\b|\b([sabc])[- ]?tier\b/g)) out.add((m[1] ?? m[2]).toUpperCase() as (typeof TIERS)[number]);
  return [...out];
}

const SILENCE_ZH = /(没有|没|未|无|不曾|从未)[\u4e00-\u9fff]{0,4}?(互动|联系|拜访|见|接触|沟通|跟进|走动|碰面|交流|往来)/;
const SILENCE_EN = /\b(no|not|without|haven't|hasn't|have not|has not|never|zero)\b[\w\s-]{0,30}?\b(interactions?|contact|contacted|met|meet|meeting|visits?|visited|talk|talked|touch|spoken|spoke|calls?|called)\b/;

function silenceWanted(u: Utterance): boolean {
  return countHits(u, SILENCE_WORDS) > 0 || SILENCE_ZH.test(u.rest) || SILENCE_EN.test(u.rest) || /沉默|冷落|失联/.test(u.rest);
}

/** Health, orders and budget figures for ranking and filters, computed only when asked for. */
async function ranked(ctx: ToolContext, args: Input, rows: Row[], today: string): Promise<Row[]> {
  const db = ctx.app.db;
  const ids = rows.map((r) => r.account.id);
  if (!ids.length) return rows;
  if (args.budgetLag) {
    const year = Number(today.slice(0, 4));
    const [budgets, totals, tunables] = await Promise.all([budgetsOf(db, ctx.user.id, ids, year), orderTotals(db, ctx.user.id, ids, `${year}-01-01`, today), loadTunables(db)]);
    const elapsed = yearElapsedShare(today);
    for (const r of rows) {
      const budget = budgets.get(r.account.id);
      if (budget) r.budget = { share: (totals.get(r.account.id) ?? 0) / budget, elapsed };
    }
    rows = rows.filter((r) => r.budget && (r.budget.elapsed - r.budget.share) * 100 > tunables.rules.budget_lag.points);
  }
  if (args.rankBy === 'budget') {
    const year = Number(today.slice(0, 4));
    const [budgets, totals] = await Promise.all([budgetsOf(db, ctx.user.id, ids, year), orderTotals(db, ctx.user.id, ids, `${year}-01-01`, today)]);
    const elapsed = yearElapsedShare(today);
    for (const r of rows) {
      const amount = budgets.get(r.account.id);
      const ordered = totals.get(r.account.id) ?? 0;
      if (amount) r.budget = { share: ordered / amount, elapsed, amount, ordered };
    }
    rows = rows.filter((r) => r.budget).sort((a, b) => (args.ascending ? a.budget!.share - b.budget!.share : b.budget!.share - a.budget!.share) || a.account.name.localeCompare(b.account.name));
  } else if (args.rankBy === 'silence') {
    // Never met first: that is the longest silence of all.
    const days = (r: Row) => (r.daysSilent === null ? Number.POSITIVE_INFINITY : r.daysSilent);
    rows = rows.sort((a, b) => (args.ascending ? days(a) - days(b) : days(b) - days(a)) || a.account.name.localeCompare(b.account.name));
  } else if (args.rankBy === 'health') {
    const tunables = await loadTunables(db);
    const health = new Map((await healthAsOf(db, asOfNow(ctx.now, ctx.tz), tunables.health, { viewerId: ctx.user.id, accountIds: rows.map((r) => r.account.id) })).map((h) => [h.accountId, h]));
    for (const r of rows) {
      const h = health.get(r.account.id);
      if (h) r.health = { score: h.score, band: h.band };
    }
    rows = rows.filter((r) => r.health).sort((a, b) => (args.ascending ? a.health!.score - b.health!.score : b.health!.score - a.health!.score) || a.account.name.localeCompare(b.account.name));
  } else if (args.rankBy === 'orders') {
    const from = args.from ?? `${today.slice(0, 4)}-01-01`;
    const to = args.to && args.to < today ? args.to : today;
    const orders = await ordersOfAccounts(db, ctx.user.id, rows.map((r) => r.account.id), from, to);
    for (const r of rows) r.ordered = orders.get(r.account.id) ?? { amount: 0, count: 0 };
    rows = rows.sort((a, b) => (args.ascending ? a.ordered!.amount - b.ordered!.amount : b.ordered!.amount - a.ordered!.amount) || a.account.name.localeCompare(b.account.name));
  }
  return args.rankBy && args.top ? rows.slice(0, args.top) : rows;
}

function describeFilters(f: Output['filters'], lang: Lang, lagPoints?: number): string {
  const parts: string[] = [];
  if (f.regions?.length) parts.push(t(portfolioTexts, 'filterRegion', lang, { regions: f.regions.join('/') }));
  if (f.budgetLag) parts.push(t(portfolioTexts, 'filterBudgetLag', lang, { points: lagPoints ?? 10 }));
  const what = t(accountTexts, f.executiveOnly ? 'whatExec' : 'whatAny', lang);
  if (f.silentDays !== undefined) parts.push(t(accountTexts, 'filterSilent', lang, { days: f.silentDays, what }));
  if (f.tiers?.length) parts.push(t(accountTexts, 'filterTier', lang, { tiers: f.tiers.join('/') }));
  if (f.openTickets) parts.push(t(accountTexts, f.complaintsOnly ? 'filterComplaints' : 'filterTickets', lang));
  if (f.expiringWithinDays) parts.push(t(accountTexts, 'filterExpiring', lang, { days: f.expiringWithinDays }));
  return parts.join(t(accountTexts, 'filterJoin', lang));
}

export const accountListTool: Tool<typeof input, Output> = {
  name: 'account_list',
  description:
    "Lists the user's accounts (scope mine) or their team's (scope team), optionally only those silent for N days (executive-level or any interaction), of given tiers, with open tickets, or with contracts ending soon.",
  input,
  examples: { zh: ['我团队里哪些客户超过30天没有高层互动?', '我的S级客户有哪些?'], en: ['Which of my accounts have had no executive interaction for 30 days?', 'List my tier A accounts'] },
  async run(ctx, args) {
    const db = ctx.app.db;
    let scope = args.scope;
    const roles = args.role ? [args.role] : undefined;
    const narrow = { tiers: args.tiers, regions: args.regions, roles };
    // A colleague's accounts, always among those the asker may see.
    const member = args.member && args.member !== ctx.user.id ? args.member : undefined;
    let accounts = await listVisibleAccounts(db, ctx.user.id, { ...narrow, ownOnly: !member && (scope === 'mine' || !!roles), memberId: member });
    // A manager's "my accounts" are their team's.
    if (!member && !roles && scope === 'mine' && !accounts.length && (await hasReports(db, ctx.user.id))) {
      scope = 'team';
      accounts = await listVisibleAccounts(db, ctx.user.id, narrow);
    }
    const ids = accounts.map((a) => a.id);
    const today = toIsoDate(ctx.now, ctx.tz);
    const [last, tickets, expiring, owners] = await Promise.all([
      lastInteractionByAccount(db, ctx.user.id, ids, { executiveOnly: args.executiveOnly && (args.silentDays !== undefined || args.rankBy === 'silence'), until: ctx.now }),
      ticketsOfAccounts(db, ctx.user.id, ids, { openOnly: true, asOf: ctx.now, kinds: args.complaintsOnly ? ['complaint'] : undefined }),
      args.expiringWithinDays ? activeContractsEnding(db, ctx.user.id, today, addDays(today, args.expiringWithinDays)) : Promise.resolve([]),
      userNames(db, [...new Set(accounts.map((a) => a.owner_id))]),
    ]);
    let rows: Row[] = accounts.map((a) => {
      const l = last.get(a.id);
      const lastDate = l ? toIsoDate(l.occurred_at, ctx.tz) : null;
      const contract = expiring.find((c) => c.account_id === a.id);
      return {
        account: ref(a),
        tier: a.tier,
        owner: owners.get(a.owner_id) ?? a.owner_id,
        lastInteraction: lastDate,
        daysSilent: lastDate ? daysBetween(lastDate, today) : null,
        openTickets: tickets.filter((x) => x.account_id === a.id).map((x) => x.id),
        expiring: contract ? { id: contract.id, endDate: contract.end_date, days: daysBetween(today, contract.end_date) } : undefined,
      };
    });
    if (args.openTickets) rows = rows.filter((r) => r.openTickets.length);
    if (args.expiringWithinDays) rows = rows.filter((r) => r.expiring);
    const all = rows;
    rows = await ranked(ctx, args, rows, today);
    const noBudget = args.rankBy === 'budget' ? all.filter((r) => !r.budget).map((r) => r.account) : undefined;
    let never: AccountRef[] = [];
    if (args.silentDays !== undefined) {
      never = rows.filter((r) => r.daysSilent === null).map((r) => r.account);
      rows = rows.filter((r) => r.daysSilent !== null && r.daysSilent > args.silentDays!).sort((a, b) => b.daysSilent! - a.daysSilent!);
    }
    const { scope: _s, ...filters } = args;
    const memberName = member ? (await userNames(db, [member])).get(member) : undefined;
    const lagPoints = args.budgetLag ? (await loadTunables(db)).rules.budget_lag.points : undefined;
    return { scope, memberName, lagPoints, filters, rows, never, noBudget };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const f = out.filters;
    const filters = describeFilters(f, lang, out.lagPoints);
    const role = f.role ? t(portfolioTexts, `role${f.role}`, lang) : '';
    const scope = out.memberName
      ? t(portfolioTexts, f.role ? 'scopeMemberRole' : 'scopeMember', lang, { name: out.memberName, role })
      : f.role
        ? t(portfolioTexts, 'scopeOwnRole', lang, { role })
        : t(accountTexts, out.scope === 'mine' ? 'scopeMine' : 'scopeTeam', lang);
    const today = toIsoDate(ctx.now, ctx.tz);
    const period = periodLabel({ from: f.from ?? `${today.slice(0, 4)}-01-01`, to: f.to && f.to < today ? f.to : today }, today, lang);
    const what = t(accountTexts, f.executiveOnly ? 'whatExec' : 'whatAny', lang);
    const lines = out.rows.slice(0, MAX_ROWS).map((r, i) => {
      if (f.rankBy === 'health' && r.health) return t(portfolioTexts, 'rankLineHealth', lang, { n: i + 1, name: r.account.name, score: r.health.score, band: label(HEALTH_BAND, r.health.band, lang) });
      if (f.rankBy === 'orders' && r.ordered) return t(portfolioTexts, 'rankLineOrders', lang, { n: i + 1, name: r.account.name, amount: formatAmount(r.ordered.amount, lang), count: r.ordered.count });
      if (f.rankBy === 'budget' && r.budget)
        return t(rankingTexts, 'rankLineBudget', lang, { n: i + 1, name: r.account.name, share: formatPercent(r.budget.share), orders: formatAmount(r.budget.ordered ?? 0, lang), budget: formatAmount(r.budget.amount ?? 0, lang) });
      if (f.rankBy === 'silence')
        return r.lastInteraction
          ? t(rankingTexts, 'rankLineSilence', lang, { n: i + 1, name: r.account.name, what, date: r.lastInteraction, days: r.daysSilent! })
          : t(rankingTexts, 'rankLineNever', lang, { n: i + 1, name: r.account.name, what });
      let detail = '';
      if (r.budget) detail = t(portfolioTexts, 'detailBudget', lang, { share: formatPercent(r.budget.share), elapsed: formatPercent(r.budget.elapsed) });
      else
      if (f.silentDays !== undefined && r.lastInteraction) detail = t(accountTexts, 'detailSilent', lang, { what, date: r.lastInteraction, days: r.daysSilent! });
      else if (f.openTickets) detail = t(accountTexts, 'detailTickets', lang, { count: r.openTickets.length, ids: r.openTickets.join(', ') });
      else if (r.expiring) detail = t(accountTexts, 'detailExpiring', lang, { contract: r.expiring.id, date: r.expiring.endDate, days: r.expiring.days });
      else if (r.lastInteraction) detail = (lang === 'zh' ? ',' : ', ') + t(accountTexts, 'lastInteraction', lang, { date: r.lastInteraction });
      const tier = r.tier ? t(accountTexts, 'tierLabel', lang, { tier: r.tier }) : t(accountTexts, 'tierUnknown', lang);
      return t(accountTexts, 'listLine', lang, { name: r.account.name, tier, owner: r.owner, detail });
    });
    if (out.rows.length > MAX_ROWS) lines.push(t(accountTexts, 'listMore', lang, { count: out.rows.length - MAX_ROWS }));
    const parts: string[] = [];
    const head = out.rows.length
      ? t(accountTexts, filters ? 'listHead' : 'listHeadPlain', lang, { scope, filters, count: out.rows.length })
      : t(accountTexts, filters ? 'listNone' : 'listNonePlain', lang, { scope, filters });
    parts.push(head);
    if ((f.rankBy === 'budget' || f.rankBy === 'silence') && out.rows.length) {
      const elapsed = formatPercent(yearElapsedShare(today));
      const key = f.rankBy === 'silence' ? 'rankSilence' : f.ascending ? 'rankBudgetLow' : 'rankBudgetHigh';
      parts.push(t(rankingTexts, key, lang, { year: today.slice(0, 4), elapsed, what }));
    } else if (f.rankBy && out.rows.length) {
      const key = f.rankBy === 'health' ? (f.ascending ? 'rankHealthLow' : 'rankHealthHigh') : f.ascending ? 'rankOrdersLow' : 'rankOrdersHigh';
      parts.push(t(portfolioTexts, key, lang, { period: f.rankBy === 'orders' ? period : '' }));
    }
    parts.push(...lines);
    if (out.noBudget?.length) parts.push(t(rankingTexts, 'noBudget', lang, { count: out.noBudget.length, year: today.slice(0, 4), names: joinList(out.noBudget.map((a) => a.name), lang) }));
    if (out.never.length) parts.push(t(accountTexts, 'neverGroup', lang, { count: out.never.length, what, names: joinList(out.never.map((a) => a.name), lang) }));
    const citations = out.rows.slice(0, MAX_ROWS).map((r) => ({ source: 'account' as const, id: r.account.id, date: r.lastInteraction ?? undefined, accountId: r.account.id }));
    return { lang, title: head, text: parts.join('\n'), sections: [{ title: head, lines }], citations, data: { tool: 'account_list', ...out } };
  },
  offline: {
    account: 'none',
    keywords: {
      zh: [...SILENCE_WORDS.zh, ...MINE_WORDS.zh, '级客户', '级', '类客户', '负责交付', '交付经理', '方案经理', '客户经理', '最久', '好久', '最长时间', '执行率', '完成率'],
      en: [...SILENCE_WORDS.en, ...MINE_WORDS.en, 'tier', 'longest'],
    },
    score(u) {
      const list = countHits(u, LIST_MARKERS) > 0 || PORTFOLIO_QUESTION.test(u.rest);
      const tiers = tiersIn(u.rest).length > 0;
      const scoped = u.users.length > 0 || !!roleIn(u.rest) || u.regions.length > 0;
      // "北方路桥最大的一笔订单" asks about that account, not for a ranking of the portfolio.
      const named = u.mention.kind === 'found' || u.mention.kind === 'ambiguous';
      if (rankWanted(u) && (list || (!named && (RANK_SUBJECT.test(u.rest) || PRIORITY.test(u.rest))))) return 4.5;
      if (LONGEST_SILENCE.test(u.rest) && (list || !named)) return 4.5;
      // "李娜负责的客户", "我作为客户经理的客户": a scope over accounts; not "江南港务的客户经理是谁" (one account's team).
      if (scoped && (list || (u.mention.kind !== 'found' && ACCOUNT_WORD.test(u.rest.replace(/(大)?客户经理/g, ''))))) return 4;
      if (tiers && list && (any(u, TICKET_FILTER) || any(u, EXPIRY_FILTER))) return 4;
      // Otherwise only an explicit list of accounts ("哪些客户"), not any "哪些" ("江南港务的联系人有哪些").
      const accounts = countHits(u, LIST_MARKERS) > 0;
      if (!accounts && !(silenceWanted(u) && u.mention.kind === 'none') && !tiers) return 0;
      return (accounts ? 2 : 0) + (silenceWanted(u) ? 1.5 : 0) + (tiers ? 1 : 0);
    },
    input(u) {
      const longest = LONGEST_SILENCE.test(u.rest);
      const silent = silenceWanted(u) && !longest;
      const tiers = tiersIn(u.rest);
      const days = u.duration?.days ?? DEFAULT_SILENT_DAYS;
      const rank = longest ? 'high' : rankWanted(u);
      const rankBy = rank ? rankMetric(u, longest) : undefined;
      const period = rankBy === 'orders' ? pastPeriod(u) : undefined;
      return {
        scope: any(u, MINE_WORDS) && !/团队|team/.test(u.rest) ? ('mine' as const) : ('team' as const),
        silentDays: silent ? days : undefined,
        executiveOnly: (silent || longest) && any(u, EXECUTIVE_WORDS),
        tiers: tiers.length ? tiers : undefined,
        openTickets: !silent && any(u, TICKET_FILTER),
        complaintsOnly: any(u, ['投诉', 'complaint']),
        expiringWithinDays: !silent && any(u, EXPIRY_FILTER) ? (u.duration?.days ?? 90) : undefined,
        member: u.users[0]?.id,
        role: roleIn(u.rest),
        regions: u.regions.length ? u.regions : undefined,
        budgetLag: BUDGET_LAG.test(u.rest) && rankBy !== 'budget',
        rankBy,
        ascending: rank === 'low',
        top: rank ? topN(u.rest) : undefined,
        from: period?.from,
        to: period?.to,
      };
    },
  },
};

/** "哪个客户…", "how many accounts", "top 3": a question over the portfolio. */
const PORTFOLIO_QUESTION = /哪个客户|哪家|哪些|哪几|几个客户|多少个?客户|\bhow many (accounts|customers|clients)\b|\bwhich (one|account|customer|client)s?\b|\btop\s*\d/;
const ACCOUNT_WORD = /客户|账户|\baccounts?\b|\bcustomers?\b|\bclients?\b/;
/** "这周该去拜访谁", "重点跟进哪些客户", "who should I focus on": the riskiest first. */
const PRIORITY = /重点跟进|优先跟进|重点关注|优先关注|该(去)?(拜访|跟进|联系)(谁|哪)|应该(去)?(拜访|跟进|联系)(谁|哪)|先(去)?(拜访|跟进)(谁|哪)|\bprioriti[sz]e\b|\bshould (i|we) (visit|call|see|focus on|follow up)\b|\bfocus on\b/;
const RANK_LOW = /最(低|差|少|小|弱|危险|不健康)|风险最(大|高)|最有风险|\b(riskiest|lowest|least|worst|bottom)\b|most at risk/;
const RANK_HIGH = /最(高|好|多|大|强|健康)|排名|排行|前\s*(\d+|[一二两三四五六七八九十])\s*(个|家|名)|\btop\b|\b(highest|most|best|biggest|largest)\b/;
const RANK_SUBJECT = /健康|风险|买|下单|订单|采购|预算|\bhealth|\brisk|\borders?\b|\bbought\b|\bbudget/;
/** "最久没拜访", "好久没联系", "longest without a visit", "gone longest without contact": rank by days silent. */
const LONGEST_SILENCE = /(最久|最长时间|最长|好久|很久|多久)(都)?(没有|没|未)|(没有|没|未)[\u4e00-\u9fff]{0,4}?(最久|最长)|\blongest\b|\bthe longest time\b|\blongest (time )?(since|without)\b/;
/** "预算执行最差", "lowest budget execution", "执行率最高": rank by budget execution. */
const BUDGET_RANK = /预算|执行率|完成率|\bbudget/;
const HEALTH_RANK = /健康|风险|\bhealth|\brisk/;
const ORDER_RANK = /买|下单|订单|采购|金额|\borders?\b|\bbought\b|\bbuy|\bpurchase/;
const BUDGET_LAG = /预算.{0,6}(落后|滞后|不足|偏低|太慢|跟不上|没完成)|\bbudget\b.{0,24}\b(behind|lag|lagging)\b/;
const ROLES: { role: 'AR' | 'SR' | 'FR'; re: RegExp }[] = [
  { role: 'FR', re: /负责交付|交付经理|交付负责人|做交付|\bfr\b|delivery manager/ },
  { role: 'SR', re: /方案经理|解决方案经理|方案专家|售前|\bsr\b|solution (expert|manager)/ },
  { role: 'AR', re: /客户经理|\bar\b|account manager/ },
];

function roleIn(rest: string): 'AR' | 'SR' | 'FR' | undefined {
  return ROLES.find((r) => r.re.test(rest))?.role;
}

function rankMetric(u: Utterance, longest: boolean): 'health' | 'orders' | 'budget' | 'silence' {
  if (longest) return 'silence';
  if (BUDGET_RANK.test(u.rest) && !HEALTH_RANK.test(u.rest)) return 'budget';
  return HEALTH_RANK.test(u.rest) || !ORDER_RANK.test(u.rest) ? 'health' : 'orders';
}

function rankWanted(u: Utterance): 'low' | 'high' | undefined {
  if (RANK_LOW.test(u.rest) || PRIORITY.test(u.rest)) return 'low';
  if (RANK_HIGH.test(u.rest)) return 'high';
  return undefined;
}

/** "前3个", "top 3", "最低的3个客户": how many; "哪个客户" asks for one. */
function topN(rest: string): number | undefined {
  const m = /(?:top|前|最\S{0,4}?的)\s*(\d+|[一二两三四五六七八九十])\s*(?:个|家|名)?|(\d+|[一二两三四五六七八九十])\s*(?:个|家|名)(?:客户)?/.exec(rest);
  const n = m ? parseNumber(m[1] ?? m[2]) : undefined;
  if (n && n >= 1 && n <= 50) return n;
  return /哪个|哪家|哪一个|\bwhich (one|account|customer|client)\b/.test(rest) ? 1 : 10;
}
