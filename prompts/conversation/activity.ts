// Wording of the interaction tools: last interaction, what was discussed.
import type { Texts } from '../index.ts';

export const activityTexts = {
  lastHead: {
    zh: '{account}最近一次{what}是 {date}({ago}),{type}{with}。',
    en: 'The last {what} with {account} was on {date} ({ago}): {type}{with}.',
  },
  whatAny: { zh: '互动', en: 'interaction' },
  whatExec: { zh: '高层互动', en: 'executive interaction' },
  whatType: { zh: '{type}', en: '{type}' },
  whatContact: { zh: '与{contact}的互动', en: 'interaction with {contact}' },
  withContacts: { zh: ',对方参与人:{contacts}', en: ' with {contacts}' },
  byUser: { zh: '跟进人 {user}', en: 'logged by {user}' },
  summary: { zh: '内容:{summary}', en: 'Summary: {summary}' },
  nextStep: { zh: '下一步:{step}{due}', en: 'Next step: {step}{due}' },
  nextDue: { zh: '(截止 {date})', en: ' (due {date})' },
  none: { zh: '{account}还没有{what}记录。', en: 'There is no {what} on record with {account}.' },
  noneExecHint: { zh: '高层联系人:{contacts}。', en: 'Executive contacts: {contacts}.' },
  today: { zh: '今天', en: 'today' },
  daysAgo: { zh: '{days}天前', en: '{days} days ago' },
  dayAgo: { zh: '1天前', en: '1 day ago' },
  historyHead: { zh: '{account}{range}的互动记录({count}条):', en: 'Interactions with {account}{range} ({count}):' },
  historyRange: { zh: '在 {from} 至 {to} 期间', en: ' from {from} to {to}' },
  historyNone: { zh: '{account}{range}没有互动记录。', en: 'No interactions with {account}{range}.' },
  discussedHead: { zh: '上次和{account}沟通是 {date}({ago}),{type}{with}:', en: 'Last time with {account} ({date}, {ago}; {type}{with}) you discussed:' },
  line: { zh: '• {date} {type}{with}:{summary}', en: '• {date} {type}{with}: {summary}' },
} satisfies Texts;
