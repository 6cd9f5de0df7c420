// Text normalisation shared by every NLU step: full-width forms to ASCII (？→?, ３０→30),
// traditional characters to simplified, Latin letters to lower case, runs of whitespace to one space.
import { toSimplified } from './simplified.ts';

export function normalize(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

const HAN = /[\u3400-\u9fff]/;
export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Latin words of a normalised text, with their offsets; a numbering ("no. 1", "#1") is one word, no1; an ordinal ("2nd") is a word. */
export function latinWords(norm: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of norm.matchAll(/\bno\.\s?\d+|#\d+|\b\d+(?:st|nd|rd|th)\b|[a-z][a-z0-9']*/g)) {
    const word = /^(?:no\.|#)/.test(m[0]) ? `no${m[0].replace(/\D/g, '')}` : m[0].replace(/'s$/, '');
    out.push({ word, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}
