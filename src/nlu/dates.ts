// Date ranges in messages, resolved against `now` in the business time zone: chrono-node for
// single dates (zh and en), plus our own rules for ranges chrono does not know (上个月, 月底,
// 下个月初, "last 30 days", "this week").
import { createRequire } from 'node:module';
import { addDays, endOfMonth, offsetMinutes, toIsoDate, weekOf, type IsoDate } from '../domain/time.ts';
import { extractDuration } from './numbers.ts';

export interface DateRange {
  from: IsoDate;
  /** Inclusive. */
  to: IsoDate;
  /** The words that set it. */
  text: string;
  /** Past (look back) or future (look ahead) from today. */
  direction: 'past' | 'future' | 'point';
}

const pad = (n: number) => String(n).padStart(2, '0');
function monthStart(d: IsoDate, delta: number): IsoDate {
  let [y, m] = d.split('-').map(Number);
  m += delta;
  while (m < 1) (m += 12), y--;
  while (m > 12) (m -= 12), y++;
  return `${y}-${pad(m)}-01`;
}

type Rule = { re: RegExp; range: (today: IsoDate, m: RegExpExecArray) => Omit<DateRange, 'text'> };

const QUARTER_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Quarter q (1..4) of year y as a range; `past`/`future` relative to today. */
function quarter(y: number, q: number, today: IsoDate): Omit<DateRange, 'text'> {
  const from = `${y}-${pad(3 * q - 2)}-01`;
  const to = endOfMonth(`${y}-${pad(3 * q)}-01`);
  return { from, to, direction: to < today ? 'past' : from > today ? 'future' : 'point' };
}

/** The quarter `delta` quarters from the one containing today. */
function relativeQuarter(today: IsoDate, delta: number): Omit<DateRange, 'text'> {
  const [y, m] = today.split('-').map(Number);
  const index = y * 4 + Math.floor((m - 1) / 3) + delta;
  return quarter(Math.floor(index / 4), (index % 4) + 1, today);
}

/** The year a quarter or a month belongs to: 去年 / 今年 / 2025年 before it, else this year. */
function yearBefore(m: RegExpExecArray, today: IsoDate): number {
  return yearOf(m[1], today);
}

/** The year words name: "2025年", "去年", "last year's", "明年"; this year otherwise. */
function yearOf(words: string | undefined, today: IsoDate): number {
  const y = Number(today.slice(0, 4));
  const word = words ?? '';
  if (/^20\d{2}/.test(word)) return Number(word.slice(0, 4));
  if (/去年|last year/.test(word)) return y - 1;
  if (/前年/.test(word)) return y - 2;
  if (/明年|next year/.test(word)) return y + 1;
  return y;
}

/** Half h (1 or 2) of year y as a range. */
function half(y: number, h: number, today: IsoDate): Omit<DateRange, 'text'> {
  const from = `${y}-${h === 1 ? '01' : '07'}-01`;
  const to = `${y}-${h === 1 ? '06-30' : '12-31'}`;
  return { from, to, direction: to < today ? 'past' : from > today ? 'future' : 'point' };
}

const MONTH_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ZH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
/** "10月", "十月份", "2025年3月" (not "11月10日", "3个月"): the month number and the year words before it. */
const MONTH_ZH_RE = /(20\d{2}\s*年|去年|今年|明年|前年)?\s*(?<![\d个一二三四五六七八九十])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份)?(?!\s*(\d|[一二三四五六七八九十])+\s*[日号])/;
/** "October", "since Oct", "in May 2025" (a bare "may" is a verb: only after in / since / from / during / last / this / of). */
const MONTH_EN_RE = /(?:\b(since|from|in|during|last|this|of)\s+)?\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?!\s*\d{1,2}(?:st|nd|rd|th)?\b(?!\s*\d))(?:\s*,?\s*(20\d{2}))?/;
/** Words around a month that make it "from then until today": 10月以来, since October. */
const SINCE_BEFORE = /(since|自从|自|从)\s*$/;
const SINCE_AFTER = /^\s*(以来|至今|到现在|到今天|起|开始|之后)/;

