// Wording of the receivables answer: payments are not in the CRM data the assistant holds.
import type { Texts } from '../index.ts';

export const receivableTexts = {
  notHeld: {
    zh: '我这里没有回款和应收账款的数据:导入的 CRM 数据只有客户、联系人、互动、订单、合同、预算、商机、工单和联合项目,没有付款、发票或应收记录,所以无法回答{account}付了多少、欠多少。回款情况请以财务系统(ERP)为准。',
    en: "I hold no payment or receivables data: the CRM data imported here has accounts, contacts, interactions, orders, contracts, budgets, opportunities, tickets and joint projects, but no payments, invoices or receivables, so I cannot say what {account} has paid or still owes. Please check the finance system (ERP) for collections.",
  },
  anyAccount: { zh: '客户', en: 'an account' },
  offerHead: { zh: '我能提供的是{account}的合同和订单金额:', en: 'What I do have for {account} is contract and order amounts:' },
  contractsActive: { zh: '• 生效中的合同 {count} 份,合计 {amount}{unknown}', en: '• {count} active contract(s), {amount} in total{unknown}' },
  contractsUnknown: { zh: '({count} 份金额未知)', en: ' ({count} without an amount)' },
  contractsActiveUnknown: { zh: '• 生效中的合同 {count} 份,金额未登记', en: '• {count} active contract(s), no amount recorded' },
  amountUnknown: { zh: '金额未登记', en: 'no amount recorded' },
  contractsNone: { zh: '• 没有生效中的合同', en: '• no active contract' },
  contractLine: { zh: '  · {id} {kind},{end} 到期,{amount}', en: '  · {id} {kind}, ends {end}, {amount}' },
  orders: { zh: '• 近一年({period})订单 {count} 笔,合计 {amount};最近一次 {date} {product} {last}', en: '• {count} order(s) in the last 12 months ({period}), {amount} in total; the latest on {date}: {product} {last}' },
  ordersNone: { zh: '• 近一年({period})没有订单', en: '• no orders in the last 12 months ({period})' },
  more: { zh: '发"{account}的合同"或"{account}的订单"可以看明细。', en: 'Ask "{account} contracts" or "{account} orders" for the details.' },
  moreAny: { zh: '说出客户名称(例如"某客户的合同""某客户的订单"),我可以给出它的合同和订单金额。', en: 'Name an account ("contracts of X", "orders of X") and I can give its contract and order amounts.' },
} satisfies Texts;
