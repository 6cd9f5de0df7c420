// Replies to greetings, thanks and acknowledgements: brief, and saying what the bot can do.
import type { Texts } from './index.ts';

export const smallTalkTexts = {
  greeting: { zh: '你好!我是大客户经营助手。', en: "Hello! I'm KAM Assistant." },
  morning: { zh: '早上好!', en: 'Good morning!' },
  evening: { zh: '晚上好!', en: 'Good evening!' },
  presence: { zh: '在的!', en: "I'm here!" },
  thanks: { zh: '不客气!', en: "You're welcome!" },
  ack: { zh: '好的!', en: 'Great!' },
  farewell: { zh: '再见,随时找我!', en: 'Bye, talk soon!' },
  capabilities: {
    zh: '可以问我客户的最近拜访、决策链、合同、工单、订单和预算,也可以直接发一句拜访记录让我保存。比如:{examples}',
    en: 'Ask me about your accounts (last visits, decision chains, contracts, tickets, orders, budgets), or just send a visit note and I will log it. For example: {examples}',
  },
} satisfies Texts;
