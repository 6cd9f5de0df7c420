// Contracts: all contracts of one account with days to expiry, or, without an account, the active
// contracts of every visible account that end within N days (and whether a renewal is in play).
import { factLabels } from '../../../prompts/conversation/facts.ts';
import { z } from 'zod';
import { commercialTexts } from '../../../prompts/conversation/commercial.ts';
import { CONTRACT_KIND, CONTRACT_STATUS, label } from '../../../prompts/conversation/labels.ts';
import { t } from '../../../prompts/index.ts';
import { addDays, daysBetween, toIsoDate } from '../../domain/time.ts';
import { getVisibleAccounts } from '../../store/accounts.ts';
import { accountContracts, activeContractsEnding } from '../../store/contracts.ts';
import { openOpportunitiesOf } from '../../store/opportunities.ts';
import { formatAmount } from '../../tools/format.ts';
import { countHits } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';
import { isoDate, periodLabel } from './period.ts';

const input = z.object({
  account: accountArg.optional().describe('One account; omit to list contracts ending soon across all accounts the user can see'),
  withinDays: z.number().int().min(1).max(3650).default(90).describe('Without an account: list active contracts ending within this many days'),
  from: isoDate.optional().describe('Without an account: only contracts ending on or after this date (YYYY-MM-DD; with `to`, instead of withinDays)'),
  to: isoDate.optional().describe('Without an account: only contracts ending on or before this date'),
});

interface ContractView {
  id: string;
  account: AccountRef;
  kind: string;
  startDate: string | null;
  endDate: string;
  amount: number | null;
  status: string;
  daysToExpiry: number;
  openOpportunity?: boolean;
}

interface Output {
  account?: AccountRef;
  withinDays?: number;
  /** The period asked for ("明年到期的合同"), instead of withinDays. */
  period?: { from: string; to: string };
  contracts: ContractView[];
}

const EXPIRY = /到期|过期|续签|续约|\bexpir|\bends?\b|\brenew/;
const CONTRACT_WORDS = {
  zh: ['合同', '协议', '框架协议', '到期', '续签', '续约', '过期', '签约'],
  en: ['contract', 'contracts', 'agreement', 'agreements', 'expire', 'expires', 'expiring', 'expiry', 'renewal', 'renew', 'ends', 'end date'],
};

