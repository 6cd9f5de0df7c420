// Job titles in notes (Chinese and English), the level each implies, and honorifics that follow a
// bare surname (高总, 郭董, 刘处长). Level rule: top management → executive; heads of a
// department or function → manager; everyone else → staff.
import type { ContactLevel, DecisionRole } from '../../../domain/types.ts';

const EXECUTIVE_ZH = [
  '董事长', '副董事长', '董事', '总裁', '副总裁', '执行总裁', '总经理', '副总经理', '常务副总经理', '常务副总', '副总', '首席执行官', '首席财务官',
  '首席技术官', '首席运营官', '首席信息官', '院长', '副院长', '局长', '副局长', '书记', '党委书记', '副书记', '厂长', '副厂长', '行长', '副行长', '校长',
  '主席', '合伙人', '总会计师', '总经济师', '监事长', '董秘', '总裁助理',
];
const MANAGER_ZH = [
  '经理', '副经理', '部长', '副部长', '主任', '副主任', '处长', '副处长', '科长', '副科长', '总监', '副总监', '总工', '总工程师', '副总工程师', '负责人',
  '项目经理', '站长', '队长', '所长', '总经理助理', '主管经理', '组长',
];
const STAFF_ZH = ['主管', '专员', '工程师', '助理', '采购员', '技术员', '秘书', '会计', '出纳', '业务员', '职员'];

const EXECUTIVE_EN = [
  'chairman', 'chairwoman', 'chair', 'president', 'vice president', 'ceo', 'cfo', 'cto', 'coo', 'cio', 'vp', 'svp', 'evp', 'general manager', 'gm',
  'deputy general manager', 'managing director', 'owner', 'founder', 'partner', 'chief executive', 'chief financial officer', 'chief technology officer',
  'chief operating officer', 'dean', 'party secretary',
];
const MANAGER_EN = ['manager', 'director', 'head', 'chief engineer', 'lead', 'supervisor', 'section chief', 'department head'];
const STAFF_EN = ['engineer', 'buyer', 'specialist', 'assistant', 'coordinator', 'analyst', 'officer', 'clerk', 'purchaser', 'technician'];

/** Every Chinese core title, longest first (so 副总经理 wins over 总经理 and 经理). */
export const ZH_TITLES = [...new Set([...EXECUTIVE_ZH, ...MANAGER_ZH, ...STAFF_ZH])].sort((a, b) => b.length - a.length);
export const EN_TITLES = [...new Set([...EXECUTIVE_EN, ...MANAGER_EN, ...STAFF_EN])].sort((a, b) => b.length - a.length);

/** Words before a title that describe the appointment, not the job: 新任总经理 → 总经理. */
export const ZH_TITLE_QUALIFIERS = ['新任', '现任', '前任', '新上任的', '新来的', '刚上任的', '代理', '常务', '执行'];

/** Short forms that follow a surname: 高总, 郭董, 何工, 王局, 张院, 刘处. With the title they abbreviate. */
export const ZH_HONORIFICS: Record<string, string> = {
  总工: '总工', 总: '总', 董: '董', 工: '工', 局: '局长', 院: '院长', 处: '处长', 部: '部长', 老师: '老师', 秘书长: '秘书长',
};
for (const t of ['董事长', '总经理', '总裁', '院长', '副院长', '局长', '处长', '部长', '主任', '科长', '经理', '书记', '厂长', '总监', '主管', '工程师', '行长', '所长']) ZH_HONORIFICS[t] = t;
/** Honorifics longest first, for matching right after a surname. */
export const ZH_HONORIFIC_KEYS = Object.keys(ZH_HONORIFICS).sort((a, b) => b.length - a.length);

/** Whether a contact's title fits a surname + honorific reference (何总 fits 总工程师 and 副总裁). */
export function honorificFits(honorific: string, title: string | null, level: ContactLevel | null): boolean {
  if (!title) return true;
  const full = ZH_HONORIFICS[honorific] ?? honorific;
  if (honorific === '总') return title.includes('总') || level === 'executive';
  if (honorific === '工' || honorific === '总工') return title.includes('工');
  if (honorific === '董') return title.includes('董');
  return title.includes(full) || title.includes(honorific);
}

function endsWithAny(title: string, list: string[]): string | undefined {
  let best: string | undefined;
  for (const t of list) if (title.endsWith(t) && (!best || t.length > best.length)) best = t;
  return best;
}

/** The level a title implies; the longest matching ending decides (总经理助理 → manager, 助理 → staff). */
export function levelOfTitle(title: string | null | undefined): ContactLevel {
  if (!title) return 'staff';
  const t = title.trim();
  const lower = t.toLowerCase();
  if (/[a-z]/.test(lower)) {
    const words = ` ${lower.replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ')} `;
    const has = (list: string[]) => list.some((w) => words.includes(` ${w} `));
    if (/\bvice\b|\bchief\b(?! engineer)/.test(lower) || has(EXECUTIVE_EN)) return 'executive';
    if (has(MANAGER_EN)) return 'manager';
    return 'staff';
  }
  const candidates: [string | undefined, ContactLevel][] = [
    [endsWithAny(t, EXECUTIVE_ZH), 'executive'],
    [endsWithAny(t, MANAGER_ZH), 'manager'],
    [endsWithAny(t, STAFF_ZH), 'staff'],
  ];
  let best: [string, ContactLevel] | undefined;
  for (const [m, level] of candidates) if (m && (!best || m.length > best[0].length)) best = [m, level];
  return best ? best[1] : 'staff';
}

/** Words that state a person's role in the buying decision. */
export const DECISION_ROLE_WORDS: { role: DecisionRole; zh: string[]; en: string[] }[] = [
  { role: 'decision_maker', zh: ['最终决策人', '关键决策人', '决策人', '决策者', '拍板人', '拍板的人', '说了算的人', '拍板', '说了算'], en: ['decision maker', 'decision-maker', 'final say', 'signs off', 'makes the call', 'makes the decision'] },
  { role: 'influencer', zh: ['影响者', '影响人', '关键影响人'], en: ['influencer'] },
  { role: 'evaluator', zh: ['评估人', '技术评估人', '评估者'], en: ['evaluator'] },
  { role: 'gatekeeper', zh: ['把关人', '守门人'], en: ['gatekeeper'] },
  { role: 'user', zh: ['使用者', '使用人', '最终用户'], en: ['end user'] },
];
