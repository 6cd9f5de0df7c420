// Money in notes: 约600万, 1.2亿, 450万左右, 六百万, ¥3,000,000, "$1.2M", "6 million yuan", "500k".
// Values are in the currency's unit (yuan or dollars); the kind says what the money is about.
import { MAX_AMOUNT_DIGITS } from '../../../domain/csv-format.ts';
import { CN_NUMBER_CHARS, parseSmallNumber } from './numerals.ts';

export type AmountKind = 'budget' | 'deal' | 'other';

export interface AmountMention {
  start: number;
  end: number;
  text: string;
  value: number;
  currency: 'CNY' | 'USD';
  kind: AmountKind;
  approximate: boolean;
}

const APPROX_BEFORE = /(约|大约|大概|差不多|接近|近|将近|估计|预计|左右|about|around|approximately|approx\.?|roughly|nearly|~)\s*$/i;
const APPROX_AFTER = /^\s*(左右|上下|出头|多)/;

const ZH_MULT: Record<string, number> = { 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8 };
const EN_MULT: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, mm: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };

/** Larger figures are not money the CRM keeps (the importer's limit). */
const MAX_AMOUNT = 10 ** MAX_AMOUNT_DIGITS;

const BUDGET_WORDS = /预算|budget/i;
const DEAL_WORDS = /报价|合同|订单|采购|金额|成交|商机|标的|项目|框架|quote|quotation|contract|order|deal|purchase|pricing|tender|bid/i;

const ZH_RE = new RegExp(`(?:[¥￥]\\s*)?(\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CN_NUMBER_CHARS}]+(?:点[${CN_NUMBER_CHARS}]+)?)\\s*(十万|百万|千万|万|亿)(?:元|块|人民币)?|[¥￥]\\s*(\\d+(?:,\\d{3})*(?:\\.\\d+)?)|(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*元`, 'g');
// A one-letter multiplier must touch the number ("2m", "$1.2M"): "200 m" is a length.
const EN_RE = /(?:(us\$|\$|usd\s*|rmb\s*|cny\s*|¥\s*)(\d+(?:,\d{3})*(?:\.\d+)?)(?:(k|m|mm|b)|\s*(mn|bn|thousand|million|billion))?\b|(\d+(?:,\d{3})*(?:\.\d+)?)(?:(k|m|mm|b)|\s*(mn|bn|thousand|million|billion))\b\s*(usd|dollars?|rmb|cny|yuan)?)/gi;

function cnDecimal(s: string): number | undefined {
  if (/^\d/.test(s)) return Number(s.replace(/,/g, ''));
  const [int, frac] = s.split('点');
  const i = parseSmallNumber(int);
  if (i === undefined) return undefined;
  if (!frac) return i;
  const digits = [...frac].map((c) => parseSmallNumber(c));
  if (digits.some((d) => d === undefined || d > 9)) return undefined;
  return Number(`${i}.${digits.join('')}`);
}

/** What the amount is about, from the words of its clause. */
function kindOf(clause: string): AmountKind {
  if (BUDGET_WORDS.test(clause)) return 'budget';
  if (DEAL_WORDS.test(clause)) return 'deal';
  return 'other';
}

function clauseAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !/[,，。;；!！?？\n]/.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && !/[,，。;；!！?？\n]/.test(text[e])) e++;
  return text.slice(s, e);
}

export function findAmounts(text: string): AmountMention[] {
  const out: AmountMention[] = [];
  const push = (start: number, end: number, value: number | undefined, currency: 'CNY' | 'USD') => {
    if (value === undefined || !Number.isFinite(value) || value <= 0 || value >= MAX_AMOUNT) return;
    if (out.some((a) => start < a.end && end > a.start)) return;
    const after = APPROX_AFTER.exec(text.slice(end));
    const fullEnd = after ? end + after[0].length : end;
    const approximate = APPROX_BEFORE.test(text.slice(Math.max(0, start - 16), start)) || !!after;
    out.push({ start, end: fullEnd, text: text.slice(start, fullEnd).trim(), value: Math.round(value * 100) / 100, currency, kind: kindOf(clauseAround(text, start, end)), approximate });
  };
  for (const m of text.matchAll(ZH_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      // A Chinese-numeral run must be a number on its own (六百万), not the tail of a word (第一万).
      const n = cnDecimal(m[1]);
      push(start, end, n === undefined ? undefined : n * ZH_MULT[m[2]], 'CNY');
    } else if (m[3] !== undefined) {
      push(start, end, Number(m[3].replace(/,/g, '')), 'CNY');
    } else if (m[4] !== undefined) {
      push(start, end, Number(m[4].replace(/,/g, '')), 'CNY');
    }
  }
  for (const m of text.matchAll(EN_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (m[2] !== undefined) {
      const cur = m[1].toLowerCase().trim();
      const unit = m[3] ?? m[4];
      const mult = unit ? EN_MULT[unit.toLowerCase()] : 1;
      push(start, end, Number(m[2].replace(/,/g, '')) * mult, cur.includes('$') || cur === 'usd' ? 'USD' : 'CNY');
    } else if (m[5] !== undefined) {
      const mult = EN_MULT[(m[6] ?? m[7]).toLowerCase()];
      const cur = (m[8] ?? '').toLowerCase();
      push(start, end, Number(m[5].replace(/,/g, '')) * mult, cur.startsWith('usd') || cur.startsWith('dollar') ? 'USD' : 'CNY');
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
