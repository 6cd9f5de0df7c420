// A period as a tool argument and as words: every figure over a period names it ("2025年",
// "2026年第3季度(2026-07-01 至 2026-09-30)", "from 2026-05-24 to 2026-11-24").
import { z } from 'zod';
import { orderTexts } from '../../../prompts/orders.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { endOfMonth } from '../../domain/time.ts';
import type { Utterance } from '../../nlu/utterance.ts';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export interface Period {
  from?: string;
  to?: string;
}

/** The past (or current) period a message names, clipped to today; undefined when it names none. */
export function pastPeriod(u: Utterance): Period | undefined {
  const r = u.range;
  if (!r || r.from > u.today) return undefined;
  return { from: r.from, to: r.to < u.today ? r.to : u.today };
}

/** How a period reads: a whole year, a quarter, or its first and last day. */
export function periodLabel(p: Period, today: string, lang: Lang): string {
  const { from, to } = p;
  if (!from && !to) return t(orderTexts, 'allTime', lang);
  if (from && to && from.slice(0, 4) === to.slice(0, 4) && from.endsWith('-01-01')) {
    const year = from.slice(0, 4);
    if (to.endsWith('-12-31')) return t(orderTexts, 'year', lang, { year });
    if (to === today) return t(orderTexts, 'yearToDate', lang, { year, to });
  }
  if (from && to && /-(01|04|07|10)-01$/.test(from)) {
    const m = Number(from.slice(5, 7));
    const end = endOfMonth(`${from.slice(0, 4)}-${String(m + 2).padStart(2, '0')}-01`);
    if (to === end || (to === today && to < end)) return t(orderTexts, 'quarter', lang, { year: from.slice(0, 4), q: (m + 2) / 3, from, to });
  }
  return t(orderTexts, 'range', lang, { from: from ?? '…', to: to ?? today });
}
