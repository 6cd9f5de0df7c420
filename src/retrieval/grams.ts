// Keyword terms for the keyword ranker: character bigrams of Chinese runs (a lone character stays a
// unigram) and whole Latin words and numbers, hashed to 32-bit integers so a GIN index over an
// int[] column finds every passage sharing a term with the query.
import { SEGMENT_BREAK, segments } from './hash-embedder.ts';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The distinct terms of a text, as strings (readable; tests and debugging). */
export function keywordTerms(text: string): string[] {
  const out = new Set<string>();
  for (const codes of segments(text)) {
    const chars = codes.map((c) => String.fromCodePoint(c));
    let i = 0;
    while (i < chars.length) {
      if (CJK.test(chars[i])) {
        let j = i;
        while (j < chars.length && CJK.test(chars[j])) j++;
        if (j - i === 1) out.add(chars[i]);
        for (let k = i; k + 1 < j; k++) out.add(chars[k] + chars[k + 1]);
        i = j;
      } else {
        let j = i;
        while (j < chars.length && !CJK.test(chars[j])) j++;
        const word = chars.slice(i, j).join('');
        if (word.length >= 2 || /\d/.test(word)) out.add(stem(word));
        i = j;
      }
    }
  }
  return [...out];
}

/** A crude stemmer: "price", "prices", "priced" and "pricing" all become "pric". */
function stem(word: string): string {
  if (/\d/.test(word) || word.length <= 3) return word;
  const base = word.replace(/ies$/, 'y').replace(/(ing|ed|es|s)$/, '');
  return (base.length > 3 ? base.replace(/e$/, '') : base) || word;
}

/** FNV-1a of a term as a signed 32-bit integer (PostgreSQL `integer`). */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

function isCjkUnit(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The hashes of keywordTerms(text), distinct, in the same order — computed without building the
 * terms' strings (a bulk import hashes about a million passages; this was a tenth of its CPU).
 * The CJK ranges are all in the BMP, so one UTF-16 unit is one character there.
 */
export function keywordGrams(text: string): number[] {
  const out = new Set<number>();
  for (const seg of text.normalize('NFKC').toLowerCase().split(SEGMENT_BREAK)) {
    const n = seg.length;
    let i = 0;
    while (i < n) {
      if (isCjkUnit(seg.charCodeAt(i))) {
        let j = i;
        while (j < n && isCjkUnit(seg.charCodeAt(j))) j++;
        if (j - i === 1) out.add(Math.imul(FNV_OFFSET ^ seg.charCodeAt(i), FNV_PRIME) | 0);
        for (let k = i; k + 1 < j; k++) out.add(Math.imul(Math.imul(FNV_OFFSET ^ seg.charCodeAt(k), FNV_PRIME) ^ seg.charCodeAt(k + 1), FNV_PRIME) | 0);
        i = j;
      } else {
        let j = i;
        while (j < n && !isCjkUnit(seg.charCodeAt(j))) j++;
        const word = seg.slice(i, j);
        if (word.length >= 2 || /\d/.test(word)) out.add(termHash(stem(word)));
        i = j;
      }
    }
  }
  return [...out];
}
