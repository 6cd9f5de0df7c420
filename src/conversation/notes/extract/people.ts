// The people a note names: full names with or without a title (何军总工, 新任总经理高远, 采购经理李明,
// "general manager Gao Yuan"), and surname + title references (高总, 郭董, 刘处长, "Mr. Gao").
// Pure: names already known on the account are passed in so they are found even without a title.
import type { DecisionRole } from '../../../domain/types.ts';
import { COMPOUND_SURNAMES, NOT_A_NAME, NOT_IN_GIVEN_NAME, SINGLE_SURNAMES } from './surnames.ts';
import { isPinyinSurname, latinSpellings } from '../latin-names.ts';
import { NO_WORDS, type Words } from './segment.ts';
import { DECISION_ROLE_WORDS, EN_TITLES, ZH_HONORIFIC_KEYS, ZH_TITLES, ZH_TITLE_QUALIFIERS } from './titles.ts';

export interface PersonMention {
  start: number;
  end: number;
  text: string;
  /** Full name, when the text gives one. */
  name?: string;
  /** Surname of a reference without a full name (高总 → 高; "Mr. Gao" → gao). */
  surname?: string;
  /** The short form that followed the surname (总, 董, 处长, mr). */
  honorific?: string;
  /** Title as written (总经理, 设备部经理, general manager). */
  title?: string;
  decisionRole?: DecisionRole;
  /** The text calls the person new in the role (新任, 新来的, "the new"). */
  newInRole?: boolean;
  latin?: boolean;
}

/** A person already on record, by the forms the text may use. */
export interface KnownName {
  name: string;
  /** Latin spellings ("he jun", "jun he"), lower case. */
  latin?: string[];
}

const HAN = /[\u4e00-\u9fff]/;
/** Characters after which a name may start (的何军, 和高远, 拜访马总). */
const BEFORE_NAME = new Set([...'的了和与及跟同对请约见访找向给让把被问、，,。;；：: ()（）位通陪接叫诉由是为将拜']);
/** Where a name may end: punctuation, conjunctions, and the verbs that follow a person in a note. */
const AFTER_NAME_RE = /^($|[\s,，。.;；:：、!！?？()（）]|和|与|及|跟|同|等|一起|的|对|说|讲|谈|聊|表示|提出|提到|认为|希望|建议|关注|介绍|答应|同意|确认|拍板|是|也|都|很|非常|比较|在|今天|昨天|明天|刚|已|要|会|将|说了算|负责|主管|分管|牵头|亲自|带队|参加|出席|沟通|交流|反馈|透露|坦言|强调|他|她|看|问|听|来|去|带|陪|让|给|请|约|还|又|就|才|已经)/;

const DEPT_SUFFIX = /(部|处|科|中心|室|办|所|队|组|分公司|公司|集团|事业部|项目部)$/;
const FUNCTION_WORDS = ['采购', '技术', '设备', '财务', '销售', '市场', '项目', '生产', '工程', '运营', '行政', '人事', '物资', '质量', '安全', '信息', '机电', '商务', '研发'];

function isFreeAt(taken: [number, number][], s: number, e: number) {
  return !taken.some(([a, b]) => s < b && e > a);
}

function surnameAt(text: string, pos: number): string | undefined {
  for (const c of COMPOUND_SURNAMES) if (text.startsWith(c, pos)) return c;
  return SINGLE_SURNAMES.has(text[pos]) ? text[pos] : undefined;
}

function validGiven(given: string): boolean {
  return given.length >= 1 && given.length <= 2 && [...given].every((c) => HAN.test(c) && !NOT_IN_GIVEN_NAME.has(c));
}

function validName(name: string, surname: string): boolean {
  return validGiven(name.slice(surname.length)) && !NOT_A_NAME.has(name) && !NOT_A_NAME.has(name.slice(0, 2));
}

