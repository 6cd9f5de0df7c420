// Wording of averages and totals over a group of accounts ("S级客户的健康分平均多少", "what is the
// average health score of my A-tier accounts", "团队今年订单合计多少").
import type { Texts } from './index.ts';

export const statsTexts = {
  groupMine: { zh: '你负责的{filter}客户', en: 'your {filter}accounts' },
  groupVisible: { zh: '你可见的{filter}客户', en: 'the {filter}accounts you can see' },
  groupMember: { zh: '{name}负责的{filter}客户', en: "{name}'s {filter}accounts" },
  filterTier: { zh: '{tiers}级', en: 'tier {tiers} ' },
  filterRegion: { zh: '{regions}区', en: '{regions} ' },
  // metrics
  health: { zh: '健康分', en: 'health score' },
  orders_amount: { zh: '订单金额', en: 'order amount' },
  orders_count: { zh: '订单数', en: 'number of orders' },
  budget: { zh: '预算', en: 'budget' },
  budget_execution: { zh: '预算执行率', en: 'budget execution' },
  pipeline: { zh: '在谈商机金额', en: 'open pipeline' },
  contracts: { zh: '生效合同金额', en: 'active contract value' },
  open_tickets: { zh: '未解决工单数', en: 'number of open tickets' },
  // answers
  average: { zh: '{group}{period}的平均{metric}是 {value}(共 {n} 个客户{total})。', en: 'The average {metric} of {group}{period} is {value} (over {n} account(s){total}).' },
  totalTail: { zh: ',合计 {value}', en: ', {value} in total' },
  sum: { zh: '{group}{period}的{metric}合计 {value}(共 {n} 个客户,平均每个 {avg})。', en: 'Total {metric} of {group}{period}: {value} ({n} account(s), {avg} on average).' },
  overallExecution: { zh: '合计:已下单 {ordered} / 预算 {budget},整体执行率 {share}(时间进度 {elapsed})。', en: 'Together: {ordered} ordered of {budget} budgeted, {share} overall ({elapsed} of the year elapsed).' },
  line: { zh: '• {name} {value}', en: '• {name} {value}' },
  more: { zh: '……另有 {count} 个客户', en: '… and {count} more account(s)' },
  missing: { zh: '{count} 个客户没有{metric}数据,未计入:{names}', en: '{count} account(s) have no {metric} data and are not counted: {names}' },
  noData: { zh: '{group}{period}都没有{metric}数据({count} 个客户),无法计算{agg}。', en: 'None of {group} ({count}) has {metric} data{period}, so there is no {agg} to give.' },
  aggAverage: { zh: '平均值', en: 'average' },
  aggSum: { zh: '合计', en: 'total' },
  noAccounts: { zh: '没有符合条件的客户({group})。', en: 'No accounts match ({group}).' },
  unknownMetric: {
    zh: '我没能认出要算哪个指标。能按客户求平均或合计的有:健康分、订单金额、订单数、预算、预算执行率、在谈商机金额、生效合同金额、未解决工单数,例如"S级客户的平均健康分""我的客户今年订单合计多少"。',
    en: 'I could not tell which figure to average or add up. I can do health score, order amount, number of orders, budget, budget execution, open pipeline, active contract value and open tickets, e.g. "average health score of my tier A accounts", "total orders of my accounts this year".',
  },
  periodYear: { zh: '{year}年', en: ' in {year}' },
  periodOrders: { zh: '{period}', en: ' {period}' },
  noDataPeriod: { zh: '{period}', en: ' {period}' },
} satisfies Texts;
