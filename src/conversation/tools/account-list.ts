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
import { joinList } from '../format.ts';
import { any, countHits, LIST_MARKERS } from '../nlu/keywords.ts';
import type { Utterance } from '../nlu/utterance.ts';
import type { Tool } from '../types.ts';
import { ref, type AccountRef } from './account-arg.ts';
import { EXECUTIVE_WORDS } from './last-interaction.ts';

const TIERS = ['S', 'A', 'B', 'C'] as const;

const input = z.object({
  scope: z.enum(['mine', 'team']).default('team').describe('"mine": accounts the user is on the team of; "team": everything the user can see (their reports\' accounts too)'),
  silentDays: z.number().int().min(0).max(3650).optional().describe('Only accounts with no interaction for more than this many days'),
  executiveOnly: z.boolean().default(false).describe('With silentDays: count only interactions with executive-level contacts'),
  tiers: z.array(z.enum(TIERS)).optional().describe('Only these tiers'),
  openTickets: z.boolean().default(false).describe('Only accounts with unresolved tickets'),
  complaintsOnly: z.boolean().default(false).describe('With openTickets: only complaints count'),
  expiringWithinDays: z.number().int().min(1).max(3650).optional().describe('Only accounts with an active contract ending within this many days'),
});
type Input = z.infer<typeof input>;

interface Row {
  account: AccountRef;
  tier: string | null;
  owner: string;
  lastInteraction: string | null;
  daysSilent: number | null;
  openTickets: string[];
  expiring?: { id: string; endDate: string; days: number };
}

interface Output {
  scope: 'mine' | 'team';
  filters: Omit<Input, 'scope'>;
  rows: Row[];
  /** With a silence filter: accounts with no (executive) interaction on record at all. */
  never: AccountRef[];
}

const MAX_ROWS = 30;

const SILENCE_WORDS = {
  zh: ['没有互动', '没互动', '未互动', '没有联系', '没联系', '未联系', '没有拜访', '没拜访', '未拜访', '没见', '没有见', '没去', '沉默', '没有跟进', '没跟进', '未跟进', '没有接触', '没接触', '没有沟通', '没沟通', '冷落', '没有高层互动', '没有走动', '没走动'],
  en: ['no interaction', 'no interactions', 'not contacted', "haven't met", 'have not met', "haven't visited", 'no contact', 'silent', 'silence', 'gone quiet', 'not been contacted', 'no executive', 'without interaction', 'without contact', "haven't talked", 'not visited', 'neglected'],
};
const TICKET_FILTER = { zh: ['工单', '投诉', '问题'], en: ['ticket', 'complaint', 'issue'] };
const EXPIRY_FILTER = { zh: ['到期', '合同'], en: ['expire', 'expiring', 'contract'] };
const MINE_WORDS = { zh: ['我的客户', '我负责', '我名下', '我自己的'], en: ['my accounts', 'my customers', 'my clients', 'mine'] };
const DEFAULT_SILENT_DAYS = 30;

function tiersIn(norm: string): (typeof TIERS)[number][] {
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

function describeFilters(f: Output['filters'], lang: Lang): string {
  const parts: string[] = [];
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
    let accounts = await listVisibleAccounts(db, ctx.user.id, { ownOnly: scope === 'mine', tiers: args.tiers });
    // A manager's "my accounts" are their team's.
    if (scope === 'mine' && !accounts.length && (await hasReports(db, ctx.user.id))) {
      scope = 'team';
      accounts = await listVisibleAccounts(db, ctx.user.id, { tiers: args.tiers });
    }
    const ids = accounts.map((a) => a.id);
    const today = toIsoDate(ctx.now, ctx.tz);
    const [last, tickets, expiring, owners] = await Promise.all([
      lastInteractionByAccount(db, ctx.user.id, ids, { executiveOnly: args.executiveOnly && args.silentDays !== undefined, until: ctx.now }),
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
    let never: AccountRef[] = [];
    if (args.silentDays !== undefined) {
      never = rows.filter((r) => r.daysSilent === null).map((r) => r.account);
      rows = rows.filter((r) => r.daysSilent !== null && r.daysSilent > args.silentDays!).sort((a, b) => b.daysSilent! - a.daysSilent!);
    }
    const { scope: _s, ...filters } = args;
    return { scope, filters, rows, never };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const f = out.filters;
    const filters = describeFilters(f, lang);
    const scope = t(accountTexts, out.scope === 'mine' ? 'scopeMine' : 'scopeTeam', lang);
    const what = t(accountTexts, f.executiveOnly ? 'whatExec' : 'whatAny', lang);
    const lines = out.rows.slice(0, MAX_ROWS).map((r) => {
      let detail = '';
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
      ? t(accountTexts, 'listHead', lang, { scope, filters, count: out.rows.length })
      : t(accountTexts, 'listNone', lang, { scope, filters });
    parts.push(head, ...lines);
    if (out.never.length) parts.push(t(accountTexts, 'neverGroup', lang, { count: out.never.length, what, names: joinList(out.never.map((a) => a.name), lang) }));
    const citations = out.rows.slice(0, MAX_ROWS).map((r) => ({ source: 'account' as const, id: r.account.id, date: r.lastInteraction ?? undefined, accountId: r.account.id }));
    return { lang, title: head, text: parts.join('\n'), sections: [{ title: head, lines }], citations, data: { tool: 'account_list', ...out } };
  },
  offline: {
    account: 'none',
    keywords: { zh: [...SILENCE_WORDS.zh, ...MINE_WORDS.zh, '级客户', '级', '类客户'], en: [...SILENCE_WORDS.en, ...MINE_WORDS.en, 'tier'] },
    score(u) {
      const list = countHits(u, LIST_MARKERS) > 0;
      const tiers = tiersIn(u.rest).length > 0;
      if (!list && !(silenceWanted(u) && u.mention.kind === 'none') && !tiers) return 0;
      return (list ? 2 : 0) + (silenceWanted(u) ? 1.5 : 0) + (tiers ? 1 : 0);
    },
    input(u) {
      const silent = silenceWanted(u);
      const tiers = tiersIn(u.rest);
      const days = u.duration?.days ?? DEFAULT_SILENT_DAYS;
      return {
        scope: any(u, MINE_WORDS) && !/团队|team/.test(u.rest) ? ('mine' as const) : ('team' as const),
        silentDays: silent ? days : undefined,
        executiveOnly: silent && any(u, EXECUTIVE_WORDS),
        tiers: tiers.length ? tiers : undefined,
        openTickets: !silent && any(u, TICKET_FILTER),
        complaintsOnly: any(u, ['投诉', 'complaint']),
        expiringWithinDays: !silent && any(u, EXPIRY_FILTER) ? (u.duration?.days ?? 90) : undefined,
      };
    },
  },
};
