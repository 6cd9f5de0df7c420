// Wording of the commercial tools: budget execution, contracts, tickets, opportunities.
import type { Texts } from '../index.ts';

export const commercialTexts = {
  // budget
  budgetHead: {
    zh: '{account} {year} 年预算执行:已下单 {ordered} / 预算 {budget},执行率 {share}。',
    en: 'Budget execution of {account} in {year}: {orderedFull} ordered of a {budgetFull} budget, {share}.',
  },
  budgetPace: { zh: '今年时间已过去 {elapsed},执行{pace}。', en: '{elapsed} of the year has elapsed; execution is {pace}.' },
  paceBehind: { zh: '落后 {points} 个百分点', en: '{points} points behind' },
  paceAhead: { zh: '领先 {points} 个百分点', en: '{points} points ahead' },
  paceOnTrack: { zh: '与时间进度基本持平', en: 'on pace' },
  budgetNone: { zh: '{account}没有登记 {year} 年预算;{year} 年已下单 {ordered}。', en: 'No {year} budget is recorded for {account}; orders in {year}: {orderedFull}.' },
  budgetOrders: { zh: '{year} 年订单:', en: 'Orders in {year}:' },
  orderLine: { zh: '• {date} {product} {amount}', en: '• {date} {product} {amount}' },
  // contracts
  contractsHead: { zh: '{account}的合同({count}份):', en: 'Contracts of {account} ({count}):' },
  contractsNone: { zh: '{account}没有登记合同。', en: 'No contracts are recorded for {account}.' },
  contractNext: { zh: '{account}的{kind} {id} 将于 {date} 到期(还有{days}天)。', en: "{account}'s {kind} {id} ends on {date} (in {days} days)." },
  contractEnded: { zh: '{account}目前没有生效中的合同。', en: '{account} has no active contract.' },
  contractLine: { zh: '• {id} {kind},{start}至 {end},{amount},{status}{left}', en: '• {id} {kind}, {start}to {end}, {amount}, {status}{left}' },
  contractStart: { zh: '{date} ', en: '{date} ' },
  contractLeft: { zh: ',还有{days}天到期', en: ', {days} days left' },
  contractOverdue: { zh: ',已过期 {days} 天', en: ', ended {days} days ago' },
  noAmount: { zh: '金额未知', en: 'amount unknown' },
  expiringHead: { zh: '未来 {days} 天内到期的合同有 {count} 份:', en: '{count} contract(s) ending within {days} days:' },
  expiringNone: { zh: '未来 {days} 天内没有到期的合同。', en: 'No contracts end within the next {days} days.' },
  expiringLine: { zh: '• {account}:{id} {kind},{end} 到期(还有{days}天){opp}', en: '• {account}: {id} {kind}, ends {end} (in {days} days){opp}' },
  expiringNoOpp: { zh: ',暂无在谈商机', en: ', no open opportunity' },
  // tickets
  ticketsHead: { zh: '{account}有 {count} 个{what}:', en: '{account} has {count} {what}:' },
  ticketsHeadAll: { zh: '你可见的客户中有 {count} 个{what}:', en: '{count} {what} across your accounts:' },
  ticketsNone: { zh: '{account}没有{what}。', en: '{account} has no {what}.' },
  ticketsNoneAll: { zh: '你可见的客户中没有{what}。', en: 'No {what} across your accounts.' },
  whatOpen: { zh: '未解决的{kind}', en: 'open {kind}' },
  whatAll: { zh: '{kind}', en: '{kind}' },
  kindTickets: { zh: '工单', en: 'ticket(s)' },
  ticketLine: { zh: '• {id} {kind}({severity}){account}:{summary},{opened} 提出{state}', en: '• {id} {kind} ({severity}){account}: {summary}, opened {opened}{state}' },
  ticketOpenFor: { zh: ',已 {hours}', en: ', open for {hours}' },
  ticketResolved: { zh: ',{date} 已解决', en: ', resolved {date}' },
  hours: { zh: '{n} 小时', en: '{n} hours' },
  days: { zh: '{n} 天', en: '{n} days' },
  // opportunities
  oppsHead: { zh: '{account}的{what}({count}个,合计 {amount}):', en: '{what} at {account} ({count}, {amount} in total):' },
  oppsHeadAll: { zh: '你可见客户的在谈商机({count}个,合计 {amount}):', en: 'Open opportunities across your accounts ({count}, {amount} in total):' },
  oppsNone: { zh: '{account}没有{what}。', en: 'No {what} at {account}.' },
  oppsNoneAll: { zh: '你可见的客户中没有在谈商机。', en: 'No open opportunities across your accounts.' },
  whatOppsOpen: { zh: '在谈商机', en: 'Open opportunities' },
  whatOppsAll: { zh: '商机', en: 'Opportunities' },
  oppLine: { zh: '• {id} {name}{account}:{stage}阶段,{amount},预计 {close} 成交,最后更新 {updated}{stale}', en: '• {id} {name}{account}: {stage}, {amount}, expected close {close}, last updated {updated}{stale}' },
  oppStale: { zh: '(已 {days} 天未更新)', en: ' ({days} days without update)' },
  unknownDate: { zh: '未知', en: 'unknown' },
} satisfies Texts;
