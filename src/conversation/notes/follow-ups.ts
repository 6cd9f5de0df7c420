// Follow-up messages about the last note, recognised without I/O: undo, a new date, another
// account, a contact's role, the type, the next step; short answers (是 / no / 2); and requests
// for unfiled notes. Zh and en.
import type { DecisionRole, InteractionType } from '../../domain/types.ts';
import { findDates } from './extract/dates.ts';
import { parseSmallNumber } from './extract/numerals.ts';
import { DECISION_ROLE_WORDS } from './extract/titles.ts';

export type FollowUp =
  | { kind: 'undo' }
  | { kind: 'date'; text: string }
  /** A bare new date ("改成下周四", "make it next Friday"): the due date or the note's date, by which fits. */
  | { kind: 'when'; text: string }
  /** weak: a loose form (是X的, "it's X") that counts only when X is one of the user's accounts. */
  | { kind: 'account'; to: string; from?: string; weak?: boolean }
  | { kind: 'role'; person: string; role: DecisionRole }
  | { kind: 'type'; type: InteractionType }
  | { kind: 'next_step'; text: string }
  | { kind: 'add_contact'; person: string }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'amount'; text: string }
  /** add: 竞品还有徐工; set: 竞品是三一; remove: 去掉徐工 / 没有竞品 (text empty). */
  | { kind: 'competitors'; op: 'add' | 'set' | 'remove'; text: string }
  | { kind: 'summary'; text: string }
  | { kind: 'edit_help' };

const END = '[。.!！]?\\s*$';
const UNDO = new RegExp(`^\\s*(?:撤销|撤回|撤消|取消|删掉|删除)(?:一下)?(?:刚才|上一条|这条|那条|刚刚)?(?:的)?(?:记录|纪要|笔记)?(?:吧)?${END}|^\\s*(?:undo|undo (?:that|it|the last note)|cancel (?:that|the last note)|delete (?:that|the last) note|remove (?:that|the last) note)${END}`, 'i');

const DATE_ZH = /^\s*(?:日期|时间|拜访日期|拜访时间)\s*(?:改成|改为|应该是|是|换成|:|：)\s*(.+?)\s*[。.!！]?\s*$/;
const DATE_ZH2 = /^\s*(?:其实|实际上|不是今天,?|不是今天，?)?\s*是\s*(昨天|前天|大前天|上周[一二三四五六日天]|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号])\s*(?:的事|拜访的|见的)?\s*[。.!！]?\s*$/;
const DATE_EN = /^\s*(?:(?:change|set|move|fix) the date to|the date (?:should be|is|was)|date\s*[:=]|it (?:was|happened) (?:on )?)\s*(.+?)\s*[.!]?\s*$/i;

