// Wording of the weekly briefing and of the health explanation, in Chinese and English.
import type { Texts } from './index.ts';

export const briefingTexts: Texts = {
  title_user: { zh: '本周客户简报 · {name}', en: 'Weekly account briefing · {name}' },
  title_team: { zh: '本周团队简报 · {name}的团队', en: "Weekly team briefing · {name}'s team" },
  period: { zh: '{start} 至 {end}(截至 {as_of})', en: '{start} to {end} (as of {as_of})' },
  summary: {
    zh: '共 {accounts} 个客户,本周 {interactions} 次互动,{alerts} 条预警(新增 {new})。按风险从高到低排列。',
    en: '{accounts} accounts, {interactions} interactions this week, {alerts} alerts ({new} new). Most at risk first.',
  },
  no_accounts: { zh: '没有可以查看的客户。', en: 'No accounts to report on.' },
  account_line: { zh: '{n}. {name}({tier} 级{suggested})· 健康分 {score}({band}{change})', en: '{n}. {name} (tier {tier}{suggested}) · health {score} ({band}{change})' },
  suggested_tier_note: { zh: ',建议 {tier} 级', en: ', suggested {tier}' },
  change: { zh: ',较上周 {delta}', en: ', {delta} on last week' },
  activity: { zh: '本周互动', en: 'This week' },
  activity_none: { zh: '本周互动:无', en: 'This week: no interactions' },
  last_interaction: { zh: '(上次互动 {date},{by}{type})', en: ' (last: {date}, {type} by {by})' },
  no_interaction_ever: { zh: '(从未有互动记录)', en: ' (none on record)' },
  interaction: { zh: '{date} {by} {type} {with}:{summary}', en: '{date} {by} {type} {with}: {summary}' },
  with: { zh: '见 {names}', en: 'with {names}' },
  alerts: { zh: '预警', en: 'Alerts' },
  alerts_none: { zh: '预警:无', en: 'Alerts: none' },
  new_mark: { zh: '新', en: 'new' },
  open_mark: { zh: '未关闭', en: 'open' },
  due: { zh: '即将到期(至 {to})', en: 'Coming up (to {to})' },
  due_none: { zh: '即将到期(至 {to}):无', en: 'Coming up (to {to}): nothing' },
  due_next_step: { zh: '{date} 下一步「{text}」({owner})', en: '{date} next step "{text}" ({owner})' },
  due_contract_end: { zh: '{date} 合同 {id} 到期', en: '{date} contract {id} ends' },
  due_expected_close: { zh: '{date} 商机「{text}」预计成交', en: '{date} opportunity "{text}" expected to close' },
  pipeline: { zh: '商机变化', en: 'Pipeline changes' },
  pipeline_item: { zh: '「{name}」→ {stage}({amount},{date} 更新)', en: '"{name}" → {stage} ({amount}, updated {date})' },
  people: { zh: '团队成员本周活动', en: "The team's activity this week" },
  person: {
    zh: '{name}:{n} 次互动,覆盖 {accounts} 个客户,其中高层互动 {exec} 次',
    en: '{name}: {n} interactions on {accounts} accounts, {exec} with executives',
  },
};

export const bandNames: Texts = {
  healthy: { zh: '健康', en: 'healthy' },
  watch: { zh: '关注', en: 'watch' },
  at_risk: { zh: '风险', en: 'at risk' },
};

export { INTERACTION_TYPE as interactionTypeNames } from './conversation/labels.ts';

