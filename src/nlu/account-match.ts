// Finds account mentions in a message: full names, aliases, partial names (西山 → 西山矿业集团),
// and Latin renderings (pinyin or English: "Xishan Mining", "Jiangnan Port"). Pure: it is given
// the names the user may see and the normalised text, and returns scored hits, best first.
import { isHan, latinWords } from './normalize.ts';
import { pinyinInitials, readingsOf, type Reading } from './pinyin.ts';

export interface AccountName {
  id: string;
  name: string;
  aliases: string[];
  parent_id: string | null;
}

export interface AccountHit {
  account: AccountName;
  /** About the number of characters of the name the text covers; +0.5 for a whole name or alias. */
  score: number;
  exact: boolean;
  /** Where in the normalised text the mention is. */
  start: number;
  end: number;
}

/** Words that describe a company rather than name it: a partial match made only of these is no match. */
const WEAK_WORDS = [
  '有限责任公司', '股份有限公司', '有限公司', '集团', '公司', '有限', '股份', '控股', '工程', '建设', '建筑', '科技', '技术', '实业', '国际', '中国',
  '第一', '第二', '第三', '分公司', '子公司', '总公司', '矿业', '矿山', '港务', '港口', '物流', '路桥', '桥梁', '新能源', '能源', '电力', '建材', '材料',
  '钢铁', '水泥', '机械', '装备', '设备', '交通', '铁路', '投资', '项目', '客户', '合同', '工单', '预算', '商机', '联系人', '决策',
].sort((a, b) => b.length - a.length);
const LEGAL_SUFFIXES = ['有限责任公司', '股份有限公司', '有限公司', '集团', '公司', '股份'];

export function isWeak(run: string): boolean {
  let rest = run;
  for (const w of WEAK_WORDS) rest = rest.split(w).join('');
  return rest.length === 0;
}

/** The name without its legal form: 北方路桥建设有限公司 → 北方路桥建设, 西山矿业集团 → 西山矿业. */
export function shortName(name: string): string {
  let s = name;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suf of LEGAL_SUFFIXES) {
      if (s.endsWith(suf) && s.length - suf.length >= 2) {
        s = s.slice(0, -suf.length);
        changed = true;
      }
    }
  }
  return s;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) if (isHan(s[i]) && isHan(s[i + 1])) out.add(s.slice(i, i + 2));
  return out;
}

/** Longest common substring of a and b (as offsets in a). */
function longestCommon(a: string, b: string): { start: number; len: number } {
  let best = { start: 0, len: 0 };
  const prev = new Array(b.length + 1).fill(0);
  const cur = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : 0;
      if (cur[j] > best.len) best = { start: i - cur[j], len: cur[j] };
    }
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j];
  }
  return best;
}

/** Per-name keys and their bigrams, computed once per process (names repeat across turns). */
const keyCache = new Map<string, { keys: string[]; grams: Set<string>[] }>();
function keysOf(acc: AccountName): { keys: string[]; grams: Set<string>[] } {
  const id = `${acc.name}\u0000${acc.aliases.join('\u0000')}`;
  let k = keyCache.get(id);
  if (!k) {
    const keys = [...new Set([acc.name, ...acc.aliases, shortName(acc.name)].map((x) => x.toLowerCase()).filter((x) => x.length >= 2))];
    k = { keys, grams: keys.map(bigrams) };
    if (keyCache.size > 100000) keyCache.clear();
    keyCache.set(id, k);
  }
  return k;
}

/** Where the key occurs in the text; a key that starts or ends in a Latin letter must not sit inside a word ("ge" in "get"). */
function wholeIndexOf(norm: string, key: string): number {
  for (let at = norm.indexOf(key); at >= 0; at = norm.indexOf(key, at + 1)) {
    const before = /^[a-z0-9]/.test(key) && /[a-z0-9]/.test(norm[at - 1] ?? '');
    const after = /[a-z0-9]$/.test(key) && /[a-z0-9]/.test(norm[at + key.length] ?? '');
    if (!before && !after) return at;
  }
  return -1;
}

