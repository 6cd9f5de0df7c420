// Latin renderings of Chinese account names, so "Xishan Mining" finds 西山矿业集团: each character
// can be read by its toneless pinyin, and common business words by their English translation.
// Computed lazily and cached per name (a process sees each name once); the pinyin dictionary
// itself is loaded on first use, so a Chinese-only `kam ask` never pays for it.
import { createRequire } from 'node:module';

type PinyinFn = (text: string, opts: Record<string, unknown>) => string | string[];
let pinyinFn: PinyinFn | undefined;

/** Toneless pinyin syllables of the Han characters of a text, one per character. */
export function syllables(text: string): string[] {
  pinyinFn ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
  return (pinyinFn(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }) as string[]).map((s) => s.toLowerCase());
}

/** English readings of common words in company names. `generic` words never identify an account alone. */
const GLOSSARY: { zh: string; en: string[]; generic?: boolean }[] = [
  { zh: '有限责任公司', en: ['co', 'ltd', 'limited', 'company', 'llc'], generic: true },
  { zh: '股份有限公司', en: ['co', 'ltd', 'limited', 'company', 'corp', 'corporation', 'inc'], generic: true },
  { zh: '有限公司', en: ['co', 'ltd', 'limited', 'company', 'inc', 'corp', 'corporation'], generic: true },
  { zh: '集团', en: ['group', 'holdings', 'corp', 'corporation'], generic: true },
  { zh: '公司', en: ['company', 'co', 'corp', 'corporation', 'inc'], generic: true },
  { zh: '股份', en: ['holdings', 'shares'], generic: true },
  { zh: '工程', en: ['engineering', 'construction', 'eng'], generic: true },
  { zh: '建设', en: ['construction', 'building'], generic: true },
  { zh: '建筑', en: ['construction', 'building', 'architecture'], generic: true },
  { zh: '科技', en: ['technology', 'technologies', 'tech', 'sci-tech'], generic: true },
  { zh: '技术', en: ['technology', 'tech'], generic: true },
  { zh: '实业', en: ['industrial', 'industries', 'industry'], generic: true },
  { zh: '国际', en: ['international', 'intl'], generic: true },
  { zh: '中国', en: ['china'], generic: true },
  { zh: '第一', en: ['first', 'no1', '1st'] },
  { zh: '第二', en: ['second', 'no2', '2nd'] },
  { zh: '第三', en: ['third', 'no3', '3rd'] },
  { zh: '矿业', en: ['mining', 'mines'] },
  { zh: '矿山', en: ['mining', 'mine'] },
  { zh: '港务', en: ['port', 'ports', 'harbor', 'harbour'] },
  { zh: '港口', en: ['port', 'ports', 'harbor', 'harbour'] },
  { zh: '物流', en: ['logistics'] },
  { zh: '路桥', en: ['road', 'bridge', 'roads', 'bridges'] },
  { zh: '桥梁', en: ['bridge', 'bridges'] },
  { zh: '新能源', en: ['new', 'energy'] },
  { zh: '能源', en: ['energy', 'power'] },
  { zh: '电力', en: ['power', 'electric'] },
  { zh: '建材', en: ['building', 'materials', 'material'] },
  { zh: '材料', en: ['materials', 'material'] },
  { zh: '钢铁', en: ['steel', 'iron'] },
  { zh: '水泥', en: ['cement'] },
  { zh: '机械', en: ['machinery'] },
  { zh: '装备', en: ['equipment'] },
  { zh: '设备', en: ['equipment'] },
  { zh: '交通', en: ['transport', 'transportation', 'traffic'] },
  { zh: '铁路', en: ['railway', 'rail'] },
  { zh: '城建', en: ['urban', 'construction'] },
  { zh: '投资', en: ['investment', 'invest'] },
  { zh: '控股', en: ['holdings', 'holding'], generic: true },
  { zh: '华东', en: ['east', 'china'] },
  { zh: '华北', en: ['north', 'china'] },
  { zh: '华南', en: ['south', 'china'] },
  { zh: '华中', en: ['central', 'china'] },
  { zh: '西南', en: ['southwest'] },
  { zh: '西北', en: ['northwest'] },
  { zh: '东北', en: ['northeast'] },
  { zh: '北方', en: ['north', 'northern'] },
  { zh: '南方', en: ['south', 'southern'] },
  { zh: '蓝海', en: ['blue', 'ocean', 'sea'] },
];

