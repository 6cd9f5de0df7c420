// Dates in notes, resolved against `now` in the business time zone. Own rules for the forms
// salespeople type (今天下午, 前天晚上, 上周五, 3月12日, 下周三, 月底, "last Friday", "by Friday",
// "end of month"); chrono-node for the long tail of English dates ("March 12th", "Dec. 2").
// `past` resolves a bare weekday or month-day to the latest one not after today (when a visit
// happened); `future` to the next one not before today (when a next step is due).
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import { addDays, endOfMonth, isoWeekday, isValidIsoDate, offsetMinutes, toIsoDate, weekOf, zonedParts, type IsoDate } from '../../../domain/time.ts';
import { parseSmallNumber } from './numerals.ts';

export type DateMode = 'past' | 'future';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  date: IsoDate;
  /** Wall-clock time when the text gives one (下午 → 15:00, 3点半 → 15:30 in the afternoon). */
  hour?: number;
  minute?: number;
}

export interface DateRef {
  now: Date;
  tz: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

const NUM = '[0-9〇零一二两三四五六七八九十]{1,3}';
const WEEKDAY_ZH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const WEEKDAY_EN: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};
const PART_OF_DAY_ZH: [RegExp, number][] = [
  [/^(凌晨)/, 6], [/^(早上|早晨|清晨|一早|上午)/, 10], [/^(中午|午饭时|午餐时)/, 12], [/^(下午|午后)/, 15], [/^(傍晚)/, 18], [/^(晚上|晚间|夜里|晚饭时|晚)/, 19],
];

/** The weekday-th day of the week that contains `today`, shifted by whole weeks. */
function weekdayOf(today: IsoDate, weekday: number, weekShift: number): IsoDate {
  return addDays(weekOf(today).start, weekShift * 7 + weekday - 1);
}

/** A bare weekday: the latest one not after today (past) or the next one not before today (future). */
function nearestWeekday(today: IsoDate, weekday: number, mode: DateMode): IsoDate {
  const diff = weekday - isoWeekday(today);
  if (mode === 'past') return addDays(today, diff <= 0 ? diff : diff - 7);
  return addDays(today, diff >= 0 ? diff : diff + 7);
}

/** A month and day without a year, placed in the year that fits the mode. */
function monthDay(today: IsoDate, month: number, day: number, mode: DateMode): IsoDate | undefined {
  const y = Number(today.slice(0, 4));
  const d = iso(y, month, day);
  if (!isValidIsoDate(d)) return isValidIsoDate(iso(y - 1, month, day)) ? (mode === 'past' ? iso(y - 1, month, day) : iso(y + 1, month, day)) : undefined;
  if (mode === 'past' && d > today) return iso(y - 1, month, day);
  if (mode === 'future' && d < today) return iso(y + 1, month, day);
  return d;
}

/** A day of the month without a month: this month's, else the neighbouring month's. */
function dayOfMonth(today: IsoDate, day: number, mode: DateMode): IsoDate | undefined {
  const [y, m] = today.split('-').map(Number);
  const here = iso(y, m, day);
  if (isValidIsoDate(here) && (mode === 'past' ? here <= today : here >= today)) return here;
  const shift = mode === 'past' ? -1 : 1;
  const mm = m + shift === 0 ? 12 : m + shift === 13 ? 1 : m + shift;
  const yy = m + shift === 0 ? y - 1 : m + shift === 13 ? y + 1 : y;
  const there = iso(yy, mm, day);
  return isValidIsoDate(there) ? there : undefined;
}

function firstOfNextMonth(today: IsoDate, months = 1): IsoDate {
  const [y, m] = today.split('-').map(Number);
  const idx = y * 12 + (m - 1) + months;
  return iso(Math.floor(idx / 12), (idx % 12) + 1, 1);
}

interface Rule {
  re: RegExp;
  resolve(m: RegExpExecArray, today: IsoDate, mode: DateMode): { date?: IsoDate; hour?: number; minute?: number } | undefined;
}

const num = (s: string | undefined) => (s === undefined ? undefined : parseSmallNumber(s));

const QUARTER_ZH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * When a next step tied to a quarter is due: its last day; "before" it (Q1前, 下季度前) while the
 * quarter is still ahead, the day before it starts (as 下周前 is by the end of this week).
 */
function quarterDue(today: IsoDate, year: number, q: number, before: boolean): IsoDate {
  const start = iso(year, 3 * q - 2, 1);
  return before && today < start ? addDays(start, -1) : endOfMonth(iso(year, 3 * q, 1));
}