/** A new full name starting at pos (surname + one or two given characters), preferring one that ends cleanly. */
function nameStartingAt(text: string, pos: number, words: Words): string | undefined {
  const surname = surnameAt(text, pos);
  if (!surname) return undefined;
  const cands = [2, 1]
    .map((g) => text.slice(pos, pos + surname.length + g))
    .filter((n) => n.length > surname.length && validName(n, surname) && !words.blocksName(pos, pos + n.length));
  // A word that usually follows a person decides first; else where the segmenter ends a word.
  const clean = cands.find((n) => AFTER_NAME_RE.test(text.slice(pos + n.length))) ?? cands.find((n) => words.endsWordAt(pos + n.length));
  if (clean) return clean;
  // Without a clean ending the shorter reading is safer only when the longer one runs into a title.
  return cands.find((n) => n.length === surname.length + 2 && !ZH_TITLES.some((t) => text.startsWith(t, pos + n.length - 1))) ?? undefined;
}

/** Words whose last character is also a surname (公司 → 司): a name never starts inside them. */
const WORD_ENDING_IN_SURNAME = ['公司', '集团', '上司', '总司', '中心', '工厂', '医院', '学院', '银行', '项目', '部门', '方面', '双方', '对方', '我方', '甲方', '乙方'];

/** A new full name ending at pos (just before a title), preferring one that starts cleanly. */
function nameEndingAt(text: string, pos: number, words: Words): string | undefined {
  const cands: string[] = [];
  for (const len of [3, 2, 4]) {
    const start = pos - len;
    if (start < 0) continue;
    const name = text.slice(start, pos);
    const surname = surnameAt(text, start);
    if (start > 0 && WORD_ENDING_IN_SURNAME.includes(text.slice(start - 1, start + 1))) continue;
    if (surname && name.length > surname.length && validName(name, surname) && !words.blocksName(start, pos)) cands.push(name);
  }
  const clean = cands.find((n) => {
    const s = pos - n.length;
    return s === 0 || BEFORE_NAME.has(text[s - 1]) || !HAN.test(text[s - 1]);
  });
  return clean ?? (cands.length === 1 ? cands[0] : undefined);
}

/** The department written right before pos (设备物资部, 技术中心), or ''. */
function departmentBefore(text: string, pos: number, taken: [number, number][]): string {
  const before = text.slice(Math.max(0, pos - 6), pos);
  for (let len = Math.min(5, before.length); len >= 2; len--) {
    const cand = before.slice(-len);
    if (/^[\u4e00-\u9fff]+$/.test(cand) && DEPT_SUFFIX.test(cand) && ![...cand].some((c) => BEFORE_NAME.has(c)) && isFreeAt(taken, pos - len, pos)) return cand;
  }
  return '';
}

interface TitleSpan {
  start: number;
  end: number;
  /** Title without the appointment qualifier. */
  title: string;
  core: string;
  newInRole: boolean;
}

/** Titles in the text, each with its department prefix (设备部经理) and qualifier (新任). */
function findTitles(text: string, taken: [number, number][]): TitleSpan[] {
  const out: TitleSpan[] = [];
  for (let pos = 0; pos < text.length; pos++) {
    const core = ZH_TITLES.find((t) => text.startsWith(t, pos));
    if (!core || !isFreeAt(taken, pos, pos + core.length)) continue;
    let start = pos;
    const before = text.slice(Math.max(0, pos - 6), pos);
    let prefix = departmentBefore(text, pos, taken);
    if (!prefix) prefix = FUNCTION_WORDS.find((w) => before.endsWith(w)) ?? '';
    // A department prefix never swallows a known name or an earlier title.
    if (prefix && !isFreeAt(taken, pos - prefix.length, pos)) prefix = '';
    start -= prefix.length;
    // 新任设备部部长: the qualifier read as part of the department is not part of the title.
    const inPrefix = ZH_TITLE_QUALIFIERS.find((q) => prefix.startsWith(q));
    if (inPrefix) prefix = prefix.slice(inPrefix.length);
    const qualifier = inPrefix ?? ZH_TITLE_QUALIFIERS.find((q) => text.slice(0, start).endsWith(q));
    if (qualifier) start -= qualifier.length;
    out.push({ start, end: pos + core.length, title: prefix + core, core, newInRole: !!qualifier && /新/.test(qualifier) });
    pos += core.length - 1;
  }
  return out;
}

