// Wording of overdue next steps ("中建华东有没有逾期的下一步", "any overdue follow-ups?"): due before
// today with no later interaction at the account.
import type { Texts } from './index.ts';

export const overdueStepTexts = {
  overdueHead: { zh: '{scope}已逾期、之后没有跟进的下一步({count} 项,截止日在 {from} 至 {to}):', en: 'Overdue next steps{scope} with no later interaction ({count}, due {from} to {to}):' },
  overdueNone: { zh: '{scope}没有逾期未跟进的下一步(截止日在 {from} 至 {to})。', en: 'No overdue next steps{scope} without a later interaction (due {from} to {to}).' },
  scopeAccount: { zh: '{account}', en: ' at {account}' },
} satisfies Texts;
