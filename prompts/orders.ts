// Wording of the orders tool (purchase history: recency, frequency, amount) and of periods.
import type { Texts } from './index.ts';

export const orderTexts = {
  head: { zh: '{account}{period}共 {count} 笔订单,合计 {total}。', en: '{account}, {period}: {count} order(s) totalling {total}.' },
  none: { zh: '{account}{period}没有订单。', en: '{account} placed no orders {period}.' },
  never: { zh: '{account}没有任何订单记录。', en: 'No orders are recorded for {account}.' },
  last: { zh: '最近一次下单:{date}({ago}),{product} {amount}({id})。', en: 'Last order: {date} ({ago}), {product} {amount} ({id}).' },
  products: { zh: '产品:{list}', en: 'Products: {list}' },
  productItem: { zh: '{product} {amount}', en: '{product} {amount}' },
  line: { zh: '• {date} {id} {product} {amount}', en: '• {date} {id} {product} {amount}' },
  more: { zh: '……另有 {count} 笔', en: '… and {count} more' },
  noProduct: { zh: '(未注明产品)', en: '(no product)' },
  // periods, named in every figure
  allTime: { zh: '历史上', en: 'all time' },
  year: { zh: '{year}年', en: 'in {year}' },
  yearToDate: { zh: '{year}年(截至 {to})', en: 'in {year} (to {to})' },
  quarter: { zh: '{year}年第{q}季度({from} 至 {to})', en: 'in Q{q} {year} ({from} to {to})' },
  range: { zh: '{from} 至 {to}', en: 'from {from} to {to}' },
} satisfies Texts;
