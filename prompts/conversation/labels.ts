// Names of enumerated values as users read them, zh and en.
import type { Lang } from '../index.ts';

type Labels = Record<string, { zh: string; en: string }>;

export const DECISION_ROLE: Labels = {
  decision_maker: { zh: '决策者', en: 'decision maker' },
  influencer: { zh: '影响者', en: 'influencer' },
  evaluator: { zh: '评估者', en: 'evaluator' },
  user: { zh: '使用者', en: 'user' },
  gatekeeper: { zh: '把关者', en: 'gatekeeper' },
};
export const LEVEL: Labels = {
  executive: { zh: '高层', en: 'executive' },
  manager: { zh: '中层', en: 'manager' },
  staff: { zh: '基层', en: 'staff' },
};
export const ATTITUDE: Labels = {
  supporter: { zh: '支持', en: 'supporter' },
  neutral: { zh: '中立', en: 'neutral' },
  opponent: { zh: '反对', en: 'opponent' },
};
export const INTERACTION_TYPE: Labels = {
  visit: { zh: '拜访', en: 'visit' },
  call: { zh: '电话', en: 'call' },
  meeting: { zh: '会议', en: 'meeting' },
  email: { zh: '邮件', en: 'email' },
  dinner: { zh: '宴请', en: 'dinner' },
  event: { zh: '活动', en: 'event' },
  im: { zh: '即时消息', en: 'instant message' },
};
export const CONTRACT_KIND: Labels = {
  purchase: { zh: '采购合同', en: 'purchase contract' },
  framework: { zh: '框架协议', en: 'framework agreement' },
  service: { zh: '服务合同', en: 'service contract' },
  strategic_agreement: { zh: '战略合作协议', en: 'strategic agreement' },
};
export const CONTRACT_STATUS: Labels = {
  active: { zh: '生效中', en: 'active' },
  expired: { zh: '已到期', en: 'expired' },
  terminated: { zh: '已终止', en: 'terminated' },
};
export const TICKET_KIND: Labels = {
  complaint: { zh: '投诉', en: 'complaint' },
  repair: { zh: '报修', en: 'repair' },
  inquiry: { zh: '咨询', en: 'inquiry' },
};
export const SEVERITY: Labels = {
  high: { zh: '高', en: 'high' },
  medium: { zh: '中', en: 'medium' },
  low: { zh: '低', en: 'low' },
};
export const STAGE: Labels = {
  lead: { zh: '线索', en: 'lead' },
  qualify: { zh: '验证', en: 'qualify' },
  proposal: { zh: '方案', en: 'proposal' },
  negotiation: { zh: '谈判', en: 'negotiation' },
  won: { zh: '赢单', en: 'won' },
  lost: { zh: '丢单', en: 'lost' },
};
export const TEAM_ROLE: Labels = {
  AR: { zh: '客户经理', en: 'account manager' },
  SR: { zh: '解决方案专家', en: 'solution expert' },
  FR: { zh: '交付经理', en: 'delivery manager' },
};
export const PROJECT_STATUS: Labels = {
  active: { zh: '进行中', en: 'active' },
  done: { zh: '已完成', en: 'done' },
};

export const STRATEGIC_VALUE: Labels = {
  high: { zh: '高', en: 'high' },
  low: { zh: '低', en: 'low' },
};

export const HEALTH_BAND: Labels = {
  healthy: { zh: '健康', en: 'healthy' },
  watch: { zh: '需关注', en: 'watch' },
  at_risk: { zh: '有风险', en: 'at risk' },
};

/** The label of a value, or the value itself when unknown; '' for null. */
export function label(labels: Labels, value: string | null | undefined, lang: Lang): string {
  if (!value) return '';
  return labels[value]?.[lang] ?? value;
}