/** The quarter `shift` quarters from today's, as [year, quarter]. */
function quarterFrom(today: IsoDate, shift: number): [number, number] {
  const index = Number(today.slice(0, 4)) * 4 + Math.floor((Number(today.slice(5, 7)) - 1) / 3) + shift;
  return [Math.floor(index / 4), (index % 4) + 1];
}

const RULES_ZH: Rule[] = [
  {
    re: /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*[日号]?/y,
    resolve: (m) => {
      const d = iso(+m[1], +m[2], +m[3]);
      return isValidIsoDate(d) ? { date: d } : undefined;
    },
  },
  {
    re: new RegExp(`(明年|去年|今年)?(${NUM})月(${NUM})[日号]?`, 'y'),
    resolve: (m, today, mode) => {
      const month = num(m[2]);
      const day = num(m[3]);
      if (!month || !day) return undefined;
      if (m[1]) {
        const y = Number(today.slice(0, 4)) + (m[1] === '明年' ? 1 : m[1] === '去年' ? -1 : 0);
        const d = iso(y, month, day);
        return isValidIsoDate(d) ? { date: d } : undefined;
      }
      return { date: monthDay(today, month, day, mode) };
    },
  },
  {
    re: /(?<![\d.])(\d{1,2})\/(\d{1,2})(?![\d/])/y,
    resolve: (m, today, mode) => ({ date: monthDay(today, +m[1], +m[2], mode) }),
  },
  { re: /大前天/y, resolve: (_m, today) => ({ date: addDays(today, -3) }) },
  { re: /大后天/y, resolve: (_m, today) => ({ date: addDays(today, 3) }) },
  { re: /前天/y, resolve: (_m, today) => ({ date: addDays(today, -2) }) },
  { re: /后天/y, resolve: (_m, today) => ({ date: addDays(today, 2) }) },
  { re: /昨(?:天|日|儿)?晚(?:上)?/y, resolve: (_m, today) => ({ date: addDays(today, -1), hour: 19 }) },
  { re: /昨(?:天|日|儿)/y, resolve: (_m, today) => ({ date: addDays(today, -1) }) },
  { re: /今(?:天|日|儿)?晚(?:上)?/y, resolve: (_m, today) => ({ date: today, hour: 19 }) },
  { re: /今(?:天|日)?早(?:上|晨)?/y, resolve: (_m, today) => ({ date: today, hour: 9 }) },
  { re: /今(?:天|日|儿)/y, resolve: (_m, today) => ({ date: today }) },
  { re: /明(?:天|日|儿)/y, resolve: (_m, today) => ({ date: addDays(today, 1) }) },
  { re: /明早/y, resolve: (_m, today) => ({ date: addDays(today, 1), hour: 9 }) },
  {
    re: /(上上|下下|上|下|这|本|这个|上个|下个)?(?:周|星期|礼拜)([一二三四五六日天1-7])/y,
    resolve: (m, today, mode) => {
      const wd = WEEKDAY_ZH[m[2]];
      const q = m[1] ?? '';
      if (!q) return { date: nearestWeekday(today, wd, mode) };
      const shift = q === '上上' ? -2 : q === '下下' ? 2 : q.startsWith('上') ? -1 : q.startsWith('下') ? 1 : 0;
      return { date: weekdayOf(today, wd, shift) };
    },
  },
  {
    re: /(上|下|这|本)?(?:个)?(?:周末|星期末)/y,
    resolve: (m, today) => ({ date: weekdayOf(today, 7, m[1] === '上' ? -1 : m[1] === '下' ? 1 : 0) }),
  },
  {
    re: /(下|上|本|这)?(?:个)?(?:周|星期)(?![一二三四五六日天1-7末])(?=(内|之内|以内|结束|前|之前|以前))/y,
    resolve: (m, today) => {
      // 下周内 is by next Friday; 下周前 is before next week starts, i.e. by this Friday.
      const shift = m[1] === '下' ? 1 : m[1] === '上' ? -1 : 0;
      return { date: weekdayOf(today, 5, m[2].includes('前') && shift > 0 ? shift - 1 : shift) };
    },
  },
  {
    re: /(下|本|这|上)?(?:个)?月(?:底|末)/y,
    resolve: (m, today) => {
      const base = m[1] === '下' ? firstOfNextMonth(today) : m[1] === '上' ? addDays(`${today.slice(0, 7)}-01`, -1) : today;
      return { date: endOfMonth(base) };
    },
  },
  {
    re: /(下|本|这)?(?:个)?月初/y,
    resolve: (m, today, mode) => {
      const thisMonth = m[1] === '本' || m[1] === '这' || (!m[1] && mode === 'past');
      const first = thisMonth ? `${today.slice(0, 7)}-01` : firstOfNextMonth(today);
      return { date: addDays(first, 4) };
    },
  },
  {
    re: new RegExp(`(下|上|本|这)(?:个)?月(${NUM})[日号]`, 'y'),
    resolve: (m, today) => {
      const day = num(m[2]);
      if (!day) return undefined;
      const base = m[1] === '下' ? firstOfNextMonth(today) : m[1] === '上' ? addDays(`${today.slice(0, 7)}-01`, -1) : today;
      const d = iso(Number(base.slice(0, 4)), Number(base.slice(5, 7)), day);
      return isValidIsoDate(d) ? { date: d } : undefined;
    },
  },
  {
    // Q1 / 一季度 / 明年第一季度 (前): the next such quarter not yet over. A quarter says when a step is
    // due, never when a visit happened.
    re: /(明年|今年)?(?:的)?(?:第?([一二三四1-4])季度|(?<![A-Za-z0-9])[Qq]([1-4])(?![0-9]))(末|底|结束)?(?=(之前|以前|前)?)/y,
    resolve: (m, today, mode) => {
      if (mode === 'past') return undefined;
      const q = QUARTER_ZH[m[2] ?? m[3]];
      let year = Number(today.slice(0, 4)) + (m[1] === '明年' ? 1 : 0);
      if (!m[1] && endOfMonth(iso(year, 3 * q, 1)) < today) year++;
      return { date: quarterDue(today, year, q, !m[4] && !!m[5]) };
    },
  },
  {
    re: /(下|本|这)(?:个|一)?季度(末|底|结束)?(?=(之前|以前|前)?)/y,
    resolve: (m, today, mode) => {
      if (mode === 'past') return undefined;
      const [year, q] = quarterFrom(today, m[1] === '下' ? 1 : 0);
      return { date: quarterDue(today, year, q, !m[2] && !!m[3]) };
    },
  },
  { re: /(?:今|本)?年(?:底|末)/y, resolve: (_m, today) => ({ date: `${today.slice(0, 4)}-12-31` }) },
  {
    re: new RegExp(`(${NUM}|半)(?:个)?(小时|天|日|周|星期|礼拜|个月|月)(?:之内|以内|内)`, 'y'),
    resolve: (m, today) => {
      const n = m[1] === '半' ? 0.5 : num(m[1]);
      if (!n) return undefined;
      const unit = m[2];
      // 48小时内: by the day those hours run out (counted from the start of today).
      if (unit === '小时') return { date: addDays(today, Math.max(1, Math.ceil(n / 24))) };
      if (unit === '天' || unit === '日') return { date: addDays(today, Math.round(n)) };
      if (unit === '个月' || unit === '月') return { date: addDays(today, Math.round(n * 30)) };
      return { date: addDays(today, Math.round(n * 7)) };
    },
  },
  {
    re: new RegExp(`(?<![月\\d])(${NUM})[号日](?![期元])`, 'y'),
    resolve: (m, today, mode) => {
      const day = num(m[1]);
      return day && day <= 31 ? { date: dayOfMonth(today, day, mode) } : undefined;
    },
  },
  { re: /刚才|刚刚|方才/y, resolve: () => ({}) },
];

