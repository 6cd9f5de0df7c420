// Wording of alerts (message, recommended action), rule names, severities and the `kam rules` /
// `kam alerts` / `kam outbox` output, in Chinese and English.
import { fill, type Lang, type Texts } from './index.ts';
import { CONTRACT_KIND, SEVERITY, STAGE } from './conversation/labels.ts';

export const ruleNames: Texts = {
  exec_silence: { zh: '高层沉默', en: 'Executive silence' },
  contract_expiry: { zh: '合同即将到期', en: 'Contract expiring' },
  budget_lag: { zh: '预算执行滞后', en: 'Budget execution lagging' },
  complaint_open: { zh: '投诉未解决', en: 'Complaint unresolved' },
  next_step_overdue: { zh: '下一步逾期', en: 'Next step overdue' },
  decision_chain_gap: { zh: '决策链缺口', en: 'Decision-chain gap' },
  stalled_opportunity: { zh: '商机停滞', en: 'Stalled opportunity' },
  health_drop: { zh: '健康分下降', en: 'Health score drop' },
};

// Enum labels are shared with every other surface (prompts/conversation/labels.ts), so a stage or
// a contract kind reads the same in an alert, a briefing, a chat answer and the console.
export const severityNames: Texts = SEVERITY;

export const stageNames: Texts = STAGE;

export const contractKindNames: Texts = CONTRACT_KIND;

export const alertMessages: Texts = {
  exec_silence: {
    zh: '{account}:已 {days} 天没有与高层联系人互动(上次 {date},{contacts})。',
    en: '{account}: no interaction with an executive contact for {days} days (last on {date}, {contacts}).',
  },
  exec_silence_never: {
    zh: '{account}:还没有与任何高层联系人互动的记录。',
    en: '{account}: no interaction with an executive contact on record.',
  },
  exec_silence_manager: { zh: '已超过 {manager_days} 天,同步主管。', en: 'Past {manager_days} days, so the manager is informed.' },
  contract_expiry: {
    zh: '{account}:合同 {contract}({kind})将于 {end_date} 到期,还剩 {days} 天,目前没有在跟进的商机。',
    en: '{account}: contract {contract} ({kind}) ends on {end_date}, in {days} days, and there is no open opportunity.',
  },
  budget_lag: {
    zh: '{account}:{year} 年预算执行 {executed_pct}%({executed} / {budget}),而全年已过去 {elapsed_pct}%,落后 {gap} 个百分点。',
    en: '{account}: {year} budget execution is {executed_pct}% ({executed} of {budget}) while {elapsed_pct}% of the year has passed, {gap} points behind.',
  },
  complaint_open: {
    zh: '{account}:投诉 {ticket}(严重程度 {severity})已 {hours} 小时未解决:{summary}',
    en: '{account}: complaint {ticket} ({severity} severity) unresolved for {hours} hours: {summary}',
  },
  next_step_overdue: {
    zh: '{account}:承诺的下一步「{step}」应于 {due} 完成,已逾期 {days} 天,{date} 之后没有新的互动。',
    en: '{account}: the committed next step "{step}" was due {due}, {days} days ago, with no interaction since {date}.',
  },
  decision_chain_no_dm: {
    zh: '{account}:还没有记录任何决策人(decision_maker)联系人。',
    en: '{account}: no decision-maker contact on record.',
  },
  decision_chain_not_met: {
    zh: '{account}:决策人({names})已 {days} 天没有互动(上次 {date})。',
    en: '{account}: no interaction with a decision maker ({names}) for {days} days (last on {date}).',
  },
  decision_chain_never_met: {
    zh: '{account}:从未与决策人({names})互动。',
    en: '{account}: never met a decision maker ({names}).',
  },
  stalled_opportunity: {
    zh: '{account}:商机「{name}」({stage} 阶段,{amount})已 {days} 天没有更新(上次 {updated})。',
    en: '{account}: opportunity "{name}" ({stage}, {amount}) not updated for {days} days (last on {updated}).',
  },
  health_drop: {
    zh: '{account}:健康分从 {peak}({peak_date})降到 {current},下降 {drop} 分。',
    en: '{account}: health score fell from {peak} ({peak_date}) to {current}, down {drop} points.',
  },
};