const ACCOUNT_ZH = /^\s*不是\s*(.+?)\s*[,，、]?\s*(?:而)?是\s*(.+?)\s*(?:的)?\s*[。.!！]?\s*$/;
const ACCOUNT_ZH2 = /^\s*(?:客户|账户|公司)\s*(?:改成|改为|换成|应该是)\s*(.+?)\s*[。.!！]?\s*$/;
const FILE_ZH = /^\s*(?:这|这条|这个|刚才那条|那条|上一条)?\s*(?:是|属于|归到|记到|放到|归档到)\s*(.+?)\s*(?:的|名下|下面)?(?:记录)?\s*[。.!！]?\s*$/;
const ACCOUNT_EN = /^\s*(?:not|it'?s not|it was not|wasn'?t)\s+(.+?)\s*[,;]?\s*(?:it'?s|it was|but|but it was|rather)\s+(.+?)\s*[.!]?\s*$/i;
const FILE_EN = /^\s*(?:it'?s|it is|this is|that'?s|that is|this was|file (?:it|this) (?:under|to|for)|move (?:it|this) to|log (?:it|this) (?:under|for|to)|(?:it'?s |this is )?for)\s+(?:for\s+)?(.+?)\s*[.!]?\s*$/i;

const ROLE_SET_ZH = /^\s*(?:把|将)\s*(.+?)\s*(?:设为|设成|改成|改为|标为|标记为|定为|记为)\s*(.+?)\s*[。.!！]?\s*$/;
const ROLE_IS_ZH = /^\s*(.+?)\s*(?:是|才是|就是)\s*(?:本项目的|项目的|最终的|真正的|我们的|这个项目的)?\s*(.+?)\s*[。.!！]?\s*$/;
const ROLE_SET_EN = /^\s*(?:set|mark|make|record)\s+(.+?)\s+as\s+(?:the\s+|a\s+|an\s+)?(.+?)\s*[.!]?\s*$/i;
const ROLE_IS_EN = /^\s*(.+?)\s+is\s+(?:the\s+|a\s+|an\s+|our\s+|their\s+)?(.+?)\s*[.!]?\s*$/i;

const TYPE_WORDS: { type: InteractionType; zh: string[]; en: string[] }[] = [
  { type: 'visit', zh: ['拜访', '上门拜访', '见面'], en: ['visit'] },
  { type: 'call', zh: ['电话', '通话', '打电话'], en: ['call', 'phone call'] },
  { type: 'meeting', zh: ['会议', '开会'], en: ['meeting'] },
  { type: 'email', zh: ['邮件'], en: ['email', 'e-mail'] },
  { type: 'dinner', zh: ['宴请', '吃饭', '饭局'], en: ['dinner', 'lunch'] },
  { type: 'event', zh: ['活动', '展会'], en: ['event'] },
  { type: 'im', zh: ['微信', '即时消息', '钉钉'], en: ['im', 'wechat', 'message'] },
];
const TYPE_ZH = /^\s*(?:类型|方式)\s*(?:改成|改为|是|换成|:|：)\s*(.+?)\s*[。.!！]?\s*$|^\s*(?:是|其实是)\s*(.+?)\s*[,，]?\s*不是\s*(?:拜访|电话|会议|邮件|宴请|活动|微信)\s*[。.!！]?\s*$/;
const TYPE_EN = /^\s*(?:(?:change|set) the type to|type\s*[:=]|it was (?:a|an))\s+(.+?)\s*[.!]?\s*$/i;

const NEXT_ZH = /^\s*(?:把|将)?\s*(?:下一步|下步|后续|截止日期|截止时间|截止)\s*(?:改成|改为|换成|应该是|是|:|：)\s*(.+?)\s*$/;
const NEXT_EN = /^\s*(?:(?:change|set) the next step to|next step\s*[:=]|the next step is|due date\s*[:=]|(?:change|set) the due date to)\s*(.+?)\s*$/i;

const ADD_CONTACT_ZH = /^\s*(?:把|将)\s*(.+?)\s*(?:加到|加入|添加到|加进|补到|补充到)\s*(?:联系人|参与人|参会人|人员|名单)(?:里|中|里面)?\s*(?:去)?\s*[。.!！]?\s*$|^\s*(?:联系人|参与人|参会人)\s*(?:是|还有|加上|添加|加|补充)\s*(.+?)\s*[。.!！]?\s*$|^\s*(?:还有|加上|添加|补充)\s*(?:联系人|参与人)?\s*(.+?)\s*(?:也在|也参加了|也在场)?\s*[。.!！]?\s*$/;
const ADD_CONTACT_EN = /^\s*(?:add|also add|include)\s+(.+?)\s+(?:to|as)\s+(?:the\s+)?(?:contacts?|participants?|attendees?|people)\s*[.!]?\s*$|^\s*(?:contacts?|participants?|attendees?)\s*(?:also|:|=|include|is|are)\s*(.+?)\s*[.!]?\s*$|^\s*(.+?)\s+was (?:also )?there\s*[.!]?\s*$/i;
const RENAME_ZH = /^\s*(?:把|将)\s*(.+?)\s*(?:改成|改为|换成|更正为|纠正为)\s*(.+?)\s*[。.!！]?\s*$|^\s*(.+?)\s*(?:应该是|应为|其实是|写错了,?是|写错了，?是)\s*(.+?)\s*[。.!！]?\s*$/;
const RENAME_EN = /^\s*(?:change|rename|correct)\s+(.+?)\s+to\s+(.+?)\s*[.!]?\s*$|^\s*(?:it'?s|it is)\s+(.+?),?\s+not\s+(.+?)\s*[.!]?\s*$/i;
const AMOUNT_ZH = /^\s*(?:把|将)?\s*(?:金额|预算|报价|价格|合同金额|项目金额|商机金额)\s*(?:改成|改为|应该是|是|换成|:|：|为|更正为)\s*(.+?)\s*[。.!！]?\s*$/;
const AMOUNT_EN = /^\s*(?:(?:change|set) the (?:amount|budget|deal size) to|(?:the )?(?:amount|budget|deal size)\s*(?:is|was|should be|:|=))\s*(.+?)\s*[.!]?\s*$/i;
const COMPETITOR_ADD_ZH = /^\s*(?:竞品|竞争对手|对手)\s*(?:还有|也有|加上|添加|补充|加)\s*(.+?)\s*[。.!！]?\s*$|^\s*(.+?)\s*也在(?:报价|竞争|接触|投标|跟)\s*[。.!！]?\s*$/;
const COMPETITOR_SET_ZH = /^\s*(?:竞品|竞争对手|对手)\s*(?:是|改成|改为|只有|:|：)\s*(.+?)\s*[。.!！]?\s*$/;
const COMPETITOR_REMOVE_ZH = /^\s*(?:去掉|删掉|删除|移除)\s*(?:竞品)?\s*(.+?)\s*[。.!！]?\s*$|^\s*(?:没有竞品|竞品没有|无竞品|不是竞品)\s*[。.!！]?\s*$/;
const COMPETITOR_EN = /^\s*(?:competitors?|competition)\s*(?:also|too|:|=|are|is|include)\s*(.+?)\s*[.!]?\s*$|^\s*(?:also competing|competing too|also bidding)\s*:?\s*(.+?)\s*[.!]?\s*$/i;
const COMPETITOR_REMOVE_EN = /^\s*(?:remove (?:the )?competitors?\s*(.*?)|no competitors?)\s*[.!]?\s*$/i;
const SUMMARY = /^\s*(?:摘要|纪要|内容|summary)\s*(?:改成|改为|换成|应该是|是|:|：|=|should be|is)\s*([\s\S]+?)\s*$/i;
const TYPE_BARE = /^\s*(?:改成|改为|换成|应该是|其实是|change it to|make it|it was)\s*(?:一次|一个|个|a |an )?(.+?)\s*[。.!！]?\s*$/i;

/** "改成下周四", "推迟到月底", "make it next Friday": a date and nothing else after the verb. */
const WHEN_BARE = /^\s*(?:改成|改为|改到|换成|换到|推迟到|推到|延到|延期到|延后到|挪到|提前到|应该是|其实是|change it to|make it|move it to|push it to)\s*(.+?)\s*[。.!！]?\s*$/i;
const ANY_DAY = { now: new Date(), tz: 'UTC' };

/** Whether the words are one date phrase and nothing else (前 / "by" around it allowed). */
function onlyDate(words: string): boolean {
  const d = findDates(words, ANY_DAY, 'future');
  if (d.length !== 1) return false;
  const rest = words.slice(0, d[0].start) + words.slice(d[0].end);
  return /^\s*(?:by|before|on|在|于)?\s*(?:前|之前|以前)?\s*$/i.test(rest);
}

const EDIT_HELP = /^\s*(?:修改|编辑|改一下|怎么改|edit|change it|fix it)\s*[。.!！?？]?\s*$/i;

function roleOf(words: string): DecisionRole | undefined {
  const w = words.trim().toLowerCase().replace(/[。.!！]$/, '');
  for (const r of DECISION_ROLE_WORDS) if (r.zh.includes(w) || r.en.includes(w) || w === r.role.replace('_', ' ')) return r.role;
  return undefined;
}

function typeOf(words: string): InteractionType | undefined {
  const w = words.trim().toLowerCase().replace(/^(?:一次|一个|个|a |an )/, '');
  return TYPE_WORDS.find((x) => x.zh.includes(w) || x.en.includes(w))?.type;
}

/** A follow-up about the last note, or undefined when the message is something else. */
export function parseFollowUp(text: string): FollowUp | undefined {
  const s = text.trim();
  const summary = SUMMARY.exec(s);
  if (summary && summary[1].trim()) return { kind: 'summary', text: summary[1].trim() };
  if (!s || s.length > 80) return undefined;
  if (UNDO.test(s)) return { kind: 'undo' };
  // A question ("是谁负责北方路桥?") is never an edit, whatever words it shares with one.
  if (/[?？]\s*$|谁|什么|哪|吗|怎么|多少|\b(who|what|which|when|how)\b/i.test(s)) return undefined;
  if (EDIT_HELP.test(s)) return { kind: 'edit_help' };
  let m = DATE_ZH.exec(s) ?? DATE_EN.exec(s) ?? DATE_ZH2.exec(s);
  if (m) return { kind: 'date', text: m[1] };
  m = TYPE_ZH.exec(s);
  if (m) {
    const type = typeOf(m[1] ?? m[2]);
    if (type) return { kind: 'type', type };
  }
  m = TYPE_EN.exec(s);
  if (m) {
    const type = typeOf(m[1]);
    if (type) return { kind: 'type', type };
  }
  m = NEXT_ZH.exec(s) ?? NEXT_EN.exec(s);
  if (m) return { kind: 'next_step', text: m[1] };
  m = AMOUNT_ZH.exec(s) ?? AMOUNT_EN.exec(s);
  if (m) return { kind: 'amount', text: s };
  m = COMPETITOR_SET_ZH.exec(s);
  if (m) return { kind: 'competitors', op: 'set', text: m[1] };
  m = COMPETITOR_ADD_ZH.exec(s) ?? COMPETITOR_EN.exec(s);
  if (m) return { kind: 'competitors', op: 'add', text: (m[1] ?? m[2]).trim() };
  m = COMPETITOR_REMOVE_ZH.exec(s) ?? COMPETITOR_REMOVE_EN.exec(s);
  if (m) return { kind: 'competitors', op: 'remove', text: (m[1] ?? '').trim() };
  m = TYPE_BARE.exec(s);
  if (m) {
    const type = typeOf(m[1]);
    if (type) return { kind: 'type', type };
  }
  m = WHEN_BARE.exec(s);
  if (m && onlyDate(m[1])) return { kind: 'when', text: m[1] };
  m = ADD_CONTACT_ZH.exec(s) ?? ADD_CONTACT_EN.exec(s);
  if (m) return { kind: 'add_contact', person: (m[1] ?? m[2] ?? m[3]).trim() };
  m = ROLE_SET_ZH.exec(s) ?? ROLE_SET_EN.exec(s);
  if (m) {
    const role = roleOf(m[2]);
    if (role) return { kind: 'role', person: m[1], role };
  }
  m = ROLE_IS_ZH.exec(s) ?? ROLE_IS_EN.exec(s);
  if (m) {
    const role = roleOf(m[2]);
    if (role) return { kind: 'role', person: m[1], role };
  }
  // "把赵磊吃改成赵磊", "赵磊吃应该是赵磊": a person's name, checked against the note's people
  // (a rename naming nobody on the note is tried as a change of account, below).
  m = RENAME_ZH.exec(s);
  if (m && !ACCOUNT_ZH2.test(s)) return { kind: 'rename', from: (m[1] ?? m[3]).trim(), to: (m[2] ?? m[4]).trim() };
  m = RENAME_EN.exec(s);
  if (m) return m[1] !== undefined ? { kind: 'rename', from: m[1].trim(), to: m[2].trim() } : { kind: 'rename', from: m[4].trim(), to: m[3].trim() };
  m = ACCOUNT_ZH.exec(s) ?? ACCOUNT_EN.exec(s);
  if (m) return { kind: 'account', from: m[1], to: m[2] };
  m = ACCOUNT_ZH2.exec(s);
  if (m) return { kind: 'account', to: m[1] };
  if (yesNo(s)) return undefined;
  m = FILE_ZH.exec(s) ?? FILE_EN.exec(s);
  if (m && m[1].trim().length >= 2) return { kind: 'account', to: m[1], weak: true };
  return undefined;
}

// ---------- short answers to the bot's questions ----------

const YES = /^\s*(?:是|是的|是他|是她|对|对的|没错|确认|嗯|嗯嗯|好|好的|可以|yes|y|yep|yeah|yup|correct|right|sure|ok|okay|confirm(?:ed)?)\s*[。.!！]?\s*$/i;
const NO = /^\s*(?:不是|否|不对|不|没有|不确定|不清楚|no|n|nope|not really|not sure|don'?t know)\s*[。.!！]?\s*$/i;

export function yesNo(text: string): 'yes' | 'no' | undefined {
  if (YES.test(text)) return 'yes';
  if (NO.test(text)) return 'no';
  return undefined;
}

/** "2", "第二个", "#2", "the second one" → 2. */
export function ordinalAnswer(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  const m = /^(?:第|#|no\.?\s*)?\s*([0-9]+|[一二两三四五六七八九十]+)\s*(?:个|位|家|条|项)?[.。!！]?$/.exec(s);
  if (m) return parseSmallNumber(m[1]);
  const en = ['first', 'second', 'third', 'fourth', 'fifth'].findIndex((w) => new RegExp(`^(the )?${w}( one)?[.!]?$`).test(s));
  return en >= 0 ? en + 1 : undefined;
}

export const NONE_OF_THEM = /^\s*(?:都不是|都不对|以上都不是|没有|none(?: of them)?|neither)\s*[。.!！]?\s*$/i;

// ---------- unfiled notes ----------

const LIST_UNFILED = /未归档|没归档|没有归档|未分类的记录|unfiled|not filed/i;
const FILE_LISTED_ZH = /^\s*第?\s*([0-9]+|[一二两三四五六七八九十]+)\s*条\s*(?:是|属于|归到|记到|归档到)\s*(.+?)\s*(?:的|名下)?\s*[。.!！]?\s*$/;
const FILE_LISTED_EN = /^\s*(?:#|no\.?\s*|number\s*)([0-9]+)\s+(?:is for|is|goes to|belongs to|to)\s+(.+?)\s*[.!]?\s*$/i;

export function asksForUnfiled(text: string): boolean {
  return LIST_UNFILED.test(text) && text.length <= 40;
}

export function fileListed(text: string): { n: number; account: string } | undefined {
  const m = FILE_LISTED_ZH.exec(text) ?? FILE_LISTED_EN.exec(text);
  if (!m) return undefined;
  const n = parseSmallNumber(m[1]);
  return n ? { n, account: m[2] } : undefined;
}
