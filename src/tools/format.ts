// How dates, amounts, percentages and durations read in replies, in Chinese and English.
// Shared by every reply (tools, alerts, briefings): one look across the product.
import { placeholderTexts } from '../../prompts/conversation/facts.ts';
import { t, type Lang } from '../../prompts/index.ts';
import { toIsoDate, type IsoDate } from '../domain/time.ts';

/** '2026-11-10' in both languages: unambiguous, sortable, and what people copy into spreadsheets. */
export function formatDate(d: IsoDate | Date, tz?: string): string {
  if (d instanceof Date) return toIsoDate(d, tz ?? 'UTC');
  return d;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '11月10日' / 'Nov 10' (the year only when it differs from the reference year). */
export function formatDateShort(d: IsoDate, lang: Lang, refYear?: number): string {
  const [y, m, day] = d.split('-').map(Number);
  const withYear = refYear !== undefined && y !== refYear;
  if (lang === 'zh') return `${withYear ? `${y}年` : ''}${m}月${day}日`;
  return `${EN_MONTHS[m - 1]} ${day}${withYear ? `, ${y}` : ''}`;
}

// One formatter per precision: toLocaleString with options builds a new one per call (~30 µs;
// a bulk import formats an amount twice for every contract and opportunity).
const thousandsFormats = new Map<number, Intl.NumberFormat>();
function groupThousands(n: number, decimals = 0): string {
  let f = thousandsFormats.get(decimals);
  if (!f) thousandsFormats.set(decimals, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals })));
  return f.format(n);
}

/** Chinese: 1,700万 / 1.2亿 / ¥5,000; English: ¥17,000,000. */
export function formatAmount(yuan: number | null | undefined, lang: Lang): string {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return t(placeholderTexts, 'unknownAmount', lang);
  const sign = yuan < 0 ? '-' : '';
  const v = Math.abs(yuan);
  if (lang === 'zh') {
    if (v >= 1e8) return `${sign}${groupThousands(v / 1e8, 2)}亿`;
    if (v >= 1e4) return `${sign}${groupThousands(v / 1e4, 2)}万`;
    return `${sign}¥${groupThousands(v, 2)}`;
  }
  return `${sign}¥${groupThousands(v, 2)}`;
}

/** Full-precision amount for data lines: ¥17,000,000. */
export function formatYuan(yuan: number): string {
  return `¥${groupThousands(yuan, 2)}`;
}

/** 0.85 → '85%', 0.8959 → '89.6%'. */
export function formatPercent(share: number): string {
  const p = Math.round(share * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

/** '3天' / '3 days', with singular in English. */
export function formatDays(n: number, lang: Lang): string {
  if (lang === 'zh') return `${n}天`;
  return `${n} day${Math.abs(n) === 1 ? '' : 's'}`;
}

/** Joins a list the way each language does: 甲、乙和丙 / A, B and C. */
export function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  if (lang === 'zh') return items.join('、');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
