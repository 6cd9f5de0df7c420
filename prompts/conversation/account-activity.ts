// Wording of "谁和西山矿业联系最多" / "who has been in touch with X the most": interactions at one
// account per colleague, most first.
import type { Texts } from '../index.ts';

export const accountActivityTexts = {
  lead: { zh: '{period},和{account}联系最多的是{names}({n} 次)。', en: '{names} has been in touch with {account} the most {period} ({n} interaction(s)).' },
  leadTie: { zh: '{period},和{account}联系最多的是{names}(各 {n} 次)。', en: '{names} have been in touch with {account} the most {period} ({n} interaction(s) each).' },
  head: { zh: '{account}的 {n} 次互动,按同事:', en: 'The {n} interaction(s) with {account}, by colleague:' },
  line: { zh: '• {name}:{n} 次({types}),最近一次 {last}', en: '• {name}: {n} ({types}), latest {last}' },
  none: { zh: '{period},{account}没有任何互动记录。', en: 'No interactions with {account} are recorded {period}.' },
  lastYear: { zh: '近一年({from} 至 {to})', en: 'in the last 12 months ({from} to {to})' },
} satisfies Texts;
