// What an average or a total over a group of accounts asks for ("S级客户的健康分平均多少", "what is
// the average health score of my A-tier accounts", "团队今年订单合计多少"): the figure and whether it
// is averaged or added up. Pure: reads only the normalised text outside the names.

export const METRICS = ['health', 'budget_execution', 'budget', 'orders_count', 'orders_amount', 'pipeline', 'contracts', 'open_tickets'] as const;
export type Metric = (typeof METRICS)[number];

const AVERAGE = /平均|均值|人均|\b(average|mean|avg)\b/;
const SUM = /总共|一共|合计|总额|总计|加起来|总和|总金额|总数|\b(total|sum|combined|altogether)\b/;

/** Most specific first: "预算执行" before "预算", "订单数" before "订单". */
const METRIC_WORDS: { metric: Metric; re: RegExp }[] = [
  { metric: 'health', re: /健康|\bhealth\b|\bscores?\b/ },
  { metric: 'budget_execution', re: /预算执行|执行率|完成率|\bbudget execution\b|\bexecution\b/ },
  { metric: 'budget', re: /预算|\bbudgets?\b/ },
  { metric: 'orders_count', re: /几单|多少单|订单数|单数|下单次数|订单笔数|多少笔|几笔|\b(number of orders|order count|how many orders)\b/ },
  { metric: 'pipeline', re: /商机|\b(pipeline|opportunit(y|ies))\b/ },
  { metric: 'contracts', re: /合同|\bcontracts?\b/ },
  { metric: 'open_tickets', re: /工单|投诉|\b(tickets?|complaints?)\b/ },
  { metric: 'orders_amount', re: /订单|下单|采购|买了|购买|销售额|成交|\b(orders?|bought|purchases?|sales)\b/ },
];

export interface StatsAsk {
  aggregate: 'average' | 'sum';
  /** Undefined: an average asked for of something the assistant does not know. */
  metric?: Metric;
}

/** The average or total asked for, if the message asks for one. */
export function statsAsked(rest: string): StatsAsk | undefined {
  const average = AVERAGE.test(rest);
  if (!average && !SUM.test(rest)) return undefined;
  const metric = METRIC_WORDS.find((m) => m.re.test(rest))?.metric;
  // "团队一共有多少个客户", "张伟这个月一共拜访了几次": a total of no figure we hold is a count, not ours.
  if (!average && !metric) return undefined;
  return { aggregate: average ? 'average' : 'sum', metric };
}

/**
 * "average health score of my accounts": "health" also reads as part of an English account name
 * (Acme Health Systems); a mention that is only a figure's word names no account here.
 */
export function onlyAFigure(span: string): boolean {
  const words = span.trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => METRIC_WORDS.some((m) => m.re.test(w) && m.re.exec(w)?.[0] === w));
}
