// Wording of a bare date correction ("改成下周四") that fits neither the note's date nor its next step.
import type { Texts } from './index.ts';

export const noteWhenTexts = {
  whenAhead: {
    zh: '{date} 还没到,而这条记录没有下一步。要改拜访日期请说"日期改成昨天";要加下一步请说"下一步改成发送报价,{date}前"。',
    en: '{date} is still ahead and this note has no next step. To change the date say "change the date to yesterday"; to add one say "next step: send the quote by {date}".',
  },
} satisfies Texts;