/** 下午3点半 / 15:30 / 三点 / 晚上 right after a date (or alone): the wall-clock time it names. */
function timeAt(text: string, pos: number, standalone = false): { hour: number; minute: number; end: number } | undefined {
  let i = pos;
  let partHour: number | undefined;
  for (const [re, h] of PART_OF_DAY_ZH) {
    const m = re.exec(text.slice(i));
    if (m) {
      partHour = h;
      i += m[0].length;
      break;
    }
  }
  const clock = new RegExp(`^(${NUM}|\\d{1,2})(?:[:：](\\d{2})|点(?:(半)|(${NUM}|\\d{1,2})分?)?|时)`).exec(text.slice(i));
  // Alone, 两点 is more often "two points" than two o'clock: only 下午3点 or 15:30 count.
  if (clock && (!standalone || partHour !== undefined || clock[2] !== undefined)) {
    let hour = num(clock[1]);
    if (hour !== undefined && hour <= 24) {
      const minute = clock[3] ? 30 : clock[2] ? +clock[2] : clock[4] ? (num(clock[4]) ?? 0) : 0;
      if (partHour !== undefined && partHour >= 12 && hour < 12) hour += 12;
      return { hour, minute, end: i + clock[0].length };
    }
  }
  if (partHour !== undefined) return { hour: partHour, minute: 0, end: i };
  return undefined;
}

// ---------- English ----------

