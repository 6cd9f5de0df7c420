// Numbers and thresholds in messages: "超过30天", "三十天", "两个月", "last 60 days", "over 2 weeks".
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** '30', '三十', '两', '一百二十', '十五' → number; undefined when not a number. */
export function parseNumber(s: string): number | undefined {
  const t = s.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(t)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of t) {
    if (ch in DIGIT) digit = DIGIT[ch];
    else {
      total += (digit || 1) * UNIT[ch];
      digit = 0;
    }
  }
  return total + digit;
}

const NUM = '(\\d+|[零〇一二两三四五六七八九十百千]+)';
const DAYS_PER: Record<string, number> = { 天: 1, 日: 1, 周: 7, 星期: 7, 礼拜: 7, 月: 30, 年: 365, day: 1, week: 7, month: 30, year: 365 };

export interface Duration {
  days: number;
  /** The matched text, e.g. "超过30天". */
  text: string;
}

/** The first duration in a normalised message, in days. */
export function extractDuration(norm: string): Duration | undefined {
  const zh = new RegExp(`${NUM}\\s*(?:个)?\\s*(天|日|周|星期|礼拜|月|年)`).exec(norm);
  const en = /(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*(day|week|month|year)s?\b/.exec(norm);
  const pick = zh && en ? (zh.index <= en.index ? zh : en) : (zh ?? en);
  if (!pick) return undefined;
  const words: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12 };
  const n = pick === en ? (words[pick[1]] ?? Number(pick[1])) : parseNumber(pick[1]);
  if (n === undefined || !Number.isFinite(n)) return undefined;
  // "6月" / "11月" alone is a month of the year, not a duration; "6个月" is.
  if (pick === zh && pick[2] === '月' && !/个/.test(pick[0])) return undefined;
  if (pick === zh && pick[2] === '年' && n > 100) return undefined;
  return { days: n * DAYS_PER[pick[2]], text: pick[0] };
}

/** The year a message asks about: 今年 / this year (default), 去年 / last year, 2025年 / 2025. */
export function extractYear(norm: string, currentYear: number): { year: number; explicit: boolean } {
  const m = /(20\d{2})\s*年?/.exec(norm);
  if (m) return { year: Number(m[1]), explicit: true };
  if (/前年|year before last/.test(norm)) return { year: currentYear - 2, explicit: true };
  if (/去年|上一年|last year|previous year/.test(norm)) return { year: currentYear - 1, explicit: true };
  if (/明年|next year/.test(norm)) return { year: currentYear + 1, explicit: true };
  return { year: currentYear, explicit: /今年|本年|this year|current year/.test(norm) };
}