export const alertActions: Texts = {
  exec_silence: {
    zh: '本周安排一次高层拜访或电话,向对方高层回顾合作并确认下一步计划。',
    en: 'Arrange an executive visit or call this week to review the partnership and agree on next plans.',
  },
  contract_expiry: {
    zh: '尽快与客户确认续约意向,并建立续约商机。',
    en: 'Confirm the renewal intent with the customer and open a renewal opportunity.',
  },
  budget_lag: {
    zh: '与客户确认今年剩余的采购计划和下单时间,找出推迟的原因。',
    en: 'Confirm the remaining purchase plans and order timing for this year, and find out what is holding orders back.',
  },
  complaint_open: {
    zh: 'FR 今天给出处理方案并回访客户,AR 向客户说明进展。',
    en: 'FR to propose a fix today and call the customer back; AR to keep the customer informed.',
  },
  next_step_overdue: {
    zh: '完成这一步并记录一次跟进,或与客户约定新的时间。',
    en: 'Complete the step and log a follow-up, or agree on a new date with the customer.',
  },
  decision_chain_gap: {
    zh: '通过现有联系人引荐,尽快约见客户的决策人。',
    en: 'Ask your current contacts for an introduction and meet the decision maker soon.',
  },
  stalled_opportunity: {
    zh: '更新商机进展,或约客户推动下一步(方案评审、商务谈判)。',
    en: 'Update the opportunity, or meet the customer to move it on (proposal review, negotiation).',
  },
  health_drop: {
    zh: '查看健康分构成找出下降的维度,与 AR 一起制定挽回计划。',
    en: 'Look at the health components to see what fell, and agree a recovery plan with the AR.',
  },
};

export const alertTexts: Texts = {
  title: { zh: '客户预警:{rule}', en: 'Account alert: {rule}' },
  action: { zh: '建议行动', en: 'Recommended action' },
  severity: { zh: '严重程度', en: 'Severity' },
  account: { zh: '客户', en: 'Account' },
  ack_button: { zh: '收到', en: 'Got it' },
  escalated_title: { zh: '升级预警:{rule}', en: 'Escalated alert: {rule}' },
  escalated_note: {
    zh: '该预警自 {fired} 起未被确认,已升级给你。',
    en: 'This alert has not been acknowledged since {fired}, so it is escalated to you.',
  },
  none_contacts: { zh: '无', en: 'none' },
  no_summary: { zh: '(无描述)', en: '(no description)' },
  acked: { zh: '已确认 {n} 条预警:{list}', en: 'Acknowledged {n} alert(s): {list}' },
  ack_nothing: { zh: '没有需要确认的预警。', en: 'There is no alert waiting for your acknowledgement.' },
  ack_not_found: { zh: '找不到这条预警,或它不是发给你的。', en: 'That alert does not exist or was not sent to you.' },
  list_none: { zh: '当前没有触发的预警。', en: 'No alerts fire.' },
  list_new_none: { zh: '没有新的预警(已记录的不会重复推送)。', en: 'No new alerts (recorded ones are never pushed twice).' },
  escalations: { zh: '升级 {n} 条未确认预警', en: 'Escalated {n} unacknowledged alert(s)' },
};

export const outboxTexts: Texts = {
  none: { zh: '发件箱里没有待发送、失败或无法送达的消息。', en: 'Nothing pending, failed or undeliverable in the outbox.' },
  header: { zh: 'ID  状态  收件人  类型  尝试次数  下次尝试  内容  错误', en: 'ID  status  recipient  kind  attempts  next attempt  content  error' },
  no_identity: {
    zh: '收件人 {user} 没有任何平台账号(飞书/企业微信/Slack)',
    en: 'recipient {user} has no platform identity (Feishu, WeCom or Slack)',
  },
  unknown_user: { zh: '收件人 {user} 不存在', en: 'recipient {user} does not exist' },
  retried: { zh: '已重新排队 {n} 条消息。', en: 'Requeued {n} message(s).' },
};

const CN_AMOUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 6000000 → "6,000,000 元" / "CNY 6,000,000". */
export function formatAmount(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined) return lang === 'zh' ? '金额未知' : 'amount unknown';
  return lang === 'zh' ? `${CN_AMOUNT.format(n)} 元` : `CNY ${CN_AMOUNT.format(n)}`;
}

export function listJoin(items: string[], lang: Lang): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}

export { fill };

