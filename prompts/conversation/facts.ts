// Labels of the facts a reply lists beside its text (cards, the console, `kam ask --json`), and
// the words that stand in for a missing value.
import type { Texts } from '../index.ts';

export const factLabels = {
  date: { zh: '日期', en: 'Date' },
  people: { zh: '参与人', en: 'People' },
  decisionMakers: { zh: '决策者', en: 'Decision makers' },
  contractEnds: { zh: '到期日', en: 'Ends' },
  orders: { zh: '订单数', en: 'Orders' },
  amount: { zh: '金额', en: 'Amount' },
  tier: { zh: '级别', en: 'Tier' },
  health: { zh: '健康度', en: 'Health' },
  owner: { zh: '负责人', en: 'Owner' },
  execution: { zh: '执行率', en: 'Execution' },
  yearElapsed: { zh: '时间进度', en: 'Year elapsed' },
} satisfies Texts;

export const placeholderTexts = {
  unknownAmount: { zh: '未知', en: 'unknown' },
  someone: { zh: '某人', en: 'someone' },
  thisAccount: { zh: '这个客户', en: 'this account' },
  aCustomer: { zh: '某客户', en: 'a customer' },
  contractsExample: { zh: '{account}的合同什么时候到期?', en: '{account} contracts' },
  contractsExampleNoAccount: { zh: '某某客户的合同什么时候到期?', en: '<account> contracts' },
} satisfies Texts;
