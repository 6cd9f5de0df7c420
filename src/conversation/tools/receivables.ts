// "中建华东的回款情况", "has X paid", "应收账款": payments, invoices and receivables are not in the CRM
// data the assistant holds (CONTRACT.md §4 has no such file or column). The answer says so plainly
// and offers what is held instead: the account's active contracts and last year's orders.
import { z } from 'zod';
import type { Citation } from '../../chat/types.ts';
import { CONTRACT_KIND, label } from '../../../prompts/conversation/labels.ts';
import { receivableTexts } from '../../../prompts/conversation/receivables.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { addDays, toIsoDate } from '../../domain/time.ts';
import type { Contract, Order } from '../../domain/types.ts';
import { accountContracts } from '../../store/contracts.ts';
import { accountOrders } from '../../store/orders.ts';
import { formatAmount } from '../../tools/format.ts';
import type { Utterance } from '../../nlu/utterance.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';
import { periodLabel } from './period.ts';

const input = z.object({ account: accountArg.optional().describe('The account asked about, if any') });

interface Output {
  account?: AccountRef;
  /** Active contracts of the account. */
  contracts: Pick<Contract, 'id' | 'kind' | 'end_date' | 'amount'>[];
  /** Orders of the last 12 months, newest first. */
  orders: Pick<Order, 'id' | 'order_date' | 'amount' | 'product'>[];
  from: string;
  to: string;
}

/** Payment status, collections, receivables, debts: not a mention of payment terms in the history. */
const RECEIVABLE_ZH = /回款|应收|欠款|欠费|欠我们|尾款|收款|账款|到账|打款|结清|付清|账期|逾期未付|付款(情况|进度|状态|记录|了|没|吗|多少)|付(了|过)(钱|款)|(付|给)钱了/;
const RECEIVABLE_EN = /\b(receivables?|accounts receivable|unpaid|outstanding (payments?|balance|invoices?|amount)|overdue (payments?|invoices?)|payment (status|history|received)|payments received|collections?|invoices?|dso)\b|\b(has|have|did)\b.{0,60}\b(paid|pay)\b|\b(owes?|owed)\b|\bpaid\b/;
/** "上次跟华瑞聊回款是什么时候", "did they mention payment terms": a search of the history, not a balance. */
const DISCUSSED = /聊|谈|提到|提过|提起|说过|说到|讨论|\b(discuss(ed)?|mention(ed)?|talk(ed)?|say|said|brought up|raised)\b/;

export function asksForReceivables(u: Pick<Utterance, 'rest'>): boolean {
  return (RECEIVABLE_ZH.test(u.rest) || RECEIVABLE_EN.test(u.rest)) && !DISCUSSED.test(u.rest);
}

function sum(values: (number | null)[]): number {
  return values.reduce<number>((n, v) => n + (v ?? 0), 0);
}

function offerLines(out: Output, lang: Lang, today: string): string[] {
  const lines: string[] = [];
  const unknown = out.contracts.filter((c) => c.amount === null).length;
  if (out.contracts.length) {
    const known = out.contracts.length - unknown;
    lines.push(
      known
        ? t(receivableTexts, 'contractsActive', lang, {
            count: out.contracts.length,
            amount: formatAmount(sum(out.contracts.map((c) => c.amount)), lang),
            unknown: unknown ? t(receivableTexts, 'contractsUnknown', lang, { count: unknown }) : '',
          })
        : t(receivableTexts, 'contractsActiveUnknown', lang, { count: out.contracts.length }),
    );
    for (const c of out.contracts) {
      const amount = c.amount === null ? t(receivableTexts, 'amountUnknown', lang) : formatAmount(c.amount, lang);
      lines.push(t(receivableTexts, 'contractLine', lang, { id: c.id, kind: label(CONTRACT_KIND, c.kind, lang), end: c.end_date, amount }));
    }
  } else lines.push(t(receivableTexts, 'contractsNone', lang));
  const period = periodLabel({ from: out.from, to: out.to }, today, lang);
  const last = out.orders[0];
  lines.push(
    last
      ? t(receivableTexts, 'orders', lang, { period, count: out.orders.length, amount: formatAmount(sum(out.orders.map((o) => o.amount)), lang), date: last.order_date, product: last.product ?? '', last: formatAmount(last.amount, lang) })
      : t(receivableTexts, 'ordersNone', lang, { period }),
  );
  return lines;
}

export const receivablesTool: Tool<typeof input, Output> = {
  name: 'receivables',
  description:
    'Payments, collections, invoices, receivables (回款, 应收账款, has X paid): this data is NOT in the CRM data the assistant holds. Says so, and offers the account\'s active contracts and the last 12 months of orders instead. Use for any question about what an account has paid or owes.',
  input,
  async run(ctx, args) {
    const today = toIsoDate(ctx.now, ctx.tz);
    const from = addDays(today, -365);
    if (!args.account) return { contracts: [], orders: [], from, to: today };
    const account = await accountFor(ctx, args.account);
    const [contracts, orders] = await Promise.all([accountContracts(ctx.app.db, ctx.user.id, account.id), accountOrders(ctx.app.db, ctx.user.id, account.id, from, today)]);
    return {
      account: ref(account),
      contracts: contracts.filter((c) => c.status === 'active').map((c) => ({ id: c.id, kind: c.kind, end_date: c.end_date, amount: c.amount === null ? null : Number(c.amount) })),
      orders: orders.map((o) => ({ id: o.id, order_date: o.order_date, amount: Number(o.amount), product: o.product })),
      from,
      to: today,
    };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const today = toIsoDate(ctx.now, ctx.tz);
    const data = { tool: 'receivables', held: false, ...out };
    const head = t(receivableTexts, 'notHeld', lang, { account: out.account?.name ?? t(receivableTexts, 'anyAccount', lang) });
    if (!out.account) return { lang, text: [head, t(receivableTexts, 'moreAny', lang)].join('\n'), data };
    const offer = t(receivableTexts, 'offerHead', lang, { account: out.account.name });
    const lines = offerLines(out, lang, today);
    const citations: Citation[] = [
      ...out.contracts.map((c) => ({ source: 'contract' as const, id: c.id, date: c.end_date, accountId: out.account!.id })),
      ...out.orders.map((o) => ({ source: 'order' as const, id: o.id, date: o.order_date, accountId: out.account!.id })),
    ];
    if (!citations.length) citations.push({ source: 'account', id: out.account.id, accountId: out.account.id });
    const more = t(receivableTexts, 'more', lang, { account: out.account.name });
    return { lang, title: offer, text: [head, offer, ...lines, more].join('\n'), sections: [{ lines: [head] }, { title: offer, lines }, { lines: [more] }], citations, data };
  },
  subjectAccount: (out) => out.account?.id,
  offline: {
    account: 'optional',
    keywords: { zh: ['回款', '应收', '应收账款', '欠款', '尾款', '收款', '账款', '到账', '打款', '结清', '付清', '账期'], en: ['receivable', 'receivables', 'unpaid', 'paid', 'invoice', 'collections', 'owe', 'owes', 'owed'] },
    score: (u) => (asksForReceivables(u) ? 5 : 0),
    input: (_u, accountId) => ({ account: accountId }),
  },
};