function roleWordAfter(text: string, pos: number): DecisionRole | undefined {
  const rest = text.slice(pos).replace(/^(是|为|就是|才是|作为|是我们的|是本项目的|是项目的|是最终的|是真正的|是这个项目的|负责|来)/, '');
  for (const r of DECISION_ROLE_WORDS) if (r.zh.some((w) => rest.startsWith(w))) return r.role;
  const en = text.slice(pos).toLowerCase();
  for (const r of DECISION_ROLE_WORDS) if (r.en.some((w) => new RegExp(`^,?\\s*(is |as |who is |who )?(the |our |their |a |final )?${w}\\b`).test(en))) return r.role;
  return undefined;
}

function roleWordBefore(text: string, pos: number): DecisionRole | undefined {
  const before = text.slice(0, pos).replace(/(是|为|:|：)$/, '');
  for (const r of DECISION_ROLE_WORDS) if (r.zh.some((w) => w.length >= 3 && before.endsWith(w))) return r.role;
  return undefined;
}

/** Before a new name with no title, a conjunction (和何军通了电话: a contact verb must follow). */
const WITH_BEFORE = /(?:和|跟|与|同)$/;
/** Before a new name with no title, a verb whose object is a person (拜访了何军, 约了李晓明). */
const MET_BEFORE = /(?:拜访了?|拜会了?|拜见了?|会见了?|见了|见到了?|约了|宴请了?|陪同了?|陪了|接待了?|联系了?|请了|问了|找了)$/;
/** English before a Chinese-written name: "met 何军", "call with 何军". */
const MET_BEFORE_EN = /\b(?:met|meet|meeting|visited|saw|called|phoned|call|lunch|dinner|coffee|spoke|talked|with|to)\s+$/i;
/** A contact verb right after the name (通了电话, 吃了饭, 沟通). */
const CONTACT_AFTER = /^(?:通了?电话|通话|打了?电话|聊|谈|见面|见了|碰面|碰了|开会|开了|吃饭|吃了|喝茶|沟通|交流|讨论|会面|会谈|座谈|面谈|对接|电话|视频|微信)/;
/** Where a name after a meeting verb (or the account's 的) ends: punctuation, a conjunction, a time, or what the person did. */
const NAME_THEN = /^(?:$|[\s,，。.;；:：、!！?？()（）]|和|与|及|跟|说|讲|表示|提出|提到|认为|希望|建议|介绍|答应|同意|确认|透露|坦言|强调|反馈|对|也|都|很|非常|比较|在|刚|已|要|会|将|今天|明天|后天|下周|本周|这周|下个月|周[一二三四五六日末]|上午|下午|晚上)/;
/** Units, not people: 安监站, 施工队 (局, 部, 处, 院 and 厂 never stand in a given name at all). */
const BARE_NAME_NEVER_ENDS = /[站队所办组室团司行社]$/;
/** Between two names of a list (孙丽和赵强, 何军、孙丽, "何军 and 孙丽"). */
const NAME_LIST_GAP = /^(?:和|与|及|、|\s+and\s+|\s*&\s*)/;

/**
 * A new full name with no title starting at pos, when the words after it fit: either reading of the
 * given name (two characters, then one), never a colleague, never a dictionary word (安装队, 高层).
 */
function bareNameAt(text: string, pos: number, words: Words, colleagues: Set<string>, fits: (rest: string) => boolean): string | undefined {
  const surname = surnameAt(text, pos);
  if (!surname) return undefined;
  for (const g of [2, 1]) {
    const name = text.slice(pos, pos + surname.length + g);
    if (name.length !== surname.length + g || !validName(name, surname) || colleagues.has(name)) continue;
    if (BARE_NAME_NEVER_ENDS.test(name) || words.blocksName(pos, pos + name.length) || words.startsCommonWord(pos, pos + name.length)) continue;
    if (fits(text.slice(pos + name.length))) return name;
  }
  return undefined;
}

