// Wording of account rankings by budget execution and by time since the last interaction
// ("哪个客户预算执行最差", "哪个客户最久没拜访了", "which of my accounts has the lowest budget execution").
import type { Texts } from './index.ts';

export const rankingTexts = {
  rankBudgetLow: { zh: '按{year}年预算执行从低到高(时间进度 {elapsed}):', en: 'By budget execution {year}, lowest first (year elapsed {elapsed}):' },
  rankBudgetHigh: { zh: '按{year}年预算执行从高到低(时间进度 {elapsed}):', en: 'By budget execution {year}, highest first (year elapsed {elapsed}):' },
  rankLineBudget: { zh: '{n}. {name}:预算执行 {share}(订单 {orders} / 预算 {budget})', en: '{n}. {name}: budget execution {share} (orders {orders} of budget {budget})' },
  noBudget: { zh: '另有 {count} 个客户没有{year}年预算,未参与排名:{names}。', en: '{count} more account(s) have no {year} budget and are not ranked: {names}.' },
  rankSilence: { zh: '按距最近一次{what}的天数从长到短:', en: 'By days since the last {what}, longest first:' },
  rankLineSilence: { zh: '{n}. {name}:最近一次{what} {date},已 {days} 天', en: '{n}. {name}: last {what} {date}, {days} days ago' },
  rankLineNever: { zh: '{n}. {name}:没有任何{what}记录', en: '{n}. {name}: no {what} on record' },
} satisfies Texts;
