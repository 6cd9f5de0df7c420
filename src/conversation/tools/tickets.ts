// Service tickets: open (or all) complaints, repairs and inquiries of one account, or across every
// visible account.
import { z } from 'zod';
import { commercialTexts } from '../../../prompts/conversation/commercial.ts';
import { SEVERITY, TICKET_KIND, label } from '../../../prompts/conversation/labels.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { formatDateTime, hoursBetween } from '../../domain/time.ts';
import { getVisibleAccounts } from '../../store/accounts.ts';
import { accountTickets, visibleTickets } from '../../store/tickets.ts';
import { any, countHits } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';

const KINDS = ['complaint', 'repair', 'inquiry'] as const;

const input = z.object({
  account: accountArg.optional().describe('One account; omit for all accounts the user can see'),
  kinds: z.array(z.enum(KINDS)).optional().describe('Only these kinds'),
  includeResolved: z.boolean().default(false).describe('Also list resolved tickets'),
});

interface TicketView {
  id: string;
  account: AccountRef;
  kind: string;
  severity: string | null;
  openedAt: string;
  resolvedAt: string | null;
  summary: string | null;
  hoursOpen: number | null;
}

interface Output {
  account?: AccountRef;
  openOnly: boolean;
  kinds?: string[];
  tickets: TicketView[];
}

const TICKET_WORDS = {
  zh: ['工单', '投诉', '报修', '维修', '故障', '售后问题', '售后', '问题单', '服务请求', '咨询单'],
  en: ['ticket', 'tickets', 'complaint', 'complaints', 'repair', 'repairs', 'service request', 'issue', 'issues', 'incident', 'escalation'],
};
const ALL_WORDS = ['所有工单', '全部工单', '历史工单', '所有投诉', '全部投诉', '历史', '已解决', '包括已解决', 'all tickets', 'all complaints', 'history', 'resolved', 'including resolved'];
const KIND_WORDS: { kind: (typeof KINDS)[number]; words: string[] }[] = [
  { kind: 'complaint', words: ['投诉', 'complaint', 'complaints'] },
  { kind: 'repair', words: ['报修', '维修', 'repair', 'repairs'] },
  { kind: 'inquiry', words: ['咨询', 'inquiry', 'inquiries'] },
];

function duration(hours: number, lang: Lang): string {
  return hours < 48 ? t(commercialTexts, 'hours', lang, { n: Math.floor(hours) }) : t(commercialTexts, 'days', lang, { n: Math.floor(hours / 24) });
}

export const ticketsTool: Tool<typeof input, Output> = {
  name: 'tickets',
  description: 'Service tickets (complaints, repairs, inquiries) of one account or of all visible accounts; open ones by default, with severity and how long they have been open.',
  input,
  examples: { zh: ['{account}有哪些未解决的工单?', '我的客户有没有未处理的投诉?'], en: ['Open tickets at {account}?', 'Any unresolved complaints across my accounts?'] },
  async run(ctx, args) {
    const q = { openOnly: !args.includeResolved, asOf: ctx.now, kinds: args.kinds };
    let account: AccountRef | undefined;
    let list;
    if (args.account) {
      const a = await accountFor(ctx, args.account);
      account = ref(a);
      list = await accountTickets(ctx.app.db, ctx.user.id, a.id, q);
    } else {
      list = await visibleTickets(ctx.app.db, ctx.user.id, q);
    }
    const names = new Map((await getVisibleAccounts(ctx.app.db, ctx.user.id, [...new Set(list.map((x) => x.account_id))])).map((a) => [a.id, ref(a)]));
    return {
      account,
      openOnly: q.openOnly,
      kinds: args.kinds,
      tickets: list.map((x) => {
        const open = !x.resolved_at || x.resolved_at > ctx.now;
        return {
          id: x.id,
          account: names.get(x.account_id) ?? { id: x.account_id, name: x.account_id },
          kind: x.kind,
          severity: x.severity,
          openedAt: formatDateTime(x.opened_at, ctx.tz),
          resolvedAt: x.resolved_at && !open ? formatDateTime(x.resolved_at, ctx.tz) : null,
          summary: x.summary,
          hoursOpen: open ? Math.round(hoursBetween(x.opened_at, ctx.now) * 10) / 10 : null,
        };
      }),
    };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const kindWord = out.kinds?.length === 1 ? label(TICKET_KIND, out.kinds[0], lang) : t(commercialTexts, 'kindTickets', lang);
    const what = t(commercialTexts, out.openOnly ? 'whatOpen' : 'whatAll', lang, { kind: kindWord });
    if (!out.tickets.length) {
      return { lang, text: out.account ? t(commercialTexts, 'ticketsNone', lang, { account: out.account.name, what }) : t(commercialTexts, 'ticketsNoneAll', lang, { what }) };
    }
    const head = out.account
      ? t(commercialTexts, 'ticketsHead', lang, { account: out.account.name, count: out.tickets.length, what })
      : t(commercialTexts, 'ticketsHeadAll', lang, { count: out.tickets.length, what });
    const lines = out.tickets.map((x) =>
      t(commercialTexts, 'ticketLine', lang, {
        id: x.id,
        kind: label(TICKET_KIND, x.kind, lang),
        severity: label(SEVERITY, x.severity, lang) || '-',
        account: out.account ? '' : ` ${x.account.name}`,
        summary: x.summary ?? '',
        opened: x.openedAt.slice(0, 16).replace('T', ' '),
        state: x.hoursOpen !== null ? t(commercialTexts, 'ticketOpenFor', lang, { hours: duration(x.hoursOpen, lang) }) : t(commercialTexts, 'ticketResolved', lang, { date: x.resolvedAt!.slice(0, 10) }),
      }),
    );
    return {
      lang,
      title: head,
      text: [head, ...lines].join('\n'),
      sections: [{ title: head, lines }],
      citations: out.tickets.map((x) => ({ source: 'ticket' as const, id: x.id, date: x.openedAt.slice(0, 10), accountId: x.account.id, snippet: x.summary ?? undefined })),
    };
  },
  subjectAccount: (out) => out.account?.id,
  offline: {
    account: 'optional',
    keywords: { zh: [...TICKET_WORDS.zh, ...ALL_WORDS.filter((w) => /[\u4e00-\u9fff]/.test(w)), '未解决', '未处理', '未关闭', '没解决', '待处理'], en: [...TICKET_WORDS.en, 'open', 'unresolved', 'pending'] },
    score: (u) => (countHits(u, TICKET_WORDS) ? 2 + (/工单|投诉|ticket|complaint/.test(u.rest) ? 0.5 : 0) : 0),
    input(u, accountId) {
      const kinds = KIND_WORDS.filter((k) => any(u, k.words)).map((k) => k.kind);
      return { account: accountId, kinds: kinds.length ? kinds : undefined, includeResolved: any(u, ALL_WORDS) };
    },
  },
};
