// The committed next step of a note and its due date: 下周三前发送交付计划, 周五前给报价, 月底前签合同,
// 下一步: 安排试用, "Send the delivery plan by next Wednesday", "Next step: quote by Friday".
import type { IsoDate } from '../../../domain/time.ts';
import { toIsoDate } from '../../../domain/time.ts';
import { allClauses, type Span } from './clauses.ts';
import { findDates, type DateRef } from './dates.ts';
import { segment } from './segment.ts';

export interface NextStepMention {
  action: string;
  due?: IsoDate;
  /** The clause(s) the next step was read from (left out of the summary). */
  spans: Span[];
}

// "Follow up next Tuesday" is the step itself; "Follow-ups: ..." introduces one.
const MARKER = /^\s*(?:(?:下一步|下步|后续|接下来|待办|跟进事项|行动项|next steps?)\s*(?:是|为|[:：])?|(?:to-?do|action items?|follow[- ]?ups?)\s*[:：])\s*/i;
const DEADLINE_AFTER = /^\s*(?:之前|以前|前|为止|截止|完成|内|之内|以内)/;
const DEADLINE_BEFORE = /(?:\bby|\bbefore|\bdue(?: on| by)?|\buntil|\bno later than|截止到?|最晚|最迟)\s*(?:the\s+)?$/i;
/** A date phrase that is a deadline by itself: 两周内, 三天之内, "within a week", "end of month". */
const SELF_DEADLINE = /(?:内|之内|以内)$|^(?:within|(?:the )?end of)\b/i;
/** A request right before the deadline (…要求两周内…, …让我们周五前…), with the report before it. */
const REQUESTED_BY = /^.*(?:要求|让|请|希望)(?:我们|我方|我)?\s*(?:在|于)?\s*$/;
/**
 * "她说正面吊维修要48小时内到场" reports the customer's terms: a "within" told as what someone said
 * is no step of ours (a request, 要求48小时内派人, is).
 */
const REPORTED = /(?:说|表示|提到|称)(?!.*(?:要求|要我们|让我们|请我们))/;
/** 在 / 于 before a date are part of the date phrase (在下周三前), not of the action. */
const DATE_PREPOSITION = /(?:在|于)\s*$/;
// 在 before 把 / 将 / 给 is 再 mistyped (下周在把方案发过去), as often as not.
const ZH_LEAD = /^(?:我们|我方|我这边|我|咱们|尽快|务必|必须|一定|帮忙|得|会(?![议上谈见])|将|要(?![求点])|再(?!次)|在(?=[把将给])|请)/;
/**
 * Words that say "plan to" before another verb (准备发报价, 计划下周签约) but are the action itself
 * before a thing (准备试点合同 = prepare the pilot contract, 需要报价单): stripped only when the
 * segmenter reads a verb or a time word next.
 */
const ZH_LEAD_VERB = /^(?:需要|负责|计划|准备|承诺|答应|约定|争取|要求)/;