function hanHit(acc: AccountName, norm: string, textBigrams: Set<string>): AccountHit | undefined {
  const { keys, grams } = keysOf(acc);
  let best: AccountHit | undefined;
  const consider = (h: AccountHit) => {
    if (!best || h.score > best.score) best = h;
  };
  for (const key of keys) {
    const at = wholeIndexOf(norm, key);
    if (at >= 0) consider({ account: acc, score: key.length + 0.5, exact: true, start: at, end: at + key.length });
    // A name in Latin letters is also named by its first words ("Acme Health" for Acme Health Systems).
    const words = /^[a-z]/.test(key) ? key.split(/\s+/) : [];
    for (let n = words.length - 1; n >= 1; n--) {
      const prefix = words.slice(0, n).join(' ');
      const p = wholeIndexOf(norm, prefix);
      if (p >= 0 && prefix.length >= 3) {
        consider({ account: acc, score: prefix.length, exact: false, start: p, end: p + prefix.length });
        break;
      }
    }
  }
  if (best) return best;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let shares = false;
    for (const g of grams[i]) if (textBigrams.has(g)) (shares = true);
    if (!shares) continue;
    const lcs = longestCommon(norm, key);
    if (lcs.len < 2) continue;
    const run = norm.slice(lcs.start, lcs.start + lcs.len);
    if (isWeak(run)) continue;
    consider({ account: acc, score: lcs.len, exact: false, start: lcs.start, end: lcs.start + lcs.len });
  }
  return best;
}

// ---------- Latin renderings ----------

/** English words that never start or continue a name reading (question and filler words). */
const LATIN_STOP = new Set(
  ('a an the at of for with on in to from by and or is are was were be been do does did we i you me my our us they them their it its this that these those ' +
    'what when where who whom which why how much many last latest recent recently next first ever any all some our please tell show give list find about ' +
    'meet met meeting visit visited call called talk talked spoke discuss discussed executive executives exec execs senior level contract contracts budget ' +
    'execution ticket tickets complaint complaints issue issues open unresolved opportunity opportunities deal deals pipeline contact contacts decision ' +
    'maker makers chain subsidiaries subsidiary children child parent overview summary account accounts customer customers client clients team year ' +
    'this days day weeks week months month over more than since without no not have has had status expire expires expiring expiry end ends due ' +
    'spent spend used so far vs versus share help can could would should will what\'s who\'s when\'s tier').split(/\s+/),
);

interface LatinMatch {
  from: number;
  to: number;
  pinyinChars: number;
  allGeneric: boolean;
  tokenStart: number;
  tokenEnd: number;
}

/** Longest reading of a name by consecutive query tokens starting at token ti and character pos. */
function readFrom(tokens: string[], ti: number, pos: number, byStart: Map<number, Reading[]>, nameLen: number, weak: boolean[]): { to: number; pinyinChars: number; generic: boolean; tokens: number } {
  let best = { to: pos, pinyinChars: 0, generic: true, tokens: 0 };
  if (ti >= tokens.length || pos >= nameLen) return best;
  const tok = tokens[ti];
  for (const r of byStart.get(pos) ?? []) {
    if (r.kind === 'english') {
      if (!r.forms.includes(tok)) continue;
      // Several English words may read one Chinese word (路桥 = "road bridge").
      let k = ti + 1;
      while (k < tokens.length && r.forms.includes(tokens[k])) k++;
      const rest = readFrom(tokens, k, r.to, byStart, nameLen, weak);
      const cand = { to: rest.to, pinyinChars: rest.pinyinChars, generic: r.generic && rest.generic, tokens: k - ti + rest.tokens };
      if (cand.to > best.to) best = cand;
    }
  }
  // A pinyin token may spell several syllables: "xishan" = xi + shan.
  let spelled = '';
  for (let p = pos; p < nameLen; p++) {
    const syl = (byStart.get(p) ?? []).find((r) => r.kind === 'pinyin');
    if (!syl) break;
    spelled += syl.forms[0];
    if (!tok.startsWith(spelled)) break;
    if (tok === spelled) {
      const rest = readFrom(tokens, ti + 1, p + 1, byStart, nameLen, weak);
      // Spelling out 公司 or 集团 in pinyin names nothing in particular.
      const own = weak.slice(pos, p + 1).filter((w) => !w).length;
      const cand = { to: rest.to, pinyinChars: own + rest.pinyinChars, generic: own === 0 && rest.generic, tokens: 1 + rest.tokens };
      if (cand.to > best.to || (cand.to === best.to && cand.pinyinChars > best.pinyinChars)) best = cand;
      break;
    }
  }
  return best;
}