function findBareNames(text: string, out: PersonMention[], taken: [number, number][], words: Words, colleagues: Set<string>) {
  const add = (at: number, name: string) => {
    out.push({ start: at, end: at + name.length, text: name, name });
    taken.push([at, at + name.length]);
  };
  for (let pos = 1; pos < text.length; pos++) {
    if (!HAN.test(text[pos]) || !isFreeAt(taken, pos, pos + 1)) continue;
    const before = text.slice(Math.max(0, pos - 20), pos);
    const latinBefore = !HAN.test(text[pos - 1]);
    let fits: ((rest: string) => boolean) | undefined;
    if (latinBefore) {
      // In English the Han run is the whole name: 2-4 characters ending where the Han text ends.
      if (MET_BEFORE_EN.test(before)) fits = (rest) => !HAN.test(rest[0] ?? '');
    } else if (WITH_BEFORE.test(before)) fits = (rest) => CONTACT_AFTER.test(rest);
    else if (MET_BEFORE.test(before) || (before.endsWith('的') && words.organisationEndsAt(pos - 1))) fits = (rest) => CONTACT_AFTER.test(rest) || NAME_THEN.test(rest);
    if (!fits) continue;
    let at = pos;
    let name = bareNameAt(text, at, words, colleagues, fits);
    if (!name || !isFreeAt(taken, at, at + name.length)) continue;
    add(at, name);
    // A list after the first name: 见了孙丽和赵强, "met 何军 and 孙丽".
    for (let gap = NAME_LIST_GAP.exec(text.slice(at + name.length)); gap; gap = NAME_LIST_GAP.exec(text.slice(at + name.length))) {
      const next = at + name.length + gap[0].length;
      const listed = bareNameAt(text, next, words, colleagues, (rest) => NAME_THEN.test(rest) || CONTACT_AFTER.test(rest) || (latinBefore && !HAN.test(rest[0] ?? '')));
      if (!listed || !isFreeAt(taken, next, next + listed.length)) break;
      add(next, listed);
      at = next;
      name = listed;
    }
    pos = at + name.length - 1;
  }
}