/** One reading of a run of characters: `from`..`to` (exclusive) of the name, read as these tokens. */
export interface Reading {
  from: number;
  to: number;
  /** Latin forms that read this run; a query token matches when equal to one of them. */
  forms: string[];
  /** Pinyin reading of a single character (a proper-name part) vs. a translated word. */
  kind: 'pinyin' | 'english';
  generic: boolean;
}

const cache = new Map<string, Reading[]>();
const HAN_NUMERALS = '一二三四五六七八九十';
const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th'];

/** Every way to read spans of a name: one pinyin syllable per character, and glossary words. */
export function readingsOf(name: string): Reading[] {
  let out = cache.get(name);
  if (out) return out;
  out = [];
  const chars = [...name];
  const read = syllables(name);
  // pinyin-pro returns one syllable per Han character; keep positions aligned with the name.
  let s = 0;
  chars.forEach((ch, i) => {
    if (/[\u3400-\u9fff]/.test(ch)) {
      const syl = read[s++];
      if (syl) out!.push({ from: i, to: i + 1, forms: [syl], kind: 'pinyin', generic: false });
    } else if (/[a-z0-9]/i.test(ch)) {
      out!.push({ from: i, to: i + 1, forms: [ch.toLowerCase()], kind: 'pinyin', generic: false });
    }
  });
  const text = chars.join('');
  // A numeral of a name (华东一公司, 第二分公司) is also read as its number: "Huadong No.1", "2nd".
  chars.forEach((ch, i) => {
    const n = HAN_NUMERALS.indexOf(ch) + 1;
    if (n > 0) out!.push({ from: i, to: i + 1, forms: [`no${n}`, String(n), ORDINALS[n - 1]], kind: 'english', generic: false });
  });
  for (const g of GLOSSARY) {
    for (let at = text.indexOf(g.zh); at >= 0; at = text.indexOf(g.zh, at + 1)) {
      out.push({ from: at, to: at + [...g.zh].length, forms: g.en, kind: 'english', generic: !!g.generic });
    }
  }
  if (cache.size > 50000) cache.clear();
  cache.set(name, out);
  return out;
}

/** All the Latin forms a name can contribute, concatenated (a cheap pre-filter before matching). */
export function latinHaystack(name: string): string {
  return readingsOf(name)
    .map((r) => r.forms.join(' '))
    .join(' ');
}

/** The first letters of the pinyin of a name's Han characters: 中建华东 → zjhd (empty for fewer than two). */
export function pinyinInitials(name: string): string {
  const read = syllables(name.replace(/[^\u3400-\u9fff]/g, ''));
  return read.length >= 2 ? read.map((s) => s[0]).join('') : '';
}

/** The Latin words a name is written in, lower case and joined: "Acme Health Systems" → acmehealthsystems. */
function latinOf(name: string): string {
  return (name.toLowerCase().match(/[a-z0-9]+/g) ?? []).join('');
}

/**
 * The stored Latin keys of an account, '|'-separated: for its name and each alias, the spaceless
 * pinyin of its Han characters, their initials (zjhd) and its own Latin words (acme).
 */
export function latinKeys(name: string, aliases: string[]): string {
  return [name, ...aliases].flatMap((n) => [syllables(n).join(''), pinyinInitials(n), latinOf(n)]).filter(Boolean).join('|');
}

/**
 * What to look for in the stored keys for the Latin words of a message: words long enough to be
 * distinctive as they stand, adjacent words joined ("xi shan" → "xishan", as keys are stored
 * without spaces), and the pinyin of the Chinese words an English word stands for ("port" →
 * gangwu / gangkou). Words that name nothing in particular (group, co) are left out.
 */
export function latinFragments(words: string[]): string[] {
  const out = new Set<string>();
  const pinyinish: string[] = [];
  for (const w of words) {
    const english = GLOSSARY.filter((g) => g.en.includes(w));
    if (english.length) {
      for (const g of english) if (!g.generic) out.add(syllables(g.zh).join(''));
      pinyinish.push('');
    } else pinyinish.push(w);
  }
  pinyinish.forEach((w, i) => {
    if (w.length >= MIN_FRAGMENT) out.add(w);
    const next = pinyinish[i + 1];
    if (w && next && (w + next).length >= MIN_FRAGMENT) out.add(w + next);
  });
  return [...out];
}

/** Shorter fragments ("xi", "wang") match too many names to narrow anything down. */
const MIN_FRAGMENT = 4;
