// Wording of the count by type under an account's interactions over a period
// ("过去90天西山矿业有几次拜访" → "按类型:拜访 4 次、电话 5 次").
import type { Texts } from './index.ts';

export const historyCountTexts = {
  byType: { zh: '按类型:{list}', en: 'By type: {list}' },
  typeCount: { zh: '{type} {count} 次', en: '{type} {count}' },
} satisfies Texts;
