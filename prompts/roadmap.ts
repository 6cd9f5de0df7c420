// Wording of the relationship-optimization roadmap (kam roadmap, chat), zh and en, and the LLM
// system prompt for the model-written plan.
import type { Texts } from './index.ts';

export const roadmapTexts = {
  title: { zh: '{account} 关系优化路线图({date})', en: 'Relationship roadmap for {account} ({date})' },
  stateTitle: { zh: '现状', en: 'Where we stand' },
  gapsTitle: { zh: '差距', en: 'Gaps' },
  planTitle: { zh: '30/60/90 天行动计划', en: '30/60/90-day plan' },
  horizon: { zh: '{days}天内', en: 'Within {days} days' },
  noGaps: { zh: '没有发现明显差距。', en: 'No notable gaps found.' },
  health: { zh: '健康分 {score}({band})', en: 'Health {score} ({band})' },
  healthUnknown: { zh: '健康分:暂无', en: 'Health: not available' },
  layer: { zh: '• {layer} {score}:{components}', en: '• {layer} {score}: {components}' },
  component: { zh: '{name} {score}', en: '{name} {score}' },
  tier: { zh: '分级:当前 {declared},建议 {suggested}({quadrant})', en: 'Tier: {declared} today, suggested {suggested} ({quadrant})' },
  tierNoSuggestion: { zh: '分级:当前 {declared}', en: 'Tier: {declared}' },
  wallet: { zh: '钱包份额:{year}年订单 {executed} / 预算 {budget} = {share}(全年已过 {elapsed})', en: 'Wallet share: {year} orders {executed} of budget {budget} = {share} ({elapsed} of the year gone)' },
  walletNoBudget: { zh: '钱包份额:{year}年订单 {executed},未登记预算(去年 {lastYear})', en: 'Wallet share: {year} orders {executed}, no budget on record (last year {lastYear})' },
  pipeline: { zh: '在谈商机 {count} 个,合计 {amount}:{list}', en: 'Pipeline: {count} open, {amount} in total: {list}' },
  pipelineNone: { zh: '没有在谈商机', en: 'No open opportunities' },
  pipelineItem: { zh: '{id}「{name}」{stage} {amount}', en: '{id} "{name}" {stage} {amount}' },
  actionLine: { zh: '• [{role} {owner}] {action} — 对象:{target}。原因:{reason} 依据:{cites}', en: '• [{role} {owner}] {action} — with {target}. Why: {reason} Sources: {cites}' },
  nobody: { zh: '未指定', en: 'unassigned' },
  noTarget: { zh: '待确定', en: 'to be identified' },
  cite: { zh: '{id}({date})', en: '{id} ({date})' },
  citeNoDate: { zh: '{id}', en: '{id}' },
  generatorLlm: { zh: '(计划由模型生成,所有引用已核对)', en: '(plan written by the model; every citation checked)' },
  notFound: { zh: '没有找到客户"{account}"。', en: 'No account "{account}" found.' },
  unknownDays: { zh: '从未', en: 'never' },
} satisfies Texts;

