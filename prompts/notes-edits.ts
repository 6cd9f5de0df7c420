// Wording of the edits of a saved note's contacts, money, competitors and summary (issue 22).
import type { Texts } from './index.ts';

export const noteEditTexts = {
  contactAdded: { zh: '已把{name}加到联系人里。', en: 'Added {name} to the contacts.' },
  contactAlready: { zh: '{name}已经在这条记录的联系人里了。', en: '{name} is already on this note.' },
  contactRenamed: { zh: '已把{from}改为{to}。', en: 'Changed {from} to {to}.' },
  contactNotOnNote: { zh: '这条记录里没有"{name}"。', en: 'This note has no "{name}".' },
  amountChanged: { zh: '已把金额改为{amount}。', en: 'Changed the amount to {amount}.' },
  amountNotUnderstood: { zh: '没看懂金额,请写成"金额改成500万"这样。', en: 'I could not read the amount; write it like "amount: 5 million".' },
  competitorsChanged: { zh: '已更新竞品:{list}。', en: 'Competitors updated: {list}.' },
  competitorsNone: { zh: '已去掉这条记录的竞品。', en: 'Removed the competitors from this note.' },
  summaryChanged: { zh: '已更新摘要。', en: 'Summary updated.' },
  editHelpContact: { zh: '把马振华加到参与人里 / 把赵磊吃改成赵磊', en: 'add Ma Zhenhua to the contacts / change Zhao Leichi to Zhao Lei' },
  editHelpMoney: { zh: '金额改成500万 / 竞品还有徐工', en: 'amount: 5 million / competitors also XCMG' },
  editHelpSummary: { zh: '摘要改成……', en: 'summary: …' },
} satisfies Texts;