function stripLeadVerb(a: string): string {
  const m = ZH_LEAD_VERB.exec(a);
  if (!m) return a;
  const rest = a.slice(m[0].length);
  const next = segment(rest)[0];
  return next && next.start === 0 && /^[vtd]/.test(next.tag) ? rest : a;
}
const EN_LEAD = /^(?:(?:we|i)(?:'ll| will| need to| have to| must| should| promised to| agreed to| committed to| plan to)?|need to|have to|must|will|to|promised to|committed to|agreed to)\s+/i;
// 会 / 将 / 要 alone start many reports (会上…, 要求…): they count only after 我们 / 我.
const COMMITMENT_ZH = /^(?:(?:我们|我方|我这边|我|咱们)(?:会|将|要|得)|(?:我们|我方|我这边|我|咱们)?(?:承诺|答应|约定|需要|准备|计划|负责|争取))/;
const COMMITMENT_EN = /^(?:(?:we|i)(?:'ll| will| need to| have to| must| promised to| agreed to| committed to| plan to)|need to|will|action:)\s+/i;
/** An English clause that starts with one of these is an action to take ("follow up next Tuesday"). */
const EN_ACTION =
  /^(?:follow(?:ing)?[- ]?up|send|share|call|ring|email|e-mail|prepare|schedule|set up|arrange|book|confirm|check|get back|circle back|revert|deliver|submit|provide|draft|finali[sz]e|update|demo|quote|ping|remind|chase|sign|invite|organi[sz]e|introduce|visit|meet)\b/i;

function tidyAction(s: string): string {
  let a = s.replace(/[，,、。.;；!！\s]+$/, '').replace(/^[，,、\s]+/, '').trim();
  for (let prev = ''; prev !== a; ) {
    prev = a;
    a = stripLeadVerb(a.replace(ZH_LEAD, '').replace(EN_LEAD, '').trim());
  }
  return a.replace(/\s{2,}/g, ' ');
}

/** The action of a clause with one date phrase (and its 前 / "by") cut out. */
function cutDate(clause: string, start: number, end: number): string {
  let s = start;
  let e = end;
  const after = DEADLINE_AFTER.exec(clause.slice(e));
  if (after) e += after[0].length;
  const before = DEADLINE_BEFORE.exec(clause.slice(0, s)) ?? DATE_PREPOSITION.exec(clause.slice(0, s));
  if (before) s -= before[0].length;
  // "很不满意要求两周内派人处理": what was asked for is the step, not the report before the request.
  const head = clause.slice(0, s).replace(REQUESTED_BY, '');
  const tail = clause.slice(e);
  // Chinese runs on without a space where the date was ("在下周三前把方案发过去" → 把方案发过去).
  const glue = /[\u4e00-\u9fff]\s*$/.test(head) || /^\s*[\u4e00-\u9fff]/.test(tail) ? '' : ' ';
  return tidyAction(head.trimEnd() + glue + tail.trimStart());
}

/** The step one clause states, if any. */
function stepOf(c: Span, ref: DateRef, today: IsoDate): NextStepMention | undefined {
  const marker = MARKER.exec(c.text);
  const body = marker ? c.text.slice(marker[0].length) : c.text;
  const dates = findDates(body, ref, 'future');
  const deadline = dates.find((d) => d.date >= today && (DEADLINE_AFTER.test(body.slice(d.end)) || DEADLINE_BEFORE.test(body.slice(0, d.start)) || (SELF_DEADLINE.test(d.text) && !REPORTED.test(body.slice(0, d.start)))));
  if (deadline) {
    const action = cutDate(body, deadline.start, deadline.end);
    return action ? { action, due: deadline.date, spans: [c] } : undefined;
  }
  // 明天发报价 is a plan; 3月12日拜访了 (read forward as next March) is a report.
  const past = findDates(body, ref, 'past');
  const future = dates.find((d) => d.date > today && past.some((p) => p.start === d.start && p.date > today) && !/了/.test(body.slice(d.end)));
  // "follow up next Tuesday", "send the deck on Friday": an English action, due when it says.
  const action = EN_ACTION.test(body.trim().replace(EN_LEAD, '')) ? dates.find((d) => d.date >= today) : undefined;
  const due = future ?? action;
  if (marker || (future && future.start <= 1) || action || COMMITMENT_ZH.test(body.trim()) || COMMITMENT_EN.test(body.trim())) {
    const text = due ? cutDate(body, due.start, due.end) : tidyAction(body);
    if (text && (marker || due || text.length >= 3)) return { action: text, due: due?.date, spans: [c] };
  }
  return undefined;
}

/**
 * Where an English note typed without punctuation turns to what comes next ("…budget is tight need
 * to send revised quote next week"): the last commitment or marker after the clause's start.
 */
const EN_RUN_ON_TURN = /\s(?=(?:(?:we|i)(?:'ll| will| need to| have to| must)|need to|have to|next steps?\b|follow(?:ing)?[- ]?up\b)\s)/gi;

function runOnTail(c: Span): Span | undefined {
  if ((c.text.match(/[A-Za-z]+/g) ?? []).length < 6) return undefined;
  const turns = [...c.text.matchAll(EN_RUN_ON_TURN)].filter((m) => c.text.slice(0, m.index).trim().split(/\s+/).length >= 3);
  const last = turns.at(-1);
  if (!last) return undefined;
  const at = last.index! + last[0].length;
  return { start: c.start + at, end: c.end, text: c.text.slice(at) };
}

export function findNextStep(text: string, ref: DateRef): NextStepMention | undefined {
  const today = toIsoDate(ref.now, ref.tz);
  const found: NextStepMention[] = [];
  for (const c of allClauses(text, { spaces: true })) {
    const tail = runOnTail(c);
    const fromTail = tail && stepOf(tail, ref, today);
    const whole = stepOf(c, ref, today);
    // The tail is the step unless only the whole clause gives its date.
    const step = fromTail && (fromTail.due || !whole?.due) ? fromTail : whole;
    if (step) found.push(step);
  }
  if (!found.length) return undefined;
  // Several steps are kept in one line, due by the earliest date given.
  const dues = found.map((f) => f.due).filter((d): d is IsoDate => !!d).sort();
  const sep = /[\u4e00-\u9fff]/.test(found[0].action) ? '；' : '; ';
  return { action: found.map((f) => f.action).join(sep), due: dues[0], spans: found.map((f) => f.spans[0]) };
}

/**
 * A next step stated on its own ("发送报价,周五前", "send the quote by Friday"): the action and the
 * due date, either of which may be missing ("截止日期改成月底" gives only a date).
 */
export function readNextStep(text: string, ref: DateRef): { action?: string; due?: IsoDate } {
  const body = text.replace(MARKER, '');
  const d = findDates(body, ref, 'future')[0];
  const action = (d ? cutDate(body, d.start, d.end) : tidyAction(body)).replace(/^[，,、\s]+|[，,、\s]+$/g, '');
  return { action: action || undefined, due: d?.date };
}