// 'sat' and 'sun' are left out: "we sat down with" is not a Saturday.
const EN_WEEKDAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri)';
const EN_PART: Record<string, number> = { morning: 10, afternoon: 15, evening: 19, night: 19, noon: 12, lunch: 12, lunchtime: 12 };

const RULES_EN: Rule[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/iy, resolve: (m) => (isValidIsoDate(`${m[1]}-${m[2]}-${m[3]}`) ? { date: `${m[1]}-${m[2]}-${m[3]}` } : undefined) },
  { re: /\bthe day before yesterday\b/iy, resolve: (_m, today) => ({ date: addDays(today, -2) }) },
  { re: /\bthe day after tomorrow\b/iy, resolve: (_m, today) => ({ date: addDays(today, 2) }) },
  { re: /\byesterday(?: (morning|afternoon|evening|night))?\b/iy, resolve: (m, today) => ({ date: addDays(today, -1), hour: m[1] ? EN_PART[m[1].toLowerCase()] : undefined }) },
  { re: /\blast night\b/iy, resolve: (_m, today) => ({ date: addDays(today, -1), hour: 19 }) },
  { re: /\btonight\b/iy, resolve: (_m, today) => ({ date: today, hour: 19 }) },
  { re: /\bthis (morning|afternoon|evening)\b/iy, resolve: (m, today) => ({ date: today, hour: EN_PART[m[1].toLowerCase()] }) },
  { re: /\b(?:earlier )?today\b/iy, resolve: (_m, today) => ({ date: today }) },
  { re: /\btomorrow(?: (morning|afternoon|evening))?\b/iy, resolve: (m, today) => ({ date: addDays(today, 1), hour: m[1] ? EN_PART[m[1].toLowerCase()] : undefined }) },
  { re: /\b(?:end of (?:the )?day|eod)\b/iy, resolve: (_m, today) => ({ date: today }) },
  { re: /\b(?:(?:the )?end of (?:the |this )?week|eow)\b/iy, resolve: (_m, today) => ({ date: weekdayOf(today, 5, 0) }) },
  { re: /\b(?:(?:the )?end of next week)\b/iy, resolve: (_m, today) => ({ date: weekdayOf(today, 5, 1) }) },
  { re: /\b(?:(?:the )?end of (?:the |this )?month|month[- ]end|eom)\b/iy, resolve: (_m, today) => ({ date: endOfMonth(today) }) },
  { re: /\b(?:(?:the )?end of next month)\b/iy, resolve: (_m, today) => ({ date: endOfMonth(firstOfNextMonth(today)) }) },
  { re: /\b(?:(?:the )?end of (?:the |this )?year|year[- ]end)\b/iy, resolve: (_m, today) => ({ date: `${today.slice(0, 4)}-12-31` }) },
  {
    re: /\b(?:(?:the )?end of )?(this|next|the) quarter\b/iy,
    resolve: (m, today, mode) => {
      if (mode === 'past') return undefined;
      const [year, q] = quarterFrom(today, m[1].toLowerCase() === 'next' ? 1 : 0);
      return { date: quarterDue(today, year, q, false) };
    },
  },
  { re: /\b(?:early next month|the beginning of next month|the start of next month)\b/iy, resolve: (_m, today) => ({ date: addDays(firstOfNextMonth(today), 4) }) },
  { re: /\bnext week\b/iy, resolve: (_m, today) => ({ date: weekdayOf(today, 5, 1) }) },
  { re: /\bthis week\b/iy, resolve: (_m, today) => ({ date: weekdayOf(today, 5, 0) }) },
  { re: /\blast week\b/iy, resolve: (_m, today) => ({ date: weekdayOf(today, 3, -1) }) },
  {
    re: /\b(?:in|within) (\d+|a|one|two|three|four|five|six|seven|ten) (day|week|month)s?\b/iy,
    resolve: (m, today) => {
      const words: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10 };
      const n = /\d/.test(m[1]) ? +m[1] : words[m[1].toLowerCase()];
      const unit = m[2].toLowerCase();
      return { date: addDays(today, unit === 'day' ? n : unit === 'week' ? n * 7 : n * 30) };
    },
  },
  {
    re: new RegExp(`\\b(last|this|next|on|coming|this coming)?\\s*${EN_WEEKDAY}\\b(?: (morning|afternoon|evening))?`, 'iy'),
    resolve: (m, today, mode) => {
      const wd = WEEKDAY_EN[m[2].toLowerCase()];
      const q = (m[1] ?? '').toLowerCase();
      const hour = m[3] ? EN_PART[m[3].toLowerCase()] : undefined;
      if (q === 'last') {
        const diff = wd - isoWeekday(today);
        return { date: addDays(today, diff < 0 ? diff : diff - 7), hour };
      }
      if (q === 'next') return { date: weekdayOf(today, wd, 1), hour };
      if (q === 'this') return { date: weekdayOf(today, wd, 0), hour };
      if (q.includes('coming')) return { date: nearestWeekday(today, wd, 'future'), hour };
      return { date: nearestWeekday(today, wd, mode), hour };
    },
  },
];