/** One line per tunable setting, for `kam rules`. */
export const settingDescriptions: Texts = {
  'exec_silence.enabled': { zh: '启用高层沉默预警', en: 'exec_silence on or off' },
  'exec_silence.days': { zh: 'S/A 级客户多少天没有与高层互动即预警(发给 AR)', en: 'days without an executive interaction before it fires (to the AR)' },
  'exec_silence.manager_days': { zh: '沉默达到多少天同时通知 AR 的主管', en: "days of silence from which the AR's manager hears too" },
  'exec_silence.tiers': { zh: '适用的客户分级', en: 'account tiers watched' },
  'exec_silence.escalate_after_hours': { zh: '未确认多少小时后升级给上一级主管', en: 'hours unacknowledged before escalating one level up' },
  'contract_expiry.enabled': { zh: '启用合同到期预警', en: 'contract_expiry on or off' },
  'contract_expiry.days': { zh: '合同在多少天内到期且无在跟进商机即预警', en: 'days before a contract ends (with no open opportunity) that it fires' },
  'budget_lag.enabled': { zh: '启用预算执行滞后预警', en: 'budget_lag on or off' },
  'budget_lag.points': { zh: '预算执行落后时间进度超过多少个百分点即预警', en: 'percentage points behind the elapsed year before it fires' },
  'complaint_open.enabled': { zh: '启用投诉未解决预警', en: 'complaint_open on or off' },
  'complaint_open.hours': { zh: '投诉未解决多少小时即预警', en: 'hours a complaint stays unresolved before it fires' },
  'complaint_open.high_hours': { zh: '高严重度投诉未解决多少小时即预警', en: 'the same for high-severity complaints' },
  'complaint_open.escalate_after_hours': { zh: '未确认多少小时后升级给上一级主管', en: 'hours unacknowledged before escalating one level up' },
  'next_step_overdue.enabled': { zh: '启用下一步逾期预警', en: 'next_step_overdue on or off' },
  'next_step_overdue.grace_days': { zh: '逾期超过多少天才预警(0 = 到期次日)', en: 'days past due before it fires (0 = the day after)' },
  'decision_chain_gap.enabled': { zh: '启用决策链缺口预警', en: 'decision_chain_gap on or off' },
  'decision_chain_gap.days': { zh: '多少天没有与决策人互动即预警', en: 'days without meeting a decision maker before it fires' },
  'decision_chain_gap.tiers': { zh: '适用的客户分级', en: 'account tiers watched' },
  'stalled_opportunity.enabled': { zh: '启用商机停滞预警', en: 'stalled_opportunity on or off' },
  'stalled_opportunity.days': { zh: '商机多少天没有更新即预警', en: 'days without an update before it fires' },
  'stalled_opportunity.stages': { zh: '适用的商机阶段', en: 'opportunity stages watched' },
  'health_drop.enabled': { zh: '启用健康分下降预警', en: 'health_drop on or off' },
  'health_drop.points': { zh: '健康分下降多少分即预警', en: 'points of fall that fire it' },
  'health_drop.days': { zh: '比较的时间窗口(天)', en: 'look-back window in days' },
  'health.weight.key': { zh: '健康分权重:关键层', en: 'health weight: key layer' },
  'health.weight.general': { zh: '健康分权重:普遍层', en: 'health weight: general layer' },
  'health.weight.organizational': { zh: '健康分权重:组织层', en: 'health weight: organizational layer' },
  'health.weight.rfm': { zh: '健康分权重:交易层 RFM', en: 'health weight: RFM' },
  'health.band.healthy': { zh: '健康分不低于此值为"健康"', en: 'score from which an account is "healthy"' },
  'health.band.watch': { zh: '健康分不低于此值为"关注",低于为"风险"', en: 'score from which it is "watch" (below: "at risk")' },
  'health.window_days': { zh: '关系指标的回看天数', en: 'look-back window of the relationship measures, days' },
  'health.tier.relationship_strong': { zh: '关系分不低于此值视为"关系强"(分级建议)', en: 'relationship score counted as strong (tier suggestion)' },
  'schedule.alert_sweep': { zh: '预警扫描时间(cron,业务时区)', en: 'alert sweep schedule (cron, business time zone)' },
  'schedule.health_snapshot': { zh: '健康分快照时间(cron)', en: 'health snapshot schedule (cron)' },
  'schedule.briefings': { zh: '周报推送时间(cron)', en: 'weekly briefing schedule (cron)' },
  'schedule.escalation': { zh: '未确认预警升级检查时间(cron)', en: 'escalation check schedule (cron)' },
  'schedule.outbox_drain_seconds': { zh: '发件箱投递间隔(秒)', en: 'outbox drain interval, seconds' },
  'outbox.max_attempts': { zh: '投递失败最多重试次数', en: 'delivery attempts before a push is marked failed' },
  'outbox.backoff_base_seconds': { zh: '重试退避起始秒数(每次翻倍)', en: 'first retry delay in seconds (doubles each time)' },
  'outbox.backoff_max_seconds': { zh: '重试退避最长秒数', en: 'longest retry delay in seconds' },
  'outbox.rate_per_minute': { zh: '每位收件人每分钟最多推送条数', en: 'pushes per recipient per minute at most' },
  'groups.alert_rules': { zh: '哪些规则的预警也发到客户绑定的群', en: 'rules whose alerts also go to the account\'s bound group chats' },
  'groups.briefings': { zh: '每周简报也发到绑定的群', en: 'weekly briefings also go to bound group chats' },
  'groups.escalations': { zh: '预警升级也发到客户绑定的群', en: 'escalations also go to the account\'s bound group chats' },
};

export const rulesTexts: Texts = {
  header: { zh: '设置项(* = 已修改)', en: 'Settings (* = changed)' },
  saved: { zh: '{key} = {value}(默认 {default})', en: '{key} = {value} (default {default})' },
  reset: { zh: '{key} 已恢复默认值 {default}', en: '{key} is back to its default {default}' },
};

export const alertChatTexts: Texts = {
  list_title: { zh: '当前触发的预警({n} 条)', en: 'Alerts firing now ({n})' },
  list_none: { zh: '你的客户目前没有触发任何预警。', en: 'No alerts fire on your accounts right now.' },
  item: { zh: '[{severity}] {rule}:{message}', en: '[{severity}] {rule}: {message}' },
};