export const gapTexts = {
  missing_decision_maker: {
    zh: '决策链缺决策者:{known}位联系人中没有决策者{introducerPart}。',
    en: 'No decision maker among {known} contacts{introducerPart}.',
  },
  introducerPart: { zh: ',目前接触到的最高层是{introducer}({title})', en: '; the most senior person we reach is {introducer} ({title})' },
  decision_maker_unmet: { zh: '决策者{contact}({title})已{days}天未见(上次 {last_date})。', en: 'Decision maker {contact} ({title}) not met for {days} days (last {last_date}).' },
  decision_maker_never_met: { zh: '决策者{contact}({title})从未见过。', en: 'Decision maker {contact} ({title}) never met.' },
  opponent: { zh: '{contact}({title})持反对态度{lastPart}。', en: '{contact} ({title}) opposes us{lastPart}.' },
  opponentLast: { zh: ',上次({last_date}):{last_summary}', en: '; last time ({last_date}): {last_summary}' },
  executive_silence: { zh: '高层沉默 {days} 天:上次高层互动是 {last_date},与{with}(阈值 {limit} 天)。', en: 'Executive silence for {days} days: last executive interaction {last_date} with {with} (threshold {limit} days).' },
  executive_never: { zh: '从未与高层互动。', en: 'No executive interaction on record.' },
  departments_not_reached: { zh: '{window}天内只接触了{total}个部门中的{reached}个,未覆盖:{departments}。', en: 'Only {reached} of {total} departments reached in {window} days; not reached: {departments}.' },
  open_ticket: { zh: '未关闭{kind}工单 {ticket}({severity}):{summary},已开 {days} 天。', en: 'Open {kind} ticket {ticket} ({severity}): {summary}, open {days} days.' },
  budget_lag: { zh: '预算执行落后:{year}年执行 {share}%({executed}/{budget}),全年已过 {elapsed}%,落后 {lag} 个百分点。', en: 'Budget lag: {year} execution {share}% ({executed} of {budget}) with {elapsed}% of the year gone, {lag} points behind.' },
  contract_ending: { zh: '{kind} {contract} 将于 {end} 到期(还有 {days} 天){renewalPart}。', en: '{kind} {contract} ends {end} (in {days} days){renewalPart}.' },
  renewalNone: { zh: ',尚无续签商机', en: ', no renewal opportunity' },
  renewalOpen: { zh: ',续签商机 {renewal}「{renewal_name}」在{renewal_stage}阶段', en: ', renewal {renewal} "{renewal_name}" at {renewal_stage}' },
  stalled_opportunity: { zh: '商机 {opportunity}「{name}」停在{stage}阶段 {days} 天(上次更新 {updated}),金额 {amount}。', en: 'Opportunity {opportunity} "{name}" stuck at {stage} for {days} days (last update {updated}), {amount}.' },
  overdue_next_step: { zh: '承诺的下一步「{step}」{due}到期,已逾期 {days} 天({by})。', en: 'Committed next step "{step}" was due {due}, {days} days overdue ({by}).' },
} satisfies Texts;

