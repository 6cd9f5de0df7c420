// What kind of interaction a note reports. The most specific channel wins: a dinner during a
// visit is a dinner, a call about a meeting is a call; a plain 拜访 / "visited" is a visit.
import type { InteractionType } from '../../../domain/types.ts';
import { syllables } from '../../../nlu/pinyin.ts';

const CUES: { type: InteractionType; zh: RegExp; en: RegExp }[] = [
  { type: 'dinner', zh: /吃饭|吃了(个|顿)?饭|饭局|宴请|晚宴|午宴|晚餐|午餐|聚餐|喝茶|喝酒|请.{1,8}吃/, en: /\b(dinner|lunch|breakfast|drinks|banquet|dined)\b/i },
  { type: 'event', zh: /展会|博览会|论坛|峰会|发布会|研讨会|参观|考察|活动|年会|技术日|开放日/, en: /\b(expo|trade show|exhibition|forum|summit|conference|event|seminar|site tour|factory tour|open day)\b/i },
  { type: 'call', zh: /电话|通话|致电|来电|打给|语音|视频通话/, en: /\b(call|called|phoned|phone|rang|video call|dialed|dialled)\b/i },
  { type: 'im', zh: /微信|钉钉|飞书|企业微信|企微|短信|IM|私信|聊天记录/, en: /\b(wechat|dingtalk|lark|feishu|im|texted|messaged|whatsapp|slack|sms|text message)\b/i },
  { type: 'email', zh: /邮件|邮箱|电邮|发函/, en: /\b(e-?mail(ed)?|mailed)\b/i },
  { type: 'meeting', zh: /开会|会议|协调会|交流会|评审会|启动会|例会|座谈|会谈|视频会|汇报会|谈判|碰头|开了.{0,6}会|开完(?:了)?.{0,6}会/, en: /\b(meeting|meetings|workshop|review|negotiation|sync|kickoff|kick-off)\b/i },
  { type: 'visit', zh: /拜访|走访|回访|上门|面谈|见面|会见|约见|见了|到访|来访|去了|登门/, en: /\b(visit(ed)?|met|meet|stopped by|dropped by|in person|on site|onsite)\b/i },
];

/**
 * Interaction words as a pinyin input method mistypes them: the same syllables, another character
 * (拜仿 for 拜访, 电化 for 电话). Only two-character words, whose syllable pair is distinctive.
 */
const HOMOPHONE_CUES = ['拜访', '走访', '回访', '吃饭', '开会', '会议', '电话', '通话', '见面', '面谈', '约见', '邮件', '微信', '展会', '晚宴', '饭局', '聊了', '谈了'];
let cueSounds: Map<string, string> | undefined;

/** The text with mistyped interaction words written as meant (the text itself when there are none). */
export function correctCueHomophones(text: string): string {
  if (!/[\u4e00-\u9fff]{2}/.test(text)) return text;
  cueSounds ??= new Map(HOMOPHONE_CUES.map((w) => [syllables(w).join(' '), w]));
  const chars = [...text];
  const han = chars.map((c) => /[\u4e00-\u9fff]/.test(c));
  const sounds = syllables(text);
  // syllables() reads Han characters only: map each back to its place in the text.
  const soundAt = new Map<number, string>();
  let k = 0;
  chars.forEach((_, i) => {
    if (han[i]) soundAt.set(i, sounds[k++] ?? '');
  });
  for (let i = 0; i + 1 < chars.length; i++) {
    if (!han[i] || !han[i + 1]) continue;
    const cue = cueSounds.get(`${soundAt.get(i)} ${soundAt.get(i + 1)}`);
    if (cue && chars[i] + chars[i + 1] !== cue) {
      chars[i] = cue[0];
      chars[i + 1] = cue[1];
      i++;
    }
  }
  return chars.join('');
}

function cueIn(text: string): { type: InteractionType; cue: string } | undefined {
  for (const c of CUES) {
    const m = c.zh.exec(text) ?? c.en.exec(text);
    if (m) return { type: c.type, cue: m[0] };
  }
  return undefined;
}

/** The interaction type of the text (the note minus its next-step part); visit when nothing says otherwise. */
export function detectInteractionType(text: string): { type: InteractionType; cue?: string } {
  return cueIn(text) ?? cueIn(correctCueHomophones(text)) ?? { type: 'visit' };
}

/** A report of going somewhere on a day gone by (今天去兴业建材, 上午到了工地), a demo given. */
const OTHER_CUES = /沟通了|交流了|聊了|谈了|碰了|接待了|演示|(?:今天|今早|今晚|昨天|前天|上午|下午|中午|晚上|早上|刚才|刚刚)\s*(?:去|到)(?!年|掉|除|底)[\u4e00-\u9fff]|spoke (with|to)|talked (with|to)|caught up with|discussed|\bdemo(?:ed)?\b/i;

/**
 * What a contact said or complained about, reported with the speaker named by a title or a pronoun
 * ("秦总经理说价格太高了", "肖部长投诉液压漏油", "他反映售后慢"): someone was talked to. A bare
 * "的投诉" names a record, not a conversation, and does not count.
 */
const SPEECH_CUES = /(?:总|总工|经理|主任|部长|处长|科长|主管|总监|专员|工程师|董事长|书记|老板|他|她|对方|客户)\s*(?:说|表示|反映|提到|提出|透露|告知|告诉我|抱怨|投诉)/;

/** A complaint made (孙丽投诉漏油, 吴刚抱怨…); not a complaint record (的投诉, 投诉单, 投诉情况). */
const COMPLAINT_CUES = /(?<![的有个条次])(?:投诉|抱怨|反映)(?!单|记录|工单|情况|处理|列表|汇总|清单)/;

function cueWithout(text: string): boolean {
  return CUES.some((c) => c.zh.test(text) || c.en.test(text)) || OTHER_CUES.test(text) || SPEECH_CUES.test(text) || COMPLAINT_CUES.test(text);
}

/** Whether the text reports that an interaction took place (used to tell a note from a question). */
export function hasInteractionCue(text: string): boolean {
  return cueWithout(text) || cueWithout(correctCueHomophones(text));
}
