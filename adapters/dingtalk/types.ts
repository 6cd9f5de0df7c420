// DingTalk wire types: robot messages (Stream topic /v1.0/im/bot/messages/get, or the HTTP
// callback body), card button callbacks (topic /v1.0/card/instances/callback), and the
// StandardCard data our replies render to. Validated with zod.
import { z } from 'zod';
import { optionalText } from '../shared/checks.ts';

/** A message to the robot: one-to-one (conversationType "1") or a group message that @-mentions it ("2"). */
export const robotMessageSchema = z.looseObject({
  msgId: z.string().min(1),
  msgtype: z.string().min(1),
  conversationId: z.string().min(1),
  conversationType: z.enum(['1', '2']),
  conversationTitle: optionalText,
  /** The sender's userId in the organisation (users.dingtalk_user_id); absent for people outside it. */
  senderStaffId: optionalText,
  senderId: z.string().min(1),
  senderNick: optionalText,
  chatbotUserId: optionalText,
  robotCode: optionalText,
  isInAtList: z
    .boolean()
    .nullish()
    .transform((v) => v ?? undefined),
  createAt: z
    .number()
    .nullish()
    .transform((v) => v ?? undefined),
  text: z.looseObject({ content: z.string() }).optional(),
  /** msgtype "audio" (one-to-one only): `content` is {duration (ms), downloadCode, recognition}. */
  content: z.unknown().optional(),
});

/** A voice message's content: the file's download code, its length and DingTalk's own recognition. */
export const audioContentSchema = z.looseObject({
  downloadCode: z.string().min(1),
  duration: z.coerce.number().optional(),
  recognition: optionalText,
});
export type RobotMessage = z.infer<typeof robotMessageSchema>;

/** A press of a card button: outTrackId is the cardBizId we sent the card with. */
export const cardCallbackSchema = z.looseObject({
  outTrackId: z.string().min(1),
  userId: z.string().min(1),
  /** JSON text: {"cardPrivateData": {"actionIds": [...], "params": {...}}}. */
  content: z.string(),
  corpId: optionalText,
  spaceType: optionalText,
  spaceId: optionalText,
  type: optionalText,
});
export type CardCallback = z.infer<typeof cardCallbackSchema>;

export const cardContentSchema = z.looseObject({
  cardPrivateData: z.looseObject({ actionIds: z.array(z.string()).default([]), params: z.record(z.string(), z.unknown()).optional() }),
});

/** The data of DingTalk's built-in StandardCard template (cardTemplateId "StandardCard"). */
export interface StandardCard {
  config: { autoLayout: boolean; enableForward: boolean };
  header?: { title: { type: 'text'; text: string } };
  contents: unknown[];
}

/** One card of an answer: its data, the cardBizId it is sent (and later updated) with, and who it @-mentions. */
export interface DingtalkPart {
  card: StandardCard;
  bizId: string;
  atUserIds?: string[];
}

/** Where a card goes: one person's chat with the robot, or a group (openConversationId). */
export type DingtalkTarget = { userId: string } | { conversationId: string };

export const tokenResultSchema = z.looseObject({ accessToken: z.string().min(1), expireIn: z.number().optional() });
/** DingTalk's new API answers errors with an HTTP 4xx/5xx and this body. */
export const apiErrorSchema = z.looseObject({ code: z.string().optional(), message: z.string().optional(), requestid: z.string().optional() });
