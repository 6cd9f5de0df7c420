// Wording of the visit preparation: "明天拜访西山矿业要准备什么", "prepare me for my meeting with 邱亚楠".
import type { Texts } from '../index.ts';

export const visitPrepTexts = {
  head: { zh: '拜访准备:{account}', en: 'Visit preparation: {account}' },
  standing: { zh: '{tier}健康分 {score}({band})', en: '{tier}health {score} ({band})' },
  tier: { zh: '{tier}级 · ', en: 'tier {tier} · ' },
  noHealth: { zh: '{tier}暂无健康分', en: '{tier}no health score yet' },
  person: { zh: '对象:{person},{role}{level}态度{attitude}', en: 'Meeting: {person}, {role}{level}{attitude}' },
  personRole: { zh: '{role},', en: '{role}, ' },
  personLevel: { zh: '{level},', en: '{level}, ' },
  personLast: { zh: '上次接触 {date}({ago}):{summary}', en: 'Last contact {date} ({ago}): {summary}' },
  personNever: { zh: '还没有和{name}的互动记录。', en: 'No interaction with {name} is on record yet.' },
  personAsked: { zh: '上次约定的下一步:{step}{due}', en: 'Next step agreed last time: {step}{due}' },
  personAskedDue: { zh: '(截止 {date})', en: ' (due {date})' },
  recentHead: { zh: '最近沟通:', en: 'Recent contact:' },
  recentLine: { zh: '• {date} {type}{with}:{summary}', en: '• {date} {type}{with}: {summary}' },
  recentWith: { zh: '({names})', en: ' ({names})' },
  noRecent: { zh: '• 还没有互动记录', en: '• no interaction on record yet' },
  openHead: { zh: '在谈与待办:', en: 'In progress:' },
  opportunity: { zh: '• 商机「{name}」{stage}阶段,{amount}{close}', en: '• Opportunity "{name}", {stage}, {amount}{close}' },
  opportunityClose: { zh: ',预计 {date} 成交', en: ', expected to close {date}' },
  step: { zh: '• 下一步:{step}(截止 {due})', en: '• Next step: {step} (due {due})' },
  watchHead: { zh: '需要注意:', en: 'Watch out for:' },
  nothingToWatch: { zh: '• 没有发现明显风险', en: '• no open risk found' },
} satisfies Texts;
