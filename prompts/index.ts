// Every user-facing text lives under prompts/, in Chinese and English.
export type Lang = 'zh' | 'en';

/** English words that make a sentence English even around a Chinese name ("When did we last meet 刘建国?"). */
const EN_FUNCTION_WORDS = /\b(the|is|are|was|of|at|in|on|for|to|with|did|do|does|what|when|who|whom|which|how|why|where|we|our|my|me|i|last|show|list|any|has|have|about)\b/gi;

/**
 * A message is answered in its own language: Han characters mean Chinese, unless the sentence is
 * English around a Chinese name (two English function words, and more Latin letters than Han
 * characters); Latin letters alone mean English.
 */
export function detectLang(text: string, fallback: Lang): Lang {
  const han = text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  if (han) {
    const latin = text.match(/[a-zA-Z]/g)?.length ?? 0;
    const english = new Set(text.match(EN_FUNCTION_WORDS)?.map((w) => w.toLowerCase())).size;
    return english >= 2 && latin > han ? 'en' : 'zh';
  }
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
