// Tells a report of an interaction ("今天下午拜访了北方路桥的何军…", "log: called Lin Xiao…") from a
// question or a request ("北方路桥最近一次拜访是什么时候?"). A command word makes it a note whatever
// follows; otherwise the text must say that something happened and must not ask anything.
import { toIsoDate } from '../../domain/time.ts';
import { findDates, type DateRef } from './extract/dates.ts';
import { hasInteractionCue } from './extract/interaction-type.ts';
import { toSimplified } from '../../nlu/simplified.ts';

export interface NoteIntent {
  /** The note without its command word. */
  body: string;
  /** The user said it is a note (记录一下…, log:). */
  explicit: boolean;
}

const COMMAND =
  /^\s*(?:请|帮我|麻烦)?(?:记录一下|记录下|记一下|记下来|记下|记录|记个|备忘一下|备忘|拜访记录|拜访纪要|会议纪要|纪要|log(?:\s+(?:a|this))?(?:\s+(?:note|visit|call|meeting))?|note(?:\s+down)?|record|visit note|call note|meeting note)\s*[:：,，\-—]?\s*/i;
const QUESTION_END = /[?？]\s*$|[吗呢么嘛]\s*[。.!！]?\s*$/;
const QUESTION_WORDS = /什么|啥|咋|哪些|哪个|哪位|哪家|哪里|哪儿|多少|几次|几个|几号|几月|谁|怎么|如何|是否|有没有|是不是|为什么|为何|多久|何时|吗|能否|可否/;
const EN_QUESTION_START = /^\s*(what|who|whom|when|where|which|how|why|is|are|was|were|do|does|did|can|could|should|would|will|has|have|list|show|tell|give|find|remind)\b/i;
const REQUEST_START = /^(请|帮我|给我|麻烦|查一下|查询|看看|看一下|列出|显示|告诉我|提醒)/;
/** "北方路桥的拜访记录" and "上个月拜访次数排名" ask for records or figures; a report says what happened (了, 过). */
const REQUEST_END = /(记录|历史|情况|列表|汇总|清单|报告|简报|排名|排行|排行榜|统计|次数|占比|分布|趋势|对比)\s*[。.!！]?$/;

const HAPPENED =
  /[了过]|(?:很|挺|非常|比较)(?:成功|顺利)|刚才|刚刚|今天|今早|今晚|昨天|昨晚|前天|上周|上个月|上午|下午|中午|晚上|早上|\d+\s*月\s*\d+\s*[日号]|\b(?:met|visited|called|phoned|had|talked|spoke|discussed|emailed|messaged|texted|wechatted|went|attended|hosted|presented|demoed|reviewed|agreed|confirmed|said|told|asked|promised|signed|today|yesterday|this (?:morning|afternoon|evening)|(?:quick|short|brief) (?:call|meeting|lunch|chat|catch-up|sync) with|last (?:night|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/i;

/**
 * "Call with Lucia Tan (procurement), budget is …": an English note headed by what it was. Only with
 * something said after the heading (six words or more); "meeting with Ma Zhenhua" alone may be a
 * search.
 */
const HEADED = /^\s*(?:(?:phone|video|conference|quick|short|brief) )?(?:call|meeting|lunch|dinner|visit|catch-up|sync|chat) (?:with|at)\b/i;

/**
 * "跟中建华东武总通电话，确认框架协议续签，金额3.5亿，年底前签字": a report told in three clauses or
 * more, with no past marker. Not when its first clause looks ahead (下周去…, 准备拜访…): a plan.
 */
const CLAUSE_BREAK = /[，,、。;；!！\s]+/;
const AHEAD = /明天|明早|后天|下周|下星期|下礼拜|下个?月|下次|回头|准备|打算|计划|将要|要去|待会|稍后|改天|\b(?:tomorrow|next|will|going to|plan)\b/i;

function toldInClauses(body: string): boolean {
  const parts = body.split(CLAUSE_BREAK).filter((p) => p.trim());
  return parts.length >= 3 && hanCount(body) >= 15 && !AHEAD.test(parts[0]);
}

function hanCount(s: string) {
  return (s.match(/[\u4e00-\u9fff]/g) ?? []).length;
}

function longEnough(s: string) {
  return hanCount(s) >= 5 || s.trim().split(/\s+/).length >= 4;
}

export function recognizeNote(text: string, ref: DateRef): NoteIntent | undefined {
  const cmd = COMMAND.exec(text);
  if (cmd?.[0].trim()) {
    const body = text.slice(cmd[0].length).trim();
    // "记录" alone, or "log" followed by a question, is not a note.
    if (body && longEnough(body) && !(QUESTION_END.test(body) && !hasInteractionCue(body))) return { body, explicit: true };
    return undefined;
  }
  const body = text.trim();
  if (!longEnough(body)) return undefined;
  // A question in traditional characters (上次和華瑞聊了什麼) is still a question.
  const plain = toSimplified(body);
  if (QUESTION_END.test(body) || QUESTION_WORDS.test(plain) || EN_QUESTION_START.test(body) || REQUEST_START.test(body)) return undefined;
  if (REQUEST_END.test(body) && !/[了过]/.test(body)) return undefined;
  if (!hasInteractionCue(body)) return undefined;
  // "何总工的电话" and "last executive meeting with …" name an interaction without saying one
  // happened: without a command word, a report needs a sign of something done.
  if (!HAPPENED.test(body) && !(HEADED.test(body) && body.split(/\s+/).length >= 6) && !toldInClauses(body)) return undefined;
  // "明天拜访北方路桥" is a plan, not a report: the first date must not lie ahead.
  const today = toIsoDate(ref.now, ref.tz);
  const first = findDates(body, ref, 'past')[0];
  if (first && first.date > today && first.start < 4) return undefined;
  return { body, explicit: false };
}