function latinMatch(name: string, tokens: string[]): LatinMatch | undefined {
  const readings = readingsOf(name);
  const byStart = new Map<number, Reading[]>();
  for (const r of readings) byStart.set(r.from, [...(byStart.get(r.from) ?? []), r]);
  const nameLen = [...name].length;
  const weak = new Array<boolean>(nameLen).fill(false);
  for (const r of readings) if (r.kind === 'english' && r.generic) for (let i = r.from; i < r.to; i++) weak[i] = true;
  let best: LatinMatch | undefined;
  for (let ti = 0; ti < tokens.length; ti++) {
    for (let pos = 0; pos < nameLen; pos++) {
      const m = readFrom(tokens, ti, pos, byStart, nameLen, weak);
      if (m.tokens === 0 || m.generic) continue;
      const cand = { from: pos, to: m.to, pinyinChars: m.pinyinChars, allGeneric: m.generic, tokenStart: ti, tokenEnd: ti + m.tokens };
      if (!best || cand.to - cand.from > best.to - best.from) best = cand;
    }
  }
  return best;
}

/** Pinyin initials typed for a whole name or alias ("ZJHD" for 中建华东): at least three letters. */
function initialsHit(acc: AccountName, runs: { words: { word: string; start: number; end: number }[] }[]): AccountHit | undefined {
  let best: AccountHit | undefined;
  for (const key of [acc.name, ...acc.aliases, shortName(acc.name)]) {
    const initials = pinyinInitials(key);
    if (initials.length < 3) continue;
    for (const run of runs) {
      for (const w of run.words) {
        if (w.word !== initials) continue;
        const hit = { account: acc, score: initials.length + 0.5, exact: true, start: w.start, end: w.end };
        if (!best || hit.score > best.score) best = hit;
      }
    }
  }
  return best;
}

function latinHit(acc: AccountName, runs: { words: { word: string; start: number; end: number }[] }[]): AccountHit | undefined {
  let best: AccountHit | undefined = initialsHit(acc, runs);
  for (const key of [acc.name, ...acc.aliases]) {
    const keyLen = [...key].length;
    const tail = keyLen - [...shortName(key)].length;
    for (const run of runs) {
      const m = latinMatch(key, run.words.map((w) => w.word));
      if (!m) continue;
      const covered = m.to - m.from;
      const whole = m.from === 0 && m.to >= keyLen - tail;
      // A proper-name part must be read (two syllables at least), unless the whole name is.
      if (m.pinyinChars < 2 && !(whole && covered >= 2)) continue;
      const hit = { account: acc, score: covered + (whole ? 0.5 : 0), exact: whole, start: run.words[m.tokenStart].start, end: run.words[m.tokenEnd - 1].end };
      if (!best || hit.score > best.score) best = hit;
    }
  }
  return best;
}

/** Runs of consecutive non-stopword Latin words: the places a name reading can be. */
function latinRuns(norm: string) {
  const runs: { words: { word: string; start: number; end: number }[] }[] = [];
  let cur: { word: string; start: number; end: number }[] = [];
  let lastEnd = -1;
  for (const w of latinWords(norm)) {
    const gap = norm.slice(lastEnd, w.start);
    const adjacent = lastEnd >= 0 && /^[\s&\-.,]*$/.test(gap);
    if (LATIN_STOP.has(w.word) || (cur.length && !adjacent)) {
      if (cur.length) runs.push({ words: cur });
      cur = [];
    }
    if (!LATIN_STOP.has(w.word)) cur.push(w);
    lastEnd = w.end;
  }
  if (cur.length) runs.push({ words: cur });
  return runs;
}

