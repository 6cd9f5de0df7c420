// Wording of the activity answer ("张伟这个月拜访了几次客户", "how many visits did my team make last
// month"), zh and en.
import type { Texts } from '../index.ts';

export const activityCountTexts = {
  one: { zh: '{name}在 {period} 共记录 {n} 次互动({types}),涉及 {accounts} 个客户。', en: '{name} logged {n} interaction(s) {period} ({types}) with {accounts} account(s).' },
  none: { zh: '{name}在 {period} 没有记录任何互动。', en: '{name} logged no interactions {period}.' },
  teamHead: { zh: '团队在 {period} 共记录 {n} 次互动,涉及 {accounts} 个客户:', en: 'Your team logged {n} interaction(s) {period} with {accounts} account(s):' },
  busiest: { zh: '在 {period},互动最多的是{names}({n} 次)。', en: '{names} logged the most interactions {period} ({n}).' },
  touchedLine: { zh: '• {account}:{n} 次,最近 {last}', en: '• {account}: {n}, latest {last}' },
  teamLine: { zh: '• {name}:{n} 次({types}),{accounts} 个客户', en: '• {name}: {n} ({types}), {accounts} account(s)' },
  teamNone: { zh: '在 {period},你可见的客户上没有记录任何互动。', en: 'No interactions were logged {period} on the accounts you can see.' },
  typeCount: { zh: '{type} {n}', en: '{type} {n}' },
  you: { zh: '你', en: 'You' },
} satisfies Texts;