function findChinese(text: string, known: KnownName[], out: PersonMention[], taken: [number, number][], words: Words, colleagues: Set<string>) {
  // 1. Names already on record, anywhere.
  for (const k of known) {
    if (!HAN.test(k.name) || k.name.length < 2) continue;
    for (let at = text.indexOf(k.name); at >= 0; at = text.indexOf(k.name, at + k.name.length)) {
      // 王伟 inside the account's name 华东王伟工程集团 is not the contact 王伟.
      if (!isFreeAt(taken, at, at + k.name.length) || words.blocksName(at, at + k.name.length)) continue;
      out.push({ start: at, end: at + k.name.length, text: k.name, name: k.name });
      taken.push([at, at + k.name.length]);
    }
  }
  // 2. Titles, with the name before or after them.
  const titles = findTitles(text, taken);
  for (const t of titles) taken.push([t.start, t.end]);
  for (const t of titles) {
    const knownBefore = out.find((m) => m.end === t.start && m.name);
    const knownAfter = out.find((m) => m.start === t.end && m.name);
    const attach = (m: PersonMention) => {
      m.title ??= t.title;
      m.newInRole ||= t.newInRole;
      m.start = Math.min(m.start, t.start);
      m.end = Math.max(m.end, t.end);
      m.text = text.slice(m.start, m.end);
    };
    if (knownBefore && !t.newInRole) {
      attach(knownBefore);
      continue;
    }
    if (knownAfter) {
      attach(knownAfter);
      continue;
    }
    const after = t.newInRole || !nameEndingAt(text, t.start, words) ? nameStartingAt(text, t.end, words) : undefined;
    if (after && isFreeAt(taken, t.end, t.end + after.length)) {
      out.push({ start: t.start, end: t.end + after.length, text: text.slice(t.start, t.end + after.length), name: after, title: t.title, newInRole: t.newInRole });
      taken.push([t.end, t.end + after.length]);
      continue;
    }
    // Terse notes part a name from its title with a space (高远 总经理): the name is then the whole word.
    const gap = /[ \t\u3000]+$/.exec(text.slice(0, t.start))?.[0].length ?? 0;
    const spaced = gap ? nameEndingAt(text, t.start - gap, words) : undefined;
    const wholeWord = !!spaced && !HAN.test(text[t.start - gap - spaced.length - 1] ?? '');
    const before = nameEndingAt(text, t.start, words) ?? (wholeWord ? spaced : undefined);
    const nameEnd = before && !text.slice(0, t.start).endsWith(before) ? t.start - gap : t.start;
    if (before && isFreeAt(taken, nameEnd - before.length, nameEnd)) {
      const nameStart = nameEnd - before.length;
      // 设备物资部孙丽部长: the department sits before the name.
      const dept = t.title === t.core ? departmentBefore(text, nameStart, taken) : '';
      const start = nameStart - dept.length;
      out.push({ start, end: t.end, text: text.slice(start, t.end), name: before, title: dept + t.title, newInRole: t.newInRole });
      taken.push([start, nameEnd]);
      continue;
    }
    // 刘处长, 孙部长: a surname right before a title, no given name.
    const s1 = t.start - 1;
    if (s1 >= 0 && isFreeAt(taken, s1, t.start)) {
      const compound = COMPOUND_SURNAMES.find((c) => text.slice(0, t.start).endsWith(c));
      const surname = compound ?? (SINGLE_SURNAMES.has(text[s1]) ? text[s1] : undefined);
      if (surname && !words.blocksName(t.start - surname.length, t.start)) {
        const s = t.start - surname.length;
        out.push({ start: s, end: t.end, text: text.slice(s, t.end), surname, honorific: t.core, title: t.title });
        taken.push([s, t.start]);
      }
    }
  }
  // 3. A stated role right before a name: 决策人高远.
  for (const r of DECISION_ROLE_WORDS) {
    for (const w of r.zh) {
      if (w.length < 3) continue;
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
        const from = at + w.length + (/^[是为:：]/.test(text.slice(at + w.length)) ? 1 : 0);
        const name = nameStartingAt(text, from, words);
        if (!name || !isFreeAt(taken, from, from + name.length)) continue;
        out.push({ start: from, end: from + name.length, text: name, name });
        taken.push([from, from + name.length]);
      }
    }
  }
  // 4. A new name without a title where only a person can stand (和何军通了电话, 拜访了孙丽和赵强).
  findBareNames(text, out, taken, words, colleagues);
  // 5. Later mentions of a name found above (李明说了算).
  for (const name of new Set(out.filter((m) => m.name).map((m) => m.name!))) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      if (!isFreeAt(taken, at, at + name.length) || words.blocksName(at, at + name.length)) continue;
      out.push({ start: at, end: at + name.length, text: name, name });
      taken.push([at, at + name.length]);
    }
  }
  // 6. Surname + short honorific: 高总, 郭董, 何工, 王局.
  for (let pos = 0; pos < text.length; pos++) {
    const surname = surnameAt(text, pos);
    if (!surname) continue;
    const hStart = pos + surname.length;
    const h = ZH_HONORIFIC_KEYS.find((k) => text.startsWith(k, hStart));
    if (!h) continue;
    const end = hStart + h.length;
    if (!isFreeAt(taken, pos, end) || words.blocksName(pos, end)) continue;
    const prev = text[pos - 1];
    // Right after a word the segmenter ends there (西山矿业马总来访: the account name), too.
    if (pos > 0 && HAN.test(prev) && !BEFORE_NAME.has(prev) && !words.endsWordAt(pos)) continue;
    if (h.length === 1 && /[结体部额量共计数价值算而之]/.test(text[end] ?? '')) continue;
    // 施工方: a dictionary word (施工) is not 施 + 工.
    if (words.startsCommonWord(pos, end)) continue;
    out.push({ start: pos, end, text: text.slice(pos, end), surname, honorific: h });
    taken.push([pos, end]);
    pos = end - 1;
  }
}

const EN_NAME = "[A-Z][a-z]+(?:[-'][A-Za-z]+)?";
// "He" is not listed: it is also the pinyin of 何 (He Jun); a name needs two capitalised words anyway.
const EN_NOT_NAME = new Set(
  ('I We She They The A An Our Their His Her It This That Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March ' +
    'April May June July August September October November December Visited Met Called Had Discussed Next Send Sent Need Will Budget Phase Group Company Co Ltd ' +
    'Mining Port Road Bridge Energy Construction Engineering Mr Ms Mrs Dr Also And But Then After Before Log Note Record').split(' '),
);

