// Latin spellings of Chinese names, so "Gao Yuan", "Yuan Gao" and "Mr. Gao" find 高远.
import { pinyin } from 'pinyin-pro';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './extract/surnames.ts';

const cache = new Map<string, { surname: string; forms: string[] }>();

/** Lower-case spellings of a name: "gao yuan", "yuan gao", "gaoyuan"; Latin names as written. */
export function latinSpellings(name: string): { surname: string; forms: string[] } {
  let hit = cache.get(name);
  if (hit) return hit;
  if (!/[\u4e00-\u9fff]/.test(name)) {
    const words = name.toLowerCase().split(/\s+/).filter(Boolean);
    hit = { surname: words[words.length - 1] ?? '', forms: [words.join(' ')] };
  } else {
    const syl = (pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true }) as string[]).map((s) => s.toLowerCase());
    const sLen = COMPOUND_SURNAMES.some((c) => name.startsWith(c)) ? 2 : 1;
    const surname = syl.slice(0, sLen).join('');
    const given = syl.slice(sLen).join('');
    hit = { surname, forms: given ? [`${surname} ${given}`, `${given} ${surname}`, `${surname}${given}`] : [surname] };
  }
  cache.set(name, hit);
  return hit;
}

/** Whether a Latin-written name means this contact's name. */
export function sameLatinName(written: string, contactName: string): boolean {
  const w = written.toLowerCase().replace(/\s+/g, ' ').trim();
  return latinSpellings(contactName).forms.includes(w);
}

let pinyinSurnames: Set<string> | undefined;

/** Whether a lower-case word is the pinyin of a common Chinese surname (wang, ouyang). */
export function isPinyinSurname(word: string): boolean {
  pinyinSurnames ??= new Set([...COMPOUND_SURNAMES, ...SINGLE_SURNAMES].map((s) => latinSpellings(s).surname));
  return pinyinSurnames.has(word);
}
