// Wording the messaging adapters use themselves (everything else comes from the engine's Reply).
import type { Texts } from './index.ts';

export const platformTexts = {
  textOnly: {
    zh: '目前只能读文字和语音消息（图片和文件暂不支持），请直接打字或发语音告诉我。',
    en: 'I can read text and voice messages only for now (not images or files). Please type or say your message.',
  },
  working: {
    zh: '正在处理…',
    en: 'Working on it…',
  },
  failed: {
    zh: '抱歉，处理这条消息时出错了，请稍后再试。',
    en: 'Sorry, something went wrong while handling that message. Please try again in a moment.',
  },
  slashUsage: {
    zh: '用法：/kam 你的问题，例如 /kam 我的客户里哪些超过30天没有高层互动？',
    en: 'Usage: /kam your question, e.g. /kam which of my accounts had no executive contact in 30 days?',
  },
  done: {
    zh: '已处理',
    en: 'Done',
  },
  sources: {
    zh: '来源',
    en: 'Sources',
  },
  continued: {
    zh: '（续）',
    en: '(cont.)',
  },
} satisfies Texts;