let latinPatternCache: { re: RegExp; name: number; title: number; isNew: number }[] | undefined;

/** Title-and-name patterns of English notes, built once. */
function latinPatterns() {
  if (latinPatternCache) return latinPatternCache;
  // Titles match in any case; names must be capitalised, so the regexes carry no 'i' flag.
  const anyCase = (w: string) => w.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
  const titleAlt = EN_TITLES.map((t) => anyCase(t).replace(/\s+/g, '\\s+')).join('|');
  const word = '[A-Za-z]+';
  const nameRun = `(${EN_NAME}(?:\\s+${EN_NAME}){1,2})`;
  latinPatternCache = [
    // "the new general manager Gao Yuan", "CEO Lin Xiao", "procurement manager John Smith"
    { re: new RegExp(`\\b(?:[Tt]he\\s+|[Tt]heir\\s+|[Oo]ur\\s+)?([Nn]ew\\s+)?((?:${word}\\s+)?(?:${titleAlt}))\\s*,?\\s+${nameRun}`, 'g'), name: 3, title: 2, isNew: 1 },
    // "Gao Yuan, the new general manager", "John Smith (procurement manager)"
    { re: new RegExp(`${nameRun}\\s*(?:,|\\()\\s*(?:the\\s+|their\\s+|our\\s+|a\\s+)?(new\\s+)?((?:[a-z]+\\s+)?(?:${titleAlt}))\\b\\)?`, 'g'), name: 1, title: 3, isNew: 2 },
  ];
  return latinPatternCache;
}

const SURNAME_WORDS = new Set(['he', 'so', 'an', 'man', 'long', 'fan', 'may', 'sun', 'mark', 'bill', 'will', 'rose']);

/** English verbs after which a capitalised name is a person: "Met Wang Jun", "call with Li Ming". */
const LATIN_BARE_NAME = new RegExp(
  `\\b(?:[Mm]et(?:\\s+with)?|[Mm]eeting\\s+with|[Cc]all(?:ed)?(?:\\s+with)?|[Pp]honed|[Ss]poke\\s+(?:with|to)|[Tt]alked\\s+(?:with|to)|(?:[Ll]unch|[Dd]inner|[Cc]offee)\\s+with)\\s+(${EN_NAME}(?:\\s+${EN_NAME}){1,3})`,
  'g',
);

/**
 * A new pinyin-written name with no title, after a verb whose object is a person: two or three
 * words starting with a Chinese surname (Wang Jun, Wang Jian Guo) or two ending with one (Jun Wang).
 * Western names and account names written in pinyin (Beifang Lu Qiao) need a title to be read.
 */
function findLatinBareNames(text: string, out: PersonMention[], taken: [number, number][], colleagues: Set<string>) {
  for (const m of text.matchAll(LATIN_BARE_NAME)) {
    const kept: string[] = [];
    for (const w of m[1].split(/\s+/)) {
      if (EN_NOT_NAME.has(w)) break;
      kept.push(w);
    }
    const lower = kept.map((w) => w.toLowerCase());
    const surnameFirst = kept.length >= 2 && kept.length <= 3 && isPinyinSurname(lower[0]);
    const surnameLast = kept.length === 2 && isPinyinSurname(lower[1]);
    if (!surnameFirst && !surnameLast) continue;
    const name = kept.join(' ');
    if (colleagues.has(lower.join(' '))) continue;
    const s = m.index! + m[0].indexOf(m[1]);
    const e = s + name.length;
    if (!isFreeAt(taken, s, e)) continue;
    out.push({ start: s, end: e, text: name, name, latin: true });
    taken.push([s, e]);
  }
}

