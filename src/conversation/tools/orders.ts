// Purchase history of one account (the R, F and M of RFM): its orders in a period with their count
// and total, the products bought, and the last order ever placed. "X过去一年下了多少单?",
// "X最近一次下单是什么时候?", "what did X buy this year?", "西山矿业去年买了多少".
import { factLabels } from '../../../prompts/conversation/facts.ts';
import { z } from 'zod';
import type { Citation } from '../../chat/types.ts';
import { orderTexts } from '../../../prompts/orders.ts';
import { t } from '../../../prompts/index.ts';
import { daysBetween, toIsoDate } from '../../domain/time.ts';
import { accountOrders } from '../../store/orders.ts';
import { formatAmount, joinList } from '../../tools/format.ts';
import { countHits } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';
import { isoDate, pastPeriod, periodLabel } from './period.ts';
import { ago } from '../../tools/interactions.ts';

const input = z.object({
  account: accountArg,
  from: isoDate.optional().describe('First day of the period (YYYY-MM-DD); omit both for all orders ever'),
  to: isoDate.optional().describe('Last day of the period (YYYY-MM-DD), inclusive'),
});

interface OrderView {
  id: string;
  date: string;
  amount: number;
  product: string | null;
}

interface Output {
  account: AccountRef;
  from?: string;
  to?: string;
  count: number;
  total: number;
  orders: OrderView[];
  products: { product: string | null; amount: number; count: number }[];
  /** The latest order on record (whatever the period). */
  last?: OrderView & { daysAgo: number };
}

const MAX_LINES = 12;

export const ORDER_WORDS = {
  zh: ['订单', '下单', '下了多少单', '几单', '多少单', '下过', '买了', '买过', '买得', '购买', '采购记录', '采购了', '采购额', '采购量', '买了什么', '买了多少', '成交', '产品', '订货'],
  en: ['order', 'orders', 'ordered', 'buy', 'bought', 'purchase', 'purchased', 'purchases', 'products', 'sales to', 'spend with us'],
};
const BUDGET_FIRST = /预算|执行|完成率|budget|execution/;

export const ordersTool: Tool<typeof input, Output> = {
  name: 'orders',
  description:
    "Purchase history of one account: its orders in a period (from/to; omit for all time) with count and total amount, the products bought, and the last order ever placed (date, product, amount). Use for 'how many orders', 'when did X last order', 'what did X buy', 'how much did X buy last year'.",
  input,
  examples: { zh: ['{account}过去一年下了多少单?', '{account}最近一次下单是什么时候?'], en: ['What did {account} buy this year?', 'When was the last order from {account}?'] },
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const today = toIsoDate(ctx.now, ctx.tz);
    // Nothing dated after "now" has happened yet.
    const all = (await accountOrders(ctx.app.db, ctx.user.id, account.id, '1900-01-01', today)).map((o) => ({ id: o.id, date: o.order_date, amount: Number(o.amount), product: o.product }));
    const orders = all.filter((o) => (!args.from || o.date >= args.from) && (!args.to || o.date <= args.to));
    const byProduct = new Map<string | null, { product: string | null; amount: number; count: number }>();
    for (const o of orders) {
      const p = byProduct.get(o.product) ?? { product: o.product, amount: 0, count: 0 };
      p.amount += o.amount;
      p.count++;
      byProduct.set(o.product, p);
    }
    const last = all[0];
    return {
      account: ref(account),
      from: args.from,
      to: args.to,
      count: orders.length,
      total: orders.reduce((s, o) => s + o.amount, 0),
      orders,
      products: [...byProduct.values()].sort((a, b) => b.amount - a.amount),
      last: last ? { ...last, daysAgo: daysBetween(last.date, today) } : undefined,
    };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const today = toIsoDate(ctx.now, ctx.tz);
    const period = periodLabel({ from: out.from, to: out.to }, today, lang);
    const product = (p: string | null) => p ?? t(orderTexts, 'noProduct', lang);
    const lines: string[] = [];
    if (!out.last) return { lang, text: t(orderTexts, 'never', lang, { account: out.account.name }) };
    lines.push(out.count ? t(orderTexts, 'head', lang, { account: out.account.name, period, count: out.count, total: formatAmount(out.total, lang) }) : t(orderTexts, 'none', lang, { account: out.account.name, period }));
    const last = out.last;
    lines.push(t(orderTexts, 'last', lang, { date: last.date, ago: ago(last.daysAgo, lang), product: product(last.product), amount: formatAmount(last.amount, lang), id: last.id }));
    if (out.products.length) lines.push(t(orderTexts, 'products', lang, { list: joinList(out.products.map((p) => t(orderTexts, 'productItem', lang, { product: product(p.product), amount: formatAmount(p.amount, lang) })), lang) }));
    const orderLines = out.orders.slice(0, MAX_LINES).map((o) => t(orderTexts, 'line', lang, { date: o.date, id: o.id, product: product(o.product), amount: formatAmount(o.amount, lang) }));
    if (out.orders.length > MAX_LINES) orderLines.push(t(orderTexts, 'more', lang, { count: out.orders.length - MAX_LINES }));
    const cited = [...out.orders.slice(0, MAX_LINES), ...(out.orders.some((o) => o.id === last.id) ? [] : [last])];
    const citations: Citation[] = cited.map((o) => ({ source: 'order', id: o.id, date: o.date, accountId: out.account.id }));
    return {
      lang,
      title: lines[0],
      text: [...lines, ...orderLines].join('\n'),
      sections: [{ title: lines[0], lines: [...lines.slice(1), ...orderLines] }],
      facts: [
        { label: t(factLabels, 'orders', lang), value: String(out.count) },
        { label: t(factLabels, 'amount', lang), value: formatAmount(out.total, lang) },
      ],
      citations,
    };
  },
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: ORDER_WORDS,
    score(u) {
      if (!countHits(u, ORDER_WORDS)) return 0;
      return BUDGET_FIRST.test(u.rest) ? 0.5 : 2.6;
    },
    input: (u, accountId) => ({ account: accountId ?? '', ...pastPeriod(u) }),
  },
};