/** A month named in the message, as that month or (with "since") from its first day to today. */
function monthRange(norm: string, today: IsoDate): DateRange | undefined {
  const y = Number(today.slice(0, 4));
  let month: number | undefined;
  let year = y;
  let explicitYear = false;
  let since = false;
  let m: RegExpExecArray | null = MONTH_ZH_RE.exec(norm);
  if (m) {
    month = /^\d+$/.test(m[2]) ? Number(m[2]) : MONTH_ZH[m[2]];
    if (m[1]) {
      year = yearOf(m[1], today);
      explicitYear = true;
    }
  } else {
    m = MONTH_EN_RE.exec(norm);
    if (!m || (m[2] === 'may' && !m[1] && !m[3]) || (m[2] === 'march' && !m[1] && !m[3])) return undefined;
    month = MONTH_EN.findIndex((name) => name.startsWith(m![2].slice(0, 3))) + 1;
    if (m[3]) {
      year = Number(m[3]);
      explicitYear = true;
    } else if (m[1] === 'last') {
      year = `${y}-${pad(month)}-01` < today.slice(0, 8) + '01' ? y : y - 1;
      explicitYear = true;
    }
    since = m[1] === 'since' || m[1] === 'from';
  }
  if (!month || month < 1 || month > 12) return undefined;
  const before = norm.slice(0, m.index);
  const after = norm.slice(m.index + m[0].length);
  since ||= SINCE_BEFORE.test(before) || SINCE_AFTER.test(after);
  let from = `${year}-${pad(month)}-01`;
  if (since) {
    if (!explicitYear && from > today) from = `${year - 1}-${pad(month)}-01`;
    return { from, to: today, text: m[0].trim(), direction: 'past' };
  }
  const to = endOfMonth(from);
  return { from, to, text: m[0].trim(), direction: to < today ? 'past' : from > today ? 'future' : 'point' };
}