/**
 * The two-character Han runs of a text that can start a name match (generic words like 公司 or
 * 集团 left out): an account is a candidate only if its name or an alias contains one of them.
 */
export function candidatePairs(norm: string): string[] {
  const pairs = [...bigrams(norm)].filter((p) => !isWeak(p));
  // "限公" or "技有" (across 科技有限公司) match every company; keep them only if nothing else is left.
  const telling = pairs.filter((p) => !(WEAK_CHARS.has(p[0]) && WEAK_CHARS.has(p[1])));
  return telling.length ? telling : pairs;
}

const WEAK_CHARS = new Set(WEAK_WORDS.join(''));

/** The Latin words that may be part of a name reading (question words left out); empty when none. */
export function nameWords(norm: string): string[] {
  return latinRuns(norm).flatMap((r) => r.words.map((w) => w.word));
}

/** Every account the text mentions, one hit per account, best first. */
export function matchAccounts(names: AccountName[], norm: string): AccountHit[] {
  const hasHanText = [...norm].some(isHan);
  const textBigrams = bigrams(norm);
  const runs = latinRuns(norm);
  const hits: AccountHit[] = [];
  for (const acc of names) {
    const a = hasHanText || /[a-z]/.test(acc.name + acc.aliases.join('')) ? hanHit(acc, norm, textBigrams) : undefined;
    const b = runs.length ? latinHit(acc, runs) : undefined;
    const h = a && b ? (a.score >= b.score ? a : b) : (a ?? b);
    if (h) hits.push(h);
  }
  return hits.sort((x, y) => y.score - x.score || x.account.name.length - y.account.name.length);
}

function stripWeak(s: string): string {
  let rest = s;
  for (const w of WEAK_WORDS) rest = rest.split(w).join('');
  return rest;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const g of a) if (b.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

function grams(s: string, n: number): Set<string> {
  const g = new Set<string>();
  for (let i = 0; i + n <= s.length; i++) g.add(s.slice(i, i + n));
  return g;
}

/**
 * What a misspelt name must share with an account to be worth comparing: its distinctive Han
 * characters, or three-letter pieces of its Latin words (matched against stored pinyin keys).
 */
export function suggestionFragments(span: string): { han: string[]; latin: string[] } {
  const a = span.toLowerCase();
  const han = [...new Set([...stripWeak(a)].filter(isHan))];
  const latin = new Set<string>();
  for (const w of a.split(/[^a-z]+/)) if (w && !LATIN_STOP.has(w)) for (const g of grams(w, 3)) latin.add(g);
  return { han, latin: [...latin] };
}

/**
 * How alike a (possibly misspelt) text is to an account name, 0..1: shared characters of the
 * distinctive part (legal forms and industry words left out), or shared pinyin trigrams.
 */
export function nameSimilarity(span: string, acc: AccountName): number {
  const a = span.toLowerCase().replace(/\s+/g, '');
  const latin = /[a-z]/.test(a);
  let best = 0;
  for (const key of [acc.name, ...acc.aliases]) {
    if (latin) {
      const distinctive = stripWeak(key);
      const english = new Set(readingsOf(key).filter((r) => r.kind === 'english').flatMap((r) => r.forms));
      const words = span.toLowerCase().split(/[^a-z]+/).filter((w) => w && !english.has(w) && !LATIN_STOP.has(w));
      const py = readingsOf(distinctive).filter((r) => r.kind === 'pinyin').map((r) => r.forms[0]).join('');
      best = Math.max(best, dice(grams(words.join(''), 3), grams(py, 3)));
      // A name written in Latin letters ("Acme Health"): compared with each of its words.
      for (const w of key.toLowerCase().match(/[a-z]{3,}/g) ?? []) for (const x of words) best = Math.max(best, dice(grams(x, 3), grams(w, 3)));
    } else {
      best = Math.max(best, dice(new Set(stripWeak(a)), new Set(stripWeak(key.toLowerCase()))));
    }
  }
  return best;
}