export const actionTexts = {
  closeTicket: { zh: '尽快关闭{kind}工单 {ticket}({summary}),当面向对方通报处理结果和预防措施', en: 'Close {kind} ticket {ticket} ({summary}) and walk the customer through the fix and prevention in person' },
  closeTicketWhy: { zh: '{kind}工单(严重度{severity})已开 {days} 天未解决,影响对方对我们服务的信任。', en: '{severity}-severity {kind} open for {days} days; it erodes their trust in our service.' },
  execVisit: { zh: '安排一次高层拜访,就上次提出的问题给出答复', en: 'Arrange an executive visit and answer what was raised last time' },
  execVisitWhy: { zh: '{days}天没有高层互动;上次 {last_date}:{last_summary}', en: 'No executive contact for {days} days; last on {last_date}: {last_summary}' },
  execVisitNeverWhy: { zh: '从未与高层互动,决策层对我们缺乏了解。', en: 'No executive interaction on record; the leadership does not know us.' },
  findDecisionMaker: { zh: '请对方引荐,约见最终拍板的决策人并汇报方案', en: 'Ask for an introduction and present our proposal to the person who makes the final call' },
  findDecisionMakerWhy: { zh: '联系人中没有决策者;最近的沟通:{quote}', en: 'No decision maker among the contacts; latest exchange: {quote}' },
  meetDecisionMaker: { zh: '约见决策者,确认其对合作的期望和时间表', en: 'Meet the decision maker to confirm expectations and timing' },
  meetDecisionMakerWhy: { zh: '决策者已 {days} 天未见(上次 {last_date})。', en: 'Decision maker not met for {days} days (last {last_date}).' },
  meetDecisionMakerNeverWhy: { zh: '决策者从未见过。', en: 'Decision maker never met.' },
  handleOpponent: { zh: '针对其顾虑准备有数据的对比材料,单独沟通', en: 'Prepare a fact-based comparison addressing their concerns and meet one-on-one' },
  handleOpponentWhy: { zh: '态度为反对;上次({last_date}):{last_summary}', en: 'Opposes us; last time ({last_date}): {last_summary}' },
  reviveOpportunity: { zh: '重启商机 {opportunity}「{name}」:按最新需求更新方案并约对方评审,推进到下一阶段', en: 'Restart {opportunity} "{name}": update the proposal to the latest needs, review it with the customer, move it to the next stage' },
  reviveOpportunityWhy: { zh: '{stage}阶段已停滞 {days} 天(上次更新 {updated}),金额 {amount}{quotePart}', en: 'Stuck at {stage} for {days} days (last update {updated}), {amount}{quotePart}' },
  quotePart: { zh: ';相关记录:{quote}', en: '; related: {quote}' },
  startRenewal: { zh: '就 {contract} 发起续签,和对方确认续约方案', en: 'Open the renewal of {contract} and agree the renewal offer' },
  startRenewalWhy: { zh: '{kind} {end} 到期(还有 {days} 天),尚无续签商机{quotePart}', en: '{kind} ends {end} (in {days} days) with no renewal opportunity{quotePart}' },
  closeRenewal: { zh: '推动 {renewal}「{renewal_name}」在 {end} 前签约', en: 'Get {renewal} "{renewal_name}" signed before {end}' },
  closeRenewalWhy: { zh: '{contract} 还有 {days} 天到期,续签仍在{renewal_stage}阶段{quotePart}', en: '{contract} ends in {days} days and the renewal is still at {renewal_stage}{quotePart}' },
  keepPromise: { zh: '兑现承诺:{step}', en: 'Deliver what was promised: {step}' },
  keepPromiseWhy: { zh: '{due} 到期,已逾期 {days} 天,之后再无跟进。', en: 'Due {due}, {days} days overdue, with no follow-up since.' },
  budgetPlan: { zh: '一起梳理剩余 {remaining} 的采购计划,把在谈商机排进今年{pipelinePart}', en: 'Go through the remaining {remaining} of purchases together and schedule the open pipeline this year{pipelinePart}' },
  budgetPlanWhy: { zh: '{year}年预算执行 {share}%,全年已过 {elapsed}%,落后 {lag} 个百分点{quotePart}', en: '{year} budget {share}% executed with {elapsed}% of the year gone, {lag} points behind{quotePart}' },
  pipelinePart: { zh: '(在谈:{list})', en: ' (open: {list})' },
  reachDepartments: { zh: '到{departments}做一次技术交流,建立新的联系人', en: 'Run a technical session for {departments} and build new contacts there' },
  reachDepartmentsWhy: { zh: '{window}天内只接触了{total}个部门中的{reached}个。', en: 'Only {reached} of {total} departments reached in {window} days.' },
  advanceProject: { zh: '推进联合项目 {project}「{name}」的下一阶段,把成果带到高层汇报中', en: 'Take joint project {project} "{name}" to its next phase and bring the results to the executives' },
  advanceProjectWhy: { zh: '联合项目是组织层的纽带{quotePart}', en: 'Joint projects tie the organizations together{quotePart}' },
  proposeAgreement: { zh: '与对方商谈战略合作协议', en: 'Propose a strategic agreement' },
  proposeAgreementWhy: { zh: '{tier}类客户尚无战略合作协议,组织层关系薄弱。', en: 'Tier {tier} account without a strategic agreement; the organizational layer is thin.' },
  reviewTier: { zh: '与主管复核客户分级:当前 {declared},建议 {suggested},据此调整资源投入', en: 'Review the tier with your manager: {declared} today, {suggested} suggested; adjust resources to match' },
  reviewTierWhy: { zh: '价值×关系四象限为「{quadrant}」(关系分 {relationship})。', en: 'Value × relationship quadrant "{quadrant}" (relationship score {relationship}).' },
  businessReview: { zh: '做一次季度业务回顾,对齐明年合作重点', en: 'Hold a quarterly business review and align next year\'s priorities' },
  businessReviewWhy: { zh: '保持高层互动节奏;上次高层互动 {last_date}。', en: 'Keep the executive cadence; last executive interaction {last_date}.' },
} satisfies Texts;

type Labels = Record<string, { zh: string; en: string }>;

export const LAYER_LABELS: Labels = {
  key: { zh: '关键层', en: 'Key layer' },
  general: { zh: '普遍层', en: 'General layer' },
  organizational: { zh: '组织层', en: 'Organizational layer' },
  rfm: { zh: '交易(RFM)', en: 'Transactions (RFM)' },
};

