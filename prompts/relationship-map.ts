// Wording of the relationship map (the decision-chain picture: console, chat image), zh and en.
import type { Texts } from './index.ts';

export const relationshipMapTexts = {
  title: { zh: '{account} 关系图', en: 'Relationship map of {account}' },
  subtitle: { zh: '截至 {date} · {count} 位联系人', en: 'As of {date} · {count} contacts' },
  noDepartment: { zh: '未填部门', en: 'No department' },
  noLevel: { zh: '层级未知', en: 'Level unknown' },
  notReached: { zh: '{days}天未触达', en: 'not reached in {days} d' },
  missingDm: { zh: '? 决策人未知', en: '? No decision maker known' },
  missingDmHint: { zh: '尚未识别决策人', en: 'none identified yet' },
  roleUnknown: { zh: '角色未知', en: 'role unknown' },
  attitudeUnknown: { zh: '态度未知', en: 'attitude unknown' },
  daysBadge: { zh: '{days}天', en: '{days}d' },
  neverBadge: { zh: '未见', en: 'never' },
  unmetDm: { zh: '决策人{days}', en: 'decision maker {days}' },
  legendRole: { zh: '角色(底色)', en: 'Role (fill)' },
  legendAttitude: { zh: '态度(边框)', en: 'Attitude (border)' },
  legendRecency: { zh: '上次接触', en: 'Last contact' },
  legendRecent: { zh: '{days}天内', en: 'within {days} d' },
  legendStale: { zh: '{days}天内', en: 'within {days} d' },
  legendCold: { zh: '超过{days}天', en: 'over {days} d' },
  legendNever: { zh: '从未', en: 'never' },
  gapsNone: { zh: '决策链无明显缺口', en: 'No gaps in the decision chain' },
  gapNoDm: { zh: '未识别决策人', en: 'no decision maker known' },
  gapUnmetDm: { zh: '决策人{names}超过{days}天未见', en: 'decision maker {names} not met in {days} days' },
  gapDepartments: { zh: '{departments}{days}天未触达', en: '{departments} not reached in {days} days' },
  gapsLine: { zh: '缺口:{gaps}', en: 'Gaps: {gaps}' },
  // Chat
  caption: { zh: '{account} 关系图({count} 位联系人)。{gaps}。', en: 'Relationship map of {account} ({count} contacts). {gaps}.' },
  contactLine: { zh: '• {level} · {department}:{name}{title} — {role},{attitude},{last}', en: '• {level} · {department}: {name}{title} — {role}, {attitude}, {last}' },
  lastMet: { zh: '上次接触 {date}({days}天前)', en: 'last met {date} ({days} days ago)' },
  neverMet: { zh: '从未接触', en: 'never met' },
  noContacts: { zh: '{account}还没有联系人记录,关系图为空。可以在拜访记录里提到对方的人,例如"今天拜访了{account}的王总"。', en: 'There are no contacts at {account} yet, so the map is empty. Name people in a visit note, e.g. "Met Mr. Wang at {account} today".' },
  imageFailed: { zh: '(图片未能生成,以下为文字版)', en: '(the picture could not be made; here it is as text)' },
} satisfies Texts;

/** The relationship-map card on the console's account page. */
export const relationshipMapConsoleTexts = {
  card_title: { zh: '关系图', en: 'Relationship map' },
} satisfies Texts;
