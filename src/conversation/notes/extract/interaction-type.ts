// What kind of interaction a note reports. The most specific channel wins: a dinner during a
// visit is a dinner, a call about a meeting is a call; a plain 拜访 / "visited" is a visit.
import type { InteractionType } from '../../../domain/types.ts';

const CUES: { type: InteractionType; zh: RegExp; en: RegExp }[] = [
  { type: 'dinner', zh: /吃饭|吃了(个|顿)?饭|饭局|宴请|晚宴|午宴|晚餐|午餐|聚餐|喝茶|喝酒|请.{1,8}吃/, en: /\b(dinner|lunch|breakfast|drinks|banquet|dined)\b/i },
  { type: 'event', zh: /展会|博览会|论坛|峰会|发布会|研讨会|参观|考察|活动|年会|技术日|开放日/, en: /\b(expo|trade show|exhibition|forum|summit|conference|event|seminar|site tour|factory tour|open day)\b/i },
  { type: 'call', zh: /电话|通话|致电|来电|打给|语音|视频通话/, en: /\b(call|called|phoned|phone|rang|video call|dialed|dialled)\b/i },
  { type: 'im', zh: /微信|钉钉|飞书|企业微信|企微|短信|IM|私信|聊天记录/, en: /\b(wechat|dingtalk|lark|feishu|im|texted|messaged|whatsapp|slack|sms|text message)\b/i },
  { type: 'email', zh: /邮件|邮箱|电邮|发函/, en: /\b(e-?mail(ed)?|mailed)\b/i },
  { type: 'meeting', zh: /开会|会议|协调会|交流会|评审会|启动会|例会|座谈|会谈|视频会|汇报会|谈判|碰头|开了.{0,6}会/, en: /\b(meeting|meetings|workshop|review|negotiation|sync|kickoff|kick-off)\b/i },
  { type: 'visit', zh: /拜访|走访|回访|上门|面谈|见面|会见|约见|见了|到访|来访|去了|登门/, en: /\b(visit(ed)?|met|meet|stopped by|dropped by|in person|on site|onsite)\b/i },
];

/** The interaction type of the text (the note minus its next-step part); visit when nothing says otherwise. */
export function detectInteractionType(text: string): { type: InteractionType; cue?: string } {
  for (const c of CUES) {
    const m = c.zh.exec(text) ?? c.en.exec(text);
    if (m) return { type: c.type, cue: m[0] };
  }
  return { type: 'visit' };
}

/** Whether the text reports that an interaction took place (used to tell a note from a question). */
export function hasInteractionCue(text: string): boolean {
  return CUES.some((c) => c.zh.test(text) || c.en.test(text)) || /沟通了|交流了|聊了|谈了|碰了|接待了|spoke (with|to)|talked (with|to)|caught up with|discussed/i.test(text);
}