const EN_CLOCK = /^\s*(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)/i;

function scan(text: string, rules: Rule[], today: IsoDate, mode: DateMode, out: DateMention[]): void {
  const taken = (s: number, e: number) => out.some((d) => s < d.end && e > d.start);
  for (let pos = 0; pos < text.length; pos++) {
    if (taken(pos, pos + 1)) continue;
    for (const rule of rules) {
      rule.re.lastIndex = pos;
      const m = rule.re.exec(text);
      if (!m || m[0].length === 0 || /^\s/.test(m[0])) continue;
      // English rules are word-bounded by their regexes; Chinese ones may start anywhere.
      const r = rule.resolve(m, today, mode);
      if (!r) continue;
      let end = pos + m[0].length;
      let { hour, minute } = r;
      const t = /[a-z]/i.test(m[0]) ? enClock(text, end) : timeAt(text, end);
      if (t) {
        hour = t.hour;
        minute = t.minute;
        end = t.end;
      }
      out.push({ start: pos, end, text: text.slice(pos, end), date: r.date ?? today, hour, minute });
      pos = end - 1;
      break;
    }
  }
}

function enClock(text: string, pos: number): { hour: number; minute: number; end: number } | undefined {
  const m = EN_CLOCK.exec(text.slice(pos));
  if (!m) return undefined;
  let hour = +m[1];
  if (hour > 12) return undefined;
  const pm = m[3].toLowerCase().startsWith('p');
  if (pm && hour < 12) hour += 12;
  if (!pm && hour === 12) hour = 0;
  return { hour, minute: m[2] ? +m[2] : 0, end: pos + m[0].length };
}

let chronoEn: typeof Chrono.en | undefined;
/** chrono-node's English parser, loaded on first use (only notes with Latin letters need it). */
function englishChrono(): typeof Chrono.en {
  return (chronoEn ??= (createRequire(import.meta.url)('chrono-node') as typeof Chrono).en);
}

/** English dates the own rules do not cover ("March 12th", "12 Dec", "Dec. 2"), via chrono-node. */
function chronoDates(text: string, ref: DateRef, today: IsoDate, mode: DateMode, out: DateMention[]): void {
  const reference = { instant: ref.now, timezone: offsetMinutes(ref.now, ref.tz) };
  for (const r of englishChrono().parse(text, reference)) {
    const start = r.index;
    const end = r.index + r.text.length;
    if (out.some((d) => start < d.end && end > d.start)) continue;
    const c = r.start;
    if (!c.isCertain('month') || !c.isCertain('day')) continue;
    const month = c.get('month')!;
    const day = c.get('day')!;
    const date = c.isCertain('year') ? iso(c.get('year')!, month, day) : monthDay(today, month, day, mode);
    if (!date || !isValidIsoDate(date)) continue;
    const hour = c.isCertain('hour') ? c.get('hour')! : undefined;
    out.push({ start, end, text: r.text, date, hour, minute: hour !== undefined ? (c.get('minute') ?? 0) : undefined });
  }
}

/** Every date the text names, in text order. */
export function findDates(text: string, ref: DateRef, mode: DateMode): DateMention[] {
  const today = toIsoDate(ref.now, ref.tz);
  const out: DateMention[] = [];
  scan(text, RULES_ZH, today, mode, out);
  if (/[a-z]/i.test(text)) {
    scan(text, RULES_EN, today, mode, out);
    chronoDates(text, ref, today, mode, out);
  }
  // A bare part of day or clock time (下午见了…, 晚上请…吃饭) is today.
  for (let pos = 0; pos < text.length; pos++) {
    if (out.some((d) => pos >= d.start && pos < d.end)) continue;
    if (pos > 0 && /[\u4e00-\u9fff]/.test(text[pos - 1]) && !/[了在和跟与,，。]/.test(text[pos - 1])) continue;
    const t = timeAt(text, pos, true);
    if (t && t.end > pos) {
      out.push({ start: pos, end: t.end, text: text.slice(pos, t.end), date: today, hour: t.hour, minute: t.minute });
      pos = t.end - 1;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The wall-clock parts of now in tz (for defaults). */
export function nowParts(ref: DateRef) {
  return zonedParts(ref.now, ref.tz);
}
