// Wording of the group roll-up (chat, console account page, roadmap), zh and en.
import type { Texts } from './index.ts';

export const rollupTexts = {
  title: { zh: '{account} 集团汇总({year}年,{count} 家单位)', en: 'Group roll-up of {account} ({year}; units: {count})' },
  titleHiddenAbove: { zh: '{account} 所在集团 · 你可见部分的汇总({year}年,{count} 家单位)', en: 'Roll-up of the group {account} belongs to, as far as you may see it ({year}; units: {count})' },
  partial: { zh: '⚠ 部分视图:集团中有你无权查看的单位,以下只汇总你可见的 {count} 家。', en: '⚠ Partial view: the group has units you may not see; these figures cover only the {count} you can.' },
  totalsTitle: { zh: '合计', en: 'Totals' },
  budget: {
    zh: '• 预算执行:有预算单位订单 {against} / 预算 {budget} = {execution}(时间进度 {elapsed},{pace})',
    en: '• Budget execution: orders of budgeted units {against} of budget {budget} = {execution} ({elapsed} of the year elapsed, {pace})',
  },
  budgetPast: { zh: '• 预算执行:有预算单位订单 {against} / 预算 {budget} = {execution}', en: '• Budget execution: orders of budgeted units {against} of budget {budget} = {execution}' },
  budgetNone: { zh: '• 预算:集团内没有单位登记 {year} 年预算', en: '• Budget: no unit of the group has a {year} budget on record' },
  budgetUnits: { zh: '(其中 {budgeted}/{count} 家单位登记了预算;无预算单位的订单不计入执行率)', en: '({budgeted} of {count} units have a budget; orders of units without one are not counted in execution)' },
  paceOnTrack: { zh: '基本同步', en: 'on pace' },
  paceBehind: { zh: '落后 {points} 个百分点', en: '{points} points behind' },
  paceAhead: { zh: '领先 {points} 个百分点', en: '{points} points ahead' },
  orders: { zh: '• {year}年订单合计 {ordered}', en: '• {year} orders in total: {ordered}' },
  pipeline: { zh: '• 在谈商机 {count} 个,合计 {amount}', en: '• Pipeline: {count} open, {amount} in total' },
  tickets: { zh: '• 未结工单 {count} 个', en: '• Open tickets: {count}' },
  healthRevenue: { zh: '• 健康分 {score}(按近12个月营收加权)', en: '• Health {score} (weighted by revenue of the last 12 months)' },
  healthEqual: { zh: '• 健康分 {score}(近12个月无营收,按单位平均)', en: '• Health {score} (no revenue in the last 12 months: plain average of the units)' },
  healthNone: { zh: '• 健康分:暂无', en: '• Health: not available' },
  unitsTitle: { zh: '各单位及占比', en: 'Units and their shares' },
  unitLine: {
    zh: '{indent}• {name}:预算 {budget},订单 {ordered}({orderedShare}),执行率 {execution},商机 {pipeline}({pipelineShare}),未结工单 {tickets},健康分 {health}(权重 {weight})',
    en: '{indent}• {name}: budget {budget}, orders {ordered} ({orderedShare}), execution {execution}, pipeline {pipeline} ({pipelineShare}), open tickets {tickets}, health {health} (weight {weight})',
  },
  none: { zh: '-', en: '-' },
  factExecution: { zh: '集团执行率', en: 'Group execution' },
  factHealth: { zh: '集团健康分', en: 'Group health' },
  factUnits: { zh: '单位数', en: 'Units' },
} satisfies Texts;

/** Labels of the roll-up card on the console's account page. */
export const rollupConsoleTexts = {
  card_title: { zh: '集团汇总', en: 'Group roll-up' },
  col_unit: { zh: '单位', en: 'Unit' },
  col_budget: { zh: '预算', en: 'Budget' },
  col_orders: { zh: '今年订单', en: 'Orders this year' },
  col_execution: { zh: '执行率', en: 'Execution' },
  col_pipeline: { zh: '在谈商机', en: 'Pipeline' },
  col_tickets: { zh: '未结工单', en: 'Open tickets' },
  col_health: { zh: '健康分(权重)', en: 'Health (weight)' },
  total_row: { zh: '合计', en: 'Total' },
} satisfies Texts;
