// WeCom wire types: the callback XML (outer envelope and decrypted message), validated with zod,
// and the JSON of the active-send API.
import { z } from 'zod';

/** POST body before decryption. */
export const envelopeSchema = z.object({
  ToUserName: z.string().min(1),
  Encrypt: z.string().min(1),
  AgentID: z.string().optional(),
});

const base = {
  ToUserName: z.string(),
  FromUserName: z.string().min(1),
  CreateTime: z.string().regex(/^\d+$/),
  AgentID: z.string().optional(),
};

export const textMessageSchema = z.object({ ...base, MsgType: z.literal('text'), Content: z.string(), MsgId: z.string().min(1) });

/** A voice message (DOC /90239): AMR by MediaId; `Recognition` when the app has voice recognition on. */
export const voiceMessageSchema = z.object({
  ...base,
  MsgType: z.literal('voice'),
  MediaId: z.string().min(1),
  Format: z.string().optional(),
  Recognition: z.string().optional(),
  MsgId: z.string().min(1),
});

/** Image, video, file, location, link (and voice without a MediaId): answered with "text and voice only". */
export const otherMessageSchema = z.object({ ...base, MsgType: z.string(), MsgId: z.string().optional() });

export const cardEventSchema = z.object({
  ...base,
  MsgType: z.literal('event'),
  Event: z.literal('template_card_event'),
  EventKey: z.string().min(1),
  TaskId: z.string().min(1),
  CardType: z.string().optional(),
  ResponseCode: z.string().optional(),
});

export const eventSchema = z.object({ ...base, MsgType: z.literal('event'), Event: z.string() });

export type WecomText = z.infer<typeof textMessageSchema>;
export type WecomCardEvent = z.infer<typeof cardEventSchema>;

export type WecomVoice = z.infer<typeof voiceMessageSchema>;

export type WecomMessage =
  | { kind: 'text'; msg: WecomText }
  | { kind: 'voice'; msg: WecomVoice }
  | { kind: 'card'; msg: WecomCardEvent }
  | { kind: 'nonText'; msg: z.infer<typeof otherMessageSchema> }
  | { kind: 'otherEvent'; msg: z.infer<typeof eventSchema> };

/** Classifies a decrypted packet; throws ZodError when it is not a WeCom message at all. */
export function parseWecomMessage(fields: Record<string, string>): WecomMessage {
  if (fields.MsgType === 'text') return { kind: 'text', msg: textMessageSchema.parse(fields) };
  if (fields.MsgType === 'voice') {
    const voice = voiceMessageSchema.safeParse(fields);
    if (voice.success) return { kind: 'voice', msg: voice.data };
  }
  if (fields.MsgType === 'event') {
    if (fields.Event === 'template_card_event') return { kind: 'card', msg: cardEventSchema.parse(fields) };
    return { kind: 'otherEvent', msg: eventSchema.parse(fields) };
  }
  return { kind: 'nonText', msg: otherMessageSchema.parse(fields) };
}

/** One message of the active-send API, without the recipient and agent id. */
export type WecomOutgoing =
  | { msgtype: 'markdown'; markdown: { content: string } }
  | { msgtype: 'image'; image: { media_id: string } }
  | { msgtype: 'template_card'; template_card: WecomTemplateCard };

/** What we send to appchat/send: markdown and images (DOC /90248 has text, markdown, media and news, no template card). */
export type WecomChatOutgoing = Extract<WecomOutgoing, { msgtype: 'markdown' | 'image' }>;

export interface WecomTemplateCard {
  card_type: 'button_interaction';
  main_title: { title: string; desc?: string };
  sub_title_text?: string;
  horizontal_content_list?: { keyname: string; value: string }[];
  task_id: string;
  button_list: { text: string; style: number; key: string }[];
}

export const apiResultSchema = z.looseObject({
  errcode: z.number(),
  errmsg: z.string().optional(),
  msgid: z.string().optional(),
  response_code: z.string().optional(),
  invaliduser: z.string().optional(),
});

export const tokenResultSchema = z.looseObject({
  errcode: z.number(),
  errmsg: z.string().optional(),
  access_token: z.string().optional(),
  expires_in: z.number().optional(),
});