export const healthTexts: Texts = {
  title: { zh: '{name} 的健康分:{score}({band})', en: 'Health of {name}: {score} ({band})' },
  as_of: { zh: '计算日期 {date}', en: 'As of {date}' },
  tier: { zh: '当前分级 {declared},建议分级 {suggested}({quadrant})', en: 'Declared tier {declared}, suggested {suggested} ({quadrant})' },
  layer: { zh: '{layer}:{score} 分(权重 {weight}%)', en: '{layer}: {score} (weight {weight}%)' },
  weakest: { zh: '拉低分数的主要因素:{list}', en: 'What pulls the score down most: {list}' },
  trend: { zh: '近期走势:{list}', en: 'Recent trend: {list}' },
  none_weak: { zh: '各项都不错,没有明显短板。', en: 'No component stands out as weak.' },
  fact_score: { zh: '健康分', en: 'Health' },
  fact_tier: { zh: '建议分级', en: 'Suggested tier' },
};

export const layerNames: Texts = {
  key: { zh: '关键层(决策链与高层关系)', en: 'Key layer (decision chain, executives)' },
  general: { zh: '普遍层(部门覆盖与问题解决)', en: 'General layer (departments, issue resolution)' },
  organizational: { zh: '组织层(战略协议与联合项目)', en: 'Organizational layer (agreements, joint projects)' },
  rfm: { zh: '交易层 RFM(订单近度、频次、金额)', en: 'RFM (order recency, frequency, amount)' },
};

export const quadrantNames: Texts = {
  strategic: { zh: '高价值·关系强:战略客户', en: 'high value, strong relationship: strategic' },
  develop: { zh: '高价值·关系弱:重点发展', en: 'high value, weak relationship: develop' },
  maintain: { zh: '低价值·关系强:维持挖潜', en: 'low value, strong relationship: maintain' },
  basic: { zh: '低价值·关系弱:一般维护', en: 'low value, weak relationship: basic' },
};

/** One line per component: what it measured and the points it got. */
export const componentTexts: Texts = {
  decision_chain: {
    zh: '决策链覆盖 {score} 分:决策人/影响者 {known} 位,90 天内接触 {met} 位(决策人 {dm_known} 位,接触 {dm_met} 位)',
    en: 'Decision chain {score}: {met} of {known} decision makers/influencers met in 90 days ({dm_met} of {dm_known} decision makers)',
  },
  exec_recency: { zh: '高层互动近度 {score} 分:上次 {last}', en: 'Executive recency {score}: last {last}' },
  exec_frequency: { zh: '高层互动频次 {score} 分:90 天内 {count} 次', en: 'Executive frequency {score}: {count} in 90 days' },
  departments: { zh: '部门覆盖 {score} 分:90 天内接触 {count} 个部门', en: 'Departments {score}: {count} touched in 90 days' },
  resolution_rate: { zh: '问题解决率 {score} 分:一年内工单 {total} 个,已解决 {resolved} 个', en: 'Issue resolution {score}: {resolved} of {total} tickets of the last year resolved' },
  resolution_time: { zh: '问题解决时长 {score} 分:平均 {hours} 小时', en: 'Resolution time {score}: {hours} hours on average' },
  strategic_agreement: { zh: '战略协议 {score} 分:生效中 {count} 份', en: 'Strategic agreements {score}: {count} in force' },
  joint_projects: { zh: '联合项目 {score} 分:进行中 {count} 个', en: 'Joint projects {score}: {count} active' },
  order_recency: { zh: '订单近度 {score} 分:上次下单 {last}', en: 'Order recency {score}: last order {last}' },
  order_frequency: {
    zh: '订单频次 {score} 分:近 12 个月 {count} 笔(自身年均 {own},同级中位数 {peer})',
    en: 'Order frequency {score}: {count} orders in 12 months (own yearly average {own}, tier median {peer})',
  },
  order_amount: {
    zh: '订单金额 {score} 分:近 12 个月 {amount}(自身年均 {own},同级中位数 {peer})',
    en: 'Order amount {score}: {amount} in 12 months (own yearly average {own}, tier median {peer})',
  },
  days_ago: { zh: '{date}({days} 天前)', en: '{date} ({days} days ago)' },
  never: { zh: '无记录', en: 'none on record' },
  unknown: { zh: '无', en: 'n/a' },
};
