// Every user-facing text lives under prompts/, in Chinese and English.
export type Lang = 'zh' | 'en';

/** A message is answered in its own language: any Han character means Chinese, Latin letters alone mean English. */
export function detectLang(text: string, fallback: Lang): Lang {
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh';
  if (/[a-zA-Z]{2,}/.test(text)) return 'en';
  return fallback;
}

export type Texts = Record<string, { zh: string; en: string }>;

/** Fills {name} placeholders. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

export function t<T extends Texts>(texts: T, key: keyof T, lang: Lang, vars?: Record<string, string | number>): string {
  return fill(texts[key][lang], vars);
}