function findLatin(text: string, known: KnownName[], out: PersonMention[], taken: [number, number][], colleagues: Set<string>) {
  const lower = text.toLowerCase();
  for (const k of known) {
    for (const form of k.latin ?? []) {
      const re = new RegExp(`\\b${form.replace(/\s+/g, '\\s+')}\\b`, 'gi');
      for (const m of lower.matchAll(re)) {
        const s = m.index!;
        const e = s + m[0].length;
        if (!isFreeAt(taken, s, e)) continue;
        out.push({ start: s, end: e, text: text.slice(s, e), name: k.name, latin: true });
        taken.push([s, e]);
      }
    }
  }
  for (const p of latinPatterns()) {
    for (const m of text.matchAll(p.re)) {
      const name = m[p.name];
      const words = name.split(/\s+/);
      // The name group is case-insensitive through the flag: keep only capitalised, non-stopword runs.
      const kept: string[] = [];
      for (const w of words) {
        if (!/^[A-Z]/.test(w) || EN_NOT_NAME.has(w)) break;
        kept.push(w);
      }
      if (kept.length < 2) continue;
      const fullName = kept.join(' ');
      const nameStart = m.index! + m[0].indexOf(name);
      const s = m.index!;
      const e = p.name === 1 ? s + m[0].length : nameStart + fullName.length;
      if (!isFreeAt(taken, nameStart, nameStart + fullName.length)) {
        const existing = out.find((o) => o.start <= nameStart && o.end >= nameStart + 1);
        if (existing && !existing.title) existing.title = m[p.title].trim().replace(/\s+/g, ' ');
        continue;
      }
      let title = m[p.title].trim().replace(/\s+/g, ' ');
      // "met with general manager" keeps only the title words.
      if (!EN_TITLES.includes(title.toLowerCase())) {
        const first = title.split(' ')[0].toLowerCase();
        if (['with', 'and', 'met', 'the', 'to', 'also', 'visited', 'called'].includes(first)) title = title.split(' ').slice(1).join(' ');
      }
      out.push({ start: s, end: e, text: text.slice(s, e), name: fullName, title, newInRole: !!m[p.isNew], latin: true });
      taken.push([nameStart, nameStart + fullName.length]);
    }
  }
  findLatinBareNames(text, out, taken, colleagues);
  // "Gao is very interested": a bare surname of someone the note named in full.
  // Surnames that are also English words ("He said ...") are left out.
  const surnames = new Set(
    out.filter((m) => m.latin && m.name && /^[A-Z]/.test(m.name)).map((m) => m.name!.split(/\s+/)[0]).filter((sn) => !SURNAME_WORDS.has(sn.toLowerCase())),
  );
  for (const sn of surnames) {
    for (const m of text.matchAll(new RegExp(`\\b${sn}\\b`, 'g'))) {
      const s = m.index!;
      const e = s + sn.length;
      if (!isFreeAt(taken, s, e)) continue;
      out.push({ start: s, end: e, text: sn, surname: sn.toLowerCase(), honorific: '', latin: true });
      taken.push([s, e]);
    }
  }
  for (const m of text.matchAll(new RegExp(`\\b(Mr|Ms|Mrs|Miss|Dr|Director|President|Chairman|Manager)\\.?\\s+(${EN_NAME})\\b`, 'g'))) {
    const s = m.index!;
    const e = s + m[0].length;
    if (!isFreeAt(taken, s, e)) continue;
    out.push({ start: s, end: e, text: m[0], surname: m[2].toLowerCase(), honorific: m[1].toLowerCase(), latin: true });
    taken.push([s, e]);
  }
}

/**
 * Every person the note names, in text order, with their stated decision role. `colleagues` are
 * the users the note names (和李娜一起拜访): never read as a new contact without a title.
 */
export function findPeople(text: string, known: KnownName[] = [], words: Words = NO_WORDS, colleagues: string[] = []): PersonMention[] {
  const out: PersonMention[] = [];
  const taken: [number, number][] = [];
  const notContacts = new Set(colleagues.flatMap((c) => [c, ...latinSpellings(c).forms]));
  findChinese(text, known, out, taken, words, notContacts);
  if (/[A-Za-z]/.test(text)) findLatin(text, known, out, taken, notContacts);
  for (const m of out) {
    m.decisionRole = roleWordAfter(text, m.end) ?? roleWordBefore(text, m.start);
    if (!m.newInRole && /^(?:the\s+)?new\b/i.test(m.text)) m.newInRole = true;
  }
  return out.sort((a, b) => a.start - b.start);
}