export const COMPONENT_LABELS: Labels = {
  decision_chain: { zh: '决策链覆盖', en: 'decision chain' },
  exec_recency: { zh: '高层互动近度', en: 'executive recency' },
  exec_frequency: { zh: '高层互动频次', en: 'executive frequency' },
  departments: { zh: '部门触达', en: 'departments' },
  resolution_rate: { zh: '工单解决率', en: 'ticket resolution' },
  resolution_time: { zh: '解决时长', en: 'resolution time' },
  strategic_agreement: { zh: '战略协议', en: 'strategic agreement' },
  joint_projects: { zh: '联合项目', en: 'joint projects' },
  order_recency: { zh: '下单近度', en: 'order recency' },
  order_frequency: { zh: '下单频次', en: 'order frequency' },
  order_amount: { zh: '订单金额', en: 'order amount' },
};

/** Health component facts as they read in the evidence: 上次 2026-09-30 / last 2026-09-30. */
export const FACT_LABELS: Labels = {
  known: { zh: '关键人{value}位', en: '{value} key people' },
  met: { zh: '已见{value}位', en: '{value} met' },
  decision_makers_known: { zh: '决策者{value}位', en: '{value} decision makers' },
  decision_makers_met: { zh: '已见决策者{value}位', en: '{value} decision makers met' },
  last_date: { zh: '上次 {value}', en: 'last {value}' },
  days: { zh: '{value}天', en: '{value} days' },
  count: { zh: '{value}个', en: '{value}' },
  total: { zh: '工单{value}张', en: '{value} tickets' },
  resolved: { zh: '已解决{value}张', en: '{value} resolved' },
  avg_hours: { zh: '平均{value}小时', en: 'avg {value} h' },
  count_12m: { zh: '12个月{value}单', en: '{value} orders in 12 months' },
  amount_12m: { zh: '12个月{value}', en: '{value} in 12 months' },
  own_yearly_avg: { zh: '自身年均{value}', en: 'own yearly avg {value}' },
  tier_median: { zh: '同级中位{value}', en: 'tier median {value}' },
};

export const BAND_LABELS: Labels = {
  healthy: { zh: '健康', en: 'healthy' },
  watch: { zh: '关注', en: 'watch' },
  at_risk: { zh: '风险', en: 'at risk' },
};

export const QUADRANT_LABELS: Labels = {
  strategic: { zh: '战略客户', en: 'strategic' },
  develop: { zh: '重点发展', en: 'develop' },
  maintain: { zh: '维持', en: 'maintain' },
  basic: { zh: '基础', en: 'basic' },
};

/** System prompt of the LLM plan: facts and passages come as JSON in the user message. */
export const ROADMAP_SYSTEM_PROMPT = {
  zh: `你是大客户经营顾问。根据用户消息中的 JSON(客户现状、差距、团队、联系人、检索到的历史记录),为该客户写一份 30/60/90 天关系优化行动计划。
要求:
- 只输出一个 JSON 对象:{"actions":[{"horizon":30|60|90,"ownerRole":"AR"|"SR"|"FR","ownerId":"团队成员的用户id","targetContactId":"联系人id或null","action":"做什么","reason":"为什么,引用具体事实","citations":[{"source":"interaction"|"ticket"|"contract"|"opportunity"|"order"|"project","id":"记录id"}]}]}
- 每条行动针对一个差距或优势,必须引用至少一条输入中出现过的记录 id;不得编造 id、人名或数字。
- ownerId 只能是团队成员,targetContactId 只能是输入中的联系人。用中文书写 action 和 reason。3 到 8 条行动。`,
  en: `You are a key-account management advisor. From the JSON in the user message (the account's state, gaps, team, contacts and retrieved history), write a 30/60/90-day relationship plan for this account.
Rules:
- Output one JSON object only: {"actions":[{"horizon":30|60|90,"ownerRole":"AR"|"SR"|"FR","ownerId":"a team member's user id","targetContactId":"a contact id or null","action":"what to do","reason":"why, citing specific facts","citations":[{"source":"interaction"|"ticket"|"contract"|"opportunity"|"order"|"project","id":"record id"}]}]}
- Each action addresses one gap or strength and cites at least one record id that appears in the input; never invent ids, names or numbers.
- ownerId must be a team member, targetContactId one of the contacts. Write action and reason in English. 3 to 8 actions.`,
} as const;