const RULES: Rule[] = [
  // Halves: 上半年, 今年下半年, 2025年上半年, first half (of 2025), H1.
  { re: /(20\d{2}\s*年?|去年|今年|明年|前年)?\s*(?:的)?(上|下)半年/, range: (t, m) => half(yearOf(m[1], t), m[2] === '上' ? 1 : 2, t) },
  { re: /(20\d{2}\s*|last year'?s?\s*|this year'?s?\s*|next year'?s?\s*)?\b(first|second) half\b(?:\s+of\s+(20\d{2}|this year|last year|next year))?/, range: (t, m) => half(yearOf(m[1] ?? m[3], t), m[2] === 'first' ? 1 : 2, t) },
  { re: /(20\d{2}\s*)?\bh([12])\b(?:\s*(20\d{2}))?/, range: (t, m) => half(yearOf(m[1] ?? m[3], t), Number(m[2]), t) },
  // Quarters: 上季度, last quarter, 本季度, 一季度 / Q1 / first quarter (of 今年, 去年, 2025年).
  { re: /(?:上上(?:个)?季度)/, range: (t) => relativeQuarter(t, -2) },
  { re: /上(?:个|一)?季度|last quarter|previous quarter/, range: (t) => relativeQuarter(t, -1) },
  { re: /下(?:个|一)?季度|next quarter/, range: (t) => relativeQuarter(t, 1) },
  { re: /(?:本|这个|这)季度|this quarter|current quarter/, range: (t) => relativeQuarter(t, 0) },
  { re: /(20\d{2}\s*年?|去年|今年|前年)?\s*(?:的)?第?([一二三四1-4])季度/, range: (t, m) => quarter(yearBefore(m, t), QUARTER_NUMBER[m[2]], t) },
  { re: /(20\d{2}\s*|last year'?s?\s*|this year'?s?\s*)?\bq([1-4])\b/, range: (t, m) => quarter(yearBefore(m, t), Number(m[2]), t) },
  { re: /(20\d{2}\s*|last year'?s?\s*)?\b(first|second|third|fourth) quarter\b/, range: (t, m) => quarter(yearBefore(m, t), ['first', 'second', 'third', 'fourth'].indexOf(m[2]) + 1, t) },
  // Half a year back: 近半年, 过去半年, the last six months.
  { re: /(近|过去|最近|前)半年|半年(内|来|以来)|(last|past) (six|6) months|(last|past) half(-| )year/, range: (t) => ({ from: monthsBack(t, 6), to: t, direction: 'past' }) },
  // A named calendar year: 2025年, in 2025 (not 2025年3月, which chrono reads as a date).
  { re: /(20\d{2})\s*年(?!\s*\d{1,2}\s*月)|\b(?:in|for|during) (20\d{2})\b/, range: (t, m) => {
    const y = m[1] ?? m[2];
    return { from: `${y}-01-01`, to: `${y}-12-31`, direction: `${y}-12-31` < t ? 'past' : `${y}-01-01` > t ? 'future' : 'point' };
  } },

  { re: /下(个)?月初|early next month|beginning of next month/, range: (t) => ({ from: monthStart(t, 1), to: addDays(monthStart(t, 1), 9), direction: 'future' }) },
  { re: /下(个)?月底|end of next month/, range: (t) => ({ from: addDays(endOfMonth(monthStart(t, 1)), -9), to: endOfMonth(monthStart(t, 1)), direction: 'future' }) },
  { re: /(本|这个|这)?月底(前|之前)?|月末|end of (the |this )?month/, range: (t) => ({ from: t, to: endOfMonth(t), direction: 'future' }) },
  { re: /年底(前|之前)?|年末|end of (the |this )?year/, range: (t) => ({ from: t, to: `${t.slice(0, 4)}-12-31`, direction: 'future' }) },
  { re: /上(个)?月|last month|previous month/, range: (t) => ({ from: monthStart(t, -1), to: endOfMonth(monthStart(t, -1)), direction: 'past' }) },
  { re: /下(个)?月|next month/, range: (t) => ({ from: monthStart(t, 1), to: endOfMonth(monthStart(t, 1)), direction: 'future' }) },
  { re: /(本|这个|这)月|this month/, range: (t) => ({ from: monthStart(t, 0), to: endOfMonth(t), direction: 'point' }) },
  { re: /上(个)?(周|星期|礼拜)(?![一二三四五六日天])|last week|previous week/, range: (t) => ({ from: weekOf(addDays(t, -7)).start, to: weekOf(addDays(t, -7)).end, direction: 'past' }) },
  { re: /下(个)?(周|星期|礼拜)(?![一二三四五六日天])|next week/, range: (t) => ({ from: weekOf(addDays(t, 7)).start, to: weekOf(addDays(t, 7)).end, direction: 'future' }) },
  { re: /(本|这)(周|星期|礼拜)(?![一二三四五六日天])|this week/, range: (t) => ({ from: weekOf(t).start, to: weekOf(t).end, direction: 'point' }) },
  { re: /今年|本年|this year/, range: (t) => ({ from: `${t.slice(0, 4)}-01-01`, to: `${t.slice(0, 4)}-12-31`, direction: 'point' }) },
  { re: /明年|next year/, range: (t) => ({ from: `${Number(t.slice(0, 4)) + 1}-01-01`, to: `${Number(t.slice(0, 4)) + 1}-12-31`, direction: 'future' }) },
  { re: /去年|last year/, range: (t) => ({ from: `${Number(t.slice(0, 4)) - 1}-01-01`, to: `${Number(t.slice(0, 4)) - 1}-12-31`, direction: 'past' }) },
];

/** The same day `n` months earlier (clamped to the month's end). */
function monthsBack(d: IsoDate, n: number): IsoDate {
  const start = monthStart(d, -n);
  const day = Math.min(Number(d.slice(8, 10)), Number(endOfMonth(start).slice(8, 10)));
  return `${start.slice(0, 8)}${pad(day)}`;
}

/** "最近30天", "过去两周", "last 60 days", "past 3 months" → [today - n, today]; "未来60天", "next 60 days", "60天内到期" → [today, today + n]. */
function durationRange(norm: string, today: IsoDate): DateRange | undefined {
  const d = extractDuration(norm);
  if (!d) return undefined;
  const around = norm.slice(Math.max(0, norm.indexOf(d.text) - 8), norm.indexOf(d.text) + d.text.length + 6);
  if (/未来|接下来|之后|以后|next|coming|within|内到期|后到期|内过期|in the next/.test(around)) return { from: today, to: addDays(today, d.days), text: d.text, direction: 'future' };
  if (/最近|过去|近|前|last|past|recent|previous/.test(around)) return { from: addDays(today, -d.days), to: today, text: d.text, direction: 'past' };
  return undefined;
}

type ChronoParse = (text: string, ref: { instant: Date; timezone: number }) => { text: string; start: { get(c: string): number | null; isCertain(c: string): boolean } }[];
const parsers: Partial<Record<'zh' | 'en', ChronoParse>> = {};
/** chrono-node's parser for one locale, loaded on first use (most questions name no date). */
function chronoParser(locale: 'zh' | 'en'): ChronoParse {
  const require = createRequire(import.meta.url);
  return (parsers[locale] ??= (require(`chrono-node/${locale}`) as { parse: ChronoParse }).parse);
}

/** Anything chrono could read as a date: digits, weekdays, day words, month names. */
const DATE_HINT = /\d|[昨今明前后]天|周[一二三四五六日天]|星期|礼拜|[月号日]|yesterday|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/;

/** A single date chrono recognises (昨天, 上周五, 11月10日, last Friday, Nov 10). */
function chronoDate(text: string, now: Date, tz: string, zh: boolean): { date: IsoDate; text: string } | undefined {
  if (!DATE_HINT.test(text)) return undefined;
  const ref = { instant: now, timezone: offsetMinutes(now, tz) };
  const results = chronoParser(zh ? 'zh' : 'en')(text, ref);
  for (const r of results) {
    const s = r.start;
    if (!s.isCertain('day') && !s.isCertain('weekday') && !/yesterday|today|tomorrow|昨|今|明|前天|后天/.test(r.text)) continue;
    const y = s.get('year');
    const m = s.get('month');
    const d = s.get('day');
    if (!y || !m || !d) continue;
    return { date: `${y}-${pad(m)}-${pad(d)}`, text: r.text };
  }
  return undefined;
}

const CHRONO_MAX_CHARS = 600;

/** The date range a message mentions, if any. */
export function extractDateRange(text: string, norm: string, now: Date, tz: string): DateRange | undefined {
  const today = toIsoDate(now, tz);
  const dur = durationRange(norm, today);
  if (dur) return dur;
  // A month named ("今年10月以来", "since October") before the year words around it.
  const month = monthRange(norm, today);
  if (month) return month;
  for (const rule of RULES) {
    const m = rule.re.exec(norm);
    if (m) return { ...rule.range(today, m), text: m[0] };
  }
  const zh = /[\u3400-\u9fff]/.test(text);
  // chrono's patterns backtrack badly on long runs of whitespace: give it the normalised text, capped.
  const single = chronoDate(norm.slice(0, CHRONO_MAX_CHARS), now, tz, zh);
  if (single) {
    const since = /(since|自从|以来|之后|从)/.test(norm);
    if (since) return { from: single.date, to: today, text: single.text, direction: 'past' };
    return { from: single.date, to: single.date, text: single.text, direction: single.date < today ? 'past' : single.date > today ? 'future' : 'point' };
  }
  return undefined;
}