export const contractsTool: Tool<typeof input, Output> = {
  name: 'contracts',
  description: "Contracts: all contracts of one account (kind, dates, amount, status, days to expiry), or, without an account, active contracts ending within N days across the user's accounts.",
  input,
  examples: { zh: ['{account}的合同什么时候到期?', '未来90天有哪些合同到期?'], en: ['When does the {account} contract expire?', 'Which contracts end in the next 60 days?'] },
  async run(ctx, args) {
    const today = toIsoDate(ctx.now, ctx.tz);
    const view = (c: Awaited<ReturnType<typeof accountContracts>>[number], account: AccountRef): ContractView => ({
      id: c.id,
      account,
      kind: c.kind,
      startDate: c.start_date,
      endDate: c.end_date,
      amount: c.amount,
      status: c.status,
      daysToExpiry: daysBetween(today, c.end_date),
    });
    if (args.account) {
      const account = await accountFor(ctx, args.account);
      const list = await accountContracts(ctx.app.db, ctx.user.id, account.id);
      return { account: ref(account), contracts: list.map((c) => view(c, ref(account))) };
    }
    const period = args.to ? { from: args.from && args.from > today ? args.from : today, to: args.to } : undefined;
    const list = await activeContractsEnding(ctx.app.db, ctx.user.id, period?.from ?? today, period?.to ?? addDays(today, args.withinDays));
    const ids = [...new Set(list.map((c) => c.account_id))];
    const accounts = new Map((await getVisibleAccounts(ctx.app.db, ctx.user.id, ids)).map((a) => [a.id, ref(a)]));
    const opps = new Set((await openOpportunitiesOf(ctx.app.db, ctx.user.id, ids)).map((o) => o.account_id));
    return {
      withinDays: period ? undefined : args.withinDays,
      period,
      contracts: list.map((c) => ({ ...view(c, accounts.get(c.account_id) ?? { id: c.account_id, name: c.account_id }), openOpportunity: opps.has(c.account_id) })),
    };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const kind = (k: string) => label(CONTRACT_KIND, k, lang);
    if (!out.account) {
      const days = out.withinDays ?? 90;
      const period = out.period && periodLabel(out.period, toIsoDate(ctx.now, ctx.tz), lang);
      if (!out.contracts.length) return { lang, text: period ? t(commercialTexts, 'expiringNonePeriod', lang, { period }) : t(commercialTexts, 'expiringNone', lang, { days }) };
      const head = period ? t(commercialTexts, 'expiringHeadPeriod', lang, { period, count: out.contracts.length }) : t(commercialTexts, 'expiringHead', lang, { days, count: out.contracts.length });
      const lines = out.contracts.map((c) =>
        t(commercialTexts, 'expiringLine', lang, { account: c.account.name, id: c.id, kind: kind(c.kind), end: c.endDate, days: c.daysToExpiry, opp: c.openOpportunity ? '' : t(commercialTexts, 'expiringNoOpp', lang) }),
      );
      return { lang, title: head, text: [head, ...lines].join('\n'), sections: [{ title: head, lines }], citations: out.contracts.map((c) => ({ source: 'contract' as const, id: c.id, date: c.endDate, accountId: c.account.id })) };
    }
    if (!out.contracts.length) return { lang, text: t(commercialTexts, 'contractsNone', lang, { account: out.account.name }) };
    const active = out.contracts.filter((c) => c.status === 'active' && c.daysToExpiry >= 0).sort((a, b) => a.daysToExpiry - b.daysToExpiry);
    const first = active[0];
    const summary = first
      ? t(commercialTexts, 'contractNext', lang, { account: out.account.name, kind: kind(first.kind), id: first.id, date: first.endDate, days: first.daysToExpiry })
      : t(commercialTexts, 'contractEnded', lang, { account: out.account.name });
    const head = t(commercialTexts, 'contractsHead', lang, { account: out.account.name, count: out.contracts.length });
    const lines = out.contracts.map((c) =>
      t(commercialTexts, 'contractLine', lang, {
        id: c.id,
        kind: kind(c.kind),
        start: c.startDate ? t(commercialTexts, 'contractStart', lang, { date: c.startDate }) : '',
        end: c.endDate,
        amount: c.amount === null ? t(commercialTexts, 'noAmount', lang) : formatAmount(c.amount, lang),
        status: label(CONTRACT_STATUS, c.status, lang),
        left: c.status !== 'active' ? '' : c.daysToExpiry >= 0 ? t(commercialTexts, 'contractLeft', lang, { days: c.daysToExpiry }) : t(commercialTexts, 'contractOverdue', lang, { days: -c.daysToExpiry }),
      }),
    );
    return {
      lang,
      title: head,
      text: [summary, head, ...lines].join('\n'),
      sections: [{ title: head, lines }],
      facts: first ? [{ label: t(factLabels, 'contractEnds', lang), value: first.endDate }] : undefined,
      citations: out.contracts.map((c) => ({ source: 'contract' as const, id: c.id, date: c.endDate, accountId: c.account.id })),
    };
  },
  subjectAccount: (out) => out.account?.id,
  offline: {
    account: 'optional',
    keywords: CONTRACT_WORDS,
    // "有没有下个月到期的合同", "下个月有合同到期吗": contracts ending in a coming period, across the book.
    asksAcrossBook: (u) => EXPIRY.test(u.rest) && u.range?.direction === 'future',
    score: (u) => (countHits(u, CONTRACT_WORDS) ? 2 + (/合同|协议|contract|agreement/.test(u.rest) ? 0.5 : 0) : 0),
    input: (u, accountId) => {
      // A named period ("明年", "下个月", "今年") ends where it ends; "未来60天" is a number of days.
      const named = u.range && !u.duration && u.range.to > u.today ? u.range : undefined;
      return {
        account: accountId,
        withinDays: u.range?.direction === 'future' ? Math.max(1, Math.ceil((Date.parse(u.range.to) - Date.parse(u.today)) / 86400000)) : (u.duration?.days ?? 90),
        from: named?.from,
        to: named?.to,
      };
    },
  },
};
