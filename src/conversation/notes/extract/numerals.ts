// Chinese numerals as people type them in notes: 十二 → 12, 两百 → 200, 六百 → 600, 一千二 → 1200.
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CN_NUMBER_CHARS = '零〇一二两三四五六七八九十百千';

/** Value of a number written in Arabic digits or Chinese numerals below 10,000; undefined if not a number. */
export function parseSmallNumber(text: string): number | undefined {
  const s = text.trim();
  if (!s) return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 10000;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      const unit = UNITS[ch];
      total += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
    } else {
      return undefined;
    }
  }
  // 一千二 means 1200 and 两百五 means 250: a trailing digit counts in the next lower unit.
  if (digit !== undefined) total += lastUnit < 10000 && lastUnit >= 100 && s.length > 1 && !(s[s.length - 2] in DIGITS) ? digit * (lastUnit / 10) : digit;
  return total;
}
